"""Find countries, Vietnamese provinces and foreign partners in Vietnamese text (no Django).

Names are compared accent-, case-, punctuation- and space-insensitively on whole words, so "Bo Ly Khăm Xay",
"Bô-ly-khăm-xay" and "Bolykhămxay" meet, and "Xinh-ga- po" (a line break inside a transliteration) is still
Singapore. Short acronyms ("WB", "ADB", "KfW") must be written with their capitals, so ordinary words never
match them. The longest name wins at each position ("Thủ đô Viêng Chăn" before "Viêng Chăn").

Besides the partners of the reference data (the shipped ``reference/data/partners.csv``, or the database's),
foreign localities are recognised by the way plans name them: "tỉnh X (Lào)", "các tỉnh: X, Y, Z (Lào)", "thành
phố Y, Hàn Quốc", "huyện X, tỉnh Y" where Y is a foreign province; their country comes from the country named
beside them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from doingoai.reference import refdata
from doingoai.reference.vnunits import is_vietnamese_place

__all__ = [
    "Gazetteer",
    "Match",
    "PartnerMatch",
    "compact",
    "fold",
    "fold_keep",
    "gazetteer_for",
    "is_vietnamese_mission",
]

T = TypeVar("T")

# Provinces and centrally governed cities of Viet Nam, before and after the 2025 mergers, with common spellings.
VN_PROVINCES: tuple[str, ...] = (
    "An Giang",
    "Bà Rịa - Vũng Tàu|Bà Rịa Vũng Tàu|Bà Rịa-Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn|Bắc Cạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk|Đắc Lắc|Đăk Lăk",
    "Đắk Nông|Đăk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế|Thừa Thiên - Huế|Huế",
    "Tiền Giang",
    "Hồ Chí Minh|TP. Hồ Chí Minh|TP Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
)

BLOCS: Mapping[str, str] = {
    "EU": "Liên minh châu Âu|Liên minh Châu Âu|EU|Liên hiệp châu Âu|European Union",
    "ASEAN": "ASEAN|Hiệp hội các quốc gia Đông Nam Á",
}

LOCALITY_WORDS = (
    "tỉnh",
    "thành phố",
    "tp.",
    "tp",
    "bang",
    "quận",
    "huyện",
    "vùng",
    "thủ đô",
    "đặc khu",
    "khu tự trị",
    "châu",
    "hạt",
    "thị trấn",
    "địa phương",
    "tỉnh trưởng",
)
_MISSION = re.compile(
    r"\b(?P<kind>Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán)\s+(?:(?:của\s+)?các nước|nước)?\s*(?:như|gồm)?\s*:?\s*",
    re.IGNORECASE,
)
_VN_BODY = re.compile(
    r"^(?:Sở|Ban|Bộ|Công an|UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng|Văn phòng|Cục|Chi cục|Trường|Bệnh viện|Đài|Báo|Tỉnh ủy"
    r"|Tỉnh uỷ|Huyện ủy|Thành ủy|Mặt trận|Liên hiệp|Liên đoàn|Tỉnh đoàn|Trung tâm|Kho bạc|Hải quan|Thanh tra)\b"
)
# A Vietnamese representative mission abroad ("Tổng Lãnh sự quán Việt Nam tại Khỏn Kèn", "ĐSQ Việt Nam ở Lào",
# "Cơ quan đại diện Việt Nam tại …", "Embassy of Viet Nam in …"), on the folded name: a Vietnamese body.
_VN_MISSION = re.compile(
    r"^(?:(?:tong )?lanh su(?: quan)?|dai su quan|tlsq|dsq|co quan dai dien|phai doan(?: thuong truc)?"
    r"|van phong(?: \w+){1,5}?|ban dai dien)"
    r" (?:nuoc )?(?:(?:cong hoa xa hoi chu nghia|chxhcn) )?viet nam\b"
    r"|^(?:consulate general|consulate|embassy|permanent mission|mission|office)"
    r" of (?:the )?(?:socialist republic of )?viet ?nam\b"
)
_LOCALITY_RE = "|".join(re.escape(word) for word in sorted(LOCALITY_WORDS, key=len, reverse=True))
_WORD = re.compile(r"[^\W_]+")
_ACRONYM = re.compile(r"^[A-Za-z&]{2,6}$")
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’\-]*$")


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first use: each character to its accent- and case-free form."""

    def __init__(self, *, same_length: bool) -> None:
        super().__init__()
        self.same_length = same_length

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint).replace("đ", "d").replace("Đ", "D").replace("ð", "d")
        decomposed = unicodedata.normalize("NFD", char)
        folded = "".join(part for part in decomposed if unicodedata.category(part) != "Mn").casefold()
        if self.same_length:
            folded = folded[:1] or " "
        self[codepoint] = folded
        return folded


