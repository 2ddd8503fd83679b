"""`doingoai backup FILE`: the database (with history) and the uploaded files in one .tar.gz."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from doingoai.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu toàn bộ dữ liệu (kể cả lịch sử thay đổi) và tệp đính kèm vào một tệp .tar.gz."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help=gettext("tệp đích, ví dụ backup-2026-11-23.tar.gz"))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup(Path(options["file"]))
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        total = sum(manifest["counts"].values())
        self.stdout.write(f"Đã sao lưu {total} bản ghi vào {options['file']}.")
