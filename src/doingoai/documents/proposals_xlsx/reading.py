"""Reading a filled template: the raw bytes checked first, then every row cleaned and every problem listed."""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from collections.abc import Sequence
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from doingoai.documents.proposals_xlsx.model import (
    EXAMPLE_PREFIX,
    LISTS_SHEET,
    MARKER_PREFIX,
    MAX_BYTES,
    MAX_ROWS,
    CellError,
    Column,
    Lookups,
    ProposalFileError,
    ProposalRow,
    ProposalSheet,
    Template,
)
from doingoai.documents.proposals_xlsx.templates import TEMPLATES
from doingoai.documents.timeparse import parse_planned_time
from doingoai.documents.upload_checks import XLSX_MAIN, UploadError, check_package, check_size
from doingoai.reference.text import search_key

# Planned-time texts that say the month is not known yet; accepted as written.
_VAGUE_TIME = re.compile(r"^(chua xac dinh|chua co)\b|\btuy (thuoc|theo)\b")
_INT_TEXT = re.compile(r"^(\d{1,6})(?: [a-z ]{1,20})?$")
_LIST_SPLIT = re.compile(r"\s*(?:[;,/\n]|\s-\s)\s*")
_AND_SPLIT = re.compile(r"\s+(?:và|va|&)\s+", re.IGNORECASE)
_YES = {"co", "x", "yes", "y", "1", "true", "dung"}
_NO = {"khong", "no", "n", "0", "false", "sai"}


def check_xlsx(data: bytes, *, max_bytes: int = MAX_BYTES) -> None:
    """Refuse, with a Vietnamese message, anything that is not a small, ordinary .xlsx workbook."""
    try:
        check_size(data, max_bytes)
        check_package(data, main_part=XLSX_MAIN[0], content_type=XLSX_MAIN[1], what="bảng tính Excel (.xlsx)")
    except UploadError as exc:
        raise ProposalFileError(str(exc)) from exc


def read_proposals(data: bytes, kind: str, lookups: Lookups, *, max_bytes: int = MAX_BYTES) -> ProposalSheet:
    """Read a filled-in template of `kind`: every data row cleaned, every problem listed (row, column, reason).

    Raises ProposalFileError (Vietnamese message) when the file itself is unusable: not an .xlsx, too big, a
    zip bomb, another template, no header. Cell problems never raise; they are returned in `errors`.
    """
    check_xlsx(data, max_bytes=max_bytes)
    template = TEMPLATES[kind]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged files
        raise ProposalFileError("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.") from exc
    try:
        return _read_workbook(wb, template, lookups)
    except ProposalFileError:
        raise
    except Exception as exc:  # a damaged part found while streaming the rows
        raise ProposalFileError("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.") from exc
    finally:
        wb.close()


def _read_workbook(wb: Any, template: Template, lookups: Lookups) -> ProposalSheet:
    if LISTS_SHEET in wb.sheetnames:
        marker = next(wb[LISTS_SHEET].iter_rows(min_row=1, max_row=1, max_col=1, values_only=True), (None,))[0]
        if isinstance(marker, str) and marker.startswith(MARKER_PREFIX):
            other = TEMPLATES.get(marker.removeprefix(MARKER_PREFIX))
            if other is not None and other.kind != template.kind:
                raise ProposalFileError(
                    f"Tệp này là mẫu “{other.title}” ({other.appendix}), không phải mẫu “{template.title}” "
                    f"({template.appendix}). Hãy tải lên đúng trang nhập “{other.title}”."
                )
    ws = wb[template.title] if template.title in wb.sheetnames else wb.worksheets[0]
    width = len(template.columns)
    rows = ws.iter_rows(min_row=1, max_col=width)
    header = next(rows, None)
    _check_header(template, [c.value for c in header] if header else [])
    sheet = ProposalSheet(kind=template.kind)
    count = 0
    for number, cells in enumerate(rows, start=2):
        values = [getattr(c, "value", None) for c in cells]
        values += [None] * (width - len(values))
        if all(_blank(v) for v in values):
            continue
        if _is_example(cells, values):
            continue
        count += 1
        if count > MAX_ROWS:
            raise ProposalFileError(f"Tệp có quá {MAX_ROWS} dòng đề xuất; hãy chia thành nhiều tệp.")
        row = _read_row(template, lookups, number, values, sheet.errors)
        if row is not None:
            sheet.rows.append(row)
    if count == 0:
        raise ProposalFileError(f"Tệp không có dòng đề xuất nào (dòng ví dụ ghi “{EXAMPLE_PREFIX} …” được bỏ qua).")
    return sheet


