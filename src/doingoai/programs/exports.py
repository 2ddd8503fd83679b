"""Plans as files: the programme (.docx, Decree 30 format) and each appendix (.xlsx); any other plan (.docx);
a plan's task list as shown on its page (.xlsx).

Used by the web (the programme page's buttons) and by `doingoai export plan YEAR -o FILE`. The command finds
its exporters in `COMMAND_EXPORTERS` of any installed app's `exports` module, so another app adds
`doingoai export <what> …` by declaring an `Exporter` there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from doingoai.core.i18n import in_vietnamese
from doingoai.documents.decree30 import build_document
from doingoai.documents.xlsx import write_appendix, write_table
from doingoai.programs.documents import ProgramDocument, appendix_subtitle, plan_document, program_document
from doingoai.programs.models import Plan
from doingoai.programs.selectors import TaskFilter, plan_appendices, plan_tasks, program_for_year

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
APPENDIX_NUMBERS = ("1", "2", "3", "4")


class ExportError(Exception):
    """A request that cannot be exported; the message (Vietnamese) is shown to the user."""


@dataclass
class ExportResult:
    content: bytes
    filename: str
    content_type: str
    notes: list[str] = field(default_factory=list)  # what the user should know (e.g. a generated body)


class Exporter(Protocol):
    """One `doingoai export <name> …` subcommand."""

    help: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def export(self, options: dict[str, Any]) -> ExportResult: ...


def program_filename(year: int) -> str:
    return f"chuong-trinh-doi-ngoai-{year}.docx"


def appendix_filename(year: int, number: str) -> str:
    return f"phu-luc-{number}-{year}.xlsx"


@in_vietnamese
def program_docx(*, year: int, user: Any | None = None, today: dt.date | None = None) -> ExportResult:
    """The year's programme with Phụ lục 1–4 as .docx; notes say when the body was generated."""
    built: ProgramDocument = program_document(year=year, user=user, today=today)
    notes = []
    if built.plan is None:
        notes.append(
            f"Chưa có Chương trình năm {year} trong hệ thống: phần nội dung được soạn tự động từ dữ liệu, các phụ "
            "lục lấy từ sổ đoàn ra, đoàn vào, hội nghị, hội thảo và thỏa thuận quốc tế."
        )
    elif built.generated_body:
        notes.append(f"Chương trình năm {year} chưa có nhiệm vụ nào: phần nội dung được soạn tự động từ dữ liệu.")
    return ExportResult(build_document(built.document), program_filename(year), DOCX_TYPE, notes)


@in_vietnamese
def appendix_xlsx(*, year: int, number: str, user: Any | None = None) -> ExportResult:
    """One appendix (1–4) of the year as .xlsx, laid out like the printed one."""
    if number not in APPENDIX_NUMBERS:
        raise ExportError(gettext("Phụ lục phải là 1, 2, 3 hoặc 4."))
    plan = next(a for a in plan_appendices(year=year, user=user) if a.number == number)
    out = io.BytesIO()
    write_appendix(out, plan.to_appendix(appendix_subtitle(program_for_year(year=year), year)))
    return ExportResult(out.getvalue(), appendix_filename(year, number), XLSX_TYPE)


def plan_filename(plan: Plan, suffix: str) -> str:
    """ "ke-hoach-12-thong-tin-doi-ngoai-2026.docx": ASCII, so that every mail client and browser keeps it."""
    words = f"{plan.get_kind_display()} {plan.year}".replace("đ", "d").replace("Đ", "D")  # NFKD keeps no "đ"
    name = slugify(words)[:60] or "ke-hoach"
    return f"{name}-{plan.pk}{suffix}"


@in_vietnamese
def plan_docx(*, plan: Plan, user: Any | None = None, today: dt.date | None = None) -> ExportResult:
    """The plan as .docx in the Decree 30 format; the programme with its four appendices, as before."""
    if plan.is_program:
        return program_docx(year=plan.year, user=user, today=today)
    content = build_document(plan_document(plan=plan, today=today))
    return ExportResult(content, plan_filename(plan, ".docx"), DOCX_TYPE)


