"""`doingoai prepare_run`: what `./dev run` does before serving — migrate, load_refdata, load_demo --if-empty — in
one process, so that Django starts once instead of three times (about 2 s of CPU each, most of a repeated run).

migrate runs the system checks, so `./dev run` starts runserver with `--skip-checks` after it.
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Cập nhật cơ sở dữ liệu, nạp dữ liệu tham chiếu và (nếu chưa có đoàn nào) dữ liệu minh họa: cho ./dev run."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0, skip_checks=False)  # call_command skips them
        call_command("load_refdata", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo", if_empty=True, stdout=self.stdout, stderr=self.stderr)
