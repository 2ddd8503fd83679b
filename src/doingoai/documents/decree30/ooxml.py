"""Low-level python-docx helpers: fonts, paragraph formats, fields, borders, fixed tables."""

from __future__ import annotations

from collections.abc import Sequence

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from doingoai.documents.decree30.layout import FONT, NUMBER_COLUMN_CM, ZERO, xml_safe


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
