"""The background worker killed (SIGKILL) while it runs a task: the task is run again once by the next worker, and
if that run is killed too, the task and the job record it serves are marked failed; never left running for ever.

Real processes on a real SQLite file (whatever database the suite runs on): `doingoai worker` is started, blocked
inside the task by a receiver of django-tasks' `task_started` signal, and killed with SIGKILL."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.core.fault_support import fresh_copy, kill, migrated_sqlite, python, sqlite_env, wait_for

__all__ = ["migrated_sqlite"]  # the session fixture, used by name


SETUP = """
from doingoai.core.choices import Role
from doingoai.core.listexports import build_list_export
from doingoai.core.models import ListExport, Unit, User
unit = Unit.objects.create(name="Sở Ngoại vụ", is_coordinator=True)
user = User.objects.create_user("dieuphoi", password="x", role=Role.COORDINATOR, unit=unit)
export = ListExport.objects.create(path="/delegations/", query="", title="Đoàn", total=0, requested_by=user)
result = build_list_export.enqueue(export.pk)
"""

# A worker that stops inside the task (after claiming it, before it finishes) and waits to be killed.
BLOCKING_WORKER = """
import os, time
from pathlib import Path
from django.core.management import call_command
from django_tasks.signals import task_started

def block(sender, task_result, **kwargs):
    Path(os.environ["FAULT_STARTED"]).write_text(str(os.getpid()))
    while True:
        time.sleep(1)

task_started.connect(block)
call_command("worker", "--no-startup-delay", "--interval", "0.1")
"""

FINISHING_WORKER = """
from django.core.management import call_command
call_command("worker", "--no-startup-delay", "--interval", "0.1", "--batch")
"""


@pytest.fixture
def site(migrated_sqlite, tmp_path):
    database = fresh_copy(migrated_sqlite, tmp_path / "db")
    env = sqlite_env(database, tmp_path / "media")
    log = tmp_path / "processes.log"
    done = python(SETUP, env, log=log)
    assert done.wait(timeout=120) == 0, log.read_text()
    processes: list[subprocess.Popen[bytes]] = []
    yield {"database": database, "env": env, "log": log, "tmp": tmp_path, "processes": processes}
    for process in processes:
        kill(process)


def rows(database: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(database, timeout=20) as db:
        return db.execute(sql).fetchall()


def task_state(database: Path) -> tuple[str, int]:
    ((status, worker_ids),) = rows(database, "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult")
    return status, worker_ids.count(",") + 1 if worker_ids != "[]" else 0


def export_state(database: Path) -> tuple[str, str]:
    ((status, error),) = rows(database, "SELECT status, error FROM core_listexport")
    return status, error


def kill_inside_the_task(site: dict, attempt: int) -> None:
    started = site["tmp"] / f"started-{attempt}"
    worker = python(BLOCKING_WORKER, {**site["env"], "FAULT_STARTED": str(started)}, log=site["log"])
    site["processes"].append(worker)
    wait_for(lambda: started.exists() or worker.poll() is not None, 90, "the worker to start the task")
    assert worker.poll() is None, site["log"].read_text()
    assert task_state(site["database"]) == ("RUNNING", attempt)
    assert rows(site["database"], "SELECT pid FROM core_workerprocess") == [(worker.pid,)]
    kill(worker)


def finish(site: dict) -> None:
    worker = python(FINISHING_WORKER, site["env"], log=site["log"])
    site["processes"].append(worker)
    assert worker.wait(timeout=120) == 0, site["log"].read_text()


@pytest.mark.slow
def test_a_task_whose_worker_was_killed_is_run_again(site):
    kill_inside_the_task(site, attempt=1)
    assert task_state(site["database"]) == ("RUNNING", 1)  # what django-tasks-db alone would leave for ever

    finish(site)

    assert task_state(site["database"]) == ("SUCCESSFUL", 2)
    assert export_state(site["database"]) == ("done", "")
    assert rows(site["database"], "SELECT count(*) FROM core_workerprocess") == [(0,)]  # the dead one forgotten


@pytest.mark.slow
def test_a_task_killed_twice_is_failed_and_its_export_says_so(site):
    kill_inside_the_task(site, attempt=1)
    kill_inside_the_task(site, attempt=2)  # the next worker ran it again, and was killed too

    finish(site)

    assert task_state(site["database"]) == ("FAILED", 2)
    ((error_class,),) = rows(site["database"], "SELECT exception_class_path FROM django_tasks_database_dbtaskresult")
    assert error_class == "doingoai.core.background.WorkerLost"
    status, error = export_state(site["database"])
    assert status == "failed" and error.startswith("Thất bại: tiến trình nền bị dừng đột ngột")
