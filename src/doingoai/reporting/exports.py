"""The consolidated report of a period as files: .docx in the Decree 30/2020/NĐ-CP format (through
`documents.decree30`, the same writer as the programme) and .xlsx (one sheet per part).

Both are built from a `consolidation.Consolidation`, so the page, the files and the command show the same figures.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from doingoai.core.i18n import in_vietnamese
from doingoai.core.models import Unit
from doingoai.documents import decree30
from doingoai.documents.xlsx import keep_text, safe_value
from doingoai.programs.exports import ExportError, ExportResult
from doingoai.reporting.consolidation import APPENDICES, Consolidation, TaskRow, consolidate
from doingoai.reporting.models import ReportingPeriod
from doingoai.reporting.selectors import SYSTEM

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"docx": DOCX_TYPE, "xlsx": XLSX_TYPE}


def number_vi(value: float | int | None, digits: int = 1) -> str:
    """1.234,5 — Vietnamese grouping and decimal comma; "—" for no value."""
    if value is None:
        return "—"
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def report_title(period: ReportingPeriod) -> str:
    plan = period.plan if period.plan_id else None
    if plan is not None and plan.kind != "program":
        return f"Kết quả thực hiện {lower_first(plan.display_title)}, {lower_first(period.label)}"
    return f"Kết quả thực hiện công tác đối ngoại {lower_first(period.label)}"


def coordinator_unit() -> Unit | None:
    return Unit.objects.filter(is_coordinator=True).order_by("pk").first()


def submission_label(c: Consolidation, unit: Unit) -> str:
    for late in c.late:
        if late.unit.pk == unit.pk:
            return f"Nộp muộn {late.days_late} ngày"
    for missing in c.missing:
        if missing.unit.pk == unit.pk:
            return gettext("Chưa nộp")
    row = next((r for r in c.units if r.unit.pk == unit.pk), None)
    if row and row.report and row.report.first_submitted_at:
        return gettext("Đúng hạn")
    return gettext("Chưa đến hạn")


def _appendix_table_rows(c: Consolidation) -> list[list[str]]:
    rows = []
    for a in c.appendices:
        rows.append(
            [
                f"Phụ lục {a.number}",
                a.label,
                number_vi(a.planned_year),
                number_vi(a.planned),
                number_vi(a.done),
                "—" if a.postponed is None else number_vi(a.postponed),
                number_vi(a.cancelled),
                number_vi(a.rate),
            ]
        )
    return rows


def _summary_sentence(c: Consolidation) -> str:
    parts = []
    nouns = {
        1: gettext("đoàn ra"),
        2: gettext("đoàn vào"),
        3: gettext("hội nghị, hội thảo quốc tế"),
        4: gettext("thỏa thuận quốc tế"),
    }
    verbs = {1: gettext("thực hiện"), 2: gettext("đón"), 3: gettext("tổ chức"), 4: gettext("ký")}
    for a in c.appendices:
        rate = f" (đạt {number_vi(a.rate)}% kế hoạch trong kỳ)" if a.rate is not None else ""
        parts.append(f"{verbs[a.number]} {number_vi(a.done)}/{number_vi(a.planned)} {nouns[a.number]}{rate}")
    return gettext("Trong kỳ, toàn tỉnh đã ") + "; ".join(parts) + "."


TASK_COLUMNS = ["TT", "Số mục", "Nhiệm vụ", "Cơ quan chủ trì", "Trạng thái", "Tiến độ (%)", "Kết quả đơn vị báo cáo"]
TASK_WIDTHS = [0.9, 1.4, 5.0, 2.6, 2.2, 1.4, 4.5]


def _task_cells(i: int, t: TaskRow) -> list[str]:
    note = t.note + (f" (báo cáo ngày {t.reported_on:%d/%m/%Y})" if t.note and t.reported_on else "")
    status = t.status_label + (f"; thời hạn {t.deadline}" if t.deadline else "")
    return [str(i), t.section, t.text, t.unit, status, number_vi(t.progress) if t.progress is not None else "", note]


def _tasks_part(c: Consolidation, number: str) -> list[decree30.Heading | decree30.Paragraph | decree30.Table]:
    """The plan's tasks by status, then by lead unit, each with what its unit last reported."""
    if c.plan is None:
        return []
    part: list[decree30.Heading | decree30.Paragraph | decree30.Table] = [
        decree30.Heading(f"{number}. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH")
    ]
    if not c.tasks:
        return [*part, decree30.Paragraph(gettext("Kế hoạch chưa giao nhiệm vụ cho cơ quan, đơn vị nào."), italic=True)]
    counts = "; ".join(f"{lower_first(label)}: {number_vi(len(rows))}" for label, rows in c.tasks_by_status)
    part.append(decree30.Paragraph(f"Kế hoạch có {number_vi(len(c.tasks))} nhiệm vụ giao cơ quan chủ trì ({counts})."))
    part.append(decree30.Heading(gettext("1. Theo trạng thái thực hiện"), level=2))
    for label, rows in c.tasks_by_status:
        part.append(decree30.Heading(f"- {label} ({number_vi(len(rows))} nhiệm vụ)", level=3))
        part.append(
            decree30.Table(
                columns=TASK_COLUMNS,
                rows=[_task_cells(i, t) for i, t in enumerate(rows, start=1)],
                widths_cm=TASK_WIDTHS,
            )
        )
    part.append(decree30.Heading(gettext("2. Theo cơ quan chủ trì"), level=2))
    for unit, rows in c.tasks_by_unit:
        done = sum(1 for t in rows if t.status == "done")
        part.append(
            decree30.Heading(f"- {unit}: {number_vi(done)}/{number_vi(len(rows))} nhiệm vụ hoàn thành", level=3)
        )
        for t in rows:
            head = f"{t.section} {t.text}".strip()
            progress = f", {number_vi(t.progress)}%" if t.progress is not None else ""
            part.append(
                decree30.Paragraph(
                    f"{head} ({lower_first(t.status_label)}{progress})" + (f": {t.note}" if t.note else ".")
                )
            )
    return part


