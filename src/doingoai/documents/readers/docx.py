"""Word (.docx): paragraphs and tables in document order, numbering, footnotes, merged cells."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

from doingoai.documents.model import Cell, Document, DocumentError, Paragraph, Table
from doingoai.documents.readers.cleanup import _collapse_row, _finish, clean_inline, normalise_line
from doingoai.documents.readers.text import settle_paragraphs
from doingoai.documents.upload_checks import DOCX_MAIN, XLSX_MAIN, UploadError, check_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes) -> Document:
    """Read a .docx: paragraphs and tables in document order, footnotes, merged cells as spanning cells."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception as exc:  # BadZipFile, an unsupported zip version, zlib.error, …
        raise DocumentError("Tệp nén bị hỏng, không phải văn bản Word (.docx) đọc được.") from exc
    if XLSX_MAIN[0] in names:
        raise DocumentError(
            "Tệp là bảng tính Excel (.xlsx), không phải văn bản: hãy tải lên tệp .docx, .pdf hoặc .txt."
        )
    try:
        check_package(data, main_part=DOCX_MAIN[0], content_type=DOCX_MAIN[1], what="văn bản Word (.docx)")
    except UploadError as exc:
        raise DocumentError(str(exc)) from exc
    except Exception as exc:  # e.g. zlib.error from a damaged [Content_Types].xml
        raise DocumentError("Văn bản Word (.docx) bị hỏng, không đọc được nội dung.") from exc
    try:
        import docx  # imported here: text-only callers need not load python-docx and lxml

        word = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(word.element.body, _Numbering(word)))
        footnotes = _docx_notes(word)
        blocks = settle_paragraphs(blocks, footnotes, rewrap=True)
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on a damaged package
        raise DocumentError("Văn bản Word (.docx) bị hỏng, không đọc được nội dung.") from exc
    return Document(blocks=blocks, footnotes=footnotes, source="docx")


def _docx_blocks(container: Any, numbering: _Numbering) -> Iterable[Paragraph | Table]:
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            text = _finish("\n".join(map(normalise_line, clean_inline(_docx_text(child)).split("\n"))))
            if text:
                label = numbering.label(child)
                yield Paragraph(f"{label} {text}" if label else text)
        elif child.tag == f"{W}tbl":
            table = _docx_table(child)
            if table.rows:
                yield table
        elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
            inner = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if inner is not None:
                yield from _docx_blocks(inner, numbering)


