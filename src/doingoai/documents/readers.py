"""Read a programme, plan or notice into the one internal representation (no Django).

``read(path_or_bytes, name)`` looks at the content, not only the name: a PDF starts with ``%PDF-``, a Word
file is a zip with ``word/document.xml``, anything else must decode as text. Every way a file can be
unreadable — empty, too large, not a document, a corrupt or encrypted package, a zip bomb, a PDF with a
password or without a text layer — ends in one exception type, :class:`DocumentError`, whose message is one
line of Vietnamese for the user.

Text (.txt, .md) is often what someone copied out of a PDF or a .docx, so the text reader undoes what that
does to a document:

* hard-wrapped lines (with blank lines between them) are joined back into paragraphs; a line break inside a
  document number or date range ("số 1726-" / "CTr/TU", "(18/01/1950-" / "18/01/2025)") joins without a space;
* spaced hyphens and slashes inside document numbers ("134 - KH/TU", "80/2020/NĐ - CP") are closed up;
* footnote bodies ("[1] …", "¹ …", "⁽¹⁾ …", or "1 …" under a separator line) go to ``Document.footnotes`` and
  their markers ("[1]", "¹", "đối ngoại1.") leave the text;
* tables written one cell per tab-indented line, a blank line between rows (what copying a Word table gives),
  and Markdown pipe tables become ``Table`` blocks; a merged row whose text is repeated once per column
  becomes one cell spanning them.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import statistics
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

from doingoai.documents.model import Cell, Document, DocumentError, Paragraph, Table
from doingoai.documents.upload_checks import DOCX_MAIN, XLSX_MAIN, UploadError, check_package

__all__ = ["MAX_BYTES", "MAX_PAGES", "DocumentError", "normalise_numbers", "read", "read_docx", "read_pdf", "read_text"]

MAX_BYTES = 25 * 1024 * 1024
MAX_PAGES = 500
MAX_CHARS = 5_000_000
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2007\u2009\u202f\u3000"), " ")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TERMINAL = ".!?…"
# A name that promises a binary format whose signature the content lacks: not read as text.
_BINARY_SUFFIXES = {".docx": "văn bản Word", ".doc": "văn bản Word", ".pdf": "PDF", ".xlsx": "bảng tính Excel"}


def read(source: bytes | str | os.PathLike[str], name: str | None = None) -> Document:
    """Read a .docx, .pdf or text file (path or bytes) into a :class:`Document`.

    ``name`` (the file name as uploaded) is only a hint; the content decides the format. Raises
    :class:`DocumentError` — and nothing else — for anything that is not a readable document.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        path = Path(source)
        name = name or path.name
        try:
            if path.stat().st_size > MAX_BYTES:
                raise DocumentError(_too_large(path.stat().st_size))
            data = path.read_bytes()
        except DocumentError:
            raise
        except FileNotFoundError as exc:
            raise DocumentError(f"Không tìm thấy tệp {path}.") from exc
        except IsADirectoryError as exc:
            raise DocumentError(f"{path} là một thư mục, không phải tệp văn bản.") from exc
        except OSError as exc:
            raise DocumentError(f"Không mở được tệp {path}: {exc.strerror or exc}.") from exc
    if not data.strip():
        raise DocumentError("Tệp rỗng: không có nội dung để đọc.")
    if len(data) > MAX_BYTES:
        raise DocumentError(_too_large(len(data)))
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return read_pdf(data)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return read_docx(data)
    if data.startswith(OLE2_SIGNATURE):
        raise DocumentError(
            "Tệp Word 97-2003 (.doc) hoặc tệp có mật khẩu: hãy mở bằng Word, bỏ mật khẩu và lưu lại thành .docx."
        )
    if head.startswith(b"{\\rtf"):
        raise DocumentError("Tệp RTF chưa được hỗ trợ: hãy lưu lại thành .docx hoặc .pdf.")
    suffix = PurePath(name or "").suffix.lower()
    if suffix in _BINARY_SUFFIXES:
        raise DocumentError(f"Tệp có đuôi {suffix} nhưng nội dung không phải {_BINARY_SUFFIXES[suffix]}.")
    return read_text(_decode(data))


