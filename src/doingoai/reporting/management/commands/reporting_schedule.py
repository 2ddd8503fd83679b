"""`doingoai reporting_schedule FILE [--name NAME] [--default]`: keep an imported programme's reporting schedule.

The programme (.docx, .pdf or text) is read with `doingoai extract`; its `reporting` entries ("định kỳ 6 tháng,
cuối năm báo cáo…") become a `ReportingSchedule`, days missing in the text taken from the default schedule.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from doingoai.core.selectors import reference_from_database
from doingoai.core.workflow import WorkflowError
from doingoai.documents.extract import extract
from doingoai.documents.model import DocumentError
from doingoai.documents.readers import read
from doingoai.reporting.schedule import entries_from_data
from doingoai.reporting.selectors import SYSTEM
from doingoai.reporting.services import schedule_from_programme


class Command(BaseCommand):
    help = "Lấy lịch báo cáo định kỳ từ văn bản chương trình (.docx, .pdf, .txt) để gợi ý hạn nộp khi mở kỳ."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar=gettext("TỆP"), help=gettext("Văn bản chương trình"))
        parser.add_argument("--name", default="", help=gettext("Tên lịch (mặc định: theo số văn bản)"))
        parser.add_argument("--default", action="store_true", help=gettext("Dùng làm lịch mặc định khi mở kỳ báo cáo"))

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = extract(read(path, path.name), reference=reference_from_database())
        except (DocumentError, OSError) as exc:
            raise CommandError(f"Không đọc được {path}: {exc}") from exc
        try:
            schedule = schedule_from_programme(
                extracted=data, by=SYSTEM, name=options["name"], make_default=options["default"]
            )
        except WorkflowError as exc:
            raise CommandError(str(exc)) from exc
        described = "; ".join(e.describe() for e in entries_from_data(schedule.entries))
        self.stdout.write(f"Lịch báo cáo “{schedule.name}”: {described}.")
