"""Tests for the planned-time parser (pure Python: run with ``pytest -p no:django``)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doingoai.documents.timeparse import (
    ALL_MONTHS,
    PlannedTime,
    format_months,
    months_from_mask,
    parse_planned_time,
    quarter_mask,
)

Q1, Q2, Q3, Q4 = (frozenset(range(3 * q - 2, 3 * q + 1)) for q in (1, 2, 3, 4))
NONE: frozenset[int] = frozenset()
ROMAN = ("I", "II", "III", "IV")

# Texts as found in real annual plans: (text, year, months).
REAL_EXAMPLES = [
    ("Tháng 6", None, {6}),
    ("Tháng 7", None, {7}),
    ("tháng 11", None, {11}),
    ("Quý I", None, Q1),
    ("Quý l", None, Q1),
    ("Quý II/Quý III", None, Q2 | Q3),
    ("Quý II-III", None, Q2 | Q3),
    ("Quý II, III", None, Q2 | Q3),
    ("Quý I, II, III", None, Q1 | Q2 | Q3),
    ("Quý IV", None, Q4),
    ("Quý III/2025", 2025, Q3),
    ("6/2022", 2022, {6}),
    ("3/2022", 2022, {3}),
    ("12/2022", 2022, {12}),
    ("Tháng 11-12", None, {11, 12}),
    ("Tháng 9, 10", None, {9, 10}),
    ("Từ năm 2022", 2022, ALL_MONTHS),
    ("2022", 2022, NONE),
    ("Năm 2022", 2022, NONE),
    ("Mỗi đợt một quý", None, ALL_MONTHS),
    ("02 đợt trong năm 2022", 2022, NONE),
    ("Tùy thuộc lịch thi đấu", None, NONE),
    ("Tùy thuộc lịch thi đấu các giải đấu", None, NONE),
    ("Cả năm", None, ALL_MONTHS),
    ("Trong năm", None, ALL_MONTHS),
    ("6 tháng đầu năm", None, Q1 | Q2),
    ("6 tháng cuối năm", None, Q3 | Q4),
    ("Đầu năm", None, Q1),
    ("Cuối năm", None, Q4),
    ("Tháng 3 và tháng 9", None, {3, 9}),
    ("tháng 01/2025", 2025, {1}),
    ("Quý 3", None, Q3),
    ("Q3", None, Q3),
    ("", None, NONE),
]

# Variants the parser promises to handle beyond the literal examples.
EXTRA_EXAMPLES = [
    ("  Quý   II  -  III  ", None, Q2 | Q3),
    ("QUÝ IV", None, Q4),
    ("quy ii", None, Q2),
    ("Quý ll", None, Q2),
    ("Quí II", None, Q2),
    ("Quý II – III", None, Q2 | Q3),  # en dash
    ("Quý Ⅲ", None, Q3),  # roman numeral character
    ("Tháng １２", None, {12}),  # full-width digit
    ("Quý\u200bII", None, Q2),  # zero-width space
    ("Tháng 6 năm 2022", 2022, {6}),
    ("Tháng 11-12/2022", 2022, {11, 12}),
    ("11-12/2022", 2022, {11, 12}),
    ("15/6/2022", 2022, {6}),
    ("T6/2022", 2022, {6}),
    ("QIII", None, Q3),
    ("Từ tháng 3 đến tháng 6", None, {3, 4, 5, 6}),
    ("Từ tháng 9", None, {9, 10, 11, 12}),
    ("Từ Quý II", None, Q2 | Q3 | Q4),
    ("Tháng 11-2", None, {11, 12, 1, 2}),  # wraps past the year end
    ("Quý I và tháng 7", None, Q1 | {7}),
    ("Nửa cuối năm", None, Q3 | Q4),
    ("Cả năm 2023", 2023, ALL_MONTHS),
    ("Trong năm 2022", 2022, NONE),
    ("Tùy thuộc lịch thi đấu năm 2022", 2022, NONE),
    ("tuy thuoc lich thi dau nam 2022", 2022, NONE),
    ("Tùy thuộc tình hình, dự kiến Quý III", None, Q3),
    ("Thi đấu năm 2022", 2022, NONE),  # "đấu" is not "đầu"
    ("Thắng 3-1", None, NONE),  # "thắng" is not "tháng"
    ("Thang 3", None, {3}),  # unaccented "tháng" still counts
    ("dau nam", None, Q1),
    # Out-of-range values are ignored, never an error.
    ("Tháng 13", None, NONE),
    ("Tháng 0", None, NONE),
    ("Tháng 12-13", None, {12}),
    ("Quý V", None, NONE),
    ("Quý 5", None, NONE),
    ("13/2022", 2022, NONE),
    ("Tháng " + "9" * 5000, None, NONE),
    ("Lịch làm việc", None, NONE),
]


@pytest.mark.parametrize(("text", "year", "months"), REAL_EXAMPLES + EXTRA_EXAMPLES)
def test_examples(text: str, year: int | None, months: set[int]) -> None:
    result = parse_planned_time(text)
    assert (result.year, result.months) == (year, frozenset(months))


def test_none_is_unknown() -> None:
    assert parse_planned_time(None) == PlannedTime(text="", year=None, months=NONE)


def test_text_is_kept_stripped() -> None:
    assert parse_planned_time("  Quý II/Quý III \n").text == "Quý II/Quý III"


def test_properties() -> None:
    result = parse_planned_time("Quý II/Quý III")
    assert result.known
    assert result.mask == 0b000111111000
    assert result.quarters == {2, 3}
    assert parse_planned_time("Tháng 3 và tháng 9").quarters == {1, 3}
    unknown = parse_planned_time("Tùy thuộc lịch thi đấu")
    assert not unknown.known
    assert unknown.mask == 0
    assert unknown.quarters == NONE


def test_quarter_mask() -> None:
    assert [quarter_mask(q) for q in (1, 2, 3, 4)] == [0b111, 0b111000, 0b111000000, 0b111000000000]
    assert months_from_mask(quarter_mask(3)) == Q3
    for bad in (0, 5, -1):
        with pytest.raises(ValueError):
            quarter_mask(bad)


def test_months_from_mask_ignores_high_bits() -> None:
    assert months_from_mask(0) == NONE
    assert months_from_mask(0xFFF) == ALL_MONTHS
    assert months_from_mask(1 << 12 | 1) == {1}


@pytest.mark.parametrize(
    ("months", "label"),
    [
        ({6}, "Tháng 6"),
        ({11, 12}, "Tháng 11-12"),
        ({3, 9}, "Tháng 3, 9"),
        ({1, 2, 6}, "Tháng 1-2, 6"),
        (Q2, "Quý II"),
        (Q1 | Q2 | Q3, "Quý I-III"),
        (Q1 | Q3, "Quý I, III"),
        (ALL_MONTHS, "Cả năm"),
        (NONE, "Chưa xác định"),
        ({0, 13, 6}, "Tháng 6"),
    ],
)
def test_format_months(months: set[int], label: str) -> None:
    assert format_months(months) == label


# --- Property tests -------------------------------------------------------------

VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
VIETNAMESE_ALPHABET = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + "0123456789 /-,.–"

# Pieces of the grammar glued at random, to reach the parser's edge cases more often
# than uniformly random text does.
FRAGMENTS = st.sampled_from(
    [
        "Quý", "quý", "Q", "Tháng", "tháng", "T", "Từ", "từ", "năm", "đầu", "cuối", "cả", "trong",
        "tùy thuộc", "và", "đến", "hoặc", "I", "II", "III", "IV", "V", "l", "ll", "0", "1", "3",
        "6", "12", "13", "01", "2022", "99999", "9" * 40, "-", "–", "/", ",", ".", " ", "  ",
        "\u0301", "\u0300", "\u200b",
    ]
)  # fmt: skip
GRAMMAR_TEXT = st.lists(FRAGMENTS, max_size=12).map("".join)
EXAMPLE_TEXT = st.sampled_from([text for text, _, _ in REAL_EXAMPLES + EXTRA_EXAMPLES])
VIETNAMESE_TEXT = st.one_of(EXAMPLE_TEXT, GRAMMAR_TEXT, st.text(alphabet=VIETNAMESE_ALPHABET))


@given(st.one_of(st.none(), st.text(), GRAMMAR_TEXT))
def test_never_raises(text: str | None) -> None:
    result = parse_planned_time(text)
    assert isinstance(result, PlannedTime)
    assert result.year is None or isinstance(result.year, int)


@given(st.one_of(st.text(), GRAMMAR_TEXT))
def test_months_are_valid_and_mask_round_trips(text: str) -> None:
    result = parse_planned_time(text)
    assert result.months <= ALL_MONTHS
    assert months_from_mask(result.mask) == result.months
    assert result.known == bool(result.months)
    assert result.quarters <= {1, 2, 3, 4}


@given(st.integers(min_value=0, max_value=0xFFF))
def test_mask_round_trips(mask: int) -> None:
    assert PlannedTime(text="", year=None, months=months_from_mask(mask)).mask == mask


@st.composite
def month_range_texts(draw: st.DrawFn) -> tuple[str, frozenset[int]]:
    first = draw(st.integers(min_value=1, max_value=12))
    last = draw(st.integers(min_value=first, max_value=12))
    word = draw(st.sampled_from(["Tháng", "tháng", "THÁNG", "Thang"]))
    dash = draw(st.sampled_from(["-", " - ", "–", " đến "]))
    number = draw(st.sampled_from(["{}", "{:02d}"]))
    text = f"{word} {number.format(first)}"
    if last != first:
        text += dash + number.format(last)
    return text, frozenset(range(first, last + 1))


@st.composite
def month_list_texts(draw: st.DrawFn) -> tuple[str, frozenset[int]]:
    months = draw(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=12, unique=True))
    separator = draw(st.sampled_from([", ", ",", " và ", " và tháng ", "/"]))
    return "Tháng " + separator.join(map(str, months)), frozenset(months)


@st.composite
def quarter_texts(draw: st.DrawFn) -> tuple[str, frozenset[int]]:
    quarters = draw(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=4, unique=True))
    style = draw(st.sampled_from(["roman", "arabic"]))
    names = [ROMAN[q - 1] if style == "roman" else str(q) for q in quarters]
    months = frozenset(m for q in quarters for m in range(3 * q - 2, 3 * q + 1))
    if len(quarters) == 1 and draw(st.booleans()):
        return draw(st.sampled_from(["Quý ", "Q", "quý "])) + names[0], months
    if len(quarters) == 2 and quarters[0] < quarters[1] and draw(st.booleans()):
        # A range covers everything between its ends.
        low, high = quarters
        months = frozenset(range(3 * low - 2, 3 * high + 1))
        return f"Quý {names[0]}-{names[1]}", months
    separator = draw(st.sampled_from([", ", "/", "/Quý ", " và "]))
    return "Quý " + separator.join(names), months


@given(st.one_of(month_range_texts(), month_list_texts(), quarter_texts()))
def test_built_texts_parse_exactly(case: tuple[str, frozenset[int]]) -> None:
    text, expected = case
    assert parse_planned_time(text).months == expected


@given(st.frozensets(st.integers(min_value=1, max_value=12)))
def test_format_months_round_trips(months: frozenset[int]) -> None:
    assert parse_planned_time(format_months(months)).months == months


@given(st.frozensets(st.integers(min_value=1, max_value=4), min_size=1, max_size=3))
def test_whole_quarters_are_formatted_as_quarters(quarters: frozenset[int]) -> None:
    months = months_from_mask(sum(quarter_mask(q) for q in quarters))
    label = format_months(months)
    assert label.startswith("Quý ")
    assert parse_planned_time(label).months == months


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=12))
def test_contiguous_months_round_trip(first: int, last: int) -> None:
    months = frozenset(range(min(first, last), max(first, last) + 1))
    assert parse_planned_time(format_months(months)).months == months


def _meaning(text: str) -> tuple[int | None, frozenset[int]]:
    result = parse_planned_time(text)
    return result.year, result.months


@given(VIETNAMESE_TEXT)
def test_case_and_normalisation_do_not_matter(text: str) -> None:
    expected = _meaning(text)
    for variant in (
        text.upper(),
        text.lower(),
        text.swapcase(),
        unicodedata.normalize("NFC", text),
        unicodedata.normalize("NFD", text),
        unicodedata.normalize("NFD", text.upper()),
    ):
        assert _meaning(variant) == expected


@given(st.text())
def test_normalisation_does_not_matter_for_any_text(text: str) -> None:
    assert _meaning(unicodedata.normalize("NFD", text)) == _meaning(unicodedata.normalize("NFC", text))
