"""Vietnamese text helpers shared by search, matching and imports (no Django)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[^0-9a-z]+")


class _StripTable(dict[int, str]):
    """``str.translate`` table filled on first use: each character without its combining marks. Per character,
    not per string, so that folding the ~14,000 administrative units' names takes milliseconds, not a tenth of a
    second (`doingoai extract` must answer within a second)."""

    def __missing__(self, codepoint: int) -> str:
        char = {"đ": "d", "Đ": "D"}.get(chr(codepoint), chr(codepoint))  # NFD does not decompose them
        stripped = "".join(c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn")
        self[codepoint] = stripped
        return stripped


_STRIP = _StripTable()


def strip_accents(text: str) -> str:
    """ "Xiêng Khoảng" → "Xieng Khoang"; đ/Đ become d/D (NFD does not decompose them)."""
    return text.translate(_STRIP)


def search_key(text: str) -> str:
    """Accent-, case- and punctuation-free form: "Bô-ly-khăm-xay" → "bo ly kham xay"."""
    return _SPACES.sub(" ", strip_accents(text or "").lower()).strip()


def compact_key(text: str) -> str:
    """Like search_key without spaces, so "Bolykhămxay" and "Bo Ly Khăm Xay" meet."""
    return search_key(text).replace(" ", "")
