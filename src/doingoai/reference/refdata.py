"""Reference data shipped with the project: countries, foreign partners and diplomatic relations.

Plain Python with no Django imports, so parsers, management commands and tests can all read the same
files. The CSV files live in ``data/`` beside this module; an administrator may edit them, so every loader
checks the values it reads and names the file and line of any problem.

:class:`ReferenceData` carries all three to the document extractor: :func:`shipped` reads the CSV files, and
the Django side builds one from its tables (``core.selectors.reference_from_database``) so that an
administrator's corrections count.
"""

from __future__ import annotations

import csv
import datetime
import functools
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTRIES_CSV = DATA_DIR / "countries.csv"
PARTNERS_CSV = DATA_DIR / "partners.csv"
RELATIONS_CSV = DATA_DIR / "diplomatic_relations.csv"

ALIAS_SEPARATOR = "|"

# Regions as the provincial plans group countries.
REGIONS: dict[str, str] = {
    "lao": "Lào",
    "sea": "Đông Nam Á",
    "nea": "Đông Bắc Á",
    "europe": "Châu Âu",
    "americas": "Châu Mỹ",
    "oceania": "Châu Đại Dương",
    "other": "Khác",
}

PARTNER_KINDS: dict[str, str] = {
    "locality": "Địa phương nước ngoài",
    "government": "Cơ quan chính phủ",
    "mission": "Cơ quan đại diện ngoại giao, lãnh sự",
    "intl_org": "Tổ chức quốc tế",
    "ngo": "Tổ chức phi chính phủ",
    "business_assoc": "Hiệp hội doanh nghiệp",
    "enterprise": "Doanh nghiệp",
    "party": "Đảng",
    "university": "Trường đại học",
}

# Blocs that appear in diplomatic_relations.csv beside ISO country codes.
BLOC_CODES: frozenset[str] = frozenset({"EU", "ASEAN"})

RELATION_KINDS: frozenset[str] = frozenset({"relations", "accession", "treaty"})
RELATION_CONFIDENCE: frozenset[str] = frozenset({"seed", "public-source", "recalled"})


class RefDataError(ValueError):
    """A reference data file holds a value the loaders cannot accept."""


@dataclass(frozen=True, slots=True)
class CountryRow:
    code: str
    name_vi: str
    name_en: str
    region: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PartnerRow:
    name: str
    country: str | None
    kind: str
    aliases: tuple[str, ...]
    friendship_since: datetime.date | None
    mou_since: datetime.date | None


@dataclass(frozen=True, slots=True)
class RelationRow:
    code: str
    name_vi: str
    established_on: datetime.date
    kind: str
    confidence: str

    @property
    def subject_code(self) -> str:
        """The country or bloc the row is about: "LA-TREATY" is about "LA"."""
        return self.code.split("-", 1)[0]


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise RefDataError(f"{path.name}: missing columns {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, {c: (row[c] or "").strip() for c in columns}


def _aliases(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split(ALIAS_SEPARATOR) if a.strip())


def _date(value: str, where: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise RefDataError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from exc


def _choice(value: str, allowed: Collection[str], where: str, what: str) -> str:
    if value not in allowed:
        raise RefDataError(f"{where}: unknown {what} {value!r}")
    return value


def load_countries(path: Path = COUNTRIES_CSV) -> list[CountryRow]:
    """Countries and territories (ISO 3166-1 alpha-2, plus XK) with Vietnamese names, region and aliases."""
    result = []
    for line, row in _rows(path, ("code", "name_vi", "name_en", "region", "aliases")):
        where = f"{path.name}:{line}"
        if len(row["code"]) != 2 or not row["code"].isascii() or not row["code"].isupper():
            raise RefDataError(f"{where}: {row['code']!r} is not a two-letter code")
        result.append(
            CountryRow(
                code=row["code"],
                name_vi=row["name_vi"],
                name_en=row["name_en"],
                region=_choice(row["region"], REGIONS, where, "region"),
                aliases=_aliases(row["aliases"]),
            )
        )
    return result


def load_partners(path: Path = PARTNERS_CSV) -> list[PartnerRow]:
    """The gazetteer of foreign partners; ``country`` is None for bodies that belong to no one country."""
    result = []
    for line, row in _rows(path, ("name", "country", "kind", "aliases", "friendship_since", "mou_since")):
        where = f"{path.name}:{line}"
        result.append(
            PartnerRow(
                name=row["name"],
                country=row["country"] or None,
                kind=_choice(row["kind"], PARTNER_KINDS, where, "partner kind"),
                aliases=_aliases(row["aliases"]),
                friendship_since=_date(row["friendship_since"], where),
                mou_since=_date(row["mou_since"], where),
            )
        )
    return result


def load_relations(path: Path = RELATIONS_CSV) -> list[RelationRow]:
    """Dates Vietnam established relations with countries and blocs (and key treaties), for anniversaries."""
    result = []
    for line, row in _rows(path, ("code", "name_vi", "established_on", "kind", "confidence")):
        where = f"{path.name}:{line}"
        established_on = _date(row["established_on"], where)
        if established_on is None:
            raise RefDataError(f"{where}: established_on is empty")
        result.append(
            RelationRow(
                code=row["code"],
                name_vi=row["name_vi"],
                established_on=established_on,
                kind=_choice(row["kind"], RELATION_KINDS, where, "relation kind"),
                confidence=_choice(row["confidence"], RELATION_CONFIDENCE, where, "confidence"),
            )
        )
    return result


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """Countries, partners and diplomatic relations as one value, whatever they were read from.

    Frozen and made of tuples, so it is hashable: what is built from it (a gazetteer) can be cached by value.
    """

    countries: tuple[CountryRow, ...]
    partners: tuple[PartnerRow, ...]
    relations: tuple[RelationRow, ...]

    @classmethod
    def from_csv(
        cls, countries: Path = COUNTRIES_CSV, partners: Path = PARTNERS_CSV, relations: Path = RELATIONS_CSV
    ) -> ReferenceData:
        """Read the three CSV files (by default the shipped ones)."""
        return cls(tuple(load_countries(countries)), tuple(load_partners(partners)), tuple(load_relations(relations)))


@functools.cache
def shipped() -> ReferenceData:
    """The reference data shipped with the project (read once per process)."""
    return ReferenceData.from_csv()