TASK_COLUMNS = [
    ("TT", 5),
    ("Số mục", 9),
    ("Nội dung nhiệm vụ", 60),
    ("Trụ cột", 16),
    ("Lĩnh vực", 18),
    ("Cơ quan chủ trì", 26),
    ("Cơ quan phối hợp", 30),
    ("Thời hạn", 12),
    ("Thời hạn định kỳ", 14),
    ("Sản phẩm dự kiến", 24),
    ("Trạng thái", 18),
    ("Tiến độ (%)", 10),
    ("Ngày báo cáo gần nhất", 13),
    ("Kết quả thực hiện", 50),
]


def plan_tasks_xlsx(*, plan: Plan, filters: TaskFilter | None = None, today: dt.date | None = None) -> ExportResult:
    """The plan's tasks as on its page (same filters and order: overdue first) as .xlsx: dates and numbers typed."""
    today = today or timezone.localdate()
    tasks = plan_tasks(plan=plan, filters=filters, today=today)
    rows = (
        [
            n,
            t.section,
            t.text,
            t.get_pillar_display(),
            t.domain,
            t.lead_unit.name if t.lead_unit else "",
            ", ".join(u.name for u in t.coordinating_units.all()),
            t.deadline,
            t.get_recurrence_display() if t.recurrence else "",
            t.expected_output,
            gettext("Quá hạn") if t.is_overdue(today) else t.get_status_display(),
            t.progress,
            t.progress_on,
            t.progress_note,
        ]
        for n, t in enumerate(tasks.iterator(chunk_size=500), start=1)
    )
    out = io.BytesIO()
    write_table(
        out,
        title=gettext("Nhiệm vụ"),
        headers=[name for name, _ in TASK_COLUMNS],
        rows=rows,
        widths=[width for _, width in TASK_COLUMNS],
    )
    return ExportResult(out.getvalue(), plan_filename(plan, "-nhiem-vu.xlsx"), XLSX_TYPE)


class ProgramExporter:
    help = "Chương trình hoạt động đối ngoại năm NĂM kèm Phụ lục 1–4 (.docx), hoặc một phụ lục (.xlsx)"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("year", type=int, metavar=gettext("NĂM"), help=gettext("Năm của Chương trình, ví dụ 2027"))
        parser.add_argument(
            "-o",
            "--output",
            metavar=gettext("TỆP"),
            help=gettext(
                "Tệp .docx (cả Chương trình) hoặc .xlsx (một phụ lục, cần --appendix); "
                "mặc định chuong-trinh-doi-ngoai-NĂM.docx"
            ),
        )
        parser.add_argument(
            "--appendix", choices=APPENDIX_NUMBERS, help=gettext("Số phụ lục khi xuất .xlsx (1 đoàn ra … 4 thỏa thuận)")
        )

    def export(self, options: dict[str, Any]) -> ExportResult:
        year = int(options["year"])
        if not 1990 <= year <= 2100:
            raise ExportError(f"Năm không hợp lệ: {year}.")
        output = options.get("output") or ""
        suffix = Path(output).suffix.lower() if output else ".docx"
        appendix = options.get("appendix")
        if suffix == ".xlsx":
            if not appendix:
                raise ExportError(gettext("Xuất .xlsx cần chọn phụ lục: --appendix 1, 2, 3 hoặc 4."))
            return appendix_xlsx(year=year, number=appendix)
        if suffix != ".docx":
            raise ExportError(f"Không xuất được định dạng “{suffix or output}”: dùng .docx hoặc .xlsx.")
        if appendix:
            raise ExportError(gettext("Phụ lục riêng xuất dạng .xlsx (ví dụ: -o phu-luc-1.xlsx --appendix 1)."))
        return program_docx(year=year)


COMMAND_EXPORTERS: dict[str, Exporter] = {"program": ProgramExporter()}
