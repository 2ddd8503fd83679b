"""The year's budget as .xlsx for the finance department: totals by funding source, unit, kind and quarter,
and every record with its estimate, appraisal and spending (amounts typed as numbers, VND)."""

from __future__ import annotations

import io
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext, gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from doingoai.finance.models import BudgetStatus
from doingoai.finance.selectors import Amounts, BudgetTotals, budget_records

HEAD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDEBF7")
MONEY = "#,##0"
COLUMNS = [gettext_lazy("Dự toán"), gettext_lazy("Thẩm định"), gettext_lazy("Được duyệt"), gettext_lazy("Thực chi")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(wb: Workbook, title: str, heading: str, first: str, rows: list[tuple[str, Amounts]], total: Amounts) -> None:
    ws = wb.create_sheet(title)
    ws.append([heading])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([])
    ws.append([first, *map(str, COLUMNS), gettext("Chênh lệch thực chi – được duyệt")])
    for cell in ws[3]:
        cell.font, cell.fill = HEAD, FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for label, a in [*rows, (gettext("Tổng cộng"), total)]:
        ws.append([label, a.estimate, a.appraised, a.approved, a.actual, a.actual - a.approved])
    for row in ws.iter_rows(min_row=4, min_col=2, max_col=6):
        for cell in row:
            cell.number_format = MONEY
    for cell in ws[ws.max_row]:
        cell.font = HEAD
    ws.column_dimensions["A"].width = 48
    for col in range(2, 7):
        ws.column_dimensions[get_column_letter(col)].width = 18
    ws.freeze_panes = "B4"


def totals_xlsx(totals: BudgetTotals, *, user: Any) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    year = totals.year
    title = gettext("Kinh phí hoạt động đối ngoại năm {year} theo {by} (đồng)")
    for sheet, by, head, rows in [
        (gettext("Theo nguồn"), gettext("nguồn"), gettext("Nguồn kinh phí"), totals.by_source),
        (gettext("Theo đơn vị"), gettext("đơn vị"), gettext("Cơ quan, đơn vị"), totals.by_unit),
        (gettext("Theo loại"), gettext("loại hoạt động"), gettext("Loại"), totals.by_kind),
        (gettext("Theo quý"), gettext("quý"), gettext("Quý"), totals.by_quarter),
    ]:
        _sheet(wb, sheet, title.format(year=year, by=by), head, rows, totals.total)
    ws = wb.create_sheet(gettext("Chi tiết"))
    ws.append(
        [
            gettext("Loại"),
            gettext("Tên"),
            gettext("Đơn vị"),
            gettext("Trạng thái"),
            gettext("Kinh phí"),
            gettext("Dự toán"),
            gettext("Thẩm định"),
            gettext("Thực chi"),
        ]
    )
    for cell in ws[1]:
        cell.font, cell.fill = HEAD, FILL
    statuses = dict(BudgetStatus.choices)
    for row in budget_records(year=year, user=user):
        ws.append([row["kind"], row["name"], row["unit"], row["status"], str(statuses.get(row["budget_status"], "")),
                   row["estimate_vnd"], row["appraised_vnd"], row["actual_vnd"]])  # fmt: skip
    for row in ws.iter_rows(min_row=2, min_col=6, max_col=8):
        for cell in row:
            cell.number_format = MONEY
    for col, width in zip("ABCDEFGH", [18, 60, 36, 18, 22, 16, 16, 16], strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def totals_xlsx_response(totals: BudgetTotals, *, user: Any) -> HttpResponse:
    response = HttpResponse(totals_xlsx(totals, user=user), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="kinh-phi-doi-ngoai-{totals.year}.xlsx"'
    return response
