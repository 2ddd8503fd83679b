"""Names written in free text matched against the registries: the partners a row mentions (through their
aliases) and the unit it belongs to. Used by both imports (Excel proposals and programme documents)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from doingoai.core.models import Partner, Unit
from doingoai.reference.text import search_key


def clean_text(value: Any, limit: int | None = None) -> str:
    """`value` as one line of text (runs of whitespace become one space), cut to `limit` characters."""
    text = "" if value is None else re.sub(r"\s+", " ", str(value)).strip()
    return text[:limit] if limit else text


def clean_lines(value: Any, limit: int | None = None) -> str:
    """`value` with its line breaks kept (a list in a cell: "- Dạy tiếng Hàn\n- Giao lưu văn hóa"), each line
    as `clean_text` makes it, empty lines dropped; cut to `limit` characters."""
    lines = (clean_text(line) for line in ("" if value is None else str(value)).splitlines())
    text = "\n".join(line for line in lines if line)
    return text[:limit] if limit else text


class PartnerMatcher:
    """Finds known partners named in free text ("Chính quyền tỉnh Xiêng Khoảng, Hủa Phăn"), through aliases.

    Keys are accent-free names; a longer name found in the text hides the shorter names inside it, so
    "Thủ đô Viêng Chăn" does not also yield the province "Viêng Chăn".
    """

    MIN_KEY = 4

    def __init__(self, entries: Iterable[tuple[str, Any, str | None]]) -> None:
        # entry: (name, reference, ISO country or None)
        seen: dict[tuple[str, Any], str | None] = {}
        for name, ref, country in entries:
            key = search_key(name)
            if len(key) >= self.MIN_KEY:
                seen.setdefault((key, ref), country)
        self.entries = sorted(((k, r, c) for (k, r), c in seen.items()), key=lambda e: -len(e[0]))

    @classmethod
    def from_database(cls) -> PartnerMatcher:
        return cls(partner_entries(Partner.objects.select_related("country")))

    def find(self, text: str, *, countries: Sequence[str] = ()) -> list[Any]:
        padded = f" {search_key(text)} "
        taken: list[tuple[int, int]] = []
        found: list[Any] = []
        for key, ref, country in self.entries:
            start = padded.find(f" {key} ")
            while start >= 0:
                span = (start + 1, start + 1 + len(key))
                if not any(a < span[1] and span[0] < b for a, b in taken):
                    if not (countries and country and country not in countries):
                        taken.append(span)
                        if ref not in found:
                            found.append(ref)
                    break
                start = padded.find(f" {key} ", start + 1)
        return found


def partner_entries(partners: Iterable[Partner]) -> list[tuple[str, Any, str | None]]:
    entries = []
    for partner in partners:
        code = partner.country.code if partner.country_id and partner.country else None
        for name in [partner.name, *(partner.aliases or [])]:
            entries.append((name, partner.pk, code))
    return entries


# Long and short forms of the words unit names are made of, so "BCH Quân sự tỉnh" meets "Bộ Chỉ huy Quân sự tỉnh".
_UNIT_WORDS = [
    (r"\buy ban nhan dan\b", "ubnd"),
    (r"\bhoi dong nhan dan\b", "hdnd"),
    (r"\bbo chi huy\b", "bch"),
    (r"\bbo doi bien phong\b", "bdbp"),
    (r"\bdai bieu quoc hoi\b", "dbqh"),
    (r"\bvan hoa the thao va du lich\b", "vhttdl"),
]


def _unit_key(text: Any) -> str:
    key = search_key(clean_text(text))
    for pattern, short in _UNIT_WORDS:
        key = re.sub(pattern, short, key)
    return key


class UnitResolver:
    """The unit named in a row ("Đoàn công tác Sở Du lịch", "Phó Chủ tịch UBND tỉnh").

    For an inbound delegation this finds the counterpart that usually hosts it ("Công an tỉnh Xiêng Khoảng"
    → Công an tỉnh); the review screen shows the guess and lets the coordinator change it.
    """

    FUZZY_MIN = 0.8  # below this likeness two unit names are different units

    def __init__(self, units: Iterable[Unit]) -> None:
        keys: dict[str, Unit] = {}
        units = list(units)
        for unit in units:
            keys.setdefault(_unit_key(unit.name), unit)
        for unit in units:
            short = _unit_key(unit.short_name)
            if len(short) >= 3:
                keys.setdefault(short, unit)
        keys.pop("", None)
        self.keys = sorted(keys.items(), key=lambda kv: -len(kv[0]))

    def resolve(self, *texts: Any) -> Unit | None:
        for text in texts:
            padded = f" {_unit_key(text)} "
            for key, unit in self.keys:
                if f" {key} " in padded:
                    return unit
        return None

    def find_all(self, text: Any) -> list[UnitMatch]:
        """Every unit named in a text ("Sở Tài chính, Sở Văn hóa, Thể thao và Du lịch, Công an tỉnh"), longest names
        first so that a name inside a longer one is not counted twice."""
        padded = f" {_unit_key(text)} "
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, UnitMatch]] = []
        for key, unit in self.keys:
            start = padded.find(f" {key} ")
            if start < 0 or any(a < start + len(key) + 1 and start + 1 < b for a, b in taken):
                continue
            taken.append((start + 1, start + 1 + len(key)))
            if all(m.unit != unit for _, m in found):
                found.append((start, UnitMatch(unit.name, unit, 0.9)))
        return [m for _, m in sorted(found, key=lambda item: item[0])]

    def match(self, text: Any) -> UnitMatch:
        """The unit a name written in a plan stands for ("Sở VHTTDL", "Sở Văn hoá, Thể thao và Du lịch tỉnh"),
        with a score: 1 the same name, 0.9 a unit's name inside the text, else the likeness of the two names
        when it reaches `FUZZY_MIN` (a misspelt or partly written name); no unit below that."""
        written = clean_text(text, 255).strip(" .;:,")
        key = _unit_key(written)
        if not key:
            return UnitMatch(written, None, 0.0)
        best: tuple[float, Unit | None] = (0.0, None)
        for unit_key, unit in self.keys:
            if unit_key == key:
                return UnitMatch(written, unit, 1.0)
            if best[0] < 0.9 and f" {unit_key} " in f" {key} ":
                best = (0.9, unit)
        if best[1] is not None:
            return UnitMatch(written, best[1], best[0])
        for unit_key, unit in self.keys:
            score = SequenceMatcher(None, key, unit_key).ratio()
            if score > best[0]:
                best = (score, unit)
        if best[0] >= self.FUZZY_MIN:
            return UnitMatch(written, best[1], round(best[0], 2))
        return UnitMatch(written, None, round(best[0], 2))


@dataclass
class UnitMatch:
    """A unit named in a document, the unit of the registry it was matched to (or None) and how sure that is."""

    written: str
    unit: Unit | None
    score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)


# "Sở Ngoại vụ chủ trì, phối hợp với Sở Tài chính, Công an tỉnh thực hiện"; "Cơ quan chủ trì: Sở Ngoại vụ".
_LEAD_AFTER = re.compile(r"(?:cơ quan|đơn vị) chủ trì\s*[:：]\s*([^;.\n]+)", re.IGNORECASE)
_LEAD_BEFORE = re.compile(r"(?:^|[.;:(]\s*|\bgiao\s+)([^.;:()]{3,120}?)\s+(?:chủ trì|làm đầu mối)\b", re.IGNORECASE)
_HELPERS = re.compile(
    r"(?:(?:cơ quan|đơn vị) phối hợp\s*[:：]|chủ trì,?\s*phối hợp (?:với)?)\s*([^;.\n()]+)", re.IGNORECASE
)


def units_in_task(text: str) -> tuple[str | None, str]:
    """The lead unit a task's own text names and the text naming its coordinating units, for documents whose
    extraction gave neither ("Sở Ngoại vụ chủ trì, phối hợp với Sở Tài chính, Công an tỉnh thực hiện")."""
    lead = None
    found = _LEAD_AFTER.search(text) or _LEAD_BEFORE.search(text)
    if found:
        lead = re.sub(r"^giao\s+", "", clean_text(found[1]), flags=re.IGNORECASE).strip(" ,") or None
    found = _HELPERS.search(text)
    return lead, clean_text(found[1]) if found else ""
