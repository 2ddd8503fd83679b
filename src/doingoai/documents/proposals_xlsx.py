"""Units' proposals as .xlsx: the template handed out per appendix, and the checked reading of a filled one.

Plain Python (no Django). The caller passes the lookup tables (countries, units, choice lists); reading returns
the cleaned rows and every problem with its row, column and a Vietnamese reason, so the caller can refuse the
whole file when one row is wrong. `check_xlsx` looks at the raw bytes before openpyxl ever parses them: size,
zip structure, the parts of a workbook, and the uncompressed sizes (a zip bomb is refused before it expands).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from doingoai.documents.timeparse import parse_planned_time
from doingoai.documents.upload_checks import XLSX_MAIN, UploadError, check_package, check_size
from doingoai.documents.xlsx import keep_text, safe_value
from doingoai.reference.text import search_key

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "MAX_ROWS",
    "CellError",
    "Column",
    "Lookups",
    "ProposalFileError",
    "ProposalRow",
    "ProposalSheet",
    "Template",
    "build_template",
    "check_xlsx",
    "column_ref",
    "read_proposals",
]

MAX_BYTES = 5 * 1024 * 1024  # an upload larger than this is refused before it is opened
MAX_ROWS = 1000  # data rows per file
EXAMPLE_PREFIX = "Ví dụ:"
MARKER_PREFIX = "doingoai-mau:"
LISTS_SHEET = "Danh mục"
HELP_SHEET = "Hướng dẫn"
VALIDATED_ROWS = MAX_ROWS + 1  # drop-down lists cover the example row and MAX_ROWS rows below it

# Planned-time texts that say the month is not known yet; accepted as written.
_VAGUE_TIME = re.compile(r"^(chua xac dinh|chua co)\b|\btuy (thuoc|theo)\b")
_INT_TEXT = re.compile(r"^(\d{1,6})(?: [a-z ]{1,20})?$")
_LIST_SPLIT = re.compile(r"\s*(?:[;,/\n]|\s-\s)\s*")
_AND_SPLIT = re.compile(r"\s+(?:và|va|&)\s+", re.IGNORECASE)
_YES = {"co", "x", "yes", "y", "1", "true", "dung"}
_NO = {"khong", "no", "n", "0", "false", "sai"}


class ProposalFileError(UploadError):
    """The upload is not a readable proposals workbook; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Column:
    """One column of a template: the row key it fills, its header, how its cells are read."""

    key: str
    header: str
    help: str
    type: str = "text"  # text | int | year | time | countries | country | choice | unit | bool
    required: bool = False
    max_length: int | None = None
    choices: str | None = None  # name of the drop-down list (Lookups.choices) for type "choice"
    strict: bool = True  # a choice outside its list is an error (else kept as written)
    width: int = 18
    example: Any = None


@dataclass(frozen=True)
class Template:
    kind: str
    title: str  # the data sheet's name and the template's name in messages
    appendix: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> tuple[str, Column]:
        for index, column in enumerate(self.columns, start=1):
            if column.key == key:
                return get_column_letter(index), column
        raise KeyError(key)


@dataclass(frozen=True)
class Lookups:
    """What the cells are checked against; built by the caller from its reference data."""

    countries: Mapping[str, str]  # search_key(name or alias) → ISO code
    country_names: Sequence[str]  # the drop-down list (Vietnamese names)
    units: Mapping[str, int]  # search_key(name or short name) → unit id
    unit_names: Sequence[str]
    choices: Mapping[str, Sequence[tuple[str, str]]]  # list name → [(value, label)]
    min_year: int
    max_year: int
    allowed_units: Mapping[int, str] | None = None  # when set, every row must end with one of these units
    default_unit: int | None = None  # the unit of rows that leave the unit cell blank
    own_unit: str = ""  # the uploader's unit, named in the refusal


@dataclass(frozen=True)
class CellError:
    row: int
    column: str  # letter; "" when the problem concerns the whole row
    header: str
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.row}"
        if self.column:
            where += f", cột {self.column} ({self.header})"
        return f"{where}: {self.message}"


@dataclass
class ProposalRow:
    row: int
    values: dict[str, Any]


@dataclass
class ProposalSheet:
    kind: str
    rows: list[ProposalRow] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def invalid_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})


# ------------------------------------------------------------------------------------------------ templates

_TIME_HELP = (
    "Ghi như trong kế hoạch: “Tháng 6”, “Tháng 11-12”, “Quý II”, “Quý II/Quý III”, “Quý I, II, III”, "
    "“6/{year}”, “6 tháng đầu năm”, “Cả năm”; chưa rõ tháng thì ghi “Chưa xác định” hoặc “Tùy thuộc …”."
)
_YEAR = Column("year", "Năm kế hoạch", "Năm thực hiện, ví dụ {year}.", "year", required=True, width=10)
_NOTE = Column("note", "Ghi chú", "Ghi chú thêm (không bắt buộc).", width=24)
_FUNDING = Column(
    "funding_source",
    "Nguồn kinh phí",
    "Chọn trong danh sách.",
    "choice",
    required=True,
    choices="funding",
    width=24,
    example="Ngân sách tỉnh",
)
_STATE_BUDGET = Column(
    "uses_state_budget",
    "Sử dụng ngân sách nhà nước",
    "“Có” hoặc “Không”; để trống thì xác định theo nguồn kinh phí.",
    "bool",
    width=12,
)


