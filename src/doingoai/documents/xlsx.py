"""Spreadsheet writing (no Django): stream rows to an .xlsx file, or lay out one appendix; formulas neutralised."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import chain, compress, islice, repeat
from typing import IO, Any, BinaryIO, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from rustpy_xlsxwriter import FastExcel, Format

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


def _fast_value(value: Any) -> Any:
    """`safe_value` for the table writer: empty cells stay empty, exact amounts become numbers. Text is checked
    with `isprintable` (C speed; false for tabs and newlines too) before the slower substitution."""
    if type(value) is str:
        return value if value.isprintable() else ILLEGAL_CHARACTERS_RE.sub(" ", value)
    if value is None or (isinstance(value, int | float | dt.date) and not isinstance(value, bool)):
        return value
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, Decimal):
        return float(value)
    return _fast_value(str(value))


_CLEAN_TYPES = frozenset({str, int, float, dt.date, dt.datetime, type(None)})


def _clean(row: Sequence[Any]) -> bool:
    """True when every cell of `row` can be written as it is (what `_fast_value` would return unchanged): only
    plain numbers, dates, None and text without the control characters an .xlsx cannot store. Checked by
    C-level iterators over the whole row, not a Python call per cell: most rows of a list are clean, and the
    writer then takes them as they come."""
    types = list(map(type, row))
    if not _CLEAN_TYPES.issuperset(types):
        return False
    text = "".join(compress(row, map(operator.is_, types, repeat(str))))
    return text.isprintable() or ILLEGAL_CHARACTERS_RE.search(text) is None  # line breaks are not printable


def _kind(values: Iterable[Any]) -> str:
    """A column's kind from its first values: "datetime", "date", "number" or "text" (the default)."""
    seen = {type(v) for v in values if v is not None and v != ""}
    if seen and seen <= {dt.datetime}:
        return "datetime"
    if seen and seen <= {dt.date}:
        return "date"
    if seen and all(issubclass(t, int | float | Decimal) and t is not bool for t in seen):
        return "number"
    return "text"


def write_table(
    out: IO[bytes] | str,
    *,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write one sheet (header row, then `rows`), streamed; returns the number of data rows. `progress(n)` is
    called every 5,000 rows.

    Written by rust_xlsxwriter (through rustpy-xlsxwriter) in constant memory: a national list export is
    100,000 rows, which openpyxl wrote at under 1,000 rows a second. Formatting is per column, decided from the
    first rows: header in bold on a fill, frozen; dates as DD/MM/YYYY, date-times with the hour; every cell
    quote-prefixed, so that no text is ever read as a formula, even after someone edits the cell in Excel.
    """
    rows = iter(rows)
    head = list(islice(rows, 200))
    count = len(headers)
    if not head:  # the fast writer takes its header from the first row: an empty list still has its header
        return _header_only(out, title, headers)
    kinds = [_kind(row[i] for row in head if i < len(row)) for i in range(count)]
    # Cells are passed by header: headers must be unique ("Ghi chú" twice stays visible as "Ghi chú (2)").
    keys: list[str] = []
    for header in headers:
        key, n = str(header) or "Cột", 1
        while key in keys:
            n += 1
            key = f"{header} ({n})"
        keys.append(key)
    column_widths: list[float] = [
        widths[i] if widths and i < len(widths) else min(max(12, len(str(h)) + 4), 50) for i, h in enumerate(headers)
    ]
    # Columns whose first values are not written as they are (Decimal amounts, booleans): converted cell by cell
    # on every row; any other cell that needs it is caught by `_clean` and its whole row converted.
    fix = [i for i in range(count) if any(type(row[i]) not in _CLEAN_TYPES for row in head if i < len(row))]
    written = 0

    def records() -> Iterator[dict[str, Any]]:
        # By batches of rows, each checked by C-level passes over all its cells at once (`_clean`): most rows of a
        # list are clean, and the writer then takes them as they come, with no Python step per cell or row.
        nonlocal written
        source = chain(head, rows)
        while batch := list(map(list, islice(source, 1000))):
            for i in fix:  # the columns of amounts and yes/no: converted by column, not by cell
                for row in batch:
                    row[i] = _fast_value(row[i])
            if not _clean(list(chain.from_iterable(batch))):
                for n, row in enumerate(batch):
                    if not _clean(row):
                        # a column met with another type further down (amounts empty in the first rows) joins `fix`
                        fix.extend(i for i, v in enumerate(row) if type(v) not in _CLEAN_TYPES and i not in fix)
                        batch[n] = list(map(_fast_value, row))
            if progress is not None:
                for reached in range((written // 5000 + 1) * 5000, written + len(batch) + 1, 5000):
                    progress(reached)
            written += len(batch)
            yield from map(dict, map(zip, repeat(keys), batch))

    FastExcel(cast(BinaryIO, out) if not isinstance(out, str) else out).freeze(row=1).sheet(
        _sheet_title(title),
        records(),
        column_widths=column_widths,
        column_formats=[_column_format(kind) for kind in kinds],
        header_format=_header_format(),
    ).save()
    return written


def _header_only(out: IO[bytes] | str, title: str, headers: Sequence[str]) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=_sheet_title(title))
    for i, header in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(12, len(str(header)) + 4), 50)
    ws.freeze_panes = "A2"
    cells = []
    for header in headers:
        cell = keep_text(WriteOnlyCell(ws, value=safe_value(header)))
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        cells.append(cell)
    ws.append(cells)
    wb.save(out)
    return 0


def _header_format() -> Format:
    return Format().set_bold().set_font_name("Times New Roman").set_background_color("#DDEBF7").set_text_wrap()


def _column_format(kind: str) -> Format:
    # Every column quote-prefixed, whatever its kind: numbers and dates stay numbers and dates, and text met
    # after the first rows (a column of numbers with one "=…" further down) is still never a formula.
    fmt = Format().set_font_name("Times New Roman").set_align("top").set_text_wrap().set_quote_prefix()
    if kind == "date":
        return fmt.set_num_format("DD/MM/YYYY")
    if kind == "datetime":
        return fmt.set_num_format("DD/MM/YYYY HH:MM")
    return fmt


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
