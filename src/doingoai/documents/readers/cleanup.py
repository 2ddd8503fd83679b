"""Clean-up shared by the readers: invisible characters, spaces, document numbers, merged rows."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from doingoai.documents.model import Cell

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2007\u2009\u202f\u3000"), " ")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def clean_inline(text: str) -> str:
    """NFC, ordinary spaces, no invisible characters; newlines and tabs are kept."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)


# What converters and OCR leave at the edges of a line: a Markdown heading mark ("# KẾ HOẠCH"), a lone "|" of a
# scanned page's edge or an empty flattened column, a bullet glyph of another font ("■", "", "➢": read as "-"),
# a stray quote or tilde after the text ("năm 2023 ‘").
_HEADING_MARK = re.compile(r"^(\s*(?:\*\*|__)?)#{1,6}\s+(?=\S)")
_LONE_PIPE = re.compile(r"^(\s*)\|\s+(?=[^|\s][^|]*$)")
_BULLET_GLYPH = re.compile("^(\\s*)[■□▪▫◆◇❖➢➤►▸‣⁃∙◦○●•\uf0a7\uf0b7\uf0d8\uf076](?:\\s+|(?=\\S))")
_STRAY_END = re.compile(r"(?<=\S)\s+['‘’`´~^]+\s*$")


def normalise_line(line: str) -> str:
    """One line without the marks converters and OCR leave at its edges; bullet glyphs become "- "."""
    line = _HEADING_MARK.sub(r"\1", line)
    line = _LONE_PIPE.sub(r"\1", line)
    line = _BULLET_GLYPH.sub(r"\1- ", line)
    return _STRAY_END.sub("", line)


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
