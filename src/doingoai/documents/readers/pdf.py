"""PDF (pdfplumber): text outside tables joined into paragraphs, tables across pages, footnotes."""

from __future__ import annotations

import ctypes
import io
import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterable
from typing import Any

from doingoai.documents.model import Cell, Document, DocumentError, Paragraph, Table
from doingoai.documents.readers.cleanup import (
    _SUPERSCRIPT_DIGITS,
    _collapse_row,
    _finish,
    clean_inline,
    normalise_line,
)
from doingoai.documents.readers.text import (
    _BULLET,
    _PAGE_NUMBER,
    _full_width,
    _paragraphs,
    settle_paragraphs,
    strip_markers,
)

MAX_PAGES = 500


def read_pdf(data: bytes) -> Document:
    """Read a PDF: text outside tables joined into paragraphs, tables, footnotes. Pages without drawn lines are
    read with pdfium; when every page is such a page, pdfplumber is not even imported."""
    fast = _PdfiumPages(data)
    pages: list[_PdfiumPage | None] = []
    if fast.document is not None:
        if len(fast.document) > MAX_PAGES:
            raise DocumentError(f"Tệp PDF quá dài ({len(fast.document)} trang); giới hạn là {MAX_PAGES} trang.")
        pages = [fast.page(index) for index in range(len(fast.document))]
        if pages and all(page is not None for page in pages):
            try:
                return _pdf_document([item for page in pages for item in _pdf_page(page)])
            except Exception:  # noqa: S110 - read again by pdfplumber below, which reports what is wrong
                pass
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    def failure(exc: BaseException) -> DocumentError:
        # pdfplumber wraps pdfminer's errors: look for the password error along the chain.
        causes = [exc, *exc.args, exc.__cause__, exc.__context__]
        if any(isinstance(cause, PDFPasswordIncorrect) for cause in causes):
            return DocumentError("Tệp PDF được đặt mật khẩu: hãy bỏ mật khẩu rồi tải lên lại.")
        return DocumentError("Tệp PDF bị hỏng, không đọc được.")

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many types on a damaged file
        raise failure(exc) from exc
    try:
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentError(f"Tệp PDF quá dài ({len(pdf.pages)} trang); giới hạn là {MAX_PAGES} trang.")
            if len(pages) != len(pdf.pages):
                pages = [None] * len(pdf.pages)
            items = [item for index, page in enumerate(pdf.pages) for item in _pdf_page(pages[index] or page)]
    except DocumentError:
        raise
    except Exception as exc:
        raise failure(exc) from exc
    return _pdf_document(items)


class _PdfiumPages:
    """The pages without drawn lines (no table, no rule), read with pdfium: ten times faster than pdfminer's
    interpreter, which pdfplumber runs on every page; a page with drawn lines goes to pdfplumber for its tables.
    Each page read here offers what ``_pdf_page`` uses of a pdfplumber page: chars as dicts, text lines, height."""

    def __init__(self, data: bytes) -> None:
        try:
            import pypdfium2 as pdfium

            self.document: Any = pdfium.PdfDocument(data)
        except Exception:  # a file pdfium refuses is read by pdfplumber alone (its errors are the ones shown)
            self.document = None

    def page(self, index: int) -> _PdfiumPage | None:
        if self.document is None:
            return None
        import pypdfium2.raw as raw

        try:
            page = self.document[index]  # a damaged page fails here ("Failed to load page"): pdfplumber reads it
            objects = page.raw
            for at in range(raw.FPDFPage_CountObjects(objects)):
                if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(objects, at)) != raw.FPDF_PAGEOBJ_TEXT:
                    return None  # paths (table rules, the line under the issuer), images, forms: pdfplumber
            height = page.get_height()
            textpage = page.get_textpage()  # kept in a name: pdfium closes it once the helper is collected
            return _PdfiumPage(height, _pdfium_chars(raw, textpage.raw, height))
        except Exception:
            return None


def _pdfium_chars(raw: Any, textpage: Any, height: float) -> list[dict[str, Any]]:
    """The page's chars as pdfplumber gives them, read by the raw calls: the pypdfium2 helpers make new ctypes
    objects on every call, and the size and baseline are asked once per text object (its chars share them: one
    font, one size, one text matrix), which halves the reading of a 40-page programme."""
    unicode, box, font_size, origin = (
        raw.FPDFText_GetUnicode,
        raw.FPDFText_GetLooseCharBox,
        raw.FPDFText_GetFontSize,
        raw.FPDFText_GetCharOrigin,
    )
    text_object = ctypes.cast(
        raw.FPDFText_GetTextObject, ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
    )  # an address to compare, not a new pointer object per char
    rect = raw.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(origin_x), ctypes.byref(origin_y)
    chars: list[dict[str, Any]] = []
    last: int | None = None
    size = baseline = 0.0
    for at in range(raw.FPDFText_CountChars(textpage)):
        code = unicode(textpage, at)
        if code in (0, 10, 13, 0xFFFE, 0xFFFF):
            continue
        if code == 2:
            code = 45  # pdfium's mark for a hyphen that ends a line: "-"
        if not box(textpage, at, rect):
            raise ValueError("no box for a char")
        current = text_object(textpage, at)
        if current is None or current != last:
            size = font_size(textpage, at)
            origin(textpage, at, at_x, at_y)
            # The baseline places the char: an accented capital's box is taller than its neighbours'.
            baseline = height - origin_y.value
            last = current
        char = {"text": chr(code), "x0": rect.left, "x1": rect.right, "top": baseline - size, "bottom": baseline}
        char["size"] = size
        chars.append(char)
    return chars