@in_vietnamese
def consolidated_document(c: Consolidation, *, today: Any = None) -> decree30.OfficialDocument:
    """The Decree 30 document (kind "BÁO CÁO", abbreviation "BC") of a consolidation, issued by the unit the
    period's reports go to (the plan's coordinating unit; for the programme, the province's coordinator)."""
    period = c.period
    today = today or timezone.localdate()
    coordinator = c.plan.coordinating_unit if c.plan is not None and c.plan.coordinating_unit_id else None
    coordinator = coordinator or coordinator_unit()
    issuer = c.receiver or (coordinator.name if coordinator else settings.COORDINATOR_UNIT_NAME)
    short = coordinator.short_name if coordinator and coordinator.short_name else ""
    abbreviation = f"BC-{short}" if short else "BC"
    basis = (
        f"Thực hiện Chương trình hoạt động đối ngoại năm {period.year} của Ủy ban nhân dân tỉnh"
        if c.is_program
        else f"Thực hiện {c.plan.display_title if c.plan else ''}"
        + (f" (số {c.plan.number})" if c.plan and c.plan.number else "")
    )
    body: list[decree30.Heading | decree30.Paragraph | decree30.Table] = [
        decree30.Paragraph(
            f"{basis}, trên cơ sở báo cáo của các cơ quan, đơn vị và số liệu theo dõi trên hệ thống quản lý hoạt "
            f"động đối ngoại, {issuer} tổng hợp {lower_first(report_title(period))} (từ ngày "
            f"{period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}) như sau:"
        ),
    ]
    numerals = iter(["I", "II", "III", "IV", "V"])
    if c.is_program:
        body += [
            decree30.Heading(f"{next(numerals)}. KẾT QUẢ THỰC HIỆN KẾ HOẠCH"),
            decree30.Heading(gettext("1. Tổng hợp theo các phụ lục của Chương trình"), level=2),
            decree30.Paragraph(_summary_sentence(c)),
            decree30.Table(
                columns=[
                    gettext("Phụ lục"),
                    gettext("Nội dung"),
                    gettext("KH năm"),
                    gettext("KH trong kỳ"),
                    gettext("Đã thực hiện"),
                    gettext("Tạm hoãn"),
                    gettext("Hủy"),
                    gettext("Tỷ lệ (%)"),
                ],
                rows=_appendix_table_rows(c),
                widths_cm=[2.0, 4.2, 1.6, 1.7, 1.8, 1.6, 1.3, 1.8],
            ),
            decree30.Heading(gettext("2. Tổng hợp theo cơ quan, đơn vị"), level=2),
            decree30.Paragraph(
                f"Kết quả thực hiện kế hoạch của {len(c.units)} cơ quan, đơn vị phải báo cáo trong kỳ được tổng hợp "
                "tại Phụ lục kèm theo Báo cáo này."
            ),
        ]
    if c.plan is not None:
        body += _tasks_part(c, next(numerals))
    body.append(decree30.Heading(f"{next(numerals)}. BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ"))
    if not c.texts:
        body.append(decree30.Paragraph(gettext("Chưa có cơ quan, đơn vị nào nộp báo cáo trong kỳ."), italic=True))
    for i, (unit, _report, sections) in enumerate(c.texts, start=1):
        body.append(decree30.Heading(f"{i}. {unit.name}", level=2))
        for label, text in sections:
            body.append(decree30.Heading(f"- {label}", level=3))
            body.extend(decree30.Paragraph(line.strip()) for line in text.splitlines() if line.strip())
    body.append(decree30.Heading(f"{next(numerals)}. TÌNH HÌNH NỘP BÁO CÁO"))
    body.append(
        decree30.Paragraph(
            f"Trong {number_vi(c.total_reports)} cơ quan, đơn vị phải báo cáo (hạn nộp ngày "
            f"{period.due_date:%d/%m/%Y}): {number_vi(c.on_time)} đơn vị nộp đúng hạn, {number_vi(len(c.late))} "
            f"đơn vị nộp muộn, {number_vi(len(c.missing))} đơn vị chưa nộp"
            + (f", {number_vi(c.pending)} đơn vị chưa đến hạn." if c.pending else ".")
        )
    )
    if c.late or c.missing:
        rows = [
            [
                str(i),
                item.unit.name,
                f"{item.submitted_on:%d/%m/%Y}" if item.submitted_on else gettext("Chưa nộp"),
                number_vi(item.days_late),
            ]
            for i, item in enumerate([*c.late, *c.missing], start=1)
        ]
        body.append(
            decree30.Table(
                columns=["TT", gettext("Cơ quan, đơn vị"), gettext("Ngày nộp"), gettext("Số ngày chậm")],
                rows=rows,
                widths_cm=[1.0, 9.0, 3.0, 2.5],
            )
        )
    unit_rows: list[list[str] | decree30.GroupRow] = []
    for row in c.units:
        cells = [row.unit.name]
        for key, *_ in APPENDICES:
            planned, done = row.cell(key)
            cells += [number_vi(planned), number_vi(done)]
        cells.append(submission_label(c, row.unit))
        unit_rows.append(cells)
    appendix = decree30.Appendix(
        number="",
        title=gettext("Kết quả thực hiện kế hoạch hoạt động đối ngoại theo cơ quan, đơn vị"),
        subtitle=f"(Kèm theo Báo cáo của {issuer} về kết quả công tác đối ngoại {lower_first(period.label)})",
        columns=[
            "TT",
            gettext("Cơ quan, đơn vị"),
            gettext("Kế hoạch"),
            gettext("Đã thực hiện"),
            gettext("Kế hoạch"),
            gettext("Đã thực hiện"),
            gettext("Kế hoạch"),
            gettext("Đã tổ chức"),
            gettext("Kế hoạch"),
            gettext("Đã ký"),
            gettext("Nộp báo cáo"),
        ],
        rows=unit_rows,
        widths_cm=[1.0, 7.0, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 3.2],
        column_groups=[
            ("", 1),
            ("", 1),
            (gettext("Đoàn ra"), 2),
            (gettext("Đoàn vào"), 2),
            (gettext("Hội nghị, hội thảo"), 2),
            (gettext("Thỏa thuận quốc tế"), 2),
            ("", 1),
        ],
    )
    recipients = [gettext("Ủy ban nhân dân tỉnh (để báo cáo)")]
    if c.is_program:
        recipients.append(gettext("Bộ Ngoại giao (để báo cáo)"))
    elif c.plan is not None and c.plan.committee_id:
        recipients.append(f"{c.plan.committee} (để báo cáo)")
    recipients += [gettext("Các cơ quan, đơn vị trong tỉnh"), gettext("Lưu: VT")]
    return decree30.OfficialDocument(
        issuer_parent=f"UBND tỉnh {settings.PROVINCE_NAME}",
        issuer=issuer,
        number="",
        place=settings.PROVINCE_NAME,
        date=today,
        kind=gettext("BÁO CÁO"),
        title=report_title(period),
        body=body,
        recipients=recipients,
        signature=decree30.Signature(authority=gettext("GIÁM ĐỐC")),
        appendices=[appendix] if c.is_program else [],
        abbreviation=abbreviation,
    )


