"""Read text (plain, Markdown, or copied out of a PDF or .docx) into a :class:`Document`.

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

import re
import statistics
from collections.abc import Callable, Iterable
from typing import Any

from doingoai.documents.model import Cell, Document, DocumentError, Paragraph, Table
from doingoai.documents.readers.cleanup import _SUPERSCRIPT_DIGITS, _collapse_row, _finish, clean_inline, normalise_line

MAX_CHARS = 5_000_000


_TERMINAL = ".!?…"


_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*$", re.I)
# A page break written by a converter or a copy: "--- Trang 2 ---", "=== Page 3 ===", "[Trang 4]", a form feed.
_PAGE_BREAK = re.compile(
    r"^\s*(?:[-–—=_*\[(]+\s*)?(?:Trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*(?:[-–—=_*\])]+)?\s*$", re.I
)
_SEPARATOR = re.compile(r"^[ \t]{10,}$|^\s*[_\-–—=]{5,}\s*$")
_NOTE_START = re.compile(r"^\s*(?:\[(?P<bracket>\d{1,3})\]|(?P<sup>⁽?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}⁾?))\s*(?P<text>\S.*)$")
_NUMBER_NOTE = re.compile(r"^(?P<number>\d{1,2})\s+(?P<text>\S.*)$")
_BULLET = re.compile(r"^[-+•●▪*–—]\s*(?P<first>\S)")
_NUMBERED = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}\s*[-–]|[a-zđ]\)|[IVXLC]{1,6}\.|[IVXLC]{1,6}\s*[-–]|[a-zđ]\.(?=\s+[A-ZĐ]))\s+\S"
)
_SECTION_WORD = re.compile(r"^(?:Phần|PHẦN|Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC)\s+[\dIVXLC]+\b")
_APPENDIX = re.compile(r"^\s*(?:PHỤ LỤC|Phụ lục)\b")
_CLOSING = re.compile(r"^(?:Trên đây là|Nơi nhận|Kính gửi|Căn cứ)\b")
_PAIR_END = re.compile(r"\b(?:Việt Nam|VIỆT NAM|Viet Nam)$")


def read_text(text: str) -> Document:
    """Read text (plain, Markdown, or extracted from a PDF or .docx) into a :class:`Document`."""
    if len(text) > MAX_CHARS:
        raise DocumentError(f"Văn bản quá dài (hơn {MAX_CHARS:,} ký tự).".replace(",", "."))
    text = clean_inline(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [normalise_line(line) for line in text.split("\n")]
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
    return bool(
        _NUMBERED.match(line)
        or _SECTION_WORD.match(line)
        or _APPENDIX.match(line)
        or _CLOSING.match(line)
        or _NOTE_START.match(line)
    )


def _is_upper(line: str) -> bool:
    letters = 0
    for char in line:  # stops at the first lower-case letter: paragraphs are long
        if char.isalpha():
            if char.islower():
                return False
            letters += 1
    return letters >= 2


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
        if (wrapped and _PAGE_NUMBER.match(line)) or _PAGE_BREAK.match(line):
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
    if previous[-1:] not in _TERMINAL + ";:" and line[:1].islower() and not _starts_block(line):
        # A sentence or a heading carried over a page break or onto a second line ("2. Công tác ngoại giao
        # chính quyền" + "và hợp tác quốc tế"): a line that starts in lower case never opens a paragraph.
        return " "
    if not wrapped or blank_gap:
        return None
    if _is_upper(line) or _is_upper(previous):
        return None
    if _starts_block(line):
        if _BULLET.match(line) and _PAIR_END.search(previous):
            return " "  # "… quan hệ ngoại giao Việt Nam" + "- Nhật Bản (…)": the dash of a pair of countries
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


def settle_paragraphs(
    blocks: list[Paragraph | Table], footnotes: dict[str, str], *, strip: bool = True, rewrap: bool = False
) -> list[Paragraph | Table]:
    """What a .docx or a PDF keeps of a text that was hard-wrapped or printed with its notes as text: a footnote
    written as a paragraph ("¹ …", "[2] …") goes to ``footnotes`` and its markers leave the text; a paragraph
    that starts in lower case after one that ends mid-sentence (a heading wrapped onto a second line, a sentence
    carried over a page break) or after a number broken at its hyphen joins it, as in the text reader. ``strip``:
    remove the markers here (the PDF reader does it itself). ``rewrap``: when the paragraphs are the lines of a
    hard-wrapped text (a PDF converted to Word: one paragraph per printed line), join them as the text reader
    joins hard-wrapped lines."""
    kept: list[Paragraph | Table] = []
    for block in blocks:
        start = _NOTE_START.match(block.text) if isinstance(block, Paragraph) else None
        if start:
            key = start["bracket"] or start["sup"].strip("⁽⁾").translate(_SUPERSCRIPT_DIGITS)
            footnotes.setdefault(key, _finish(start["text"]))
        else:
            kept.append(block)
    blocks = _rewrapped(kept) if rewrap else kept
    body: list[Paragraph | Table] = []
    for block in blocks:
        previous = body[-1] if body else None
        if isinstance(block, Paragraph) and isinstance(previous, Paragraph):
            join = _join(previous.text.split("\n")[-1], block.text, wrapped=False, blank_gap=False, full_width=0)
            if join is not None:
                body[-1] = Paragraph(f"{previous.text}{join}{block.text}")
                continue
        body.append(block)
    if not footnotes or not strip:
        return body
    return [Paragraph(_finish(strip_markers(block.text, footnotes))) if isinstance(block, Paragraph) else block
            for block in body]  # fmt: skip


def _rewrapped(blocks: list[Paragraph | Table]) -> list[Paragraph | Table]:
    """Paragraphs that are the lines of a hard-wrapped text joined back (tables stay where they are)."""
    lines = [line for block in blocks if isinstance(block, Paragraph) for line in block.text.split("\n")]
    if not _looks_wrapped(lines):
        return blocks
    full = _full_width(lines)
    out: list[Paragraph | Table] = []
    run: list[str] = []

    def flush() -> None:
        out.extend(Paragraph(text) for text in _paragraphs(run, wrapped=True, gap=0, full_width=full))
        run.clear()

    for block in blocks:
        if isinstance(block, Paragraph):
            run.extend(block.text.split("\n"))
        else:
            flush()
            out.append(block)
    flush()
    return out