def _delegation_columns(direction: str) -> tuple[Column, ...]:
    out = direction == "out"
    return (
        Column(
            "name",
            "Tên đoàn",
            "Tên đoàn như trong kế hoạch.",
            required=True,
            max_length=500,
            width=32,
            example=f"{EXAMPLE_PREFIX} Đoàn công tác Sở Du lịch" if out else f"{EXAMPLE_PREFIX} Đoàn tỉnh Xiêng Khoảng",
        ),
        Column(
            "capacity",
            "Danh nghĩa đoàn",
            "Ví dụ: Đoàn nghiệp vụ; Đoàn đối ngoại.",
            max_length=255,
            example="Đoàn nghiệp vụ",
        ),
        Column("head", "Trưởng đoàn", "Chức danh trưởng đoàn.", max_length=255, example="Phó Giám đốc Sở"),
        Column("size", "Số người", "Số nguyên, ví dụ 5.", "int", width=9, example=5),
        Column("composition", "Thành phần", "Thành phần đoàn.", width=28, example="Lãnh đạo và chuyên viên Sở"),
        Column(
            "countries",
            "Đến nước" if out else "Đến từ nước",
            "Chọn trong danh sách; nhiều nước thì ngăn cách bằng dấu chấm phẩy, ví dụ “Nhật Bản; Hàn Quốc”.",
            "countries",
            required=True,
            width=18,
            example="Lào",
        ),
        Column(
            "partner_text",
            "Đối tác làm việc" if out else "Cơ quan, tổ chức nước ngoài",
            "Tên đối tác như trong đề xuất; nhiều đối tác ngăn cách bằng dấu chấm phẩy.",
            width=28,
            example="Sở Du lịch tỉnh Xiêng Khoảng",
        ),
        Column(
            "purpose", "Nội dung hoạt động", "Mục đích, nội dung làm việc.", width=32, example="Khảo sát tuyến du lịch"
        ),
        Column("duration_text", "Số ngày", "Ví dụ: 05 ngày; 03 ngày/nước.", max_length=64, width=10, example="05 ngày"),
        Column(
            "time_text",
            "Thời gian thực hiện",
            _TIME_HELP,
            "time",
            required=True,
            max_length=128,
            width=16,
            example="Quý II/Quý III",
        ),
        _FUNDING,
        Column(
            "group",
            "Nhóm",
            "Nhóm đoàn theo phụ lục; chọn trong danh sách.",
            "choice",
            required=True,
            choices="groups",
            width=30,
            example="Sở, ban, ngành, đoàn thể cấp tỉnh",
        ),
        _STATE_BUDGET,
        _YEAR,
        Column(
            "unit",
            "Đơn vị đề xuất",
            "Để trống: đơn vị của người nhập. Cán bộ đơn vị chỉ nhập đề xuất của đơn vị mình.",
            "unit",
            width=26,
        ),
        _NOTE,
    )