class _PdfiumPage:
    def __init__(self, height: float, chars: list[dict[str, Any]]) -> None:
        self.height = height
        self.chars = chars

    def find_tables(self) -> list[Any]:
        return []

    def extract_text_lines(self, return_chars: bool = True) -> list[dict[str, Any]]:
        """Chars clustered into lines by their top (3 points of tolerance, as pdfplumber), left to right."""
        lines: list[dict[str, Any]] = []
        for char in sorted(self.chars, key=lambda item: item["top"]):
            if lines and char["top"] - lines[-1]["top"] <= 3:
                lines[-1]["chars"].append(char)
            else:
                lines.append({"top": char["top"], "chars": [char]})
        for line in lines:
            line["chars"].sort(key=lambda item: item["x0"])
            line["top"] = min(item["top"] for item in line["chars"])
        return [line for line in lines if any(not item["text"].isspace() for item in line["chars"])]


def _pdf_page(page: Any) -> list[tuple[str, Any]]:
    """One page as ("line", (text, blank_before)), ("note", text) and ("table", Table) items in reading order."""
    found = page.find_tables()
    boxes = [table.bbox for table in found]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    region = page.filter(outside) if boxes else page
    raw = region.extract_text_lines(return_chars=True)
    sizes = [char.get("size", 0) for line in raw for char in line["chars"] if not char["text"].isspace()]
    body_size = statistics.median(sizes) if sizes else 0
    spacing = statistics.median([b["top"] - a["top"] for a, b in itertools.pairwise(raw) if b["top"] > a["top"]] or [0])
    lines: list[_PdfLine] = []
    notes: list[str] = []
    notes_from: float | None = None
    for line in raw:
        segments = _pdf_segments(line["chars"])
        if not segments:
            continue
        text = " ".join(segment[2] for segment in segments)
        size = statistics.median([char.get("size", 0) for char in line["chars"]] or [0])
        if (
            notes_from is None
            and body_size
            and size < body_size - 0.8
            and line["top"] > 0.55 * page.height
            and re.match(r"^(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹])\s*\S", text)
        ):
            notes_from = line["top"]
        if notes_from is not None and line["top"] >= notes_from:
            notes.append(text)
            continue
        blank = bool(lines) and spacing > 0 and line["top"] - lines[-1].top > 1.25 * spacing
        lines.append(_PdfLine(line["top"], segments, blank))
    tables = sorted(((table.bbox[1], _pdf_table(table)) for table in found), key=lambda item: item[0])
    result: list[tuple[str, Any]] = []
    for top, text, blank in _reading_order(lines):
        while tables and tables[0][0] < top:
            result.append(("table", tables.pop(0)[1]))
        result.append(("line", (text, blank)))
    result.extend(("table", table) for _, table in tables)
    result.extend(("note", text) for text in notes)
    result.append(("page", None))
    return result


class _PdfLine:
    __slots__ = ("blank", "segments", "top")

    def __init__(self, top: float, segments: list[tuple[float, float, str]], blank: bool) -> None:
        self.top = top
        self.segments = segments  # (x0, x1, text) runs separated by a wide horizontal gap
        self.blank = blank


def _pdf_segments(chars: list[dict[str, Any]]) -> list[tuple[float, float, str]]:
    """Split a line into runs of text separated by a gap much wider than a space (two layout columns)."""
    segments: list[tuple[float, float, str]] = []
    text = ""
    start = end = 0.0
    previous: dict[str, Any] | None = None
    spaced = False
    for char in chars:
        if char["text"].isspace():
            spaced = True  # a space the file writes (or pdfium places) between two words
            continue
        size = char.get("size", 10) or 10
        gap = char["x0"] - previous["x1"] if previous is not None else 0.0
        if previous is not None and gap > max(18.0, 2.5 * size):
            segments.append((start, end, text))
            text = ""
        if not text:
            start = char["x0"]
        elif gap > 0.2 * size or (spaced and gap > -0.5):
            text += " "
        spaced = False
        text += char["text"]
        end = char["x1"]
        previous = char
    if text:
        segments.append((start, end, text))
    return [(x0, x1, unicodedata.normalize("NFC", text).strip()) for x0, x1, text in segments if text.strip()]


