"""Shortcuts of the list pages' rendering give the same result as the long way.

- The filter panels' selects are written in Python (core.filters.FastOptionsMixin) instead of one template per
  option: the HTML is the one Django's widget templates write, option attributes (`selected`, a country's
  `data-aliases`) included; only the whitespace between tags differs.
- django-tables2's `signature` (which arguments a cell's render method takes) is kept per function
  (core.tables.cached_signature): the same answer as the library's for every kind of callable."""

from __future__ import annotations

import re

import pytest
from django import forms

from doingoai.core import tables as core_tables
from doingoai.core.filters import FAST_WIDGETS
from doingoai.core.models import Country
from tests.factories import CountryFactory


def tags(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.django_db
@pytest.mark.parametrize("slow", list(FAST_WIDGETS), ids=lambda cls: cls.__name__)
def test_the_fast_select_writes_the_html_of_the_widget_it_replaces(slow):
    kazakhstan = CountryFactory(code="KZ", name_vi="Ca-dắc-xtan", aliases=["Kazakhstan", 'Kazak "KZ"'])
    laos = CountryFactory(code="LA", name_vi="Lào & <b>")
    multiple = issubclass(slow, forms.SelectMultiple)
    field_class = forms.ModelMultipleChoiceField if multiple else forms.ModelChoiceField
    field = field_class(queryset=Country.objects.order_by("code"), widget=slow(attrs={"class": "form-select"}))
    value = [kazakhstan.pk, laos.pk] if multiple else kazakhstan.pk
    expected = field.widget.render("country", value, attrs={"id": "id_country"})

    field.widget.__class__ = FAST_WIDGETS[slow]  # what RegistryFilterSet does to its selects
    fast = field.widget.render("country", value, attrs={"id": "id_country"})

    assert tags(fast) == tags(expected)
    assert "selected" in fast
    # Each option is kept once written (core.filters.option_html): another choice, or none, still written right.
    for other in ([laos.pk] if multiple else laos.pk, None):
        field.widget.__class__ = slow
        expected = field.widget.render("country", other, attrs={"id": "id_country"})
        field.widget.__class__ = FAST_WIDGETS[slow]
        assert tags(field.widget.render("country", other, attrs={"id": "id_country"})) == tags(expected)
    if slow.__name__.startswith("Alias"):
        assert 'data-aliases="Kazakhstan | Kazak &quot;KZ&quot;"' in fast


class Columnish:
    def render(self, value, record, **kwargs):
        return value

    def value(self, record):
        return record

    def __call__(self, table, *args):
        return table


def plain(value, bound_row=None):
    return value


@pytest.mark.parametrize(
    "make",
    [
        lambda: plain,
        lambda: lambda record: record,
        lambda: Columnish().render,
        lambda: Columnish().value,
        lambda: Columnish(),
        lambda: Columnish.render,
    ],
    ids=["function", "lambda", "method-with-kwargs", "method", "callable-object", "unbound"],
)
def test_the_cached_signature_answers_as_the_library(make):
    from django_tables2 import utils

    assert utils.signature is core_tables.cached_signature  # installed at import of core.tables
    expected = core_tables._library_signature(make())
    assert core_tables.cached_signature(make()) == expected
    assert core_tables.cached_signature(make()) == expected  # and again, from the cache


@pytest.mark.django_db
def test_a_unit_filter_lists_only_the_chosen_unit_and_looks_the_others_up(users):
    """Any single-choice filter over units or partners (core.filters.LOOKUP_MODELS) becomes a lookup box: a
    national deployment's ~1,700 units were written into every list's filter panel."""
    from django.http import QueryDict
    from django.urls import reverse

    from doingoai.diaspora.filters import OverseasVietnameseFilterSet
    from doingoai.diaspora.models import OverseasVietnamese
    from tests.factories import OverseasVietnameseFactory

    chosen, other = users["officer1"].unit, users["officer2"].unit
    mine = OverseasVietnameseFactory(recording_unit=chosen)
    OverseasVietnameseFactory(recording_unit=other)
    filters = OverseasVietnameseFilterSet(
        QueryDict(f"recording_unit={chosen.pk}"), queryset=OverseasVietnamese.objects.all()
    )
    html = str(filters.form["recording_unit"])
    assert chosen.name in html and "selected" in html
    assert other.name not in html
    assert reverse("core:unit_lookup") in html
    assert list(filters.qs) == [mine]
    refused = OverseasVietnameseFilterSet(QueryDict("recording_unit=999999"), queryset=OverseasVietnamese.objects.all())
    assert not refused.is_valid() and "recording_unit" in refused.errors
