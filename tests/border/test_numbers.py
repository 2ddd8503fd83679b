from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from doingoai.border.numbers import MarkerNumber, marker_sort_key, normalise_marker_number, parse_marker_number

numbers = st.builds(
    MarkerNumber,
    main=st.integers(1, 9999),
    auxiliary=st.integers(0, 999),
    index=st.integers(0, 99),
)


def test_numbers_as_written():
    assert parse_marker_number("390") == MarkerNumber(390)
    assert parse_marker_number("405(1)") == MarkerNumber(405, 0, 1)
    assert parse_marker_number("397(2)") == MarkerNumber(397, 0, 2)
    assert parse_marker_number("397/7(1)") == MarkerNumber(397, 7, 1)
    assert parse_marker_number(" 405 (1) ") == MarkerNumber(405, 0, 1)
    assert normalise_marker_number(" 405 (1) ") == "405(1)"
    for bad in ("", "mốc 390", "405(", "405()", "/7", "405(1)(2)", "12345"):
        assert parse_marker_number(bad) is None, bad


def test_sort_order():
    written = ["405(1)", "397/7(1)", "390", "397(2)", "397", "397/7", "397(1)", "1000", "ghi sai"]
    assert sorted(written, key=marker_sort_key) == [
        "390",
        "397",
        "397(1)",
        "397(2)",
        "397/7",
        "397/7(1)",
        "405(1)",
        "1000",
        "ghi sai",
    ]


@given(numbers)
def test_round_trip(number):
    assert parse_marker_number(str(number)) == number


@given(numbers, numbers)
def test_text_key_sorts_like_the_numbers(a, b):
    assert (marker_sort_key(str(a)) < marker_sort_key(str(b))) == (a < b)


@given(st.text(max_size=20))
def test_any_text_has_a_key_and_unparsable_text_sorts_last(text):
    key = marker_sort_key(text)
    assert isinstance(key, str)
    if parse_marker_number(text) is None:
        assert key.startswith("~") and key > marker_sort_key("9999/999(99)")