def _reading_order(lines: list[_PdfLine]) -> Iterable[tuple[float, str, bool]]:
    """Lines in reading order: a two-column block (issuing body | national motto, "Nơi nhận" | signature) is
    read column by column, left then right, instead of across."""
    index = 0
    while index < len(lines):
        line = lines[index]
        if len(line.segments) != 2:
            yield line.top, line.segments[0][2], line.blank
            index += 1
            continue
        middle = line.segments[1][0] - 5
        left: list[tuple[float, str]] = []
        right: list[tuple[float, str]] = []
        while index < len(lines):
            current = lines[index]
            if current is not line and current.blank:
                break  # a wider vertical gap ends the block
            if len(current.segments) == 2 and abs(current.segments[1][0] - 5 - middle) < 60:
                left.append((current.top, current.segments[0][2]))
                right.append((current.top, current.segments[1][2]))
            elif len(current.segments) == 1 and current.segments[0][0] >= middle - 20:
                right.append((current.top, current.segments[0][2]))
            elif len(current.segments) == 1 and current.segments[0][1] <= middle:
                left.append((current.top, current.segments[0][2]))
            else:
                break
            index += 1
        for column in (left, right):
            for position, (top, text) in enumerate(column):
                yield top, text, position == 0


def _pdf_table(table: Any) -> Table:
    """A pdfplumber table; ``None`` beside a cell whose box reaches over that column is a horizontal merge,
    any other ``None`` (below a vertically merged cell) an empty cell."""
    texts = table.extract()
    starts: dict[int, float] = {}
    for row in table.rows:
        for index, box in enumerate(row.cells):
            if box is not None:
                starts[index] = min(starts.get(index, box[0]), box[0])
    rows: list[list[Cell]] = []
    for row, values in zip(table.rows, texts, strict=False):
        cells: list[Cell] = []
        reach = -1.0
        for index, (box, value) in enumerate(zip(row.cells, values, strict=False)):
            if box is None and cells and reach > starts.get(index, reach) + 1:
                cells[-1] = Cell(cells[-1].text, cells[-1].span + 1)
                continue
            cells.append(Cell(_pdf_cell(value or "")))
            reach = box[2] if box is not None else -1.0
        if any(cell.text for cell in cells):
            rows.append(_collapse_row(cells))
    return Table(rows)


def _pdf_cell(text: str) -> str:
    lines = [line.strip() for line in clean_inline(text).split("\n") if line.strip()]
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and out[-2:-1].isalnum():
            out += line
        elif _BULLET.match(line):
            out += "\n" + line
        else:
            out += " " + line
    return _finish(out)


def _continues(last: list[Cell], first: list[Cell]) -> bool:
    return (
        len(last) == len(first)
        and bool(last[0].text)
        and not first[0].text
        and sum(1 for cell in first if cell.text) >= 1
        and [cell.span for cell in last] == [cell.span for cell in first]
    )


def _pdf_document(items: list[tuple[str, Any]]) -> Document:
    blocks: list[Paragraph | Table] = []
    note_lines: list[str] = []
    lines: list[str] = []
    last_block_was_table_before_page = False
    page_start = True

    def flush() -> None:
        if not lines:
            return
        full = _full_width(lines)
        for paragraph in _paragraphs(lines, wrapped=True, gap=0, full_width=full):
            blocks.append(Paragraph(paragraph))
        lines.clear()

    for kind, payload in items:
        if kind == "line":
            text, blank = payload
            text = normalise_line(text)
            if _PAGE_NUMBER.match(text):
                continue
            if blank:
                lines.append("")
            lines.append(text)
            page_start = False
        elif kind == "note":
            note_lines.append(payload)
        elif kind == "table":
            flush()
            previous = blocks[-1] if blocks else None
            if (
                page_start
                and last_block_was_table_before_page
                and isinstance(previous, Table)
                and payload.width == previous.width
            ):
                # A table continued from the previous page: drop its repeated header row.
                rows = (
                    payload.rows[1:]
                    if payload.rows and previous.rows and payload.rows[0] == previous.rows[0]
                    else payload.rows
                )
                if rows and previous.rows and _continues(previous.rows[-1], rows[0]):
                    # The last row was cut by the page break: its cells go on in the first row here.
                    last, rest = previous.rows[-1], rows.pop(0)
                    previous.rows[-1] = [
                        Cell(f"{a.text} {b.text}".strip(), a.span) for a, b in zip(last, rest, strict=True)
                    ]
                previous.rows.extend(rows)
            elif payload.rows:
                blocks.append(payload)
            page_start = False
        else:  # page end
            last_block_was_table_before_page = not lines and bool(blocks) and isinstance(blocks[-1], Table)
            page_start = True
    flush()
    footnotes: dict[str, str] = {}
    current: str | None = None
    for line in note_lines:
        start = re.match(r"^(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s*(\S.*)$", line)
        if start:
            current = start[1].translate(_SUPERSCRIPT_DIGITS)
            footnotes[current] = start[2]
        elif current is not None:
            footnotes[current] += " " + line
    blocks = settle_paragraphs(blocks, footnotes, strip=False)
    if not blocks:
        raise DocumentError("Tệp PDF không có lớp chữ (có thể là bản quét): hãy dùng bản PDF có chữ hoặc tệp .docx.")
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            blocks[index] = Paragraph(_finish(strip_markers(block.text, footnotes)))
    return Document(
        blocks=[block for block in blocks if not isinstance(block, Paragraph) or block.text],
        footnotes={key: _finish(value) for key, value in footnotes.items()},
        source="pdf",
    )
