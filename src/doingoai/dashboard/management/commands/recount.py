"""`doingoai recount`: count the dashboard's stored figures again from the records (dashboard.counts).

The triggers keep them exact on every write; this is for after a restore (which loads rows around them) or
after the tables were edited by hand."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext

from doingoai.dashboard import counts


class Command(BaseCommand):
    help = "Tính lại các số liệu lưu sẵn của bảng tổng hợp (đoàn theo năm, nước, khu vực; kinh phí) từ các bản ghi."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            if not counts.ensure():  # ensure counts again whenever it had triggers to create
                counts.recount()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(gettext("Đã tính lại số liệu lưu sẵn của bảng tổng hợp.")))
