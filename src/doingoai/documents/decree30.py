"""Official documents in the format of Decree 30/2020/NĐ-CP (Annex I), written with python-docx. No Django.

`build_document(OfficialDocument(...))` returns the bytes of a .docx that opens cleanly in Word and LibreOffice:
A4 portrait, margins 20/20/30/15 mm, Times New Roman; the two-column header (issuing body with its short line,
national motto with its line, "Số: …", place and date in italics); document kind and title; justified body
with a first-line indent; page numbers centred in the top margin from page 2 (a PAGE field in the header of a
section with a different first page); "Nơi nhận" beside the signature block; then each appendix in its own
landscape section, with its own page numbers, a bordered table whose header repeats on every page, merged group
rows ("A", "ĐOÀN … : 04 đoàn") and numbered rows.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Mm, Pt, Twips
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

__all__ = [
    "Appendix",
    "GroupRow",
    "Heading",
    "OfficialDocument",
    "Paragraph",
    "Signature",
    "Table",
    "build_document",
    "format_place_date",
]

# ------------------------------------------------------------------------------------------------ the API


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


# ------------------------------------------------------------------------------------------------ the format

FONT = "Times New Roman"
A4_SHORT, A4_LONG = Twips(11906), Twips(16838)  # 210 × 297 mm, as Word writes A4
# Margins in whole twips, rounded up so that they are never a hair below the legal minimum.
MARGIN_TOP = MARGIN_BOTTOM = Twips(1134)  # 20 mm
MARGIN_LEFT, MARGIN_RIGHT = Twips(1701), Twips(851)  # 30 mm, 15 mm
HEADER_DISTANCE = Twips(567)  # 10 mm

SIZE_HEADER = Pt(13)  # issuing body, national motto line 1, "Số: …"
SIZE_MOTTO = Pt(14)  # "Độc lập - Tự do - Hạnh phúc"
SIZE_BODY = Pt(14)  # body, kind, title, place and date, signature
SIZE_PAGE_NUMBER = Pt(13)
SIZE_RECIPIENTS_LABEL = Pt(12)
SIZE_RECIPIENTS = Pt(11)
SIZE_TABLE = Pt(12)  # tables inside the body
SIZE_APPENDIX_TABLE = Pt(11)  # landscape appendix tables (ten or more columns)

ZERO = Pt(0)
FIRST_LINE_INDENT = Cm(1.27)
SPACE_AFTER = Pt(6)
LINE_SPACING = 1.15

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

HEADER_LEFT_CM, HEADER_RIGHT_CM = 6.5, 10.0
RECIPIENTS_CM, SIGNATURE_CM = 7.5, 9.0
NUMBER_COLUMN_CM = 1.0
CELL_MARGIN_CM = 0.19  # Word's default left/right cell margin (108 twips)


def build_document(doc: OfficialDocument) -> bytes:
    """The document as .docx bytes (see the module docstring for the format)."""
    writer = _Writer(doc)
    return writer.render()


def format_place_date(place: str, date: datetime.date) -> str:
    """ "Nghệ An, ngày 05 tháng 01 năm 2022": days below 10 and the months 1 and 2 take a leading zero."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def format_number(number: str, abbreviation: str) -> str:
    """ "Số: 818/CTr-UBND"; a number without "/" is completed with the abbreviation ("Số:      /CTr-UBND")."""
    number = number.strip()
    if "/" in number:
        return f"Số: {number}"
    register = number or "\u00a0" * 6
    return f"Số: {register}/{abbreviation}"


