"""Spreadsheet writing (no Django): stream rows to an .xlsx file with neutralised formulas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FONT = Font(name="Times New Roman", bold=True)
BODY_FONT = Font(name="Times New Roman")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def safe_value(value: Any) -> Any:
    """Cells keep text as text: a value starting with "=" never becomes a formula (formula injection)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int | float | dt.date | dt.datetime):
        return value
    return str(value)


def _cell(ws: Any, value: Any, font: Font, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=safe_value(value))
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"
    cell.font = font
    cell.alignment = WRAP
    if isinstance(value, dt.date):
        cell.number_format = "DD/MM/YYYY"
    if fill is not None:
        cell.fill = fill
    return cell


def write_table(
    out: IO[bytes] | str,
    *,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int] | None = None,
) -> int:
    """Write one sheet (header row, then `rows`) in constant memory; returns the number of data rows."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=_sheet_title(title))
    for i, header in enumerate(headers, start=1):
        width = widths[i - 1] if widths and i <= len(widths) else min(max(12, len(header) + 4), 50)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.append([_cell(ws, h, HEADER_FONT, HEADER_FILL) for h in headers])
    count = 0
    for row in rows:
        ws.append([_cell(ws, v, BODY_FONT) for v in row])
        count += 1
    wb.save(out)
    return count


def _sheet_title(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title[:31] or "Sheet1"