TEMPLATES: dict[str, Template] = {
    t.kind: t
    for t in (
        Template("delegations_out", "Đoàn ra", "Phụ lục 1", _delegation_columns("out")),
        Template("delegations_in", "Đoàn vào", "Phụ lục 2", _delegation_columns("in")),
        Template(
            "conferences",
            "Hội nghị, hội thảo",
            "Phụ lục 3",
            (
                Column(
                    "title",
                    "Tên, chủ đề hội nghị, hội thảo",
                    "Tên hoặc chủ đề như trong kế hoạch.",
                    required=True,
                    max_length=500,
                    width=34,
                    example=f"{EXAMPLE_PREFIX} Hội thảo xúc tiến đầu tư vào tỉnh",
                ),
                Column(
                    "form",
                    "Hình thức",
                    "Trực tiếp, trực tuyến hoặc kết hợp; để trống là trực tiếp.",
                    "choice",
                    choices="forms",
                    width=16,
                    example="Trực tiếp",
                ),
                Column(
                    "partner_text",
                    "Cơ quan, tổ chức nước ngoài phối hợp",
                    "Tên như trong đề xuất.",
                    width=28,
                    example="Tổng Lãnh sự quán Nhật Bản",
                ),
                Column(
                    "countries",
                    "Nước",
                    "Nước của đối tác; nhiều nước ngăn cách bằng dấu chấm phẩy.",
                    "countries",
                    width=16,
                    example="Nhật Bản",
                ),
                Column("delegates_vn", "Đại biểu Việt Nam", "Số người.", "int", width=10, example=150),
                Column(
                    "delegates_foreign_in_vn",
                    "Đại biểu nước ngoài ở trong nước",
                    "Số người.",
                    "int",
                    width=12,
                    example=20,
                ),
                Column("delegates_from_abroad", "Đại biểu từ nước ngoài", "Số người.", "int", width=12, example=10),
                Column(
                    "time_text",
                    "Thời gian thực hiện",
                    _TIME_HELP,
                    "time",
                    required=True,
                    max_length=128,
                    width=16,
                    example="Tháng 9",
                ),
                Column("days", "Số ngày", "Số nguyên.", "int", width=8, example=1),
                Column("place", "Địa điểm", "Nơi tổ chức.", max_length=255, example="Thành phố Vinh"),
                _FUNDING,
                Column(
                    "permitting_authority_text",
                    "Cơ quan cho phép",
                    "Thủ tướng Chính phủ (có nguyên thủ, bộ trưởng nước ngoài hoặc nội dung nhạy cảm) hoặc "
                    "Chủ tịch UBND tỉnh (Quyết định 06/2020/QĐ-TTg).",
                    "choice",
                    choices="conference_authorities",
                    max_length=255,
                    width=22,
                    example="Chủ tịch UBND tỉnh",
                ),
                Column(
                    "has_foreign_high_level",
                    "Có nguyên thủ, bộ trưởng nước ngoài",
                    "“Có” hoặc “Không” (để trống là Không).",
                    "bool",
                    width=12,
                    example="Không",
                ),
                Column(
                    "sensitive_topics",
                    "Nội dung nhạy cảm",
                    "Chủ quyền, an ninh, quốc phòng, dân tộc, tôn giáo, nhân quyền, bí mật nhà nước: “Có” hoặc "
                    "“Không” (để trống là Không).",
                    "bool",
                    width=12,
                    example="Không",
                ),
                _YEAR,
                Column(
                    "unit",
                    "Đơn vị tổ chức",
                    "Để trống: đơn vị của người nhập. Cán bộ đơn vị chỉ nhập đề xuất của đơn vị mình.",
                    "unit",
                    width=26,
                ),
                _NOTE,
            ),
        ),
        Template(
            "agreements",
            "Thỏa thuận quốc tế",
            "Phụ lục 4",
            (
                Column(
                    "unit",
                    "Cơ quan, địa phương đề xuất ký",
                    "Để trống: đơn vị của người nhập. Cán bộ đơn vị chỉ nhập đề xuất của đơn vị mình.",
                    "unit",
                    width=26,
                ),
                Column("capacity", "Danh nghĩa ký", "Ví dụ: Đối ngoại.", max_length=255, example="Đối ngoại"),
                Column(
                    "type",
                    "Loại văn bản",
                    "Chọn trong danh sách.",
                    "choice",
                    required=True,
                    choices="agreement_types",
                    width=20,
                    example="Biên bản ghi nhớ",
                ),
                Column(
                    "title",
                    "Tên văn bản",
                    "Tên thỏa thuận dự kiến ký.",
                    required=True,
                    max_length=500,
                    width=36,
                    example=f"{EXAMPLE_PREFIX} Bản ghi nhớ hợp tác về du lịch",
                ),
                Column("country", "Nước ký", "Chọn trong danh sách (một nước).", "country", width=16, example="Lào"),
                Column(
                    "partner_text",
                    "Tên đối tác",
                    "Tên đối tác như trong đề xuất.",
                    required=True,
                    max_length=500,
                    width=28,
                    example="Sở Du lịch tỉnh Hủa Phăn",
                ),
                Column(
                    "time_text",
                    "Thời điểm dự kiến ký",
                    _TIME_HELP,
                    "time",
                    required=True,
                    max_length=128,
                    width=16,
                    example="Quý III",
                ),
                Column(
                    "signing_level",
                    "Dự kiến cấp ký",
                    "Chức danh người ký hai bên.",
                    max_length=500,
                    width=26,
                    example="Giám đốc Sở Du lịch",
                ),
                Column(
                    "approving_authority",
                    "Cấp có thẩm quyền phê duyệt",
                    "Chọn trong danh sách hoặc ghi cụ thể.",
                    "choice",
                    choices="approving_authorities",
                    strict=False,
                    max_length=255,
                    width=22,
                    example="Chủ tịch UBND tỉnh",
                ),
                _YEAR,
                _NOTE,
            ),
        ),
    )
}
KINDS: tuple[str, ...] = tuple(TEMPLATES)


def column_ref(kind: str, key: str) -> tuple[str, str]:
    """(column letter, header) of `key` in the template of `kind`, for messages about a cell."""
    letter, column = TEMPLATES[kind].column(key)
    return letter, column.header


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


# ------------------------------------------------------------------------------------------------ reading


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