@in_vietnamese
def consolidated_docx(c: Consolidation) -> bytes:
    return decree30.build_document(consolidated_document(c))


HEADER_FONT = Font(name="Times New Roman", bold=True)
BODY_FONT = Font(name="Times New Roman")
TITLE_FONT = Font(name="Times New Roman", bold=True, size=13)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def _sheet(
    wb: Workbook, title: str, heading: str, headers: list[str], rows: list[list[Any]], widths: list[int]
) -> None:
    ws = wb.create_sheet(title=title[:31])
    ws.append([heading])
    ws["A1"].font = TITLE_FONT
    ws.append([])
    ws.append(headers)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        cell = ws.cell(row=3, column=i)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    for row in rows:
        ws.append([safe_value(v) for v in row])
        for cell in ws[ws.max_row]:
            cell.font, cell.alignment = BODY_FONT, WRAP
            keep_text(cell)  # no formula injection
    ws.freeze_panes = "A4"


@in_vietnamese
def consolidated_xlsx(c: Consolidation) -> bytes:
    """Four sheets: per appendix, per unit, the units' texts, late and missing reports."""
    period = c.period
    wb = Workbook()
    wb.remove(wb.active)
    heading = f"{report_title(period)} (từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y})"
    _sheet(
        wb,
        gettext("Theo phụ lục"),
        heading,
        [
            gettext("Phụ lục"),
            gettext("Nội dung"),
            gettext("KH năm"),
            gettext("KH trong kỳ"),
            gettext("Đã thực hiện"),
            gettext("Tạm hoãn"),
            gettext("Hủy"),
            gettext("Tỷ lệ (%)"),
        ],
        [
            [f"Phụ lục {a.number}", a.label, a.planned_year, a.planned, a.done, a.postponed, a.cancelled, a.rate]
            for a in c.appendices
        ],
        [10, 30, 10, 12, 13, 10, 8, 10],
    )
    unit_rows = []
    for i, row in enumerate(c.units, start=1):
        cells: list[Any] = [i, row.unit.name]
        for key, *_ in APPENDICES:
            cells += list(row.cell(key))
        cells.append(submission_label(c, row.unit))
        unit_rows.append(cells)
    _sheet(
        wb,
        gettext("Theo đơn vị"),
        heading,
        [
            "TT",
            gettext("Cơ quan, đơn vị"),
            gettext("Đoàn ra: kế hoạch"),
            gettext("Đoàn ra: đã thực hiện"),
            gettext("Đoàn vào: kế hoạch"),
            gettext("Đoàn vào: đã thực hiện"),
            gettext("Hội nghị: kế hoạch"),
            gettext("Hội nghị: đã tổ chức"),
            gettext("Thỏa thuận: kế hoạch"),
            gettext("Thỏa thuận: đã ký"),
            gettext("Nộp báo cáo"),
        ],
        unit_rows,
        [5, 40, 11, 13, 11, 13, 11, 13, 12, 12, 18],
    )
    if c.plan is not None:
        task_headers = [
            "TT",
            gettext("Số mục"),
            gettext("Nhiệm vụ"),
            gettext("Cơ quan chủ trì"),
            gettext("Trạng thái"),
            gettext("Thời hạn"),
            gettext("Tiến độ (%)"),
        ]
        task_headers += [gettext("Kết quả đơn vị báo cáo"), gettext("Ngày báo cáo")]
        widths = [5, 10, 60, 30, 22, 14, 11, 60, 13]

        def task_row(i: int, t: TaskRow) -> list[Any]:
            return [i, t.section, t.text, t.unit, t.status_label, t.deadline, t.progress, t.note, t.reported_on]

        _sheet(
            wb,
            gettext("Nhiệm vụ theo trạng thái"),
            heading,
            [gettext("Trạng thái"), *task_headers],
            [[label, *task_row(i, t)] for label, rows in c.tasks_by_status for i, t in enumerate(rows, start=1)],
            [22, *widths],
        )
        _sheet(
            wb,
            gettext("Nhiệm vụ theo đơn vị"),
            heading,
            task_headers,
            [task_row(i, t) for _unit, rows in c.tasks_by_unit for i, t in enumerate(rows, start=1)],
            widths,
        )
    _sheet(
        wb,
        gettext("Báo cáo đơn vị"),
        heading,
        ["TT", gettext("Cơ quan, đơn vị"), gettext("Mục"), gettext("Nội dung")],
        [
            [i, unit.name, label, text]
            for i, (unit, _report, sections) in enumerate(c.texts, start=1)
            for label, text in sections
        ],
        [5, 35, 30, 100],
    )
    _sheet(
        wb,
        gettext("Chậm, chưa nộp"),
        heading,
        [
            "TT",
            gettext("Cơ quan, đơn vị"),
            gettext("Hạn nộp"),
            gettext("Ngày nộp"),
            gettext("Số ngày chậm"),
            gettext("Tình trạng"),
        ],
        [
            [
                i,
                item.unit.name,
                period.due_date,
                item.submitted_on,
                item.days_late,
                gettext("Nộp muộn") if item.submitted_on else gettext("Chưa nộp"),
            ]
            for i, item in enumerate([*c.late, *c.missing], start=1)
        ],
        [5, 40, 12, 12, 13, 14],
    )
    return workbook_bytes(wb)


