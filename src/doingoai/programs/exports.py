"""The programme as files: the whole programme (.docx, Decree 30 format) and each appendix (.xlsx).

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

from doingoai.documents.decree30 import build_document
from doingoai.documents.xlsx import write_appendix
from doingoai.programs.documents import ProgramDocument, appendix_subtitle, program_document
from doingoai.programs.selectors import plan_appendices, program_for_year

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


def appendix_xlsx(*, year: int, number: str, user: Any | None = None) -> ExportResult:
    """One appendix (1–4) of the year as .xlsx, laid out like the printed one."""
    if number not in APPENDIX_NUMBERS:
        raise ExportError("Phụ lục phải là 1, 2, 3 hoặc 4.")
    plan = next(a for a in plan_appendices(year=year, user=user) if a.number == number)
    out = io.BytesIO()
    write_appendix(out, plan.to_appendix(appendix_subtitle(program_for_year(year=year), year)))
    return ExportResult(out.getvalue(), appendix_filename(year, number), XLSX_TYPE)


class ProgramExporter:
    help = "Chương trình hoạt động đối ngoại năm NĂM kèm Phụ lục 1–4 (.docx), hoặc một phụ lục (.xlsx)"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("year", type=int, metavar="NĂM", help="Năm của Chương trình, ví dụ 2027")
        parser.add_argument(
            "-o",
            "--output",
            metavar="TỆP",
            help="Tệp .docx (cả Chương trình) hoặc .xlsx (một phụ lục, cần --appendix); "
            "mặc định chuong-trinh-doi-ngoai-NĂM.docx",
        )
        parser.add_argument(
            "--appendix", choices=APPENDIX_NUMBERS, help="Số phụ lục khi xuất .xlsx (1 đoàn ra … 4 thỏa thuận)"
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
                raise ExportError("Xuất .xlsx cần chọn phụ lục: --appendix 1, 2, 3 hoặc 4.")
            return appendix_xlsx(year=year, number=appendix)
        if suffix != ".docx":
            raise ExportError(f"Không xuất được định dạng “{suffix or output}”: dùng .docx hoặc .xlsx.")
        if appendix:
            raise ExportError("Phụ lục riêng xuất dạng .xlsx (ví dụ: -o phu-luc-1.xlsx --appendix 1).")
        return program_docx(year=year)


COMMAND_EXPORTERS: dict[str, Exporter] = {"program": ProgramExporter()}
