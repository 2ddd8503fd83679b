"""The query side of the search: every normalisation rule, alias groups, and safety of the full-text syntax."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.search.query import parse
from tests.factories import CountryFactory, PartnerFactory


def words(text: str) -> list[tuple[str, ...]]:
    return [g.phrases[0] for g in parse(text, aliases=False).groups]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Xiêng Khoảng", "xieng khoang"),  # diacritics
        ("hoà", "hòa"),  # old / new tone placement
        ("Hoá", "Hóa"),
        ("thuỷ", "thủy"),
        ("ĐÀ NẴNG", "da nang"),  # đ and case
        ("Bô-ly-khăm-xay", "bo ly kham xay"),  # punctuation
        ("Xie\u0302ng", "Xiêng"),  # decomposed (NFD) input
    ],
)
def test_normalisation_makes_spellings_equal(a, b):
    assert words(a + " ") == words(b + " ")


def test_last_word_is_a_prefix_while_typing_only():
    typing = parse("xieng kho", aliases=False)
    assert [g.prefix for g in typing.groups] == [False, True]
    assert typing.fts5() == '"xieng" AND ("kho" OR "kho"*)'
    assert typing.tsquery() == "xieng & (kho | kho:*)"
    done = parse("xieng kho ", aliases=False)
    assert not any(g.prefix for g in done.groups)
    assert not parse("x", aliases=False).groups[0].prefix  # one letter is too short to be a prefix


def test_empty_and_punctuation_only_queries_have_no_groups():
    assert parse("   ").groups == ()
    assert parse("?!…", aliases=False).groups == ()


@pytest.mark.django_db
def test_partner_aliases_joined_or_apart_become_one_group():
    PartnerFactory(name="Bo Ly Khăm Xay", aliases=["Bô Ly Khăm Xay", "Bolykhămxay", "Borikhamxay"])
    joined = parse("Bolykhămxay ")
    apart = parse("bo ly kham xay ")
    assert len(joined.groups) == len(apart.groups) == 1
    assert joined.groups[0].phrases == apart.groups[0].phrases
    assert ("bo", "ly", "kham", "xay") in joined.groups[0].phrases
    assert ("borikhamxay",) in joined.groups[0].phrases
    # words around the name stay their own groups
    around = parse("đoàn Borikhamxay 2026 ")
    assert [len(g.phrases) for g in around.groups] == [1, 3, 1]


@pytest.mark.django_db
def test_country_aliases_and_an_edit_is_seen_at_once():
    country = CountryFactory(code="NZ", name_vi="Niu Di-lân", name_en="New Zealand", aliases=[])
    assert set(parse("niudilan ").groups[0].phrases) == {("niudilan",), ("niu", "di", "lan"), ("new", "zealand")}
    assert ("new", "zealand") in parse("niu di lan ").groups[0].phrases
    country.aliases = ["Tân Tây Lan"]
    country.save()
    assert ("tan", "tay", "lan") in parse("new zealand ").groups[0].phrases


@pytest.mark.django_db
def test_short_names_are_not_expanded():
    CountryFactory(code="LA", name_vi="Lào", name_en="Laos", aliases=[])
    assert parse("lao ").groups[0].phrases == (("lao",),)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_safe_full_text_syntax(text):
    query = parse(text, aliases=False)
    for group in query.groups:
        for phrase in group.phrases:
            assert all(re.fullmatch(r"[0-9a-z]+", w) for w in phrase)
    if query.groups:
        assert re.fullmatch(r'[0-9a-z" *()ANDOR]+', query.fts5())
        assert re.fullmatch(r"[0-9a-z :*()&|<>-]+", query.tsquery())


@pytest.mark.django_db
def test_highlight_marks_whole_alias_phrases_and_escapes():
    from doingoai.search.selectors import highlight

    PartnerFactory(name="Bo Ly Khăm Xay", aliases=["Bolykhămxay"])
    html = highlight("Bộ Chỉ huy tỉnh Bô-ly-khăm-xay; quản lý <b>", parse("Bolykhămxay "))
    assert html == (
        "Bộ Chỉ huy tỉnh <mark>Bô</mark>-<mark>ly</mark>-<mark>khăm</mark>-<mark>xay</mark>; quản lý &lt;b&gt;"
    )
    assert highlight("Xiêng Khoảng", parse("xieng kho", aliases=False)) == "<mark>Xiêng</mark> <mark>Khoảng</mark>"
