"""Vietnam's administrative units, today's and those before the 2025 reorganisation (no Django).

Today's 34 provinces and ~3,300 communes come from the maintained package ``vietnam-provinces``; the former
63 provinces, ~700 districts and ~10,000 communes, which older programmes and reports name, from
``data/vn_former_units.csv`` (written by ``scripts/vendor_former_units.py``), each with today's province and,
when its code lives on, today's commune.

The document readers ask :func:`is_vietnamese_place` to tell a Vietnamese place ("huyện Kỳ Sơn", "Mường Típ")
from a foreign locality ("Xiêng Khoảng"); :func:`lookup` says which unit(s) a name means.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from doingoai.reference import refdata
from doingoai.reference.text import search_key

FORMER_UNITS_CSV = Path(__file__).resolve().parent / "data" / "vn_former_units.csv"

KINDS: dict[str, str] = {
    "province": "Tỉnh, thành phố",
    "commune": "Xã",
    "ward": "Phường",
    "special_zone": "Đặc khu",
    "former_province": "Tỉnh, thành phố (trước 2025)",
    "former_district": "Huyện, quận, thị xã, thành phố (trước 2025)",
    "former_commune": "Xã, phường, thị trấn (trước 2025)",
}
CURRENT_KINDS = ("province", "commune", "ward", "special_zone")

# The kind words a name may start with, folded, longest first so that "thi tran" is not read as "thi".
# Abbreviations as documents write them ("TP. Vinh", "TX. Thái Hòa", "H. Kỳ Sơn").
PREFIXES: dict[str, str] = {
    "thanh pho truc thuoc trung uong": "thanh pho",
    "thanh pho": "thanh pho",
    "tp": "thanh pho",
    "thi xa": "thi xa",
    "tx": "thi xa",
    "thi tran": "thi tran",
    "tt": "thi tran",
    "dac khu": "dac khu",
    "tinh": "tinh",
    "huyen": "huyen",
    "h": "huyen",
    "quan": "quan",
    "q": "quan",
    "phuong": "phuong",
    "p": "phuong",
    "xa": "xa",
    "x": "xa",
}
_BODY_RE = re.compile(r"^(?:ubnd|uy ban nhan dan|chinh quyen)\s+")
_PREFIX_RE = re.compile(r"^(" + "|".join(sorted(PREFIXES, key=len, reverse=True)) + r")\b\s*")
_WARD_KINDS = {"xã": "commune", "phường": "ward", "đặc khu": "special_zone"}


@dataclass(frozen=True, slots=True)
class VnUnit:
    """One unit: ``name`` as officially written with its kind word ("Xã Mường Típ", "Huyện Kỳ Sơn")."""

    name: str
    kind: str  # a key of KINDS
    code: int  # the national code (GSO); former and current codes are separate series per level
    province_code: int  # today's province
    province_name: str
    parent_name: str = ""  # the former district of a former commune, the former province of a former district
    commune_code: int | None = None  # a former commune whose code lives on: today's commune

    @property
    def current(self) -> bool:
        return self.kind in CURRENT_KINDS

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


def split_prefix(name: str) -> tuple[str | None, str]:
    """ "TP. Vinh" → ("thanh pho", "vinh"): the folded kind word (None when there is none) and the bare name."""
    key = _BODY_RE.sub("", search_key(name))  # "UBND huyện Tương Dương" names the district
    match = _PREFIX_RE.match(key)
    if match is None or match.end() == len(key):  # a name that is only a kind word is a name
        return None, key
    return PREFIXES[match.group(1)], key[match.end() :]


def _own_prefix(unit_name: str, default: str) -> tuple[str, str]:
    prefix, bare = split_prefix(unit_name)
    return prefix or default, bare


@functools.cache
def current_units() -> tuple[VnUnit, ...]:
    """Today's provinces, then their communes, wards and special zones (from ``vietnam-provinces``).

    Read from the package's own data file rather than through its code enums, which take 0.2 s to import:
    `doingoai extract` asks `is_vietnamese_place` and must answer within a second."""
    provinces = json.loads(_provinces_json().read_text(encoding="utf-8"))
    units = [VnUnit(p["name"], "province", int(p["code"]), int(p["code"]), p["name"]) for p in provinces]
    for p in provinces:
        for w in p["wards"]:
            kind = _WARD_KINDS.get(w["division_type"], "commune")
            units.append(VnUnit(w["name"], kind, int(w["code"]), int(p["code"]), p["name"], p["name"]))
    return tuple(units)


@functools.cache
def former_units(path: Path = FORMER_UNITS_CSV) -> tuple[VnUnit, ...]:
    """The provinces, districts and communes before the 2025 reorganisation, mapped to today's units."""
    provinces = {u.code: u.name for u in current_units() if u.kind == "province"}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    names = {(r["level"], int(r["code"])): r["name"] for r in rows}
    units = []
    for r in rows:
        level, parent = r["level"], r["parent_code"]
        parent_level = {"district": "province", "commune": "district"}.get(level)
        province_code = int(r["province_code"])
        units.append(
            VnUnit(
                name=r["name"],
                kind=f"former_{level}",
                code=int(r["code"]),
                province_code=province_code,
                province_name=provinces[province_code],
                parent_name=names[(parent_level, int(parent))] if parent_level and parent else "",
                commune_code=int(r["commune_code"]) if r["commune_code"] else None,
            )
        )
    return tuple(units)