def _too_large(size: int) -> str:
    megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return f"Tệp quá lớn ({megabytes} MB); giới hạn là {MAX_BYTES // 1024 // 1024} MB."


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError("Tệp văn bản UTF-16 bị hỏng; hãy lưu lại theo bảng mã UTF-8.") from exc
    if b"\x00" in data[:65536]:
        raise DocumentError("Tệp không phải văn bản (.docx, .pdf hoặc .txt) đọc được.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Vietnamese Windows code page: older text files were saved in it.
        text = data.decode("cp1258", errors="replace")
    odd = sum(
        1
        for char in text[:65536]
        if char == "\ufffd" or (unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    )
    if odd > max(8, len(text[:65536]) // 50):
        raise DocumentError("Tệp không phải văn bản (.docx, .pdf hoặc .txt) đọc được.")
    if not any(char.isalpha() for char in text):
        raise DocumentError("Tệp không có nội dung chữ để đọc.")
    return text


# ---------------------------------------------------------------------------------------------------------
# Shared text clean-up


def clean_inline(text: str) -> str:
    """NFC, ordinary spaces, no invisible characters; newlines and tabs are kept."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)


_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,7}"
_NUMBER_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "80 / 2020 / NĐ-CP" → "80/2020/NĐ-CP"
    (re.compile(rf"\b(\d{{1,5}}) ?/ ?(\d{{4}}) ?/ ?(?={_CODE})"), r"\1/\2/"),
    # "134 - KH/TU", "134 -KH / TU" → "134-KH/TU"
    (re.compile(rf"\b(\d{{1,5}}) *- *({_CODE}) */ *({_CODE}\d{{0,2}})\b"), r"\1-\2/\3"),
    # "80/2020/NĐ - CP", "682/KH - UBND", "1349 / BNG-CNV" → closed up
    (re.compile(rf"\b(\d{{1,5}}(?:/\d{{4}})?/{_CODE}) *- *({_CODE}\d{{0,2}})\b"), r"\1-\2"),
    (re.compile(rf"\b(\d{{1,5}}) +/ *({_CODE}-{_CODE})\b"), r"\1/\2"),
)


def normalise_numbers(text: str) -> str:
    """Close up spaces around the hyphens and slashes of document numbers ("134 - KH/TU" → "134-KH/TU")."""
    for pattern, replacement in _NUMBER_FIXES:
        text = pattern.sub(replacement, text)
    return text


def _finish(text: str) -> str:
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return normalise_numbers("\n".join(line for line in lines if line))


def _collapse_row(cells: Sequence[Cell]) -> list[Cell]:
    """Collapse a merged row written as the same text in every column into one spanning cell.

    Only rows that end up with at most two non-empty cells (a marker and a label) are collapsed, so two
    neighbouring data cells that happen to be equal ("10", "10") stay two cells.
    """
    if len(cells) < 3:
        return list(cells)
    merged: list[Cell] = []
    for cell in cells:
        if merged and cell.text and cell.text == merged[-1].text:
            merged[-1] = Cell(cell.text, merged[-1].span + cell.span)
        else:
            merged.append(cell)
    if len(merged) < len(cells) and sum(1 for cell in merged if cell.text) <= 2:
        return merged
    return list(cells)


# ---------------------------------------------------------------------------------------------------------
# Text


_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*$", re.I)
_SEPARATOR = re.compile(r"^[ \t]{10,}$|^\s*[_\-–—=]{5,}\s*$")
_NOTE_START = re.compile(r"^\s*(?:\[(?P<bracket>\d{1,3})\]|(?P<sup>⁽?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}⁾?))\s*(?P<text>\S.*)$")
_NUMBER_NOTE = re.compile(r"^(?P<number>\d{1,2})\s+(?P<text>\S.*)$")
_BULLET = re.compile(r"^[-+•●▪*–—]\s*(?P<first>\S)")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVXLC]{1,6}\.|[a-zđ]\.(?=\s+[A-ZĐ]))\s+\S")
_SECTION_WORD = re.compile(r"^(?:Phần|PHẦN|Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC)\s+[\dIVXLC]+\b")
_APPENDIX = re.compile(r"^\s*(?:PHỤ LỤC|Phụ lục)\b")
_CLOSING = re.compile(r"^(?:Trên đây là|Nơi nhận|Kính gửi|Căn cứ)\b")


def read_text(text: str) -> Document:
    """Read text (plain, Markdown, or extracted from a PDF or .docx) into a :class:`Document`."""
    if len(text) > MAX_CHARS:
        raise DocumentError(f"Văn bản quá dài (hơn {MAX_CHARS:,} ký tự).".replace(",", "."))
    text = clean_inline(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = text.split("\n")
    segments = _segment(lines)
    text_lines = [line for kind, payload in segments if kind == "text" for line in payload]
    wrapped = _looks_wrapped(text_lines)
    footnotes: dict[str, str] = {}
    stripped: list[tuple[str, Any]] = []
    for kind, payload in segments:
        if kind == "text":
            body, notes = _take_footnotes(payload)
            footnotes.update(notes)
            stripped.append((kind, body))
        else:
            stripped.append((kind, payload))
    gap = _typical_gap(text_lines) if wrapped else 0
    full = _full_width(text_lines)
    blocks: list[Paragraph | Table] = []
    for kind, payload in stripped:
        if kind == "text":
            for paragraph in _paragraphs(payload, wrapped=wrapped, gap=gap, full_width=full):
                paragraph = _finish(strip_markers(paragraph, footnotes))
                if paragraph:
                    blocks.append(Paragraph(paragraph))
        else:
            table = Table(
                [
                    [Cell(_finish(strip_markers(cell.text, footnotes)), cell.span) for cell in row]
                    for row in payload.rows
                ]
            )
            if table.rows:
                blocks.append(table)
    return Document(blocks=blocks, footnotes={key: _finish(value) for key, value in footnotes.items()}, source="text")


def _is_tab_row(line: str) -> bool:
    return line.lstrip(" ").startswith("\t") or line.count("\t") >= 2


def _is_pipe_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def _segment(lines: list[str]) -> list[tuple[str, Any]]:
    """Split lines into runs of text lines and tables (tab-indented cells or Markdown pipes)."""
    segments: list[tuple[str, Any]] = []
    buffer: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        reader: Callable[[list[str], int], tuple[Table, int]] | None = None
        if _is_tab_row(line):
            reader = _read_tab_table
        elif _is_pipe_row(line):
            reader = _read_pipe_table
        if reader is None:
            buffer.append(line)
            index += 1
            continue
        if buffer:
            segments.append(("text", buffer))
            buffer = []
        table, index = reader(lines, index)
        segments.append(("table", table))
    if buffer:
        segments.append(("text", buffer))
    return segments


def _read_tab_table(lines: list[str], index: int) -> tuple[Table, int]:
    """Cells one per tab-indented line (continuation lines without a tab), rows separated by blank lines."""
    rows: list[list[Cell]] = []
    row: list[str] = []

    def end_row() -> None:
        nonlocal row
        if any(cell.strip() for cell in row):
            rows.append(_collapse_row([Cell(_cell(cell)) for cell in row]))
        row = []

    while index < len(lines):
        line = lines[index]
        if _is_tab_row(line):
            parts = line.lstrip(" ").split("\t")
            if line.lstrip(" ").startswith("\t"):
                parts = parts[1:]
            row.extend(parts)
        elif not line.strip():
            end_row()
            ahead = index + 1
            while ahead < len(lines) and not lines[ahead].strip() and not _is_tab_row(lines[ahead]):
                ahead += 1
            if ahead >= len(lines) or not _is_tab_row(lines[ahead]):
                return Table(rows), ahead
            index = ahead
            continue
        elif row and not _APPENDIX.match(line):
            row[-1] = f"{row[-1]}\n{line}"
        else:
            break
        index += 1
    end_row()
    return Table(rows), index


def _cell(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _read_pipe_table(lines: list[str], index: int) -> tuple[Table, int]:
    rows: list[list[Cell]] = []
    while index < len(lines) and _is_pipe_row(lines[index]):
        stripped = lines[index].strip().strip("|")
        index += 1
        parts = [part.strip() for part in stripped.split("|")]
        if all(re.fullmatch(r":?-{2,}:?", part) for part in parts if part):
            continue
        cells = [Cell(_cell(re.sub(r"<br\s*/?>", "\n", part).replace("**", "").replace("__", ""))) for part in parts]
        if any(cell.text for cell in cells):
            rows.append(_collapse_row(cells))
    return Table(rows), index


def _looks_wrapped(lines: list[str]) -> bool:
    """Whether the text is hard-wrapped (copied from a PDF) rather than one paragraph per line."""
    sized = [line.strip() for line in lines if len(line.strip()) >= 20]
    if len(sized) < 5:
        return False
    if sum(1 for line in sized if len(line) > 160) > len(sized) / 10:
        return False
    long = [line for line in sized if len(line) >= 40]
    if not long:
        return False
    open_ended = sum(1 for line in long if line.rstrip()[-1] not in _TERMINAL + ";:")
    return open_ended >= 0.4 * len(long)


def _full_width(lines: list[str]) -> float:
    """The length of a full line of hard-wrapped text (third quartile of the longer lines)."""
    widths = [len(line.strip()) for line in lines if len(line.strip()) >= 20]
    if len(widths) < 4:
        return max(widths, default=0)
    return statistics.quantiles(widths, n=4)[2]


def _typical_gap(lines: list[str]) -> int:
    """The usual number of blank lines between two lines of one paragraph in hard-wrapped text."""
    gaps: list[int] = []
    run = 0
    seen = False
    for line in lines:
        if line.strip():
            if seen:
                gaps.append(run)
            seen = True
            run = 0
        else:
            run += 1
    return statistics.mode(gaps) if gaps else 0


def _take_footnotes(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Move footnote bodies out of the text: "[1] …", "¹ …" anywhere, "1 …" below a separator line."""
    body: list[str] = []
    notes: dict[str, str] = {}
    current: str | None = None
    in_area = False  # below a separator, until the next page starts
    expected = 1
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _SEPARATOR.match(line) and not in_area:
            ahead = index
            while ahead < len(lines) and not lines[ahead].strip():
                ahead += 1
            following = lines[ahead] if ahead < len(lines) else ""
            if _NOTE_START.match(following) or _NUMBER_NOTE.match(following):
                in_area, current = True, None
                continue
        if not line.strip():
            if not in_area and current is None:
                body.append(line)
            continue
        start = _NOTE_START.match(line)
        if start:
            key = start["bracket"] or start["sup"].strip("⁽⁾").translate(_SUPERSCRIPT_DIGITS)
            notes[key] = start["text"].strip()
            current = key
            expected = int(key) + 1
            continue
        if in_area:
            if line[:1] == " ":  # the next page starts
                in_area, current = False, None
                body.append(line)
                continue
            number = _NUMBER_NOTE.match(line)
            if number and (current is None or int(number["number"]) == expected):
                current = number["number"]
                notes[current] = number["text"].strip()
                expected = int(current) + 1
            elif current is not None:
                notes[current] = f"{notes[current]}\n{line.strip()}"
            continue
        if current is not None:
            if _starts_block(line.strip()) or line[:1] == " ":
                current = None
            else:
                notes[current] = f"{notes[current]}\n{line.strip()}"
                continue
        body.append(line)
    return body, notes


def strip_markers(text: str, footnotes: dict[str, str]) -> str:
    """Remove footnote markers: "[1]", "¹", "⁽¹⁾" and a number glued to a word ("đối ngoại1.")."""
    if not footnotes:
        return text

    def bracket(match: re.Match[str]) -> str:
        return "" if match[1] in footnotes else match[0]

    def superscript(match: re.Match[str]) -> str:
        return "" if match[0].strip("⁽⁾").translate(_SUPERSCRIPT_DIGITS) in footnotes else match[0]

    def glued(match: re.Match[str]) -> str:
        return match[1] if match[2] in footnotes else match[0]

    text = re.sub(r"\[(\d{1,3})\]", bracket, text)
    text = re.sub(r"⁽?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}⁾?", superscript, text)
    return re.sub(r"([a-zà-ỹđ)”\"])(\d{1,2})(?=[\s.,;:!?)\]…]|$)", glued, text)


def _starts_block(line: str) -> bool:
    """A line that starts a paragraph whatever came before it: a list marker, a numbered item, a heading."""
    bullet = _BULLET.match(line)
    if bullet and (bullet["first"].isupper() or bullet["first"] in "\"“'("):
        return True
    return bool(_NUMBERED.match(line) or _SECTION_WORD.match(line) or _APPENDIX.match(line) or _CLOSING.match(line))


def _is_upper(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 2 and all(not char.islower() for char in letters)


def _paragraphs(lines: Iterable[str], *, wrapped: bool, gap: int, full_width: float) -> list[str]:
    """Join lines into paragraphs: every line is one in line mode; hard-wrapped lines are joined back."""
    paragraphs: list[str] = []
    current = ""
    blanks = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            blanks += 1
            continue
        if wrapped and _PAGE_NUMBER.match(line):
            continue
        if not current:
            current, blanks = line, 0
            continue
        previous = current.split("\n")[-1]
        join = _join(
            previous, line, wrapped=wrapped, blank_gap=blanks > gap, full_width=full_width, paragraph_start=current
        )
        blanks = 0
        if join is None:
            paragraphs.append(current)
            current = line
        else:
            current = f"{current}{join}{line}"
    if current:
        paragraphs.append(current)
    return paragraphs


def _join(
    previous: str, line: str, *, wrapped: bool, blank_gap: bool, full_width: float, paragraph_start: str = ""
) -> str | None:
    """How to join ``line`` to the paragraph ending with ``previous``: "" or " ", or None for a new paragraph."""
    if previous.endswith("-") and len(previous) >= 2 and line[:1].isalnum() and not _starts_block(line):
        # "1726-" + "CTr/TU", "1950-" + "18/01/2025)": the break fell inside a number or range.
        return "" if previous[-2].isalnum() else " "
    if not wrapped or blank_gap:
        return None
    if _is_upper(line) or _is_upper(previous):
        return None
    if _starts_block(line):
        # "Việt Nam" + "- Lào ...": a dash after a full line that ends mid-sentence continues it.
        heading = paragraph_start == previous and bool(_NUMBERED.match(previous))
        inside_sentence = previous[-1] not in _TERMINAL + ";:" and not heading
        if not (_BULLET.match(line) and inside_sentence and full_width and len(previous) >= 0.85 * full_width):
            return None
        return " "
    if line[0].islower() or line[0] in ",;:)]…":
        return " "
    if full_width and len(previous) < 0.75 * full_width:
        return None  # a short line ended the paragraph (or was a heading)
    # A full line ending a sentence is most often followed by the next sentence of the same paragraph:
    # new paragraphs of these documents start with a marker ("-", "+", "a)", "1.") or a heading.
    return " "


# ---------------------------------------------------------------------------------------------------------
# Word (.docx)


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
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on a damaged package
        raise DocumentError("Văn bản Word (.docx) bị hỏng, không đọc được nội dung.") from exc
    return Document(blocks=blocks, footnotes=footnotes, source="docx")


def _docx_blocks(container: Any, numbering: _Numbering) -> Iterable[Paragraph | Table]:
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            text = _finish(clean_inline(_docx_text(child)))
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


# ---------------------------------------------------------------------------------------------------------
# PDF


def read_pdf(data: bytes) -> Document:
    """Read a PDF with pdfplumber: text outside tables joined into paragraphs, tables, footnotes."""
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
            items = [item for page in pdf.pages for item in _pdf_page(page)]
    except DocumentError:
        raise
    except Exception as exc:
        raise failure(exc) from exc
    return _pdf_document(items)


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
    for char in chars:
        if char["text"].isspace():
            continue
        size = char.get("size", 10) or 10
        gap = char["x0"] - previous["x1"] if previous is not None else 0.0
        if previous is not None and gap > max(18.0, 2.5 * size):
            segments.append((start, end, text))
            text = ""
        if not text:
            start = char["x0"]
        elif gap > 0.2 * size:
            text += " "
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