# Characters XML 1.0 cannot carry (pasted from old documents: vertical tabs, form feeds, NULs…).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters a .docx cannot hold; tabs and carriage returns become spaces or newlines."""
    return _XML_INVALID.sub(" ", (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


# Relative advance widths of Times New Roman (in ems), close enough to size the lines drawn under a text.
_NARROW = set("iljtfrI.,;:'!|()[]- ")


def text_width_cm(text: str, size: Length, bold: bool = False) -> float:
    """An estimate of the printed width of `text` (within a few per cent for Vietnamese in Times New Roman)."""
    ems = 0.0
    for ch in text:
        if ch == " ":
            ems += 0.25
        elif ch in _NARROW:
            ems += 0.3
        elif ch.isupper():
            ems += 0.72 if bold else 0.68
        elif ch.isdigit():
            ems += 0.5
        else:
            ems += 0.48 if bold else 0.46
    return ems * size.pt / 72 * 2.54


# ------------------------------------------------------------------------------------------------ low level


def _set_run_font(run_or_style_element: object, size: Length | None = None) -> None:
    """Times New Roman for every script (Vietnamese letters fall in several Unicode blocks)."""
    font = run_or_style_element.font  # type: ignore[attr-defined]
    font.name = FONT
    if size is not None:
        font.size = size
    rpr = run_or_style_element.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _paragraph_format(
    paragraph: DocxParagraph,
    *,
    align: int | None = WD_ALIGN_PARAGRAPH.CENTER,
    after: Length = ZERO,
    before: Length = ZERO,
    indent: Length | None = None,
    line_spacing: float | None = 1.0,
    keep_with_next: bool = False,
) -> DocxParagraph:
    fmt = paragraph.paragraph_format
    fmt.alignment = align  # type: ignore[assignment]
    fmt.space_before = before
    fmt.space_after = after
    if indent is not None:
        fmt.first_line_indent = indent
    if line_spacing is not None:
        fmt.line_spacing = line_spacing
    if keep_with_next:
        fmt.keep_with_next = True
    return paragraph


def _add_text(
    paragraph: DocxParagraph,
    text: str,
    *,
    size: Length,
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Add `text` as runs; a newline becomes a line break inside the paragraph."""
    lines = xml_safe(text).split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        _set_run_font(run, size)
        run.bold = bold
        run.italic = italic
        if i < len(lines) - 1:
            run.add_break()


def _line_paragraph(container: object, width_cm: float, available_cm: float) -> DocxParagraph:
    """A thin paragraph whose top border is a centred horizontal rule `width_cm` long.

    A paragraph border (rather than a drawing) sits where the text is in both Word and LibreOffice and moves with it.
    """
    paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    side = max((available_cm - width_cm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(side)
    fmt.right_indent = Cm(side)
    fmt.space_before = Pt(3)  # clear of the descenders of the line above
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(6)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    _insert_ppr_child(ppr, borders, after=_PPR_BEFORE_PBDR)
    run = paragraph.add_run()
    _set_run_font(run, Pt(2))
    return paragraph


_PPR_BEFORE_PBDR = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
)


def _insert_ppr_child(ppr: object, child: object, after: Sequence[str]) -> None:
    """Insert `child` into pPr after the last of the `after` elements present (the schema orders pPr children)."""
    anchor = None
    for tag in after:
        found = ppr.find(qn(tag))  # type: ignore[attr-defined]
        if found is not None:
            anchor = found
    if anchor is not None:
        anchor.addnext(child)
    else:
        ppr.insert(0, child)  # type: ignore[attr-defined]


def _field(paragraph: DocxParagraph, instruction: str, placeholder: str, size: Length) -> None:
    """A complex field (PAGE, NUMPAGES…) with its current result, recomputed by Word and LibreOffice."""

    def run_with(*elements: object) -> None:
        run = paragraph.add_run()
        _set_run_font(run, size)
        for element in elements:
            run._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    result = OxmlElement("w:t")
    result.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(begin)
    run_with(instr)
    run_with(separate)
    run_with(result)
    run_with(end)


_SECTPR_AFTER_PGNUMTYPE = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


def _restart_page_numbers(section: object) -> None:
    sect_pr = section._sectPr  # type: ignore[attr-defined]
    existing = sect_pr.find(qn("w:pgNumType"))
    if existing is not None:
        sect_pr.remove(existing)
    element = OxmlElement("w:pgNumType")
    element.set(qn("w:start"), "1")
    for tag in _SECTPR_AFTER_PGNUMTYPE:
        successor = sect_pr.find(qn(tag))
        if successor is not None:
            successor.addprevious(element)
            return
    sect_pr.append(element)


def _table_borders(table: DocxTable, *, visible: bool) -> None:
    tbl_pr = table._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        if visible:
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        else:
            element.set(qn("w:val"), "nil")
        borders.append(element)
    # tblBorders comes after tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize, tblStyleColBandSize,
    # tblW, jc, tblCellSpacing, tblInd and before tblShd, tblLayout, tblCellMar, tblLook.
    successor = None
    for tag in ("w:tblShd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"):
        successor = tbl_pr.find(qn(tag))
        if successor is not None:
            break
    if successor is not None:
        successor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def _fixed_table(container: object, rows: int, widths_cm: Sequence[float], *, borders: bool) -> DocxTable:
    table = container.add_table(rows=rows, cols=len(widths_cm))  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_borders(table, visible=borders)
    total = Cm(sum(widths_cm))
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        table._tbl.tblPr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(int(Emu(total).twips)))
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    return table


def _cant_split(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))


def _repeat_as_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _cell_text(
    cell: _Cell,
    text: str,
    *,
    size: Length,
    bold: bool = False,
    italic: bool = False,
    align: int = WD_ALIGN_PARAGRAPH.LEFT,
) -> None:
    """Write `text` into an (empty) cell; each line of the text becomes a paragraph."""
    lines = (text or "").split("\n")
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        _paragraph_format(paragraph, align=align, line_spacing=1.0)
        if line:
            _add_text(paragraph, line, size=size, bold=bold, italic=italic)


def _distribute(widths_cm: Sequence[float] | None, count: int, available_cm: float) -> list[float]:
    """Column widths scaled to fill `available_cm`; without widths, a narrow number column and equal others."""
    if widths_cm and len(widths_cm) == count:
        total = sum(widths_cm)
        return [w * available_cm / total for w in widths_cm] if total > available_cm else list(widths_cm)
    if count == 1:
        return [available_cm]
    rest = (available_cm - NUMBER_COLUMN_CM) / (count - 1)
    return [NUMBER_COLUMN_CM, *([rest] * (count - 1))]


# ------------------------------------------------------------------------------------------------ the writer


class _Writer:
    def __init__(self, doc: OfficialDocument) -> None:
        self.doc = doc
        self.document = Document()
        self._setup_styles()

    # -- page set-up

    def _setup_styles(self) -> None:
        normal = self.document.styles["Normal"]
        _set_run_font(normal, SIZE_BODY)
        rpr = normal.element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "vi-VN")
        fmt = normal.paragraph_format  # type: ignore[attr-defined]
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        props = self.document.core_properties
        props.title = xml_safe(f"{self.doc.kind} {self.doc.title}".strip().replace("\n", " "))[:255]
        props.author = xml_safe(self.doc.issuer.replace("\n", " "))[:255]
        props.language = "vi-VN"
        stamp = datetime.datetime.combine(self.doc.date, datetime.time(8, 0))
        props.created = stamp
        props.modified = stamp
        props.last_modified_by = props.author

    def _setup_section(self, section: object, *, landscape: bool) -> None:
        s = section  # python-docx Section
        if landscape:
            s.orientation = WD_ORIENT.LANDSCAPE  # type: ignore[attr-defined]
            s.page_width, s.page_height = A4_LONG, A4_SHORT  # type: ignore[attr-defined]
        else:
            s.orientation = WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
            s.page_width, s.page_height = A4_SHORT, A4_LONG  # type: ignore[attr-defined]
        s.top_margin, s.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM  # type: ignore[attr-defined]
        s.left_margin, s.right_margin = MARGIN_LEFT, MARGIN_RIGHT  # type: ignore[attr-defined]
        s.header_distance = HEADER_DISTANCE  # type: ignore[attr-defined]
        s.footer_distance = HEADER_DISTANCE  # type: ignore[attr-defined]
        s.gutter = Mm(0)  # type: ignore[attr-defined]
        # Page numbers from the second page: the first page of the section has its own, empty header.
        s.different_first_page_header_footer = True  # type: ignore[attr-defined]
        header = s.header  # type: ignore[attr-defined]
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        _paragraph_format(paragraph)
        _field(paragraph, "PAGE", "2", SIZE_PAGE_NUMBER)
        first = s.first_page_header  # type: ignore[attr-defined]
        first.is_linked_to_previous = False
        _paragraph_format(first.paragraphs[0])
        for footer in (s.footer, s.first_page_footer):  # type: ignore[attr-defined]
            footer.is_linked_to_previous = False

    def _text_width_cm(self, section: object) -> float:
        s = section
        width = s.page_width - s.left_margin - s.right_margin  # type: ignore[attr-defined]
        return Emu(width).cm

    # -- parts

    def render(self) -> bytes:
        section = self.document.sections[0]
        self._setup_section(section, landscape=False)
        self._header_block()
        self._kind_and_title()
        self._body(self.doc.body, self._text_width_cm(section))
        self._closing()
        for appendix in self.doc.appendices:
            self._appendix(appendix)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _header_block(self) -> None:
        d = self.doc
        table = _fixed_table(self.document, 2, [HEADER_LEFT_CM, HEADER_RIGHT_CM], borders=False)
        left, right = table.rows[0].cells
        inner_left = HEADER_LEFT_CM - 2 * CELL_MARGIN_CM
        inner_right = HEADER_RIGHT_CM - 2 * CELL_MARGIN_CM

        paragraph = left.paragraphs[0]
        _paragraph_format(paragraph)
        issuer_lines: list[str] = []
        if d.issuer_parent.strip():
            _add_text(paragraph, d.issuer_parent.strip().upper(), size=SIZE_HEADER)
            paragraph = left.add_paragraph()
            _paragraph_format(paragraph)
        issuer = d.issuer.strip().upper()
        _add_text(paragraph, issuer, size=SIZE_HEADER, bold=True)
        issuer_lines = issuer.split("\n")
        widest = max(text_width_cm(line, SIZE_HEADER, bold=True) for line in issuer_lines)
        _line_paragraph(left, min(max(widest / 2.5, 1.5), inner_left), inner_left)

        paragraph = right.paragraphs[0]
        _paragraph_format(paragraph)
        _add_text(paragraph, MOTTO_1, size=SIZE_HEADER, bold=True)
        paragraph = right.add_paragraph()
        _paragraph_format(paragraph)
        _add_text(paragraph, MOTTO_2, size=SIZE_MOTTO, bold=True)
        _line_paragraph(right, min(text_width_cm(MOTTO_2, SIZE_MOTTO, bold=True), inner_right), inner_right)

        number_cell, date_cell = table.rows[1].cells
        paragraph = number_cell.paragraphs[0]
        _paragraph_format(paragraph, before=Pt(6))
        _add_text(paragraph, format_number(d.number, d.abbreviation), size=SIZE_HEADER)
        paragraph = date_cell.paragraphs[0]
        _paragraph_format(paragraph, before=Pt(6))
        _add_text(paragraph, format_place_date(d.place, d.date), size=SIZE_BODY, italic=True)

    def _kind_and_title(self) -> None:
        d = self.doc
        paragraph = _paragraph_format(self.document.add_paragraph(), before=Pt(18), keep_with_next=True)
        _add_text(paragraph, d.kind.strip().upper(), size=SIZE_BODY, bold=True)
        if d.title.strip():
            paragraph = _paragraph_format(self.document.add_paragraph(), keep_with_next=True)
            _add_text(paragraph, d.title.strip(), size=SIZE_BODY, bold=True)
            available = self._text_width_cm(self.document.sections[0])
            longest = max(text_width_cm(line, SIZE_BODY, bold=True) for line in d.title.strip().split("\n"))
            line = _line_paragraph(self.document, min(max(longest / 3, 2.5), available), available)
            line.paragraph_format.space_after = Pt(12)

    def _body(self, blocks: Iterable[Heading | Paragraph | Table], available_cm: float) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                paragraph = _paragraph_format(
                    self.document.add_paragraph(),
                    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                    indent=FIRST_LINE_INDENT,
                    after=SPACE_AFTER,
                    line_spacing=LINE_SPACING,
                    keep_with_next=True,
                )
                level = max(block.level, 1)
                _add_text(paragraph, block.text, size=SIZE_BODY, bold=level <= 3, italic=level >= 3)
            elif isinstance(block, Paragraph):
                paragraph = _paragraph_format(
                    self.document.add_paragraph(),
                    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                    indent=FIRST_LINE_INDENT,
                    after=SPACE_AFTER,
                    line_spacing=LINE_SPACING,
                )
                _add_text(paragraph, block.text, size=SIZE_BODY, bold=block.bold, italic=block.italic)
            elif isinstance(block, Table):
                self._data_table(
                    self.document,
                    block.columns,
                    block.rows,
                    _distribute(block.widths_cm, len(block.columns), available_cm),
                    size=SIZE_TABLE,
                )
                _paragraph_format(self.document.add_paragraph(), after=SPACE_AFTER)
            else:
                raise TypeError(f"Unknown body block: {block!r}")

    def _closing(self) -> None:
        d = self.doc
        body = self.document.paragraphs
        if body:
            body[-1].paragraph_format.keep_with_next = True  # the signature page carries the last lines of text
        table = _fixed_table(self.document, 1, [RECIPIENTS_CM, SIGNATURE_CM], borders=False)
        _cant_split(table.rows[0])  # the signer's name never goes to a page of its own
        left, right = table.rows[0].cells
        paragraph = left.paragraphs[0]
        _paragraph_format(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT, before=Pt(6))
        _add_text(paragraph, "Nơi nhận:", size=SIZE_RECIPIENTS_LABEL, bold=True, italic=True)
        recipients = [r for r in (_clean_recipient(r) for r in d.recipients) if r]
        for i, recipient in enumerate(recipients):
            paragraph = _paragraph_format(left.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT)
            end = "." if i == len(recipients) - 1 else ";"
            _add_text(paragraph, f"- {recipient}{end}", size=SIZE_RECIPIENTS)

        lines = [x.strip().upper() for x in (d.signature.authority, d.signature.deputy, d.signature.position)]
        paragraph = right.paragraphs[0]
        _paragraph_format(paragraph, before=Pt(6))
        _add_text(paragraph, "\n".join(x for x in lines if x), size=SIZE_BODY, bold=True)
        for _ in range(4):  # room for the signature and the seal
            _paragraph_format(right.add_paragraph(), line_spacing=1.15)
        if d.signature.name.strip():
            paragraph = _paragraph_format(right.add_paragraph())
            _add_text(paragraph, d.signature.name.strip(), size=SIZE_BODY, bold=True)

    def _appendix(self, appendix: Appendix) -> None:
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        self._setup_section(section, landscape=appendix.landscape)
        _restart_page_numbers(section)  # each appendix numbers its own pages
        available = self._text_width_cm(section)

        paragraph = _paragraph_format(self.document.add_paragraph(), keep_with_next=True)
        number = appendix.number.strip()
        label = number if number.upper().startswith("PHỤ LỤC") else f"PHỤ LỤC {number}".strip()
        _add_text(paragraph, label.upper(), size=SIZE_BODY, bold=True)
        if appendix.title.strip():
            paragraph = _paragraph_format(self.document.add_paragraph(), keep_with_next=True)
            _add_text(paragraph, appendix.title.strip().upper(), size=SIZE_BODY, bold=True)
        if appendix.subtitle.strip():
            paragraph = _paragraph_format(self.document.add_paragraph(), keep_with_next=True)
            _add_text(paragraph, appendix.subtitle.strip(), size=SIZE_BODY, italic=True)
        line = _line_paragraph(self.document, 4.0, available)
        line.paragraph_format.space_after = Pt(6)
        line.paragraph_format.keep_with_next = True

        widths = _distribute(appendix.widths_cm, len(appendix.columns), available)
        self._data_table(
            self.document,
            appendix.columns,
            appendix.rows,
            widths,
            size=SIZE_APPENDIX_TABLE,
            groups=appendix.column_groups,
        )

    def _data_table(
        self,
        container: object,
        columns: Sequence[str],
        rows: Sequence[Sequence[str] | GroupRow],
        widths: Sequence[float],
        *,
        size: Length,
        groups: Sequence[tuple[str, int]] | None = None,
    ) -> None:
        """A bordered table: bold header (one or two rows) repeated on every page, group rows, numbered rows."""
        count = len(columns)
        if groups is not None and sum(span for _, span in groups) != count:
            raise ValueError(f"column_groups cover {sum(s for _, s in groups)} columns, the table has {count}")
        header_rows = 2 if groups else 1
        table = _fixed_table(container, header_rows, widths, borders=True)
        center = WD_ALIGN_PARAGRAPH.CENTER
        middle = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if groups:
            top, bottom = table.rows[0].cells, table.rows[1].cells
            start = 0
            for label, span in groups:
                if span == 1 and not label:
                    cell = top[start].merge(bottom[start])
                    _cell_text(cell, columns[start], size=size, bold=True, align=center)
                    cell.vertical_alignment = middle
                else:
                    cell = top[start].merge(top[start + span - 1]) if span > 1 else top[start]
                    _cell_text(cell, label, size=size, bold=True, align=center)
                    cell.vertical_alignment = middle
                    for i in range(start, start + span):
                        _cell_text(bottom[i], columns[i], size=size, bold=True, align=center)
                        bottom[i].vertical_alignment = middle
                start += span
        else:
            for cell, title in zip(table.rows[0].cells, columns, strict=True):
                _cell_text(cell, title, size=size, bold=True, align=center)
                cell.vertical_alignment = middle
        for row in table.rows[:header_rows]:
            _repeat_as_header(row)

        left_style, centre_style = self._cell_styles(size)
        twips = [int(Emu(Cm(w)).twips) for w in widths]
        number = 0
        for data in rows:
            if isinstance(data, GroupRow):
                # the label in the number column, the heading merged across the others, kept with what follows
                spans = [twips[0], sum(twips[1:])] if count > 1 else twips
                group_styles = [centre_style, left_style][: len(spans)]
                texts = [data.label, data.text][: len(spans)] if count > 1 else [f"{data.label} {data.text}"]
                table._tbl.append(_data_row(texts, spans, group_styles, group=count - 1))
                continue
            values = [str(v) if v is not None else "" for v in data]
            if len(values) == count - 1:
                number += 1
                values = [str(number), *values]
            elif len(values) != count:
                raise ValueError(f"a row has {len(values)} cells, the table has {count} columns: {values[:2]}")
            styles = [centre_style if i == 0 or _NUMERIC.match(v) else left_style for i, v in enumerate(values)]
            table._tbl.append(_data_row(values, twips, styles))

    def _cell_styles(self, size: Length) -> tuple[str, str]:
        """Paragraph styles (left, centred) for the records of a table: one style instead of formatting per run
        keeps a plan of a few hundred rows fast to write."""
        ids = []
        for align, suffix in ((WD_ALIGN_PARAGRAPH.LEFT, "trái"), (WD_ALIGN_PARAGRAPH.CENTER, "giữa")):
            name = f"Bảng {int(size.pt)} {suffix}"
            try:
                style = self.document.styles[name]
            except KeyError:
                style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = self.document.styles["Normal"]
                style.font.size = size  # type: ignore[union-attr]
                fmt = style.paragraph_format  # type: ignore[union-attr]
                fmt.alignment = align
                fmt.space_before = ZERO
                fmt.space_after = ZERO
                fmt.line_spacing = 1.0
            ids.append(style.style_id)
        return ids[0], ids[1]


def _data_row(values: Sequence[str], widths_twips: Sequence[int], styles: Sequence[str], group: int = 0) -> object:
    """A table row (w:tr) built directly, each line of a value a paragraph in the given style.

    A record never splits across pages. With `group` (the span of the last cell), the row is a group header:
    bold, its last cell spanning `group` columns, and kept on the page of the row under it.
    """
    tr = OxmlElement("w:tr")
    tr_pr = OxmlElement("w:trPr")
    tr_pr.append(OxmlElement("w:cantSplit"))
    tr.append(tr_pr)
    last = len(values) - 1
    for index, (value, width, style) in enumerate(zip(values, widths_twips, styles, strict=True)):
        tc = OxmlElement("w:tc")
        tc_pr = OxmlElement("w:tcPr")
        tc_w = OxmlElement("w:tcW")
        tc_w.set(qn("w:w"), str(width))
        tc_w.set(qn("w:type"), "dxa")
        tc_pr.append(tc_w)
        if group > 1 and index == last:
            span = OxmlElement("w:gridSpan")
            span.set(qn("w:val"), str(group))
            tc_pr.append(span)
        tc.append(tc_pr)
        for line in xml_safe(value).split("\n"):
            p = OxmlElement("w:p")
            p_pr = OxmlElement("w:pPr")
            p_style = OxmlElement("w:pStyle")
            p_style.set(qn("w:val"), style)
            p_pr.append(p_style)
            if group:
                p_pr.append(OxmlElement("w:keepNext"))
            p.append(p_pr)
            if line:
                r = OxmlElement("w:r")
                if group:
                    r_pr = OxmlElement("w:rPr")
                    r_pr.append(OxmlElement("w:b"))
                    r.append(r_pr)
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = line
                r.append(t)
                p.append(r)
            tc.append(p)
        tr.append(tc)
    return tr


_NUMERIC = re.compile(r"^[\d\s.,/–-]+$")  # counts such as "150", "10-15", "08" are centred


_RECIPIENT_EDGES = re.compile(r"^[\s\-–•+]+|[\s;.,]+$")


def _clean_recipient(text: str) -> str:
    """ "- Bộ Ngoại giao;" → "Bộ Ngoại giao" (the writer adds the dash and the final ";" or ".")."""
    return _RECIPIENT_EDGES.sub("", text or "")