_FOLD = _FoldTable(same_length=False)
_FOLD_KEEP = _FoldTable(same_length=True)


def fold(text: str) -> str:
    """Accent- and case-free form of a word: "Khoảng" → "khoang", "Đức" → "duc"."""
    return text.translate(_FOLD)


def fold_keep(text: str) -> str:
    """Like :func:`fold`, one character for one, so offsets in the result are offsets in ``text``."""
    return text.translate(_FOLD_KEEP)


def compact(text: str) -> str:
    """All words of ``text`` folded and glued: "Bô-ly-khăm-xay" → "bolykhamxay"."""
    return "".join(fold(word) for word in _WORD.findall(text))


def is_vietnamese_mission(name: str) -> bool:
    """Whether ``name`` is a Vietnamese embassy, consulate or other representative mission (abroad): a Vietnamese
    body, never a foreign partner, whichever country or city follows "tại"."""
    return bool(_VN_MISSION.match(" ".join(_WORD.findall(fold(name)))))


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    value: T
    start: int  # character offsets in the searched text
    end: int
    text: str  # as written


@dataclass(frozen=True, slots=True)
class PartnerMatch:
    name: str  # as written
    canonical: str
    country: str | None
    kind: str


class _Index(Generic[T]):
    """Whole-word, accent/space-insensitive lookup of names; acronyms are matched case-sensitively."""

    def __init__(self, names: Iterable[tuple[str, T]]) -> None:
        self.compact: dict[str, T] = {}
        self.acronyms: dict[str, T] = {}
        self.prefixes: set[str] = set()
        for name, value in names:
            name = name.strip()
            if not name:
                continue
            if _ACRONYM.match(name) and sum(1 for char in name if char.isupper()) >= 2:
                self.acronyms.setdefault(name, value)
                continue
            key = compact(name)
            if not key:
                continue
            self.compact.setdefault(key, value)
            self.prefixes.update(key[:index] for index in range(1, len(key) + 1))

    def find(self, text: str) -> list[Match[T]]:
        """Longest non-overlapping matches, left to right."""
        # Parallel lists, no object per word: most words start no name, and this runs on every paragraph.
        spans = list(_WORD.finditer(text))
        keys = [fold(span[0]) for span in spans]
        found: list[Match[T]] = []
        index = 0
        while index < len(spans):
            best: tuple[int, T] | None = None
            if keys[index] not in self.prefixes and spans[index][0] not in self.acronyms:
                index += 1
                continue
            if spans[index][0] in self.acronyms:
                best = (index, self.acronyms[spans[index][0]])
            key = ""
            for end in range(index, min(index + 12, len(spans))):
                key += keys[end]
                if key not in self.prefixes:
                    break
                if key in self.compact:
                    best = (end, self.compact[key])
            if best is None:
                index += 1
                continue
            end, value = best
            start, stop = spans[index].start(), spans[end].end()
            written = text[start:stop]
            if written.count("(") > written.count(")") and text[stop : stop + 1] == ")":
                stop += 1
            found.append(Match(value, start, stop, text[start:stop]))
            index = end + 1
        return found

    def exact(self, text: str) -> T | None:
        """The value whose name is the whole of ``text`` (ignoring punctuation and spacing), or None."""
        stripped = text.strip()
        if stripped in self.acronyms:
            return self.acronyms[stripped]
        return self.compact.get(compact(stripped))


