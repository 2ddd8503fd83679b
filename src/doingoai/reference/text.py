"""Vietnamese text helpers shared by search, matching and imports (no Django)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[^0-9a-z]+")


def strip_accents(text: str) -> str:
    """ "Xiêng Khoảng" → "Xieng Khoang"; đ/Đ become d/D (NFD does not decompose them)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def search_key(text: str) -> str:
    """Accent-, case- and punctuation-free form: "Bô-ly-khăm-xay" → "bo ly kham xay"."""
    return _SPACES.sub(" ", strip_accents(text or "").lower()).strip()


def compact_key(text: str) -> str:
    """Like search_key without spaces, so "Bolykhămxay" and "Bo Ly Khăm Xay" meet."""
    return search_key(text).replace(" ", "")
