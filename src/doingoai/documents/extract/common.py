"""What the parts of the extractor share: text helpers and the context of one document."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from doingoai.documents.gazetteer import Gazetteer, fold_keep
from doingoai.documents.model import Document
from doingoai.reference import refdata

_FLAGS = re.IGNORECASE


def _fold_keep(text: str) -> str:
    """Accent- and case-free copy of ``text`` with the same length, so offsets carry over."""
    return fold_keep(text)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = "\n".join(re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))
    text = text.strip()
    return text or None


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _date(day: str | int, month: str | int, year: str | int) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (after ". ", "; ", "! ", "? " before a capital, bullet or bracket)."""
    parts = re.split(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\-+(\"“])", _flat(text))
    return [part for part in parts if part]


def _is_upper(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 2 and all(not char.islower() for char in letters)


@dataclass
class _Context:
    document: Document
    gazetteer: Gazetteer
    relations: tuple[refdata.RelationRow, ...]
    lines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    year: int | None = None
    number: str | None = None


_END_OF_BODY = re.compile(r"^(?:PHỤ LỤC|Phụ lục\s+\d|Nơi nhận|NƠI NHẬN|T\.?M\.\s|KT\.\s|TL\.\s|TUQ\.\s)")


def _body_paragraphs(paragraphs: list[str]) -> list[str]:
    """The paragraphs of the body: up to the recipients, signature or first appendix title."""
    body: list[str] = []
    for text in paragraphs:
        if _END_OF_BODY.match(text) and len(body) > 3:
            break
        body.append(text)
    return body
