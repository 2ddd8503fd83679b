"""`reference_from_database`: the countries, partners and relations the document extractor reads on the Django side."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from doingoai.core.choices import Region
from doingoai.core.models import Country
from doingoai.core.selectors import reference_from_database
from doingoai.reference import refdata
from tests.factories import CountryFactory, DiplomaticRelationFactory

pytestmark = pytest.mark.django_db


def test_empty_tables_give_the_shipped_data():
    assert reference_from_database() == refdata.shipped()


def test_an_unedited_database_reads_exactly_like_the_shipped_files():
    call_command("load_refdata", verbosity=0, stdout=io.StringIO())
    assert reference_from_database() == refdata.shipped()


def test_the_administrators_rows_replace_the_shipped_ones_table_by_table():
    CountryFactory(code="KR", name_vi="Hàn Quốc", name_en="South Korea", region=Region.NEA, aliases=["Đại Hàn"])
    DiplomaticRelationFactory(code="KR", name_vi="Hàn Quốc", established_on=dt.date(1992, 12, 21), kind="relations")
    reference = reference_from_database()
    assert reference.countries == (refdata.CountryRow("KR", "Hàn Quốc", "South Korea", "nea", ("Đại Hàn",)),)
    assert reference.relations == (refdata.RelationRow("KR", "Hàn Quốc", dt.date(1992, 12, 21), "relations", ""),)
    assert reference.partners == refdata.shipped().partners  # no partner yet: the shipped ones

    Country.objects.filter(code="KR").update(aliases=["Đại Hàn", "Xứ sở kim chi"])
    assert reference_from_database().countries[0].aliases == ("Đại Hàn", "Xứ sở kim chi")