def workbook_bytes(wb: Workbook) -> bytes:
    """The report workbook as a file: dates below the sheets' title rows shown dd/mm/yyyy."""
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=4):
            for cell in row:
                if hasattr(cell.value, "year"):
                    cell.number_format = "DD/MM/YYYY"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_filename(period: ReportingPeriod, fmt: str) -> str:
    return f"bao-cao-tong-hop-ky-{period.pk}-{period.year}.{fmt}"


class ReportExporter:
    """`doingoai export report PERIOD_ID -o FILE`: the consolidated report, .docx or .xlsx by the file's suffix."""

    help = "Báo cáo tổng hợp của một kỳ báo cáo (.docx theo Nghị định 30 hoặc .xlsx). Ví dụ: export report 3 -o bc.docx"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "period_id",
            type=int,
            metavar=gettext("MÃ_KỲ"),
            help=gettext("Mã kỳ báo cáo (số trong địa chỉ /reports/N/)"),
        )
        parser.add_argument(
            "-o",
            "--output",
            metavar=gettext("TỆP"),
            help=gettext("Tệp .docx hoặc .xlsx; mặc định bao-cao-tong-hop-ky-N-NĂM.docx"),
        )

    def export(self, options: dict[str, Any]) -> ExportResult:
        period = ReportingPeriod.objects.filter(pk=options["period_id"]).first()
        if period is None:
            raise ExportError(f"Không có kỳ báo cáo mã {options['period_id']}.")
        output = options.get("output") or ""
        fmt = Path(output).suffix.lower().lstrip(".") if output else "docx"
        if fmt not in FORMATS:
            raise ExportError(f"Không xuất được định dạng “{output}”: dùng .docx hoặc .xlsx.")
        c = consolidate(period=period, user=SYSTEM)
        content = consolidated_docx(c) if fmt == "docx" else consolidated_xlsx(c)
        notes = [
            f"Kỳ “{period.label}”: {c.total_reports} đơn vị, {c.on_time} đúng hạn, {len(c.late)} nộp muộn, "
            f"{len(c.missing)} chưa nộp."
        ]
        return ExportResult(content, export_filename(period, fmt), FORMATS[fmt], notes)


COMMAND_EXPORTERS = {"report": ReportExporter()}
