"""One name per country (issue 16, item 15): the Vietnamese name of `Country` on every page — anniversaries, the
home page, the calendar, the programme's anniversaries, the lists — and the other forms as search aliases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.core.models import Country, DiplomaticRelation
from doingoai.reference import refdata
from tests.factories import CountryFactory, DiplomaticRelationFactory

pytestmark = pytest.mark.django_db


def test_the_shipped_relations_name_each_country_as_the_country_list_does():
    names = {c.code: c.name_vi for c in refdata.load_countries()}
    for row in refdata.load_relations():
        if row.code in names:
            assert row.name_vi.split(" (")[0] == names[row.code], row


@pytest.fixture
def kazakhstan():
    """A relation whose own name is the English-like form (as someone typed it): the pages still say the one name."""
    country = CountryFactory(code="KZ", name_vi="Ca-dắc-xtan", name_en="Kazakhstan", aliases=["Kazakhstan"])
    this_year = dt.date.today().year
    relation = DiplomaticRelationFactory(
        code="KZ", name_vi="Kazakhstan", country=country, established_on=dt.date(this_year - 34, 6, 29)
    )
    return country, relation


def test_relation_names(kazakhstan):
    _, relation = kazakhstan
    assert relation.display_name == "Ca-dắc-xtan" and str(relation).startswith("Ca-dắc-xtan (")
    relation.name_vi = "Kazakhstan (kế thừa Liên Xô)"
    assert relation.display_name == "Ca-dắc-xtan (kế thừa Liên Xô)" and relation.country_name == "Ca-dắc-xtan"
    bloc = DiplomaticRelation(code="EU", name_vi="Liên minh châu Âu (EU)", established_on=dt.date(1990, 10, 22))
    assert bloc.display_name == "Liên minh châu Âu (EU)"


def test_every_page_says_the_one_name(client_for, kazakhstan):
    from doingoai.dashboard.calendar_selectors import calendar_entries

    client = client_for("coordinator")
    year = kazakhstan[1].established_on.year + 35
    page = client.get(reverse("anniversaries") + f"?year={year}").content.decode()
    assert "Ca-dắc-xtan" in page and "Kazakhstan" not in page
    relations = client.get(reverse("core:diplomaticrelation_list")).content.decode()
    assert "Ca-dắc-xtan" in relations
    from doingoai.core.models import User

    coordinator = User.objects.get(username="coordinator")
    entries = calendar_entries(user=coordinator, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    titles = [e.title for e in entries if "quan hệ ngoại giao" in e.title]
    assert titles and all("Ca-dắc-xtan" in t and "Kazakhstan" not in t for t in titles)


def test_the_other_forms_find_the_country(client_for, kazakhstan):
    client = client_for("coordinator")
    countries = client.get(reverse("core:country_list") + "?q=Kazakhstan").content.decode()
    assert "Ca-dắc-xtan" in countries
    relations = client.get(reverse("core:diplomaticrelation_list") + "?q=ca dac").content.decode()
    assert "Ca-dắc-xtan" in relations
    assert Country.objects.filter(search_text__contains="kazakhstan").exists()
