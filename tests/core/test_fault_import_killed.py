"""The process killed (SIGKILL) in the middle of an import: nothing of the import is saved, and the same import run
again succeeds (and creates each record once).

A real `doingoai import` process on a real SQLite file (whatever database the suite runs on), stopped by a receiver
after its second delegation is written inside the import's transaction, then killed. The document's reading is
replaced by the extract contract of tests/imports/test_documents.py (the reader is tested on its own)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.core.fault_support import fresh_copy, kill, migrated_sqlite, python, sqlite_env, wait_for

__all__ = ["migrated_sqlite"]  # the session fixture, used by name

SETUP = """
from doingoai.core.choices import Region, Role
from doingoai.core.models import Unit, User
from tests.factories import CountryFactory, PartnerFactory
unit = Unit.objects.create(name="Sở Ngoại vụ", short_name="SNgV", is_coordinator=True)
User.objects.create_user("dieuphoi", password="x", role=Role.COORDINATOR, unit=unit)
laos = CountryFactory(code="LA", name_vi="Lào", name_en="Laos", aliases=["CHDCND Lào"])
CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan", region=Region.NEA, aliases=[])
CountryFactory(code="KR", name_vi="Hàn Quốc", name_en="South Korea", region=Region.NEA, aliases=["Đại Hàn Dân Quốc"])
CountryFactory(code="SG", name_vi="Xinh-ga-po", name_en="Singapore", region=Region.SEA, aliases=["Singapore"])
PartnerFactory(name="Bo Ly Khăm Xay", country=laos, aliases=["Bô Ly Khăm Xay", "Bolykhămxay", "Borikhamxay"])
PartnerFactory(name="Xiêng Khoảng", country=laos, aliases=["Xiengkhouang"])
"""

IMPORT = """
import copy, os, sys, time
from pathlib import Path
from django.core.management import call_command
from django.db.models.signals import post_save
from doingoai.delegations.models import Delegation
from doingoai.imports import documents
from tests.imports.test_documents import CONTRACT

documents.extract_file = lambda path: copy.deepcopy(CONTRACT)
stop_after = int(os.environ.get("FAULT_STOP_AFTER", "0"))
written = []

def stop_here(sender, instance, created, **kwargs):
    written.append(instance.pk)
    if len(written) == stop_after:  # inside the import's transaction, some rows written, others not yet
        Path(os.environ["FAULT_STARTED"]).write_text(str(written))
        while True:
            time.sleep(1)

if stop_after:
    post_save.connect(stop_here, sender=Delegation)
call_command("import", os.environ["FAULT_FILE"], "--year", "2022", "--user", "dieuphoi")
"""

TABLES = (
    "delegations_delegation",
    "delegations_historicaldelegation",
    "conferences_conference",
    "agreements_agreement",
    "core_partner",
    "core_businessevent",
)


def counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database, timeout=20) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}  # noqa: S608


@pytest.mark.slow
def test_an_import_killed_midway_saves_nothing_and_can_be_run_again(migrated_sqlite, tmp_path):
    database = fresh_copy(migrated_sqlite, tmp_path / "db")
    document = tmp_path / "chuong-trinh-2022.txt"
    document.write_bytes("CHƯƠNG TRÌNH Hoạt động đối ngoại năm 2022 của tỉnh Nghệ An\n".encode())
    env = sqlite_env(database, tmp_path / "media", FAULT_FILE=str(document))
    log = tmp_path / "processes.log"
    setup = python(SETUP, env, log=log)
    assert setup.wait(timeout=120) == 0, log.read_text()
    before = counts(database)

    started = tmp_path / "started"
    importing = python(IMPORT, {**env, "FAULT_STOP_AFTER": "2", "FAULT_STARTED": str(started)}, log=log)
    try:
        wait_for(lambda: started.exists() or importing.poll() is not None, 90, "the import to write two delegations")
        assert importing.poll() is None, log.read_text()
    finally:
        kill(importing)

    assert counts(database) == before  # not one row of the import: partners, records, history, events
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    again = python(IMPORT, env, log=log)
    try:
        assert again.wait(timeout=120) == 0, log.read_text()
    finally:
        kill(again)
    after = counts(database)
    assert "Đã nhập: tạo 5 bản ghi, 1 đối tác mới" in log.read_text()
    assert after["delegations_delegation"] == 3 and after["core_partner"] == before["core_partner"] + 1
    assert after["core_businessevent"] > before["core_businessevent"]
