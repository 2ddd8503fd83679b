"""`doingoai restore FILE`: restore a backup into an empty (migrated) database, or `--replace` the data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from doingoai.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Khôi phục dữ liệu và tệp đính kèm từ một bản sao lưu của doingoai."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")
        parser.add_argument("--replace", action="store_true", help=gettext("xóa dữ liệu hiện có trước khi khôi phục"))

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        try:
            manifest = restore(Path(options["file"]), replace=options["replace"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        total = sum(manifest["counts"].values())
        self.stdout.write(f"Đã khôi phục {total} bản ghi từ bản sao lưu lập lúc {manifest['created_at']}.")
