"""Backup → empty database → restore gives the same counts, history and files."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from doingoai.core.backup import BackupError, restore
from doingoai.core.models import BusinessEvent
from doingoai.delegations import services
from doingoai.delegations.models import Delegation
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_and_restore_round_trip(users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "reports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "reports" / "bao-cao.pdf").write_bytes(b"%PDF-1.4 noi dung")
    d = DelegationFactory(proposing_unit=users["officer1"].unit)
    services.delegation_submit(delegation=d, by=users["officer1"])
    before = {
        "delegations": Delegation.objects.count(),
        "history": Delegation.history.count(),
        "events": BusinessEvent.objects.count(),
        "history_users": sorted(str(h.history_user) for h in Delegation.history.all()),
    }
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive))

    call_command("flush", interactive=False, verbosity=0)
    (settings.MEDIA_ROOT / "reports" / "bao-cao.pdf").unlink()
    assert Delegation.objects.count() == 0

    call_command("restore", str(archive))
    after = {
        "delegations": Delegation.objects.count(),
        "history": Delegation.history.count(),
        "events": BusinessEvent.objects.count(),
        "history_users": sorted(str(h.history_user) for h in Delegation.history.all()),
    }
    assert after == before
    assert Delegation.objects.get().history.first().status == "proposed"
    assert (settings.MEDIA_ROOT / "reports" / "bao-cao.pdf").read_bytes() == b"%PDF-1.4 noi dung"


def test_restore_refuses_a_non_empty_database_and_bad_files(users, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "a.tar.gz"
    call_command("backup", str(archive))
    with pytest.raises(BackupError, match="đang có dữ liệu"):
        restore(archive)
    broken = tmp_path / "hong.tar.gz"
    broken.write_bytes(b"khong phai tar")
    with pytest.raises(BackupError, match="bị hỏng"):
        restore(broken)


def test_a_restore_leaves_the_dashboard_counts_exact(users, tmp_path, settings):
    """The stored counts are not copied: the triggers count the rows as they load, and the restore counts again
    (a flush before it, on SQLite, deletes rows one table after the other, which the triggers would follow)."""
    from tests.dashboard.test_counts import assert_exact

    settings.MEDIA_ROOT = tmp_path / "media"
    DelegationFactory(proposing_unit=users["officer1"].unit, year=2026)
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive))
    for year in (2026, 2027):
        DelegationFactory(proposing_unit=users["officer1"].unit, year=year)
    restore(archive, replace=True)
    assert Delegation.objects.count() == 1
    assert_exact()
