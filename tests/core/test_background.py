"""The rules of taking back lost tasks (core.background), in process; the real kill is in test_fault_worker_killed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from doingoai.core import background
from doingoai.core.listexports import build_list_export
from doingoai.core.models import ListExport, ListExportStatus, WorkerProcess

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(users):
    return ListExport.objects.create(path="/delegations/", title="Đoàn", requested_by=users["coordinator"])


def running(export: ListExport, *worker_ids: str, started: dt.datetime | None = None) -> DBTaskResult:
    result = build_list_export.enqueue(export.pk)
    row = DBTaskResult.objects.get(pk=result.id)
    DBTaskResult.objects.filter(pk=row.pk).update(
        status=TaskResultStatus.RUNNING, worker_ids=list(worker_ids), started_at=started or timezone.now()
    )
    return row


def test_the_task_of_a_live_worker_is_left_alone(export):
    background.register_worker("dang-song")  # this very process
    row = running(export, "dang-song")
    assert background.recover_lost_tasks() == (0, 0)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING and WorkerProcess.objects.filter(worker_id="dang-song").exists()


def test_a_dead_workers_task_is_run_again_once_then_failed_and_its_export_says_so(export):
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    WorkerProcess.objects.create(worker_id="da-chet-1", host=background._this_host(), pid=process.pid)
    row = running(export, "da-chet-1")
    assert background.recover_lost_tasks() == (1, 0)
    row.refresh_from_db()
    assert (row.status, row.started_at) == (TaskResultStatus.READY, None)
    assert not WorkerProcess.objects.filter(worker_id="da-chet-1").exists()

    WorkerProcess.objects.create(worker_id="da-chet-2", host=background._this_host(), pid=process.pid)
    DBTaskResult.objects.filter(pk=row.pk).update(
        status=TaskResultStatus.RUNNING, worker_ids=["da-chet-1", "da-chet-2"], started_at=timezone.now()
    )
    assert background.recover_lost_tasks() == (0, 1)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED and row.exception_class_path == background.LOST_ERROR
    export.refresh_from_db()
    assert export.status == ListExportStatus.FAILED and export.error == background.LOST_MESSAGE
    assert export.get_status_display() == "Lỗi" and export.error.startswith("Thất bại")


def test_a_worker_on_another_machine_lives_while_its_heartbeat_is_fresh(export):
    now = timezone.now()
    WorkerProcess.objects.create(worker_id="may-khac-1", host="may-khac", pid=1, seen_at=now)
    row = running(export, "may-khac-1")
    assert background.recover_lost_tasks(now + dt.timedelta(seconds=30)) == (0, 0)
    assert background.recover_lost_tasks(now + dt.timedelta(minutes=5)) == (1, 0)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY


def test_an_unregistered_workers_task_is_taken_back_only_after_an_hour(export):
    recent = running(export, "db_worker-thuong")
    old = running(export, "db_worker-thuong", started=timezone.now() - dt.timedelta(hours=2))
    assert background.recover_lost_tasks() == (1, 0)
    recent.refresh_from_db()
    old.refresh_from_db()
    assert (recent.status, old.status) == (TaskResultStatus.RUNNING, TaskResultStatus.READY)


def test_a_task_failing_past_its_own_error_handling_fails_its_export(export):
    row = running(export, "w")
    row.refresh_from_db()
    row.set_failed(MemoryError())
    task_finished.send(sender=DatabaseBackend, task_result=row.task_result)
    export.refresh_from_db()
    assert export.status == ListExportStatus.FAILED and export.error == background.FAILED_MESSAGE
    done = ListExport.objects.create(path="/x/", title="x", requested_by=export.requested_by, status="done")
    other = running(done, "w")
    other.refresh_from_db()
    other.set_failed(MemoryError())
    task_finished.send(sender=DatabaseBackend, task_result=other.task_result)
    done.refresh_from_db()
    assert done.status == ListExportStatus.DONE  # a finished export is not touched
