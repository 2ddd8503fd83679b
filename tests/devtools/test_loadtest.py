"""`doingoai loadtest`: the verifier finds what is missing or half-written, the client reads Django's messages, and
a short run of the whole harness (gunicorn, virtual users, a killed worker) passes on SQLite."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import RequestFactory

from doingoai.delegations.models import Delegation
from doingoai.devtools.loadtest.checks import check_integrity, prepare, verify_ledger
from doingoai.devtools.loadtest.client import Browser, decode_messages
from doingoai.devtools.management.commands.loadtest import percentile
from doingoai.reporting.models import UnitReport, UnitReportVersion
from tests import testdb
from tests.factories import CountryFactory

TAG = "LTTEST"


def propose(client, name: str) -> int:
    data = {
        "year": 2027,
        "direction": "out",
        "group": "departments",
        "name": name,
        "countries": [CountryFactory().pk],
        "time_text": "Quý III",
        "funding_source": "province",
        "uses_state_budget": "on",
    }
    response = client.post("/delegations/add/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    return int(response.url.rstrip("/").rsplit("/", 1)[1])


@pytest.mark.django_db
def test_verifier_confirms_whole_writes_and_finds_missing_and_half_written_ones(client_for):
    officer = client_for("officer1")
    name = f"{TAG} VU00-1 Đoàn công tác"
    pk = propose(officer, name)
    assert officer.post(f"/delegations/{pk}/action/submit/").status_code == 302
    ledger = [{"model": "delegation", "id": pk, "steps": [["created", "draft"], ["submit", "proposed"]], "name": name}]
    assert verify_ledger(ledger) | {"missing_detail": []} == {
        "acknowledged": 2,
        "verified": 2,
        "missing": 0,
        "missing_detail": [],
    }
    assert check_integrity(TAG)["half_written"] == 0

    # A later step sent but never answered: either state is acceptable, both whole.
    pending = [ledger[0] | {"pending": ["include_in_plan", "in_plan"]}]
    assert verify_ledger(pending)["missing"] == 0

    # A status changed without its history row and business event is half-written and not the acknowledged state.
    Delegation.objects.filter(pk=pk).update(status="in_plan")
    assert check_integrity(TAG)["half_written"] == 2
    assert verify_ledger(ledger)["missing"] == 1

    # The acknowledged record has vanished.
    Delegation.objects.filter(pk=pk).delete()
    result = verify_ledger(ledger)
    assert (result["verified"], result["missing"]) == (0, 2)


@pytest.mark.django_db
def test_prepared_reports_are_verified_with_their_frozen_versions(users, client_for):
    plan = prepare(tag=TAG, officers=2, periods=1, password="mat-khau-tai-1", today=dt.date(2026, 7, 1))
    assert {a["username"] for a in plan["accounts"]} >= {"coordinator", "leader", "officer1", "officer2"}
    report_id = plan["reports"][str(users["officer1"].unit_id)][0]
    users["officer1"].refresh_from_db()  # prepare() gave the accounts the run's password
    response = client_for("officer1").post(
        f"/reports/report/{report_id}/", {"_action": "submit", "other": "Đơn vị tiếp hai đoàn khách."}
    )
    assert response.status_code == 302 and response.url == f"/reports/report/{report_id}/"
    ledger = [{"model": "unitreport", "id": report_id, "steps": [["submit", "submitted"]]}]
    assert verify_ledger(ledger)["verified"] == 1
    assert check_integrity(TAG) | {"half_written_detail": []} == {
        "records": 2,
        "delegations": 0,
        "reports": 2,
        "half_written": 0,
        "half_written_detail": [],
    }

    UnitReportVersion.objects.filter(report_id=report_id).delete()
    assert check_integrity(TAG)["half_written"] == 1
    assert UnitReport.objects.get(pk=report_id).status == "submitted"


def test_client_reads_the_messages_cookie_like_the_next_page_would():
    short = CookieStorage(RequestFactory().get("/"))
    short.add(constants.SUCCESS, "Đã lưu: Đoàn")  # too short to be compressed
    response = HttpResponse()
    short.update(response)
    assert decode_messages(response.cookies["messages"].value) == [(25, "Đã lưu: Đoàn")]

    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.SUCCESS, "Đã lưu: Đoàn công tác, “Lào”")
    storage.add(constants.ERROR, "Không thể “Đưa vào kế hoạch” khi bản ghi đang ở trạng thái “Dự thảo”. " * 5)
    response = HttpResponse()
    storage.update(response)
    browser = Browser("127.0.0.1", 1)
    browser._store_cookie(response.cookies["messages"].OutputString())
    assert [level for level, _ in decode_messages(browser.cookies["messages"])] == [25, 40]
    assert browser.last_message() == (40, "Không thể “Đưa vào kế hoạch” khi bản ghi đang ở trạng thái “Dự thảo”. " * 5)
    browser._store_cookie('messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/')
    assert browser.last_message() is None


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (50.0, 95.0, 99.0)
    assert percentile([], 99) == 0.0


@pytest.mark.slow
def test_short_run_on_sqlite_passes_with_a_killed_worker(tmp_path):
    """The whole harness, briefly: fresh SQLite, gunicorn, 6 virtual users for 4 s, a worker killed, verification.
    The SQLite file starts as a copy of the suite's migrated template (tests/testdb.py): the harness's migrate then
    has nothing to apply, instead of ≈ 25 s of CPU for a migrate of its own."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH"}}
    command = [sys.executable, "-m", "doingoai.cli", "loadtest", "--minimal", "--seconds", "4", "--users", "6"]
    result = subprocess.run(  # noqa: S603
        # A guard against a hang, not a speed limit: its migrate alone took 76 s on a machine with load 10.
        [*command, "--dir", str(tmp_path), "--sqlite-from", str(testdb.sqlite_template())],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failures"] == []
    assert report["requests"] > 0 and report["server_errors_5xx"] == 0 and report["database_locked"] == 0
    assert report["client_errors_4xx"] == 0 and report["logged_in"] == 6
    assert report["writes_acknowledged"] > 0
    assert report["writes_verified"] == report["writes_acknowledged"] and report["writes_missing"] == 0
    assert report["worker_replaced_pid"] not in (None, report["worker_killed_pid"])
    # The server's CPU per request (the workers' /proc times) and per kind of request (gunicorn_hooks).
    assert report["server_cpu_seconds"] > 0 and report["server_cpu_ms_per_request"] > 0
    by_label = report["server_cpu_ms_by_label"]
    assert by_label["login"]["count"] == 6 and by_label["login"]["mean"] > 0
    assert sum(v["count"] for k, v in by_label.items() if k not in ("login", "login_page", "other")) > 0
    assert report["database_settings"] == {
        "vendor": "sqlite",
        "journal_mode": "wal",
        "busy_timeout_ms": 20000,
        "begin": "IMMEDIATE",
    }
    assert (tmp_path / "loadtest.sqlite3").exists()


def test_a_postgres_server_that_refuses_gives_a_clear_error():
    from django.core.management.base import CommandError

    from doingoai.devtools.management.commands.loadtest import fresh_postgres

    with pytest.raises(CommandError, match=r"Không tạo được cơ sở dữ liệu PostgreSQL “x_loadtest” trên 127\.0\.0\.1:1"):
        fresh_postgres("postgresql://nobody:secret@127.0.0.1:1/x")
