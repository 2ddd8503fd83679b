"""`doingoai load_demo [--if-empty]`: fill the database with a demo province (see doingoai.devtools.demo).

The demo accounts (coordinator, leader, finance, admin, officer1, officer2 and one `canbo_<unit>` per unit) get
the password in the environment variable DEMO_PASSWORD, by default "doingoai-demo-2026".
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from doingoai.delegations.models import Delegation
from doingoai.devtools.demo import load_demo
from doingoai.devtools.demo.builder import DEFAULT_PASSWORD


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa: cơ quan, đơn vị, tài khoản demo và hoạt động đối ngoại năm nay, năm sau."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Không làm gì nếu cơ sở dữ liệu đã có đoàn ra, đoàn vào."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Delegation.objects.exists():
            message = "Cơ sở dữ liệu đã có đoàn ra, đoàn vào: không nạp dữ liệu minh họa."
            if options["if_empty"]:
                self.stdout.write(message)
                return
            raise CommandError(f"{message} Dữ liệu minh họa chỉ nạp vào cơ sở dữ liệu trống (tránh trùng lặp).")
        today = timezone.localdate()
        counts = load_demo(password=os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD, today=today)
        self.stdout.write(
            f"Đã nạp dữ liệu minh họa tỉnh {settings.PROVINCE_NAME} (năm {today.year} và {today.year + 1}): "
            f"{counts['units']} cơ quan, đơn vị; {counts['users']} tài khoản; {counts['delegations']} đoàn ra, "
            f"đoàn vào; {counts['conferences']} hội nghị, hội thảo quốc tế; {counts['agreements']} thỏa thuận quốc "
            f"tế; {counts['workflow_steps']} bước xử lý."
        )
