"""The writer: an :class:`OfficialDocument` in, the bytes of its .docx out."""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Mm, Pt

from doingoai.documents.decree30.layout import (
    A4_LONG,
    A4_SHORT,
    CELL_MARGIN_CM,
    FIRST_LINE_INDENT,
    HEADER_DISTANCE,
    HEADER_LEFT_CM,
    HEADER_RIGHT_CM,
    LINE_SPACING,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MOTTO_1,
    MOTTO_2,
    RECIPIENTS_CM,
    SIGNATURE_CM,
    SIZE_APPENDIX_TABLE,
    SIZE_BODY,
    SIZE_HEADER,
    SIZE_MOTTO,
    SIZE_PAGE_NUMBER,
    SIZE_RECIPIENTS,
    SIZE_RECIPIENTS_LABEL,
    SIZE_TABLE,
    SPACE_AFTER,
    ZERO,
    format_number,
    format_place_date,
    text_width_cm,
    xml_safe,
)
from doingoai.documents.decree30.model import Appendix, GroupRow, Heading, OfficialDocument, Paragraph, Table
from doingoai.documents.decree30.ooxml import (
    _add_text,
    _cant_split,
    _cell_text,
    _distribute,
    _field,
    _fixed_table,
    _line_paragraph,
    _paragraph_format,
    _repeat_as_header,
    _restart_page_numbers,
    _set_run_font,
)


def build_document(doc: OfficialDocument) -> bytes:
    """The document as .docx bytes (see the package docstring for the format)."""
    writer = _Writer(doc)
    return writer.render()


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
