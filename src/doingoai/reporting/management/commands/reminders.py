"""`doingoai reminders --once | --loop [--every MINUTES] | --now`: the periodic trigger of the reminder task.

The database worker (`db_worker`) runs tasks but has no clock, so this small loop enqueues `send_reminders`
every N minutes (`DOINGOAI_REMINDER_EVERY_MINUTES`, 60 by default); `./dev run` starts it beside the worker.
The task itself is exactly-once per deadline and stage, so enqueuing it often, twice, or after a restart
never sends a reminder twice. `--now` runs it in this process (no worker needed) and prints what it did.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import TaskResultStatus

from doingoai.reporting.tasks import send_reminders


def already_waiting() -> bool:
    """A reminder task enqueued earlier that no worker has picked up yet (no pile-up while the worker is down)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=send_reminders.module_path, status=TaskResultStatus.READY).exists()


class Command(BaseCommand):
    help = "Nhắc hạn: đưa tác vụ gửi nhắc hạn vào hàng đợi một lần (--once), định kỳ (--loop) hoặc chạy ngay (--now)."

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--once", action="store_true", help=gettext("Đưa tác vụ vào hàng đợi một lần rồi thoát."))
        mode.add_argument("--loop", action="store_true", help=gettext("Đưa tác vụ vào hàng đợi mỗi N phút, chạy mãi."))
        mode.add_argument("--now", action="store_true", help=gettext("Chạy tác vụ ngay trong tiến trình này."))
        parser.add_argument(
            "--every",
            type=float,
            default=None,
            help=gettext("Số phút giữa hai lần (mặc định DOINGOAI_REMINDER_EVERY_MINUTES)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            counts = send_reminders.call()
            self.stdout.write(
                f"Nhắc hạn: {counts['sent']} nhắc mới ({counts['emails']} thư, {counts['notifications']} thông báo), "
                f"{counts['already_sent']} đã gửi trước đó, {counts['failed']} lỗi."
            )
            return
        if options["once"]:
            self.enqueue()
            return
        minutes = options["every"] if options["every"] is not None else settings.DOINGOAI_REMINDER_EVERY_MINUTES
        if minutes <= 0:
            raise CommandError(gettext("--every phải lớn hơn 0."))
        self.stdout.write(f"Nhắc hạn: đưa tác vụ vào hàng đợi mỗi {minutes:g} phút (Ctrl+C để dừng).")
        try:
            while True:
                self.enqueue()
                time.sleep(minutes * 60)
        except KeyboardInterrupt:
            self.stdout.write(gettext("Dừng nhắc hạn."))

    def enqueue(self) -> None:
        close_old_connections()  # the loop sleeps for long: never reuse a connection the server has dropped
        stamp = timezone.localtime().strftime("%d/%m/%Y %H:%M")
        if already_waiting():
            self.stdout.write(f"{stamp}: tác vụ nhắc hạn trước vẫn đang chờ tiến trình nền; không thêm.")
            return
        result = send_reminders.enqueue()
        self.stdout.write(f"{stamp}: đã đưa tác vụ nhắc hạn vào hàng đợi ({result.id}).")
        self.stdout.flush()
