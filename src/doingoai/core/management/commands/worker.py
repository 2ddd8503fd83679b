"""`doingoai worker`: the background worker (django-tasks-db's `db_worker`, all queues by default) that also takes
back the tasks of workers killed while they ran them (`core.background`)."""

from __future__ import annotations

import logging
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from doingoai.core import background

logger = logging.getLogger("django_tasks_db")


class Command(DbWorkerCommand):
    help = (
        "Chạy tiến trình nền (mọi hàng đợi). Khi khởi động và mỗi phút, lấy lại các việc của tiến trình nền đã bị "
        "dừng đột ngột: chạy lại một lần, lần thứ hai thì ghi là thất bại."
    )

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False, worker_id=None)

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        worker_id = options.get("worker_id") or background.new_worker_id()
        options["worker_id"] = worker_id
        background.register_worker(worker_id)
        heartbeat = background.Heartbeat(worker_id)
        try:
            requeued, failed = background.recover_lost_tasks()
            if requeued or failed:
                logger.warning("Tasks of lost workers: %d queued again, %d marked failed", requeued, failed)
            heartbeat.start()
            super().handle(*args, **options)
        finally:
            heartbeat.stop()
            background.forget_worker(worker_id)
