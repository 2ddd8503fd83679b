"""A background worker killed while it runs a task (SIGKILL, out of memory, power cut) leaves the task RUNNING in
django-tasks-db for ever (upstream RealOrangeOne/django-tasks#46), and its page spinning. `doingoai worker`
records who it is (`WorkerProcess`: host, process id and start, a heartbeat) and, when it starts and every minute,
takes back the tasks of the workers that no longer live: such a task is queued again once; if its second run is
lost too, it is marked failed. Either way the app's own record of the job (a list export, a consolidated report, a
document being read) follows: the handler its app declared (`on_task_failure`) marks it failed with a Vietnamese
message, as it does for a task that ended with an error the task itself did not catch."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.dispatch import receiver
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from doingoai.core.models import WorkerProcess

logger = logging.getLogger(__name__)

LOST_ERROR = "doingoai.core.background.WorkerLost"  # the exception class path of a task failed this way
MAX_RUNS = 2  # a task whose worker died is run once more, not more
LOST_MESSAGE = (
    "Thất bại: tiến trình nền bị dừng đột ngột khi đang thực hiện việc này (đã thử lại một lần, cũng bị dừng). "
    "Hãy yêu cầu lại; nếu vẫn lỗi, báo quản trị hệ thống."
)
FAILED_MESSAGE = "Thất bại: việc chạy nền gặp lỗi và đã dừng. Hãy yêu cầu lại; nếu vẫn lỗi, báo quản trị hệ thống."

# task module path → what marks the app's job record failed: handler(*task args, message=..., **task kwargs)
_on_failure: dict[str, Callable[..., None]] = {}


def heartbeat_seconds() -> float:
    return float(getattr(settings, "DOINGOAI_WORKER_HEARTBEAT_SECONDS", 15))


def recover_every_seconds() -> float:
    return float(getattr(settings, "DOINGOAI_WORKER_RECOVER_SECONDS", 60))


def unknown_worker_after() -> dt.timedelta:
    """A task run by a worker that never registered (a plain `db_worker`) is taken back only after this long."""
    return dt.timedelta(seconds=float(getattr(settings, "DOINGOAI_WORKER_UNKNOWN_AFTER_SECONDS", 3600)))


def on_task_failure(task: Task[Any, Any], handler: Callable[..., None]) -> None:
    """Declare what marks `task`'s job record failed when the task fails or its worker is lost for good."""
    _on_failure[task.module_path] = handler


def job_failed(task_path: str, args: list[Any], kwargs: dict[str, Any], message: str) -> None:
    handler = _on_failure.get(task_path)
    if handler is None:
        return
    try:
        handler(*args, message=message, **kwargs)
    except Exception:  # the worker goes on; the log says which record could not be marked
        logger.exception("marking the job of %s%r failed", task_path, args)


@receiver(task_finished)
def _job_of_failed_task(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """A task that raised (past its own error handling) leaves its job record failed, never spinning."""
    if task_result.status == TaskResultStatus.FAILED:
        job_failed(task_result.task.module_path, list(task_result.args), dict(task_result.kwargs), FAILED_MESSAGE)


# ------------------------------------------------------------------------------------------------ the workers


def _proc_stat(pid: int) -> tuple[str, str] | None:
    """(state, start time in clock ticks since boot) of a process on this machine; None when it does not exist."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            text = stat.read()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2 :].split()  # after "pid (name) ": state is field 3, start time field 22
    return (fields[0], fields[19]) if len(fields) > 19 else None


def _this_host() -> str:
    return socket.gethostname()[:255]


def new_worker_id() -> str:
    return f"{_this_host()[:40]}-{os.getpid()}-{get_random_string(8)}"


def register_worker(worker_id: str) -> WorkerProcess:
    stat = _proc_stat(os.getpid())
    return WorkerProcess.objects.create(
        worker_id=worker_id, host=_this_host(), pid=os.getpid(), proc_start=stat[1] if stat else ""
    )


def forget_worker(worker_id: str) -> None:
    WorkerProcess.objects.filter(worker_id=worker_id).delete()


def is_alive(worker: WorkerProcess, now: dt.datetime | None = None) -> bool:
    """On this machine the process itself is asked (and a reused process id is told apart by its start time);
    a worker on another machine lives while its heartbeat is fresh."""
    if worker.host == _this_host() and os.path.isdir("/proc"):
        stat = _proc_stat(worker.pid)
        if stat is None or stat[0] in ("Z", "X"):
            return False
        return not worker.proc_start or stat[1] == worker.proc_start
    stale = dt.timedelta(seconds=4 * heartbeat_seconds())
    return worker.seen_at >= (now or timezone.now()) - stale


def recover_lost_tasks(now: dt.datetime | None = None) -> tuple[int, int]:
    """Take back the tasks left RUNNING by dead workers; returns (queued again, marked failed)."""
    now = now or timezone.now()
    workers = {w.worker_id: w for w in WorkerProcess.objects.all()}
    dead = {worker_id for worker_id, w in workers.items() if not is_alive(w, now)}
    requeued = failed = 0
    for row in DBTaskResult.objects.running():
        last = row.worker_ids[-1] if row.worker_ids else ""
        if last in workers:
            if last not in dead:
                continue
        elif row.started_at is not None and row.started_at > now - unknown_worker_after():
            continue
        same = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at)
        if len(row.worker_ids) < MAX_RUNS:
            if same.update(status=TaskResultStatus.READY, started_at=None):
                requeued += 1
                logger.warning("Task id=%s path=%s: worker %s lost, queued again", row.pk, row.task_path, last)
            continue
        done = same.update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=LOST_ERROR,
            traceback=LOST_MESSAGE,
        )
        if done:
            failed += 1
            logger.error("Task id=%s path=%s: worker %s lost again, marked failed", row.pk, row.task_path, last)
            try:
                row.task  # noqa: B018 - imports the task's module, which declares its failure handler
            except Exception:
                logger.exception("task %s cannot be imported", row.task_path)
            args = row.args_kwargs or {}
            job_failed(row.task_path, list(args.get("args", [])), dict(args.get("kwargs", {})), LOST_MESSAGE)
    WorkerProcess.objects.filter(worker_id__in=dead).delete()
    return requeued, failed


class Heartbeat(threading.Thread):
    """Beside the worker's loop (which may be inside a long task): says the worker lives, and takes back the
    tasks of dead workers every `recover_every_seconds`."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self) -> None:
        last_recovery = timezone.now()
        try:
            while not self.stopped.wait(heartbeat_seconds()):
                try:
                    now = timezone.now()
                    WorkerProcess.objects.filter(worker_id=self.worker_id).update(seen_at=now)
                    if (now - last_recovery).total_seconds() >= recover_every_seconds():
                        last_recovery = now
                        recover_lost_tasks(now)
                except Exception:  # a locked or restarting database: try again at the next beat
                    logger.exception("worker heartbeat")
                finally:
                    close_old_connections()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
