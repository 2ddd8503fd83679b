"""The test database after a test that commits (tests/testdb.py `restore_test_db`, hooked into Django's
TransactionTestCase by tests/conftest.py): back to the template's state — no row left for the next test, the
counters that number new rows back where they were, the content types and permissions intact."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import TransactionTestCase

from doingoai.core.models import Unit
from doingoai.delegations.models import Delegation
from tests import testdb
from tests.factories import CountryFactory, DelegationFactory


class _Committed(TransactionTestCase):
    """A transactional test case whose end is run by hand (its `_fixture_teardown` is the one the suite uses)."""

    __test__ = False  # not collected itself
    databases = {"default"}

    def runTest(self) -> None:
        pass


@pytest.mark.django_db(transaction=True)
def test_what_a_test_commits_is_gone_after_it_and_the_counters_start_again(users):
    initial = testdb.CREATED[connection.alias].initial
    content_types, permissions = ContentType.objects.count(), Permission.objects.count()
    unit_type = ContentType.objects.get_for_model(Unit)
    DelegationFactory()
    CountryFactory().delete()  # a counter moved by a row that is no longer there
    changed = testdb.database_state(connection)
    assert changed != initial
    assert changed[Delegation._meta.db_table] == 1 and changed[Unit._meta.db_table] >= 3

    _Committed()._fixture_teardown()

    assert testdb.database_state(connection) == initial
    assert (ContentType.objects.count(), Permission.objects.count()) == (content_types, permissions)
    assert ContentType.objects.get_for_model(Unit) == unit_type
    assert Permission.objects.filter(content_type=unit_type, codename="view_unit").exists()
    # Numbered from 1 again, as in the template (on PostgreSQL, tests rolled back before this one moved it too).
    assert DelegationFactory().pk == 1


@pytest.mark.django_db(transaction=True)
def test_a_changed_content_type_or_permission_is_written_back(users):
    """A test that changed a content type or a permission (or Django's flush, run for a test the restore does not
    serve, which makes them again under new ids): the restore puts the template's rows back — SQLite by copying
    the whole template, PostgreSQL from the rows saved when the database was created."""
    unit_type = ContentType.objects.get_for_model(Unit)
    ContentType.objects.filter(pk=unit_type.pk).update(model="unit_renamed")
    Permission.objects.filter(content_type=unit_type, codename="view_unit").delete()
    ContentType.objects.create(app_label="gone", model="gone")
    assert testdb.restore_test_db(connection) is True
    assert ContentType.objects.get(pk=unit_type.pk).model == "unit"
    assert Permission.objects.filter(content_type=unit_type, codename="view_unit").exists()
    assert not ContentType.objects.filter(app_label="gone").exists()
    assert testdb.kept_state(connection) == testdb.CREATED[connection.alias].kept
    assert testdb.database_state(connection) == testdb.CREATED[connection.alias].initial


@pytest.mark.django_db(transaction=True)
def test_after_djangos_own_flush_the_restore_brings_the_template_back(users):
    """Django's flush (which the suite still runs for a test the restore does not serve: `available_apps`,
    serialized rollback) empties every table and makes the content types and permissions again, under new ids; the
    next restore must still give the template's state, or every later test of that process would be flushed."""
    from tests.conftest import _flush  # Django's own end of a transactional test

    DelegationFactory()
    _flush(_Committed())
    assert testdb.restore_test_db(connection) is True
    assert testdb.kept_state(connection) == testdb.CREATED[connection.alias].kept
    assert testdb.database_state(connection) == testdb.CREATED[connection.alias].initial


def test_a_template_being_restored_from_is_not_removed_by_a_newer_one(tmp_path):
    """An edit of the source during a run makes a new template (a new key); the old one stays while a process holds
    it — this one or another — and goes once none does."""
    import subprocess
    import sys

    held, free = tmp_path / "sqlite-aaaa.sqlite3", tmp_path / "sqlite-bbbb.sqlite3"
    held.write_bytes(b"x")
    free.write_bytes(b"x")
    try:
        testdb._hold(held)
        assert testdb._in_use(held) and not testdb._in_use(free)
        probe = (
            "import fcntl, sys\n"
            "f = open(sys.argv[1], 'rb')\n"
            "try:\n    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\nexcept BlockingIOError:\n    sys.exit(3)\n"
        )
        for path, status in ((held, 3), (free, 0)):  # another process: the lock is the file's, not this process's
            done = subprocess.run([sys.executable, "-c", probe, str(path)], check=False)  # noqa: S603 - fixed arguments
            assert done.returncode == status, path
    finally:
        testdb._HELD.pop(str(held)).close()
    assert not testdb._in_use(held)
    assert not testdb._in_use(tmp_path / "gone.sqlite3")
