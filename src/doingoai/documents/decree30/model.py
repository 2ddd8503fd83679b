"""What a caller describes: an official document, its body blocks, appendices and signature."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class Signature:
    authority: str  # "TM. ỦY BAN NHÂN DÂN"
    deputy: str = ""  # "KT. CHỦ TỊCH"
    position: str = ""  # "PHÓ CHỦ TỊCH"
    name: str = ""


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths_cm: list[float] | None = None


@dataclass
class GroupRow:
    """A header row inside an appendix table: `label` in the first column, `text` merged across the others."""

    label: str
    text: str


@dataclass
class Appendix:
    """One appendix ("PHỤ LỤC 1") on its own landscape pages.

    `columns` are all the table's columns, the number column ("TT") first. A data row gives one cell per column;
    a row one cell short gets its number (1, 2, … continuous through the appendix) written in the first column.
    `column_groups` makes a two-row header: (label, span) pairs covering the columns in order; a pair with an
    empty label and span 1 is a column whose header fills both rows, e.g.
    `[("", 1), ("", 1), ("", 1), ("Số lượng đại biểu", 3), ("", 1), …]`.
    """

    number: str
    title: str
    subtitle: str
    columns: list[str]
    rows: list[list[str] | GroupRow]
    widths_cm: list[float] | None = None
    landscape: bool = True
    column_groups: list[tuple[str, int]] | None = None


@dataclass
class OfficialDocument:
    """An official document. `number` is the number as written ("818/CTr-UBND"); when it holds no "/" (only the
    register number, or nothing yet in a draft) it is completed with `abbreviation` ("CTr-UBND") and the register
    number is left blank for the clerk."""

    issuer_parent: str
    issuer: str
    number: str
    place: str
    date: datetime.date
    kind: str  # "CHƯƠNG TRÌNH"
    title: str
    body: list[Heading | Paragraph | Table]
    recipients: list[str]
    signature: Signature
    appendices: list[Appendix] = field(default_factory=list)
    abbreviation: str = "CTr"