_ROMAN_NUMERALS = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                   (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN_NUMERALS:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _letters(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


class _Numbering:
    """Word's automatic numbering ("I.", "1.", "a)", bullets), so numbered headings keep their numbers."""

    FORMATS: dict[str, Callable[[int], str]] = {
        "decimal": str,
        "decimalZero": lambda number: f"{number:02d}",
        "lowerLetter": _letters,
        "upperLetter": lambda number: _letters(number).upper(),
        "lowerRoman": _roman,
        "upperRoman": lambda number: _roman(number).upper(),
    }

    def __init__(self, word: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> level -> (format, text, start)
        self.counters: dict[str, list[int]] = {}
        self.styles: dict[str, tuple[str, int]] = {}  # paragraph style -> (numId, level)
        from docx.opc.constants import RELATIONSHIP_TYPE

        try:  # not word.part.numbering_part: it tries to create the part when the file has none
            root = word.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
            styles = word.styles.element
        except (KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for definition in root.iterchildren(f"{W}abstractNum"):
            levels = {}
            for level in definition.iterchildren(f"{W}lvl"):
                fmt = level.find(f"{W}numFmt")
                text = level.find(f"{W}lvlText")
                start = level.find(f"{W}start")
                levels[_level_number(level.get(f"{W}ilvl"))] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "",
                    _level_number(start.get(f"{W}val")) if start is not None else 1,
                )
            abstract[definition.get(f"{W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{W}num"):
            reference = num.find(f"{W}abstractNumId")
            if reference is not None:
                self.levels[num.get(f"{W}numId", "")] = abstract.get(reference.get(f"{W}val", ""), {})
        for style in styles.iterchildren(f"{W}style"):
            found = style.find(f"{W}pPr/{W}numPr")
            if found is not None:
                self.styles[style.get(f"{W}styleId", "")] = self._reference(found)

    @staticmethod
    def _reference(numbering: Any) -> tuple[str, int]:
        num_id = numbering.find(f"{W}numId")
        level = numbering.find(f"{W}ilvl")
        return (
            num_id.get(f"{W}val", "0") if num_id is not None else "0",
            _level_number(level.get(f"{W}val")) if level is not None else 0,
        )

    def label(self, paragraph: Any) -> str:
        found = paragraph.find(f"{W}pPr/{W}numPr")
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if found is not None:
            num_id, level = self._reference(found)
        elif style is not None and style.get(f"{W}val") in self.styles:
            num_id, level = self.styles[style.get(f"{W}val")]
        else:
            return ""
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        fmt, text, start = levels[level]
        if fmt == "bullet":
            return text if text in ("-", "+", "–", "*") else "-"
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, len(counters)):
            counters[deeper] = 0

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            own_fmt, _, own_start = levels.get(at, ("decimal", "", 1))
            return self.FORMATS.get(own_fmt, str)(
                counters[at] if 0 <= at < len(counters) and counters[at] else own_start
            )

        return re.sub(r"%([1-9])", number, text).strip()


def _level_number(value: str | None) -> int:
    try:
        return max(0, min(int(value or 0), 9))
    except ValueError:
        return 0


def _docx_text(element: Any) -> str:
    """The visible text of a paragraph (or cell): runs, tabs as spaces, breaks as newlines."""
    parts: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == MC_FALLBACK or tag in (f"{W}del", f"{W}moveFrom", f"{W}instrText"):
            continue
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}p" and node is not element:
            parts.append("\n")
        stack.extend(reversed(list(node)))
    return "".join(parts)


def _docx_table(tbl: Any) -> Table:
    rows: list[list[Cell]] = []
    for tr in _children(tbl, "tr"):
        cells: list[Cell] = []
        before = tr.find(f"{W}trPr/{W}gridBefore")
        if before is not None:
            cells.append(Cell("", _int(before.get(f"{W}val"), 1)))
        for tc in _children(tr, "tc"):
            props = tc.find(f"{W}tcPr")
            span = (
                _int(props.find(f"{W}gridSpan").get(f"{W}val"), 1)
                if props is not None and props.find(f"{W}gridSpan") is not None
                else 1
            )
            vmerge = props.find(f"{W}vMerge") if props is not None else None
            hmerge = props.find(f"{W}hMerge") if props is not None else None
            if hmerge is not None and hmerge.get(f"{W}val") != "restart" and cells:
                cells[-1] = Cell(cells[-1].text, cells[-1].span + span)
                continue
            below_merge = vmerge is not None and vmerge.get(f"{W}val") in (None, "continue")
            paragraphs = [_docx_text(p) for p in tc.iter(f"{W}p")]
            text = "" if below_merge else _finish(clean_inline("\n".join(paragraphs)))
            cells.append(Cell(text, span))
        if any(cell.text for cell in cells):
            rows.append(_collapse_row(cells))
    return Table(rows)


def _children(element: Any, name: str) -> Iterable[Any]:
    """Direct children ``w:name``, looking through content controls and custom XML wrappers."""
    for child in element.iterchildren():
        if child.tag == f"{W}{name}":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _children(child, name)


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, min(int(value or default), 64))
    except ValueError:
        return default


def _docx_notes(word: Any) -> dict[str, str]:
    from docx.oxml import parse_xml

    notes: dict[str, str] = {}
    for rel in word.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        root = parse_xml(rel.target_part.blob)
        prefix = "e" if rel.reltype.endswith("/endnotes") else ""
        for note in root.iterchildren(f"{W}footnote", f"{W}endnote"):
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = _finish(clean_inline(_docx_text(note)))
            if text:
                notes[f"{prefix}{note.get(f'{W}id')}"] = text
    return notes