_DEFAULT_PREFIX = {"province": "tinh", "former_province": "tinh"}


def _provinces_json() -> Path:
    spec = importlib.util.find_spec("vietnam_provinces")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("vietnam-provinces is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "nested-divisions.json"


@functools.cache
def _names() -> tuple[tuple[str, str, int], ...]:
    """(name, kind, today's province code) of every unit, in the order of ``current_units() + former_units()``,
    read without making the units: `doingoai extract` asks :func:`is_vietnamese_place` of a name or two and must
    answer within a second, and making the 14,000 units took a fifth of that."""
    rows = [(u.name, u.kind, u.province_code) for u in current_units()]
    with FORMER_UNITS_CSV.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        level, name, province = header.index("level"), header.index("name"), header.index("province_code")
        rows.extend((r[name], f"former_{r[level]}", int(r[province])) for r in reader)
    return tuple(rows)


def _cache_file() -> tuple[Path, str] | None:
    """Where the folded index is kept between runs, and the stamp of what it was built from (the two data files
    and this module: a change to any of them builds it again). None when there is no place for it."""
    try:
        sources = (FORMER_UNITS_CSV, _provinces_json(), Path(__file__))
        stamp = "|".join(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in sources)
    except (OSError, ImportError):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    import zlib  # not hashlib, whose import costs more than the rest of this function

    own = f"{zlib.crc32(str(Path(__file__).resolve()).encode()):08x}"  # one file per checkout
    return Path(base) / "doingoai" / f"vnunits-index-{own}.json", stamp


@functools.cache
def _index() -> dict[str, list[tuple[str, int, int]]]:
    """Bare folded name → [(the unit's own kind word, its today's province code, its place in ``_names()``)].

    Folding the 14,000 names takes 0.05 s, a tenth of `doingoai extract` on a 40-page programme: the index is
    kept in the user's cache folder (JSON, 6 ms to load) and rebuilt when its sources change."""
    cache = _cache_file()
    if cache is not None:
        try:
            stamp, index = json.loads(cache[0].read_text(encoding="utf-8"))
            if stamp == cache[1] and isinstance(index, dict):
                return index  # the entries are lists, unpacked as the tuples they were
        except (OSError, ValueError, TypeError):
            pass
    built: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for position, (name, kind, province_code) in enumerate(_names()):
        prefix, bare = _own_prefix(name, _DEFAULT_PREFIX.get(kind, ""))
        built[bare].append((prefix, province_code, position))
    index = dict(built)
    if cache is not None:
        try:
            cache[0].parent.mkdir(parents=True, exist_ok=True)
            partial = cache[0].with_name(f"{cache[0].name}.{os.getpid()}")
            partial.write_text(json.dumps([cache[1], index], ensure_ascii=False), encoding="utf-8")
            partial.replace(cache[0])  # atomic: a reader never sees half a file
        except OSError:
            pass  # a read-only home: the index is built again next time
    return index


@functools.cache
def _country_keys() -> frozenset[str]:
    return frozenset(search_key(n) for c in refdata.shipped().countries for n in (c.name_vi, *c.aliases))


def _lookup_one(text: str) -> list[tuple[int, int]]:
    """(today's province code, place in ``_names()``) of the units ``text`` may mean."""
    prefix, bare = split_prefix(text)
    if not bare or (prefix is None and bare.isdigit()):  # "Phường 1" needs its kind word
        return []
    if prefix is None and bare in _country_keys():  # "Ấn Độ" is India, not "xã An Đổ"
        return []
    candidates = _index().get(bare, [])
    return [(province, position) for own, province, position in candidates if prefix is None or own == prefix]


def _lookup_places(name: str) -> list[tuple[int, int]]:
    first, *rest = [part for part in (name or "").split(",") if part.strip()] or [""]
    found = _lookup_one(first)
    for part in rest:
        within = {province for province, _ in _lookup_one(part)}
        if within:
            found = [(province, position) for province, position in found if province in within]
    return found


def lookup(name: str) -> list[VnUnit]:
    """The units a name may mean, today's first: accent- and case-insensitive, with or without the kind word.

    "Kỳ Sơn" gives the former districts of Nghệ An and Hòa Bình and the communes of that name; "huyện Kỳ Sơn,
    tỉnh Nghệ An" only the district in Nghệ An (the parts after a comma narrow to their provinces).
    """
    found = _lookup_places(name)
    if not found:
        return []
    everything = current_units() + former_units()
    units = [everything[position] for _, position in found]
    return sorted(units, key=lambda u: (not u.current, list(KINDS).index(u.kind), u.province_code, u.code))


def is_vietnamese_place(name: str) -> bool:
    """True when ``name`` is a Vietnamese province, district or commune, today's or a former one."""
    return bool(_lookup_places(name))


def current_commune(unit: VnUnit) -> VnUnit | None:
    """Today's commune that kept a former commune's code (None when the code did not live on); today's is itself."""
    if unit.current:
        return unit if unit.kind != "province" else None
    if unit.commune_code is None:
        return None
    return next(
        (u for u in current_units() if u.current and u.kind != "province" and u.code == unit.commune_code), None
    )
