"""Shortcuts of the list pages' rendering give the same result as the long way.

- The filter panels' selects are written in Python (core.filters.FastOptionsMixin) instead of one template per
  option: the HTML is the one Django's widget templates write, option attributes (`selected`, a country's
  `data-aliases`) included; only the whitespace between tags differs.
- django-tables2's `signature` (which arguments a cell's render method takes) is kept per function
  (core.tables.cached_signature): the same answer as the library's for every kind of callable.
- A choice's label (`get_FOO_display`) comes from a table made once per field and language
  (core.choices.choice_label): Django's answer for every choice of every model, and for values not among them.
- A record's address is reversed once per URL name (core.addresses.reverse_id): `reverse`'s answer.
- Date cells and tick boxes are written without the library's per-cell template and attribute joining
  (core.tables.DateColumn, DateTimeColumn, SelectColumn): the library's cell, character for character."""

from __future__ import annotations

import re

import pytest
from django import forms

from doingoai.core import tables as core_tables
from doingoai.core.filters import FAST_WIDGETS
from doingoai.core.models import Country
from doingoai.core.widgets import AliasSelect
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


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_choice_label_is_djangos_for_every_choice_field_of_every_model(language):
    from django.apps import apps
    from django.db.models import Model
    from django.utils import translation

    fields = [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.choices and hasattr(model, f"get_{field.name}_display")
    ]
    assert len(fields) > 40
    from doingoai.core.choices import choice_label

    with translation.override(language):
        for model, field in fields:
            for value in [choice for choice, _label in field.flatchoices] + ["no-such-choice", None, 7]:
                record = model(**{field.attname: value})
                expected = Model._get_FIELD_display(record, field)  # Django's own
                assert choice_label(field, value) == expected, (model, field.name, value)
                assert getattr(record, f"get_{field.name}_display")() == expected
                assert type(choice_label(field, value)) is type(expected)


def test_a_record_address_is_the_one_reverse_gives():
    from django.urls import get_resolver, reverse
    from django.urls.exceptions import NoReverseMatch

    from doingoai.core.addresses import reverse_id

    names = [
        f"{namespace}:{name}"
        for namespace, (_prefix, resolver) in get_resolver().namespace_dict.items()
        for name in resolver.reverse_dict
        if isinstance(name, str) and name.endswith("_detail")
    ]
    assert len(names) > 20
    for name in names:
        for pk in (0, 1, 42, 10**12):
            try:
                expected = reverse(name, args=[pk])
            except NoReverseMatch:
                continue
            assert reverse_id(name, pk) == expected
            assert reverse_id(name, pk) == expected  # and from what was kept
    for odd in ("12", -1, None):  # not an integer id: reverse's own answer, or its refusal
        try:
            expected = reverse("delegations:delegation_detail", args=[odd])
        except NoReverseMatch:
            with pytest.raises(NoReverseMatch):
                reverse_id("delegations:delegation_detail", odd)
        else:
            assert reverse_id("delegations:delegation_detail", odd) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_date_and_tick_box_cells_are_the_librarys(language, settings):
    import datetime as dt

    import django_tables2 as tables
    from django.utils import timezone, translation

    class Row:
        pk = 7

        def __init__(self, day, at):
            self.day, self.at = day, at

    def table(date, date_time, select):
        """The same columns drawn by the library's classes or by ours."""
        tick_attrs = {"td__input": {"name": "ids", "class": "form-check-input", "aria-label": 'a "b" <c>'}}
        columns = {
            "day": date(),
            "long_day": date(accessor="day", short=False),
            "own_day": date(accessor="day", format="d/m/Y", default="—"),
            "at": date_time(),
            "own_at": date_time(accessor="at", format="d/m/Y H:i:s"),
            "select": select(accessor="pk", attrs=tick_attrs),
            "plain": select(accessor="pk"),
        }
        return type("Dates", (tables.Table,), columns)

    Library = table(tables.DateColumn, tables.DateTimeColumn, tables.CheckBoxColumn)
    Ours = table(core_tables.DateColumn, core_tables.DateTimeColumn, core_tables.SelectColumn)

    moment = timezone.make_aware(dt.datetime(2026, 12, 31, 20, 5, 9), dt.UTC)  # another day in Hà Nội
    rows = [Row(dt.date(2026, 3, 9), moment), Row(None, None), Row(dt.date(1999, 12, 31), timezone.now())]
    with translation.override(language):
        expected = [[str(cell) for cell in row] for row in Library(rows).rows]
        ours = [[str(cell) for cell in row] for row in Ours(rows).rows]
    assert ours == expected
    assert "01/01/2027" in expected[0][4] or "1/1/2027" in expected[0][3]  # local time, as the template shows it


def test_a_models_date_fields_get_the_fast_columns():
    from doingoai.agreements.models import Agreement
    from doingoai.agreements.tables import AgreementTable

    class Dated(core_tables.RegistryTable):
        class Meta(core_tables.RegistryTable.Meta):
            model = Agreement
            fields = ("signed_on", "created_at", "title")

    assert type(AgreementTable.base_columns["signed_on"]) is core_tables.DateColumn
    assert type(Dated.base_columns["signed_on"]) is core_tables.DateColumn
    assert type(Dated.base_columns["created_at"]) is core_tables.DateTimeColumn
    assert type(Dated.base_columns["title"]).__name__ == "Column"


@pytest.mark.django_db
def test_kept_country_choices_follow_every_change_of_the_table():
    """The country filter's choices are kept between requests (core.filters.kept_choices): the same select as from
    the records, and a country added, renamed, given other names or removed shows at the next render."""
    import django_filters as df
    from django.utils import translation

    from doingoai.core.filters import FastAliasSelect, kept_choices

    CountryFactory(code="LA", name_vi="Lào", aliases=["Laos"])
    japan = CountryFactory(code="JP", name_vi="Nhật Bản")

    def select(value, null_label=None):
        field = df.fields.ModelChoiceField(
            queryset=Country.objects.only("pk", "name_vi", "aliases"),
            widget=FastAliasSelect,
            empty_label="Tất cả",
            null_label=null_label,
        )
        kept = field.widget.render("country", value)
        assert kept_choices(field.widget.choices) is not None  # the kept path, not the records
        field.widget.__class__ = FromTheRecords
        return kept, field.widget.render("country", value)

    for value in (None, japan.pk, "", "junk"):
        kept, plain = select(value)
        assert kept == plain
    kept, plain = select(japan.pk, null_label="Không có")
    assert kept == plain and "Không có" in kept
    assert re.search(r'value="\d+" selected[^>]*>Nhật Bản</option>', select(japan.pk)[0])

    CountryFactory(code="KR", name_vi="Hàn Quốc")  # added
    japan.name_vi, japan.aliases = "Nhật", ["Japan", "日本"]  # renamed, other names
    japan.save()
    kept, plain = select(None)
    assert kept == plain and "Hàn Quốc" in kept and 'data-aliases="Japan | 日本">Nhật</option>' in kept
    Country.objects.filter(code="LA").delete()  # removed
    kept, plain = select(None)
    assert kept == plain and ">Lào<" not in kept
    with translation.override("en"):
        kept, plain = select(None)
        assert kept == plain


class FromTheRecords(FAST_WIDGETS[AliasSelect]):
    """The fast alias select with Django's own option groups: each choice from its record."""

    def optgroups(self, name, value, attrs=None):
        return forms.Select.optgroups(self, name, value, attrs)