def _check_header(template: Template, header: Sequence[Any]) -> None:
    for index, column in enumerate(template.columns):
        written = header[index] if index < len(header) else None
        found = search_key(str(written or ""))
        if found != search_key(column.header):
            letter = get_column_letter(index + 1)
            shown = f"“{str(written).strip()[:60]}”" if not _blank(written) else "trống"
            raise ProposalFileError(
                f"Tệp không đúng mẫu “{template.title}” ({template.appendix}): ô {letter}1 phải là "
                f"“{column.header}” (đang là {shown}). Hãy tải mẫu mới và nhập lại, không sửa dòng tiêu đề."
            )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_example(cells: Sequence[Any], values: Sequence[Any]) -> bool:
    """The template's example row: all italic, and one of its cells starts with "Ví dụ:"."""
    marker = search_key(EXAMPLE_PREFIX)
    if not any(isinstance(v, str) and search_key(v).startswith(marker) for v in values):
        return False
    fonts = [getattr(c, "font", None) for c, v in zip(cells, values, strict=False) if not _blank(v)]
    return all(f is not None and f.i for f in fonts)


def _read_row(
    template: Template, lookups: Lookups, number: int, values: Sequence[Any], errors: list[CellError]
) -> ProposalRow | None:
    before = len(errors)
    cleaned: dict[str, Any] = {}
    for index, column in enumerate(template.columns):
        letter = get_column_letter(index + 1)

        def fail(message: str, letter: str = letter, column: Column = column) -> None:
            errors.append(CellError(number, letter, column.header, message))

        raw = values[index]
        if _blank(raw):
            if column.required:
                fail(f"Chưa nhập “{column.header}” (cột bắt buộc).")
            value = _empty(column)
        else:
            value = _read_cell(column, raw, lookups, fail)
        if column.type == "unit":
            value = _check_unit(value, raw, lookups, fail)
        cleaned[column.key] = value
    year, time_text = cleaned.get("year"), cleaned.get("time_text")
    if isinstance(year, int) and time_text:
        stated = parse_planned_time(time_text).year
        if stated is not None and stated != year:
            letter, column = template.column("time_text")
            errors.append(
                CellError(
                    number,
                    letter,
                    column.header,
                    f"Thời gian ghi năm {stated} nhưng năm kế hoạch (cột {template.column('year')[0]}) là {year}.",
                )
            )
    if len(errors) > before:
        return None
    return ProposalRow(row=number, values=cleaned)


def _check_unit(unit: int | None, raw: Any, lookups: Lookups, fail: Any) -> int | None:
    """A blank unit cell means the default unit; a named unit must be one the uploader may propose for."""
    if _blank(raw):
        if lookups.default_unit is None and lookups.allowed_units is not None:
            fail("Chưa xác định đơn vị: chọn đơn vị ở trang tải lên hoặc ghi tên đơn vị vào ô này.")
        return lookups.default_unit
    if unit is not None and lookups.allowed_units is not None and unit not in lookups.allowed_units:
        own = f" ({lookups.own_unit})" if lookups.own_unit else ""
        fail(f"Bạn chỉ được nhập đề xuất của đơn vị mình{own}, không nhập cho “{_text(raw)[:80]}”.")
        return None
    return unit


def _empty(column: Column) -> Any:
    if column.type == "countries":
        return []
    if column.type in {"int", "year", "unit", "country", "bool"}:
        return None
    if column.type == "choice" and column.strict:
        return None
    return ""


def _text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "Có" if raw else "Không"
    if isinstance(raw, dt.datetime | dt.date):
        return f"{raw:%d/%m/%Y}"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return re.sub(r"[ \t]+", " ", str(raw)).strip()


