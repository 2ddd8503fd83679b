"""Writing a template: the data sheet with drop-down lists, the instructions, the hidden lists."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from doingoai.documents.proposals_xlsx.model import (
    EXAMPLE_PREFIX,
    HELP_SHEET,
    LISTS_SHEET,
    MARKER_PREFIX,
    MAX_BYTES,
    MAX_ROWS,
    VALIDATED_ROWS,
    Column,
    Lookups,
    Template,
)
from doingoai.documents.proposals_xlsx.templates import _TIME_HELP, TEMPLATES
from doingoai.documents.xlsx import keep_text, safe_value


def _header_text(column: Column) -> str:
    return f"{column.header} (*)" if column.required else column.header


def _marker(kind: str) -> str:
    return f"{MARKER_PREFIX}{kind}"


_LIST_TITLES = {
    "countries": "Nước, vùng lãnh thổ",
    "units": "Cơ quan, đơn vị",
    "yesno": "Có/Không",
}


def build_template(kind: str, lookups: Lookups, *, year: int) -> bytes:
    """The .xlsx template of one appendix: data sheet with drop-downs, instructions, hidden lists."""
    template = TEMPLATES[kind]
    wb = Workbook()
    ws: Any = wb.active
    ws.title = template.title
    lists = wb.create_sheet(LISTS_SHEET)
    guide = wb.create_sheet(HELP_SHEET)

    # Hidden lists: A1 marks the template kind; each list is one column with its name in row 1.
    lists["A1"] = _marker(kind)
    list_values: dict[str, Sequence[str]] = {
        "countries": lookups.country_names,
        "units": lookups.unit_names,
        "yesno": ("Có", "Không"),
        **{name: [label for _, label in pairs] for name, pairs in lookups.choices.items()},
    }
    ranges: dict[str, str] = {}
    for index, (name, values) in enumerate(list_values.items(), start=2):
        letter = get_column_letter(index)
        lists.cell(row=1, column=index, value=_LIST_TITLES.get(name, name))
        for row, value in enumerate(values, start=2):
            keep_text(lists.cell(row=row, column=index, value=safe_value(value)))  # a unit named "=…" stays text
        ranges[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${max(2, len(values) + 1)}"
    lists.sheet_state = "hidden"

    header_font = Font(name="Times New Roman", bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    example_font = Font(name="Times New Roman", italic=True, color="808080")
    last_row = 1 + VALIDATED_ROWS
    for index, column in enumerate(template.columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index, value=_header_text(column))
        cell.font, cell.fill, cell.alignment = header_font, header_fill, wrap
        ws.column_dimensions[letter].width = column.width
        example = column.example
        if column.type == "year":
            example = year
        elif column.type == "unit" and lookups.unit_names:
            example = lookups.unit_names[0]
        if example is not None:
            ex = keep_text(ws.cell(row=2, column=index, value=safe_value(example)))  # a unit's name may start with "="
            ex.font, ex.alignment = example_font, wrap
        if column.type in {"time", "text", "countries", "country", "choice", "unit"}:
            ws.column_dimensions[letter].number_format = "@"  # "6/2027" stays text, not a date
        validation = _validation(column, ranges, lookups)
        if validation is not None:
            ws.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{last_row}")
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 45

    _write_guide(guide, template, lookups, year)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _validation(column: Column, ranges: Mapping[str, str], lookups: Lookups) -> DataValidation | None:
    header = column.header[:32]
    if column.type in {"countries", "country", "unit", "choice", "bool"}:
        name = {"countries": "countries", "country": "countries", "unit": "units", "bool": "yesno"}.get(
            column.type, column.choices or ""
        )
        if name not in ranges:
            return None
        # Several countries in one cell, and free-text authorities, are allowed after a warning.
        lenient = column.type == "countries" or not column.strict
        return DataValidation(
            type="list",
            formula1=ranges[name],
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning" if lenient else "stop",
            errorTitle=header,
            error="Giá trị không có trong danh sách."
            + (" Nhiều nước: ngăn cách bằng dấu chấm phẩy." if column.type == "countries" else ""),
            promptTitle=header,
            prompt=column.help[:255].replace("{year}", str(lookups.max_year)),
            showInputMessage=True,
        )
    if column.type == "int":
        return DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=header,
            error="Nhập số nguyên không âm.",
        )
    if column.type == "year":
        return DataValidation(
            type="whole",
            operator="between",
            formula1=str(lookups.min_year),
            formula2=str(lookups.max_year),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=header,
            error=f"Năm kế hoạch từ {lookups.min_year} đến {lookups.max_year}.",
        )
    return None


def _write_guide(ws: Any, template: Template, lookups: Lookups, year: int) -> None:
    bold = Font(name="Times New Roman", bold=True)
    title = Font(name="Times New Roman", bold=True, size=14)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 7
    ws.column_dimensions["B"].width = 34
    ws.column_dimensions["C"].width = 10
    ws.column_dimensions["D"].width = 90
    ws["A1"] = f"HƯỚNG DẪN ĐIỀN MẪU ĐỀ XUẤT: {template.title.upper()} ({template.appendix})"
    ws["A1"].font = title
    notes = [
        f"Mỗi dòng trên trang “{template.title}” là một đề xuất. Không sửa, thêm, xóa hoặc đổi thứ tự các cột "
        "ở dòng tiêu đề (dòng 1).",
        "Cột có dấu (*) là bắt buộc.",
        f"Dòng 2 là dòng ví dụ (chữ nghiêng, tên ghi “{EXAMPLE_PREFIX} …”): hệ thống bỏ qua dòng này khi nhập. "
        "Có thể xóa dòng ví dụ, hoặc ghi đè lên nó và xóa chữ “Ví dụ:”.",
        "Các cột nước, đơn vị, nhóm, nguồn kinh phí, hình thức, loại văn bản, cơ quan cho phép, Có/Không có danh "
        "sách chọn. Tên nước được nhận cả khi gõ không dấu hoặc theo cách viết khác (ví dụ: Xinh-ga-po, "
        "Singapore).",
        "Nhiều nước trong một ô: ngăn cách bằng dấu chấm phẩy, ví dụ “Nhật Bản; Hàn Quốc” (bảng tính cảnh báo "
        "giá trị ngoài danh sách, chọn tiếp tục để giữ).",
        "Thời gian thực hiện: " + _TIME_HELP.replace("{year}", str(year)),
        "Nếu thời gian có ghi năm (ví dụ 6/" + str(year) + ") thì năm đó phải trùng với cột “Năm kế hoạch”.",
        "Đơn vị đề xuất để trống là đơn vị của người nhập; cán bộ đơn vị chỉ được nhập đề xuất của đơn vị mình.",
        f"Mỗi tệp tối đa {MAX_ROWS} dòng và {MAX_BYTES // (1024 * 1024)} MB, định dạng .xlsx.",
        "Khi tải lên, mọi dòng được kiểm tra. Nếu có dòng sai, hệ thống liệt kê từng lỗi (dòng, cột, lý do) và "
        "không lưu dòng nào; sửa tệp rồi tải lên lại.",
        "Các đề xuất hợp lệ được lưu ở trạng thái “Dự thảo” của đơn vị; đơn vị kiểm tra lại rồi “Gửi đề xuất”.",
    ]
    row = 3
    for number, note in enumerate(notes, start=1):
        ws.cell(row=row, column=1, value=number).alignment = wrap
        ws.cell(row=row, column=2, value=note).alignment = wrap
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 32
        row += 1
    row += 1
    for index, text in enumerate(("Cột", "Tên cột", "Bắt buộc", "Ý nghĩa, cách ghi"), start=1):
        ws.cell(row=row, column=index, value=text).font = bold
    for index, column in enumerate(template.columns, start=1):
        row += 1
        ws.cell(row=row, column=1, value=get_column_letter(index))
        ws.cell(row=row, column=2, value=column.header).alignment = wrap
        ws.cell(row=row, column=3, value="Có" if column.required else "")
        ws.cell(row=row, column=4, value=column.help.replace("{year}", str(year))).alignment = wrap
