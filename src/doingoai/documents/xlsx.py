"""Spreadsheet writing (no Django): stream rows to an .xlsx file, or lay out one appendix; formulas neutralised."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from copy import copy
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from doingoai.documents.decree30 import Appendix, GroupRow

HEADER_FONT = Font(name="Times New Roman", bold=True)
BODY_FONT = Font(name="Times New Roman")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


# What a spreadsheet may read as the start of a formula (OWASP's list for CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_value(value: Any) -> Any:
    """A value a cell can hold: numbers and dates as they are, the rest as text without the control characters
    an .xlsx cannot store (pasted Word text carries vertical tabs). Pair with `keep_text` on the cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int | float | dt.date | dt.datetime):
        return value
    return ILLEGAL_CHARACTERS_RE.sub(" ", str(value))


def keep_text(cell: Any) -> Any:
    """Text that a spreadsheet could take for a formula ("=HYPERLINK(…)", "+…", "-…", "@…") stays text: stored as
    a string and marked with Excel's quote prefix (as if typed after an apostrophe), so it is shown exactly as
    written and stays text even when the cell is edited. Returns the cell."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _cell(ws: Any, value: Any, font: Font, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = keep_text(WriteOnlyCell(ws, value=safe_value(value)))
    cell.font = font
    cell.alignment = WRAP
    if isinstance(value, dt.date):
        cell.number_format = "DD/MM/YYYY"
    if fill is not None:
        cell.fill = fill
    return cell


def _body_cell(ws: Any, value: Any, plain: WriteOnlyCell, day: WriteOnlyCell) -> WriteOnlyCell:
    """`_cell(ws, value, BODY_FONT)`, with the style copied from an already styled cell."""
    cell = WriteOnlyCell(ws, value=safe_value(value))
    cell._style = copy((day if isinstance(value, dt.date) else plain)._style)
    return keep_text(cell)


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
    # Styles copied from two styled cells: assigning font and alignment hashes them for every cell, which made
    # styling most of the time of a 100,000-row export.
    plain, day = _cell(ws, "", BODY_FONT), _cell(ws, dt.date(2000, 1, 1), BODY_FONT)
    count = 0
    for row in rows:
        ws.append([_body_cell(ws, v, plain, day) for v in row])
        count += 1
    wb.save(out)
    return count


def _sheet_title(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title[:31] or "Sheet1"


# ------------------------------------------------------------------------------------------------ appendices

TITLE_FONT = Font(name="Times New Roman", bold=True, size=13)
SUBTITLE_FONT = Font(name="Times New Roman", italic=True, size=12)
GROUP_FONT = Font(name="Times New Roman", bold=True)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CM_PER_CHARACTER = 0.2  # an Excel column unit is about one digit of Calibri 11, ~0.19-0.21 cm


def write_appendix(out: IO[bytes] | str, appendix: Appendix) -> int:
    """One appendix ("PHỤ LỤC 1") as a sheet laid out like the printed one; returns the number of data rows.

    Title rows, the header (two rows when the appendix has `column_groups`), group rows merged across the
    columns in bold, numbered data rows (a row one cell short is numbered, as in the .docx writer), borders,
    landscape A4 printing with the header repeated. Text is never turned into a formula.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(f"Phụ lục {appendix.number}")
    count = len(appendix.columns)
    last = get_column_letter(count)
    widths = appendix.widths_cm or [1.0, *([3.0] * (count - 1))]
    for i in range(1, count + 1):
        width_cm = widths[i - 1] if i <= len(widths) else 3.0
        ws.column_dimensions[get_column_letter(i)].width = max(5, round(width_cm / CM_PER_CHARACTER))

    row = 1
    number = appendix.number.strip()
    label = number if number.upper().startswith("PHỤ LỤC") else f"PHỤ LỤC {number}"
    titles = [(label.upper(), TITLE_FONT), (appendix.title.upper(), TITLE_FONT), (appendix.subtitle, SUBTITLE_FONT)]
    for text, font in titles:
        if not text.strip():
            continue
        ws.merge_cells(f"A{row}:{last}{row}")
        _put(ws, row, 1, text.strip(), font, CENTRE)
        row += 1
    row += 1

    header_top = row
    if appendix.column_groups:
        if sum(span for _, span in appendix.column_groups) != count:
            raise ValueError("column_groups must cover every column")
        col = 1
        for group, span in appendix.column_groups:
            if span == 1 and not group:
                _put(ws, row, col, appendix.columns[col - 1], HEADER_FONT, CENTRE, BORDER)
                _put(ws, row + 1, col, "", HEADER_FONT, CENTRE, BORDER)
                ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
            else:
                for j in range(col, col + span):
                    _put(ws, row, j, group if j == col else "", HEADER_FONT, CENTRE, BORDER)
                    _put(ws, row + 1, j, appendix.columns[j - 1], HEADER_FONT, CENTRE, BORDER)
                if span > 1:
                    ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
            col += span
        row += 2
    else:
        for j, title in enumerate(appendix.columns, start=1):
            _put(ws, row, j, title, HEADER_FONT, CENTRE, BORDER)
        row += 1
    ws.freeze_panes = f"A{row}"
    ws.print_title_rows = f"{header_top}:{row - 1}"

    counted = 0
    for data in appendix.rows:
        if isinstance(data, GroupRow):
            _put(ws, row, 1, data.label, GROUP_FONT, CENTRE, BORDER)
            for j in range(2, count + 1):
                _put(ws, row, j, data.text if j == 2 else "", GROUP_FONT, WRAP, BORDER)
            if count > 2:
                ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=count)
            row += 1
            continue
        values: list[Any] = list(data)
        if len(values) == count - 1:
            counted += 1
            values = [counted, *values]
        elif len(values) != count:
            raise ValueError(f"Một dòng có {len(values)} ô, bảng có {count} cột.")
        else:
            counted += 1
        for j, value in enumerate(values, start=1):
            _put(ws, row, j, value, BODY_FONT, CENTRE if j == 1 else WRAP, BORDER)
        row += 1

    ws.page_setup.orientation = "landscape" if appendix.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(out)
    return counted


def _put(
    ws: Any, row: int, column: int, value: Any, font: Font, alignment: Alignment, border: Border | None = None
) -> None:
    cell = ws.cell(row=row, column=column)
    cell.value = safe_value(value)
    keep_text(cell)
    cell.font = font
    cell.alignment = alignment
    if border is not None:
        cell.border = border
