"""The limits, the shape of a template and of what reading returns (shared by writing and reading)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from doingoai.documents.upload_checks import UploadError

MAX_BYTES = 5 * 1024 * 1024  # an upload larger than this is refused before it is opened
MAX_ROWS = 1000  # data rows per file
EXAMPLE_PREFIX = "Ví dụ:"
MARKER_PREFIX = "doingoai-mau:"
LISTS_SHEET = "Danh mục"
HELP_SHEET = "Hướng dẫn"
VALIDATED_ROWS = MAX_ROWS + 1  # drop-down lists cover the example row and MAX_ROWS rows below it


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