def _read_cell(column: Column, raw: Any, lookups: Lookups, fail: Any) -> Any:
    kind = column.type
    if kind == "int":
        return _read_int(raw, fail)
    if kind == "year":
        year = _read_int(raw, fail)
        if year is not None and not lookups.min_year <= year <= lookups.max_year:
            fail(f"Năm kế hoạch phải từ {lookups.min_year} đến {lookups.max_year} (đang là {year}).")
            return None
        return year
    if kind == "bool":
        key = search_key(_text(raw))
        if key in _YES:
            return True
        if key in _NO:
            return False
        fail(f"Ghi “Có” hoặc “Không” (đang là “{_text(raw)[:40]}”).")
        return None
    if kind == "time":
        return _read_time(raw, column, fail)
    text = _text(raw)
    if kind == "countries":
        return _read_countries(text, lookups, fail)
    if kind == "country":
        code = lookups.countries.get(search_key(text))
        if code is None:
            fail(f"Không tìm thấy nước “{text[:60]}” trong danh mục nước, vùng lãnh thổ.")
        return code
    if kind == "unit":
        unit = lookups.units.get(search_key(text))
        if unit is None:
            fail(f"Không tìm thấy đơn vị “{text[:80]}” trong danh mục cơ quan, đơn vị.")
        return unit
    if kind == "choice":
        pairs = lookups.choices.get(column.choices or "", ())
        key = search_key(text)
        for value, label in pairs:
            if key in (search_key(label), search_key(value)):
                return value if column.strict else label
        if column.strict:
            allowed = "; ".join(label for _, label in pairs)
            fail(f"“{text[:60]}” không có trong danh sách. Chọn một trong: {allowed}.")
            return None
    if column.max_length and len(text) > column.max_length:
        fail(f"Dài quá {column.max_length} ký tự (đang có {len(text)}).")
        return None
    return text


def _read_int(raw: Any, fail: Any) -> int | None:
    if isinstance(raw, bool):
        fail("Cần một số nguyên.")
        return None
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    else:
        text = _text(raw)
        # "5" or "05 người"; a sign, a decimal or a word first is not a count.
        match = _INT_TEXT.match(search_key(text)) if text[:1].isdigit() else None
        if match is None:
            fail(f"“{text[:40]}” không phải là số nguyên.")
            return None
        value = int(match.group(1))
    if value < 0 or value > 1_000_000:
        fail(f"Số {value} nằm ngoài khoảng cho phép (0–1.000.000).")
        return None
    return value


def _read_time(raw: Any, column: Column, fail: Any) -> str | None:
    # Excel turns "6/2027" typed into an unformatted cell into a date: read it back as month/year.
    text = f"{raw.month}/{raw.year}" if isinstance(raw, dt.datetime | dt.date) else _text(raw)
    if column.max_length and len(text) > column.max_length:
        fail(f"Dài quá {column.max_length} ký tự (đang có {len(text)}).")
        return None
    if not parse_planned_time(text).known and not _VAGUE_TIME.search(search_key(text)):
        fail(
            f"Không hiểu thời gian “{text[:60]}”. Ghi như “Tháng 6”, “Quý II/Quý III”, “Tháng 11-12”; chưa rõ "
            "tháng thì ghi “Chưa xác định”."
        )
        return None
    return text


def _read_countries(text: str, lookups: Lookups, fail: Any) -> list[str]:
    codes: list[str] = []
    unknown: list[str] = []
    for part in [text] if search_key(text) in lookups.countries else _LIST_SPLIT.split(text):
        part = part.strip(" .")
        if not part:
            continue
        # "Nhật Bản và Hàn Quốc" is two countries, "Antigua và Barbuda" is one: try the whole part first.
        pieces = [part] if search_key(part) in lookups.countries else _AND_SPLIT.split(part)
        for piece in pieces:
            code = lookups.countries.get(search_key(piece))
            if code is None:
                unknown.append(piece.strip())
            elif code not in codes:
                codes.append(code)
    if unknown:
        names = ", ".join(f"“{u[:40]}”" for u in unknown)
        fail(f"Không tìm thấy nước {names} trong danh mục nước, vùng lãnh thổ.")
    return codes
