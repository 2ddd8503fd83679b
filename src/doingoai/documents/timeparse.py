"""Parse the fuzzy "planned time" column of annual foreign-affairs plans.

Departments write the expected time of a delegation, conference or agreement as free
Vietnamese text: "Quý II/Quý III", "Tháng 11-12", "6/2022", "6 tháng đầu năm",
"Tùy thuộc lịch thi đấu"... This module turns that text into the set of months in
which the activity may take place (plus the year, when one is written) so activities
can be filtered, grouped by quarter and checked for clashes.

It has no Django imports on purpose: importers, views and background tasks share it,
and it is tested as plain Python.

Design notes:

* Several stated months or quarters are *alternatives* ("Quý II/Quý III"): the result
  is every month the activity might fall in, not a guaranteed schedule.
* Matching is done on an accent-free, case-folded copy, because the same plan arrives
  typed with or without diacritics, in NFC or NFD, with odd spacing. The original
  accents are still consulted for the two words whose unaccented form is ambiguous
  in practice: "tháng" (month) vs "thắng" (win) and "đầu" (start) vs "đấu" (match,
  as in "lịch thi đấu").
* ``parse_planned_time`` never raises for any ``str`` or ``None``: it runs on
  imported documents, and one odd cell must not abort an import. Anything it does not
  understand simply yields "unknown" months.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = [
    "ALL_MONTHS",
    "PlannedTime",
    "days_in_text",
    "format_months",
    "months_from_mask",
    "parse_planned_time",
    "quarter_mask",
]

ALL_MONTHS: frozenset[int] = frozenset(range(1, 13))

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_LABELS = ("I", "II", "III", "IV")
_UNKNOWN_LABEL = "Chưa xác định"
_WHOLE_YEAR_LABEL = "Cả năm"

# Years outside this window are far more likely to be counts or codes than dates.
_MIN_YEAR = 1900
_MAX_YEAR = 2199

# Combining marks each ambiguous word may legitimately carry. A written word whose
# accents are not a subset is a different word ("thắng", "đấu") and must not match;
# a word typed without any accent still matches.
_ALLOWED_MARKS = {
    "thang": frozenset("\u0301"),  # tháng: acute
    "dau": frozenset("\u0302\u0300"),  # đầu: circumflex + grave
}

# All patterns run on the folded text (ASCII letters/digits, single spaces), so
# re.ASCII keeps \d and \b from matching exotic digits or letters.
_FLAGS = re.ASCII

_LIST_SEP = r" ?(?:[,;/&+]|\bva\b|\bhoac\b|\bhay\b) ?"
_RANGE_SEP = r" ?(?:[-~]|\bden\b|\btoi\b) ?"


def _group_pattern(prefix: str, token: str) -> re.Pattern[str]:
    """Build a pattern for "<prefix> a[-b][, <prefix> c[-d]]...", optionally after "từ"."""
    item = rf"{token}(?:{_RANGE_SEP}(?:{prefix})?{token})?"
    return re.compile(rf"(?P<since>\btu )?{prefix}{item}(?:{_LIST_SEP}(?:{prefix})?{item})*", _FLAGS)


# "Quý II", "Quý l" (typed L for I), "Quí 3", "Q3", "Quý II/Quý III", "Quý I, II, III".
# A trailing "/2025" is swallowed as an out-of-range token so it is not read as a month.
_QUARTER_GROUP = _group_pattern(r"\bq(?:u[yi])?\.? ?", r"(?:[ivl]+|\d+)\b")
# "Tháng 6", "Tháng 11-12", "Tháng 9, 10", "Tháng 3 và tháng 9", "tháng 01/2025", "T6".
_MONTH_GROUP = _group_pattern(r"(?:\bthang\.? ?|\bt(?=\d))", r"\d+\b")
# "6 tháng đầu năm", "6 tháng cuối năm", "nửa đầu năm".
_PART_OF_YEAR = re.compile(r"\b(?:(?P<count>\d+) ?(?P<thang>thang)|nua) (?P<part>dau|cuoi) nam\b", _FLAGS)
# "15/6/2022", "15-06-2022", "15.6.2022": the same separator twice, so "11-12/2022" is not a date.
_DATE = re.compile(r"(?<![\d/.-])\d{1,2} ?(?P<sep>[/.-]) ?(?P<month>\d{1,2}) ?(?P=sep) ?\d{4}(?![\d/])", _FLAGS)
# "6/2022", "12-2022", "11-12/2022".
_MONTH_YEAR = re.compile(
    r"(?<![\d/.-])(?P<first>\d{1,2})(?: ?(?:-|den) ?(?P<last>\d{1,2}))? ?[/-] ?\d{4}(?![\d/])", _FLAGS
)
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)", _FLAGS)
_DEPENDS_ON = re.compile(r"\btuy (?:thuoc|theo)\b", _FLAGS)
_START_OF_YEAR = re.compile(r"\b(?P<dau>dau) nam\b", _FLAGS)
_END_OF_YEAR = re.compile(r"\bcuoi nam\b", _FLAGS)
# Ongoing or spread over the year: every month is possible. "trong năm 2022" on its own
# only states the year, so it is excluded ("02 đợt trong năm 2022" stays unknown).
_WHOLE_YEAR = re.compile(
    r"\b(?:ca nam|quanh nam|hang thang|hang quy|moi quy|moi dot mot quy|thuong xuyen|tu nam ?\d{4})\b"
    r"|\btrong nam\b(?! ?\d)",
    _FLAGS,
)

# Prefixes are split off explicitly so glued forms like "QIII" or "T6" tokenise; "toi"
# comes first so the "t" prefix does not eat it.
_TOKEN = re.compile(r"\d+|toi|thang|qu[yi]|q|tu|t|[a-z]+|[^ a-z0-9]", _FLAGS)
_RANGE_WORDS = frozenset({"-", "~", "den", "toi"})
_LIST_WORDS = frozenset({",", ";", "/", "&", "+", "va", "hoac", "hay"})
_PREFIX_WORDS = frozenset({"q", "quy", "qui", "thang", "t", "tu", "."})

# Blanked-out spans use NUL rather than spaces so later patterns cannot join text
# across a part that has already been interpreted.
_BLANK = "\x00"


@dataclass(frozen=True)
class PlannedTime:
    """The interpretation of one "planned time" cell."""

    text: str  # as written (stripped)
    year: int | None  # a year stated in the text, else None
    months: frozenset[int]  # possible months 1..12; empty = unknown

    @property
    def known(self) -> bool:
        """Whether at least one month could be determined."""
        return bool(self.months)

    @property
    def mask(self) -> int:
        """Bitmask with bit ``m - 1`` set for each possible month ``m``."""
        return _mask(self.months)

    @property
    def quarters(self) -> frozenset[int]:
        """Quarters (1..4) containing at least one possible month."""
        return frozenset((month - 1) // 3 + 1 for month in self.months)


def months_from_mask(mask: int) -> frozenset[int]:
    """Return the months whose bit (``m - 1``) is set in ``mask``; bits above 12 are ignored."""
    return frozenset(month for month in ALL_MONTHS if mask >> (month - 1) & 1)


def quarter_mask(quarter: int) -> int:
    """Return the month bitmask of a quarter: 1 -> 0b111, 2 -> 0b111000, ...

    Raises ``ValueError`` for a quarter outside 1..4 (a programming error, unlike
    untrusted text, which goes through :func:`parse_planned_time`).
    """
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1..4, not {quarter!r}")
    return 0b111 << (3 * (quarter - 1))


def format_months(months: Iterable[int]) -> str:
    """Render months as Vietnamese text that :func:`parse_planned_time` reads back.

    Whole quarters are shown as quarters ("Quý II", "Quý I-III", "Quý I, III"),
    anything else as month runs ("Tháng 6", "Tháng 11-12", "Tháng 3, 9"); all twelve
    months are "Cả năm" and no month is "Chưa xác định". Values outside 1..12 are ignored.
    """
    chosen = sorted({month for month in months if 1 <= month <= 12})
    if not chosen:
        return _UNKNOWN_LABEL
    if len(chosen) == 12:
        return _WHOLE_YEAR_LABEL
    quarters = sorted({(month - 1) // 3 + 1 for month in chosen})
    # Every touched quarter is complete exactly when the counts match.
    if len(chosen) == 3 * len(quarters):
        return "Quý " + _format_runs(quarters, lambda quarter: _ROMAN_LABELS[quarter - 1])
    return "Tháng " + _format_runs(chosen, str)


def parse_planned_time(text: str | None) -> PlannedTime:
    """Interpret a fuzzy Vietnamese planned-time text such as "Quý II/Quý III" or "6/2022".

    Returns the stripped text, the first plausible year written in it (or ``None``) and
    every month the activity may fall in (empty when unknown). Never raises for a
    ``str`` or ``None`` input; unrecognised text, out-of-range months ("Tháng 13") and
    quarters ("Quý V") just contribute nothing.
    """
    raw = text.strip() if isinstance(text, str) else ""
    folded, origin = _fold(raw)
    months: set[int] = set()

    def accents_fit(word: str, start: int) -> bool:
        # Map the folded word back to the characters it came from; the slice also
        # covers combining marks that follow its last letter in NFD text.
        end = start + len(word)
        written = raw[origin[start] : origin[end] if end < len(origin) else len(raw)]
        marks = {char for char in unicodedata.normalize("NFD", written) if unicodedata.category(char)[0] == "M"}
        return marks <= _ALLOWED_MARKS[word]

    def part_of_year(match: re.Match[str]) -> bool:
        if match["part"] == "dau" and not accents_fit("dau", match.start("part")):
            return False
        if match["thang"] and not accents_fit("thang", match.start("thang")):
            return False
        count = _small_int(match["count"]) if match["count"] else 6
        if count is not None and 1 <= count <= 12:
            months.update(range(1, count + 1) if match["part"] == "dau" else range(13 - count, 13))
        return True

    def quarter_group(match: re.Match[str]) -> bool:
        quarters, single = _group_values(match[0], _quarter_value, 4)
        if match["since"] and single:
            quarters = set(range(min(quarters), 5))  # "Từ Quý II": ongoing to year end
        months.update(month for quarter in quarters for month in range(3 * quarter - 2, 3 * quarter + 1))
        return True

    def month_group(match: re.Match[str]) -> bool:
        prefix_at = match.start() + (len("tu ") if match["since"] else 0)
        if folded.startswith("thang", prefix_at) and not accents_fit("thang", prefix_at):
            return False  # "thắng 3-1" is a score, not March
        found, single = _group_values(match[0], _month_value, 12)
        if match["since"] and single:
            found = set(range(min(found), 13))  # "Từ tháng 9": ongoing to year end
        months.update(found)
        return True

    def date(match: re.Match[str]) -> bool:
        months.update(_valid(_month_value(match["month"]), 12))
        return True

    def month_year(match: re.Match[str]) -> bool:
        first = _month_value(match["first"])
        last = _month_value(match["last"]) if match["last"] else None
        if first is not None and last is not None:
            months.update(_cycle(first, last, 12))
        else:
            months.update(_valid(first, 12))
        return True

    work = folded
    # Order matters: each step blanks what it used, so e.g. "Quý 3/2025" is not later
    # read as "3/2025" (March) and "6 tháng đầu năm" is not also read as "đầu năm".
    for pattern, handler in (
        (_PART_OF_YEAR, part_of_year),
        (_QUARTER_GROUP, quarter_group),
        (_MONTH_GROUP, month_group),
        (_DATE, date),
        (_MONTH_YEAR, month_year),
    ):
        work = _consume(pattern, work, handler)

    # "Tùy thuộc lịch thi đấu ..." means the date is not known yet; vague phrases in
    # such text are about something else, but explicit months/quarters still count.
    if not _DEPENDS_ON.search(work):
        if _WHOLE_YEAR.search(work):
            months.update(ALL_MONTHS)
        if any(accents_fit("dau", match.start("dau")) for match in _START_OF_YEAR.finditer(work)):
            months.update((1, 2, 3))
        if _END_OF_YEAR.search(work):
            months.update((10, 11, 12))

    return PlannedTime(text=raw, year=_find_year(folded), months=frozenset(months))


def _fold(text: str) -> tuple[str, list[int]]:
    """Return an accent-free, case-folded, space-collapsed copy of ``text``.

    The second value gives, for each folded character, the index of the original
    character it came from, so accents can be checked on the text as written.
    """
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        # NFKD also turns full-width digits and "Ⅲ" into ASCII; casefold can add marks
        # back ("İ" -> "i̇"), hence the second NFKD. "đ" has no decomposition, and
        # "ð" (U+00F0) appears where legacy Vietnamese encodings were converted.
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).casefold())
        for piece in folded.replace("đ", "d").replace("ð", "d"):
            category = unicodedata.category(piece)
            if category[0] == "M" or category == "Cf":
                continue  # diacritics, zero-width spaces, soft hyphens
            if piece.isspace():
                if not chars or chars[-1] == " ":
                    continue
                piece = " "
            elif category == "Pd" or piece == "\u2212":
                piece = "-"  # en/em dashes and minus signs are typed for ranges
            chars.append(piece)
            origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


def _consume(pattern: re.Pattern[str], work: str, handler: Callable[[re.Match[str]], bool]) -> str:
    """Run ``handler`` on each match and blank out the matches it accepted."""

    def replace(match: re.Match[str]) -> str:
        return _BLANK * len(match[0]) if handler(match) else match[0]

    return pattern.sub(replace, work)


def _group_values(span: str, value: Callable[[str], int | None], size: int) -> tuple[set[int], bool]:
    """Read "a-b, c / d" style lists of months or quarters.

    Returns the values (ranges expanded, invalid entries dropped) and whether the span
    named exactly one valid value without a range, which "từ ..." turns into "onwards".
    """
    values: set[int] = set()
    previous: int | None = None
    in_range = False
    used_range = False
    count = 0
    for token in _TOKEN.findall(span):
        if token in _RANGE_WORDS:
            in_range = True
        elif token in _LIST_WORDS:
            in_range = False
        elif token not in _PREFIX_WORDS:
            current = value(token)
            if current is not None:
                count += 1
                if in_range and previous is not None:
                    values.update(_cycle(previous, current, size))
                    used_range = True
                else:
                    values.add(current)
            previous = current
            in_range = False
    return values, count == 1 and not used_range


def _cycle(first: int, last: int, size: int) -> range | list[int]:
    """Inclusive range that wraps past the year end ("Tháng 11-2" is Nov..Feb)."""
    if first <= last:
        return range(first, last + 1)
    return [*range(first, size + 1), *range(1, last + 1)]


def _small_int(digits: str) -> int | None:
    """Parse a digit string, refusing long ones: int() raises beyond ~4300 digits."""
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= 4 else None


def _valid(value: int | None, size: int) -> list[int]:
    return [value] if value is not None and 1 <= value <= size else []


def _month_value(token: str) -> int | None:
    number = _small_int(token) if token.isdigit() else None
    return number if number is not None and 1 <= number <= 12 else None


def _quarter_value(token: str) -> int | None:
    if token.isdigit():
        number = _small_int(token)
        return number if number is not None and 1 <= number <= 4 else None
    # A lowercase L is often typed for the roman I ("Quý l", "Quý ll").
    return _ROMAN_QUARTERS.get(token.replace("l", "i"))


def _find_year(folded: str) -> int | None:
    for match in _YEAR.finditer(folded):
        year = int(match[0])
        if _MIN_YEAR <= year <= _MAX_YEAR:
            return year
    return None


def _mask(months: Iterable[int]) -> int:
    mask = 0
    for month in months:
        if 1 <= month <= 12:
            mask |= 1 << (month - 1)
    return mask


def _format_runs(values: list[int], label: Callable[[int], str]) -> str:
    """Join sorted values as "a-b, c" runs of consecutive numbers."""
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(label(run[0]) if len(run) == 1 else f"{label(run[0])}-{label(run[-1])}" for run in runs)


_DAYS = re.compile(r"^\s*0*(\d{1,3})\s*ngày", re.IGNORECASE)


def days_in_text(text: str) -> int | None:
    """The number of days a duration written as in the plans starts with ("05 ngày/ nước" → 5), or None."""
    match = _DAYS.match(text or "")
    return int(match.group(1)) if match else None