class Gazetteer:
    """Countries (ISO codes), blocs (EU, ASEAN), Vietnamese provinces and the partners of the reference data."""

    def __init__(
        self,
        countries: Iterable[refdata.CountryRow],
        partners: Iterable[refdata.PartnerRow],
    ) -> None:
        self.country_rows = {row.code: row for row in countries}
        self.countries = _Index(
            (alias, row.code)
            for row in self.country_rows.values()
            for alias in (row.name_vi, row.name_en, *row.aliases)
        )
        self.blocs = _Index((alias, code) for code, aliases in BLOCS.items() for alias in aliases.split("|"))
        self.provinces = _Index((alias, names.split("|")[0]) for names in VN_PROVINCES for alias in names.split("|"))
        self.partner_rows = list(partners)
        self.partners = _Index((alias, row) for row in self.partner_rows for alias in (row.name, *row.aliases))

    # Countries ---------------------------------------------------------------------------------------------

    def countries_in(self, text: str, *, blocs: bool = False, foreign_only: bool = True) -> list[str]:
        """Country codes named in ``text`` (a cell such as "Úc và Niu- zi-lân"), in order, without repeats."""
        codes: list[str] = []
        matches = self.countries.find(text)
        if blocs:
            matches = sorted([*matches, *self.blocs.find(text)], key=lambda match: match.start)
        for match in matches:
            if foreign_only and match.value == "VN":
                continue
            if match.value not in codes:
                codes.append(match.value)
        return codes

    def country_of(self, text: str, *, blocs: bool = False) -> str | None:
        """The code of the one country that ``text`` is the name of ("Lào", "nước CHDCND Lào", "LB Nga")."""
        stripped = re.sub(r"^\s*(?:các\s+)?nước\s+", "", text.strip(" .,;:()"), flags=re.IGNORECASE)
        found = self.countries.exact(stripped)
        if found is None and blocs:
            found = self.blocs.exact(stripped)
        return found

    def country_name(self, code: str) -> str:
        row = self.country_rows.get(code)
        if row is not None:
            return row.name_vi
        return BLOCS[code].split("|")[0] if code in BLOCS else code

    # Provinces of Viet Nam ------------------------------------------------------------------------------------

    def province_of(self, text: str) -> str | None:
        return self.provinces.exact(text)

    def provinces_in(self, text: str) -> list[Match[str]]:
        return self.provinces.find(text)

    # Partners --------------------------------------------------------------------------------------------------

    def partners_in(self, text: str, *, vietnamese_missions: bool = False) -> list[PartnerMatch]:
        """Partners named in ``text``: gazetteer entries anywhere, and foreign localities by pattern. A Vietnamese
        mission abroad, even one the reference data lists, is left out unless ``vietnamese_missions`` (asked for
        the country a delegation goes to: "Tổng Lãnh sự quán Việt Nam tại Khỏn Kèn" is in Thailand)."""
        found = [
            PartnerMatch(match.text, match.value.name, match.value.country, match.value.kind)
            for match in self.partners.find(text)
        ]
        found.extend(self._localities_by_pattern(text))
        found.extend(self._missions_by_pattern(text))
        if vietnamese_missions:
            return found
        return [
            match
            for match in found
            if not is_vietnamese_mission(match.canonical) and not is_vietnamese_mission(match.name)
        ]

    def _missions_by_pattern(self, text: str) -> list[PartnerMatch]:
        """The foreign missions of an enumeration, one per country: "Đại sứ quán các nước Nhật Bản, Hàn Quốc,
        Ô-xtrây-li-a tại Việt Nam", "Lãnh sự quán Lào tại Đà Nẵng". A Vietnamese mission abroad ("Đại sứ quán Việt
        Nam tại …") is a Vietnamese body, not a foreign partner."""
        found: list[PartnerMatch] = []
        for intro in _MISSION.finditer(text):
            rest = text[intro.end() :]
            listed = re.split(r"[;.()\n]|\s+(?:tại|ở|để|nhằm|về|trong|theo|cùng|với)\s|…", rest, maxsplit=1)[0]
            where, written_at = "Việt Nam", ""
            place = re.match(r"^[^;.()\n]*?\s+(?:tại|ở)\s+", rest)
            if place and place.end() <= len(listed) + 6:
                after = rest[place.end() : place.end() + 40]
                named = [
                    match for match in [*self.provinces.find(after), *self.countries.find(after)] if match.start == 0
                ]
                if named:
                    where = named[0].text
                    written_at = f" {rest[len(listed) : place.end()].strip()} {where}"
            for item in re.split(r",\s*|\s+và\s+", listed):
                item = item.strip(" .…:")
                if not item:
                    continue
                code = self.country_of(item)
                if code is None or code == "VN":
                    break
                written = f"{intro['kind']} {item}{written_at}"
                canonical = f"{intro['kind']} {self.country_name(code)} tại {where}"
                known = self.partners.exact(canonical) or self.partners.exact(written)
                if known is not None:
                    found.append(PartnerMatch(written, known.name, known.country, known.kind))
                else:
                    found.append(PartnerMatch(written, canonical, code, "mission"))
        return found

    def _known_or_new(self, item: str, country: str | None) -> PartnerMatch | None:
        """A locality named ``item`` ("tỉnh Chiba"), known to the gazetteer or new with ``country``."""
        item = re.sub(r"^(?:các|những|hai|ba|bốn)\s+", "", item.strip(" ,;:.-–"), flags=re.IGNORECASE)
        # "Chính quyền thành phố Sydney", "UBND tỉnh Chiba": the name follows the last locality word.
        words_before = list(re.finditer(rf"(?:^|\s)(?:{_LOCALITY_RE})\s+", item, flags=re.IGNORECASE))
        if words_before:
            item = item[words_before[-1].start() :].strip()
        without_word = re.sub(rf"^(?:{_LOCALITY_RE})\s+", "", item, flags=re.IGNORECASE).strip()
        for candidate in (item, without_word):
            known = self.partners.exact(candidate)
            if known is not None:
                return PartnerMatch(item, known.name, known.country, known.kind)
        if country is None or country == "VN" or not without_word:
            return None
        if self.province_of(without_word) or self.countries.exact(without_word) or self.blocs.exact(without_word):
            return None
        if _VN_BODY.match(without_word):
            return None  # "Sở Công Thương", "Công an tỉnh": a Vietnamese body in the same sentence
        words = without_word.split()
        if not 1 <= len(words) <= 5 or not all(_NAME_TOKEN.match(word) for word in words):
            return None
        if not words[0][0].isupper() or sum(1 for word in words if word[0].isupper()) * 2 < len(words):
            return None
        if is_vietnamese_place(without_word):  # last: the first call reads the 14,000 units
            return None  # "các huyện Kỳ Sơn, Tương Dương … với các tỉnh … (Lào)": the province's own districts
        return PartnerMatch(item, without_word, country, "locality")

    def _localities_by_pattern(self, text: str) -> list[PartnerMatch]:
        found: list[PartnerMatch] = []
        # "tỉnh X (Lào)", "các tỉnh: X, Y và Z (Lào)", "Ulianốp (LB Nga), Santiago (Chile)".
        for paren in re.finditer(r"\(([^()]{1,60})\)", text):
            country = self.country_of(paren[1])
            if country is None or country == "VN":
                continue
            before = text[: paren.start()]
            cut = max(before.rfind(mark) for mark in ".;()\n")
            segment = before[cut + 1 :]
            intro, _, listed = segment.rpartition(":")
            items = [item for item in re.split(r",\s*|\s+và\s+", listed) if item.strip()]
            has_word = bool(re.search(rf"\b(?:{_LOCALITY_RE})\b", intro[-40:] + " " + listed, re.IGNORECASE))
            for item in reversed(items):
                match = self._known_or_new(item, country)
                if match is None or (
                    not has_word and match.kind == "locality" and self.partners.exact(match.canonical) is None
                ):
                    break
                found.append(match)
                head = re.match(rf"^\s*(?:các\s+)?(?:{_LOCALITY_RE})\s", item.strip(), re.IGNORECASE)
                if len(item.split()) > 6 and head is None:
                    break  # "… xây dựng kế hoạch với thành phố X": the sentence before is no longer the list
        # "tỉnh X, Hàn Quốc", "thành phố Deagu, Hàn Quốc", "thành phố A và thành phố B, Quảng Tây, Trung Quốc".
        for comma in re.finditer(
            rf"\b(?:{_LOCALITY_RE})\s+(?P<name>[^\W\d_][^,;.()\n]{{0,40}}?)\s*,\s*"
            r"(?:(?P<region>[^\W\d_][^,;.()\n]{1,30}?)\s*,\s*)?(?:nước\s+)?(?P<country>[^,;.()\n]{2,40}?)"
            r"(?=\s*(?:[,;.()\n]|$|\s+và\s))",
            text,
            re.IGNORECASE,
        ):
            country = self.country_of(comma["country"])
            if country is None or country == "VN":
                continue
            if comma["region"]:  # the province between must be one of that country's ("Quảng Tây, Trung Quốc")
                region = self.partners.exact(comma["region"])
                if region is None or region.country != country or region.kind != "locality":
                    continue
            names = [comma["name"]]
            # The localities listed before it with the same word: "thành phố A và thành phố B, …".
            before = text[: comma.start()]
            while earlier := re.search(
                rf"\b(?:{_LOCALITY_RE})\s+([^\W\d_][^,;.()\n]{{0,40}}?)\s*(?:,|\bvà)\s*$", before, re.I
            ):
                names.append(earlier[1])
                before = before[: earlier.start()]
            for name in names:
                match = self._known_or_new(name, country)
                if match is not None:
                    found.append(match)
        # "huyện X, huyện Y tỉnh Z" where Z is a foreign province of the gazetteer.
        for province in re.finditer(r"\btỉnh\s+", text, re.IGNORECASE):
            rest = text[province.end() :]
            known = self.partners.find(rest[:60])
            if (
                not known
                or known[0].start != 0
                or known[0].value.kind != "locality"
                or known[0].value.country in (None, "VN")
            ):
                continue
            clause = text[: province.start()]
            clause = clause[max(clause.rfind(mark) for mark in ";.()\n:") + 1 :]
            for district in re.finditer(r"\bhuyện\s+", clause, re.IGNORECASE):
                name = re.split(r",|\bvà\b", clause[district.end() :], maxsplit=1)[0].strip()
                name = re.sub(r"\s+tỉnh$", "", name, flags=re.IGNORECASE)
                words = name.split()
                if 1 <= len(words) <= 4 and words[0][:1].isupper() and all(_NAME_TOKEN.match(word) for word in words):
                    found.append(PartnerMatch(f"huyện {name}", name, known[0].value.country, "locality"))
        return found


@functools.lru_cache(maxsize=4)
def gazetteer_for(reference: refdata.ReferenceData) -> Gazetteer:
    """The gazetteer of ``reference``, built once per distinct value: the same rows read again reuse it."""
    return Gazetteer(reference.countries, reference.partners)
