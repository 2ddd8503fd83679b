"""Filter sets: the shared free-text filter, the filters shared by the plan registries (year, quarter, country,
partner, funding) and the filter sets of the reference registries."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import django_filters as df
from django import forms
from django.core.exceptions import EmptyResultSet
from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from doingoai.core.choices import QUARTER_LABELS, FundingSource, PartnerKind, Region, UnitKind
from doingoai.core.models import AdministrativeUnit, AdminUnitKind, Country, DiplomaticRelation, Partner, Unit
from doingoai.core.widgets import AliasSelect, chosen_optgroups
from doingoai.reference.text import search_key

BOOL_CHOICES = [("1", gettext_lazy("Có")), ("0", gettext_lazy("Không"))]
# The full-text filter: `queryset` narrowed to the matches of a text, or None when its model is not declared
# searchable. Registered by doingoai.search at start-up (search builds on core, so core cannot import it).
TextSearch = Callable[[QuerySet, str], QuerySet | None]
_text_search: TextSearch | None = None


def register_text_search(function: TextSearch) -> None:
    """Make the free-text filter of every list use `function` (search.apps.SearchConfig.ready)."""
    global _text_search
    _text_search = function


def escape_text(value: Any) -> str:
    """`conditional_escape(value)`, without its lazy-string wrapper for a plain `str` (what it does for one): for
    HTML written in Python a thousand pieces at a time (filter options, table rows)."""
    return html.escape(value) if type(value) is str else conditional_escape(value)


def html_attrs(attrs: dict[str, Any]) -> str:
    """Attributes as Django's widgets/attrs.html writes them: in order, `True` as a bare name, `False` left out;
    names and values escaped (conditional_escape, as the template's autoescape)."""
    if not attrs:
        return ""  # most options
    return "".join(
        f" {escape_text(name)}" if value is True else f' {escape_text(name)}="{escape_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _option(value: Any, label: Any, attrs: dict[str, Any]) -> str:
    return f'<option value="{escape_text(value)}"{html_attrs(attrs)}>{escape_text(label)}</option>'


@lru_cache(maxsize=8192)
def _kept_option(value: str, label: str, attrs: tuple[tuple[str, Any], ...]) -> str:
    return _option(value, label, dict(attrs))


def option_html(option: dict[str, Any]) -> str:
    """One `<option>` as Django's widget templates write it; the same options are written on every list page
    (~250 countries, each with its other names), so each is escaped once per process."""
    value, label, attrs = option["value"], option["label"], option["attrs"]
    if type(label) is str and all(type(v) in (str, bool) for v in attrs.values()):
        return _kept_option(str(value), label, tuple(attrs.items()))
    return _option(value, label, attrs)


# The models whose choices a filter select keeps between requests (`kept_choices`): small tables that change
# rarely and are offered on every list page (the ~250 countries, each with its other names).
KEPT_CHOICE_MODELS: tuple[type[Model], ...] = (Country,)
_kept: dict[tuple[Any, ...], tuple[tuple[Any, ...], list[tuple[Any, Any]]]] = {}


def kept_choices(choices: Any) -> list[tuple[Any, Any]] | None:
    """The choices of a select over one of `KEPT_CHOICE_MODELS`, as its `ModelChoiceIterator` gives them, read
    from the database once per query, language and version of the table: its row count and latest `updated_at`,
    one aggregate (as `search.query.alias_map` checks the same tables), so that every process sees an edit at once.
    Each choice keeps its id and the other names (`aliases`, all the widgets read of the record), not the record:
    building the 250 country records and decoding their names was a tenth of a list page. None: not such a select."""
    if type(choices) not in (ModelChoiceIterator, df.fields.ModelChoiceIterator):
        return None
    field, queryset = choices.field, choices.queryset
    if queryset.model not in KEPT_CHOICE_MODELS or queryset._prefetch_related_lookups:  # type: ignore[attr-defined]
        return None
    try:
        sql = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None
    label_of = getattr(field.label_from_instance, "__func__", field.label_from_instance)
    key = (queryset.model, sql, queryset.db, get_language(), field.to_field_name, label_of)
    version = queryset.model.table_version(queryset.db)
    kept = _kept.get(key)
    if kept is None or kept[0] != version:
        if len(_kept) > 64:
            _kept.clear()
        rows = [_light_choice(v, label) for v, label in choices if isinstance(v, ModelChoiceIteratorValue)]
        kept = _kept[key] = (version, rows)
    # The empty and null choices are the field's own (two filters over the same query may name them differently),
    # in the iterators' order.
    first = [("", field.empty_label)] if field.empty_label is not None else []
    if type(choices) is df.fields.ModelChoiceIterator and field.null_label is not None:
        first.append((field.null_value, field.null_label))
    return [*first, *kept[1]]


def _light_choice(value: Any, label: Any) -> tuple[Any, Any]:
    aliases = getattr(value.instance, "aliases", None)
    return ModelChoiceIteratorValue(value.value, SimpleNamespace(aliases=aliases)), label  # type: ignore[arg-type]


class FastOptionsMixin:
    """The same `<select>` as Django's widget, built in Python: the widget templates include one template per
    option (~250 countries in every filter panel), which cost more than the whole result table. An option's
    attributes (`selected`, a country's `data-aliases`) are written as the widget's attrs.html writes them; the
    choices of the small reference tables are kept between requests (`kept_choices`)."""

    def optgroups(self, name: str, value: list[Any], attrs: dict[str, Any] | None = None) -> list[Any]:
        widget: Any = self
        kept = kept_choices(widget.choices)
        if kept is None:
            return super().optgroups(name, value, attrs)  # type: ignore[misc,no-any-return]
        choices, widget.choices = widget.choices, kept
        try:
            return super().optgroups(name, value, attrs)  # type: ignore[misc,no-any-return]
        finally:
            widget.choices = choices

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        parts: list[str] = []
        for group, options, _ in widget["optgroups"]:
            # f-strings over escaped pieces: format_html per option was a tenth of a list page.
            safe = mark_safe("".join(map(option_html, options)))  # noqa: S308 - values, labels, attributes escaped
            parts.append(format_html('<optgroup label="{}">{}</optgroup>', group, safe) if group else safe)
        body = mark_safe("".join(parts))  # noqa: S308 - every piece built by format_html
        select_attrs = mark_safe(html_attrs(widget["attrs"]))  # noqa: S308 - escaped by html_attrs
        return format_html('<select name="{}"{}>{}</select>', widget["name"], select_attrs, body)


class FastSelect(FastOptionsMixin, forms.Select):
    pass


class FastSelectMultiple(FastOptionsMixin, forms.SelectMultiple):
    pass


class FastAliasSelect(FastOptionsMixin, AliasSelect):
    pass


FAST_WIDGETS: dict[type, type] = {
    forms.Select: FastSelect,
    forms.SelectMultiple: FastSelectMultiple,
    AliasSelect: FastAliasSelect,  # the country filters: ~250 options, each with its other names
}


class LookupSelect(forms.Select):
    """A select over thousands of rows (the units and partners of a national deployment) that stays light.

    It renders only the empty and the chosen option, plus a text box that fetches the matching options from
    `/units/lookup/?q=` or `/partners/lookup/?q=` (htmx) into the select. The text box belongs to no form
    (`form=` an absent id), so it never becomes a filter itself; choosing an option filters as before.
    """

    def __init__(self, model_name: str, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.model_name = model_name

    def optgroups(self, name: str, value: list[Any], attrs: dict[str, Any] | None = None) -> list[Any]:
        field = getattr(self.choices, "field", None)
        return chosen_optgroups(self, name, value, attrs, getattr(field, "empty_label", None) or gettext("Tất cả"))

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        select = super().render(name, value, attrs, renderer)
        select_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        box = format_html(
            gettext(
                '<input type="text" name="q" form="lookup-none" class="form-control form-control-sm mb-1" '
                'placeholder="Gõ tên để tìm…" autocomplete="off" aria-label="Tìm trong danh sách" '
                'hx-get="{}" hx-trigger="input changed delay:300ms" hx-target="#{}" hx-select="option" '
                'hx-swap="innerHTML" hx-push-url="false">'
            ),
            reverse(f"core:{self.model_name}_lookup"),
            select_id,
        )
        return format_html("{}{}", box, select)


# The models a filter chooses one of with a lookup box rather than a list of every row: any single-choice filter
# over them (`RegistryFilterSet`), declared as `LookupChoiceFilter` or not.
LOOKUP_MODELS = (Unit, Partner)


class LookupChoiceFilter(df.ModelChoiceFilter):
    """`ModelChoiceFilter` for units and partners, drawn with `LookupSelect` (no thousands of options)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("empty_label", gettext_lazy("Tất cả"))  # a filter is built at import: lazy
        super().__init__(*args, **kwargs)
        self.extra["widget"] = LookupSelect(self.queryset.model._meta.model_name)


class RegistryFilterSet(df.FilterSet):
    """Adds Bootstrap classes; subclasses list their text fields in `search_fields`."""

    q = df.CharFilter(label=gettext_lazy("Tìm kiếm"), method="filter_q")
    search_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            widget = field.widget
            model = getattr(getattr(field, "queryset", None), "model", None)
            if type(widget) is forms.Select and isinstance(field, forms.ModelChoiceField) and model in LOOKUP_MODELS:
                # A national deployment has ~1,700 units: never all of them in every list's filter panel.
                widget = field.widget = LookupSelect(model._meta.model_name, attrs=widget.attrs)
                widget.choices = field.choices  # type: ignore[assignment] # the field's iterator, as Django sets
                widget.is_required = field.required
            if isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select form-select-sm")
                if type(widget) in FAST_WIDGETS:
                    widget.__class__ = FAST_WIDGETS[type(widget)]  # same state and HTML, faster rendering
            else:
                widget.attrs.setdefault("class", "form-control form-control-sm")
            if name == "q":
                widget.attrs.setdefault("placeholder", gettext("Từ khóa (không cần dấu)…"))
                widget.attrs["type"] = "search"

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every word must appear in one of the search fields; accents in the query are optional.

        Registries declared searchable use the full-text index (the `register_text_search` of doingoai.search:
        accents, tone placement and partner/country aliases). Others: the accent-free `search_text` column where
        a model has one, other text fields as typed (icontains).
        """
        words = value.split()
        if not words:
            return queryset
        found = _text_search(queryset, value) if _text_search is not None else None
        if found is not None:
            return found
        has_search_text = any(f.name == "search_text" for f in queryset.model._meta.fields)
        for word in words:
            cond = Q()
            for field in self.search_fields:
                cond |= Q(**{f"{field}__icontains": word})
            if has_search_text:
                cond |= Q(search_text__icontains=search_key(word))
            queryset = queryset.filter(cond)
        return queryset


def year_choices() -> list[tuple[int, int]]:
    this = timezone.localdate().year
    return [(y, y) for y in range(this + 2, this - 10, -1)]


def filter_quarter(queryset: QuerySet, name: str, value: str) -> QuerySet:
    """Records whose normalised planned months touch the quarter (unknown times never match)."""
    if not value:
        return queryset
    mask = 0b111 << (3 * (int(value) - 1))
    return queryset.annotate(_q=F("month_mask").bitand(mask)).filter(_q__gt=0)


def filter_linked(queryset: QuerySet, name: str, value: Model | None) -> QuerySet:
    """Records linked to `value` through the many-to-many field `name`, as EXISTS on the link table.

    A join from the country's side walks every link of a big country (Laos: a fifth of all records) before the
    year and status narrow it; EXISTS lets the database start from the year/status index and probe the link."""
    if value is None:
        return queryset
    field: Any = queryset.model._meta.get_field(name)
    through = field.remote_field.through
    link = through._default_manager.filter(
        **{field.m2m_field_name(): OuterRef("pk"), field.m2m_reverse_field_name(): value}
    )
    return queryset.filter(Exists(link))


class PlanFilterSet(RegistryFilterSet):
    """Filters shared by the plan registries (delegations, conferences, agreements)."""

    year = df.ChoiceFilter(label=gettext_lazy("Năm"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    quarter = df.ChoiceFilter(
        label=gettext_lazy("Quý"),
        choices=list(QUARTER_LABELS.items()),
        method="filter_quarter",
        empty_label=gettext_lazy("Tất cả"),
    )
    region = df.ChoiceFilter(
        label=gettext_lazy("Khu vực"),
        field_name="countries__region",
        choices=Region.choices,
        empty_label=gettext_lazy("Tất cả"),
        distinct=True,
    )
    # One country or partner: EXISTS (filter_linked), so no join and no DISTINCT (which made every COUNT of a
    # filtered list compare whole rows); a region may match several countries of a record, so it keeps it.
    country = df.ModelChoiceFilter(
        label=gettext_lazy("Nước"),
        field_name="countries",
        queryset=Country.objects.only("pk", "name_vi", "aliases"),  # the name, and the aliases it is found by
        empty_label=gettext_lazy("Tất cả"),
        widget=AliasSelect,
        method="filter_m2m",
    )
    partner = LookupChoiceFilter(
        label=gettext_lazy("Đối tác"), field_name="partners", queryset=Partner.objects.all(), method="filter_m2m"
    )
    funding_source = df.ChoiceFilter(
        label=gettext_lazy("Nguồn kinh phí"), choices=FundingSource.choices, empty_label=gettext_lazy("Tất cả")
    )
    uses_state_budget = df.ChoiceFilter(
        label=gettext_lazy("Sử dụng NSNN"), choices=BOOL_CHOICES, empty_label=gettext_lazy("Tất cả")
    )

    def filter_quarter(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_quarter(queryset, name, value)

    def filter_m2m(self, queryset: QuerySet, name: str, value: Model | None) -> QuerySet:
        return filter_linked(queryset, name, value)


class UnitFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(label=gettext_lazy("Loại"), choices=UnitKind.choices, empty_label=gettext_lazy("Tất cả"))
    active = df.BooleanFilter(
        label=gettext_lazy("Còn hoạt động"),
        field_name="active_to",
        lookup_expr="isnull",
        widget=forms.Select(
            choices=[("", gettext_lazy("Tất cả")), ("true", gettext_lazy("Có")), ("false", gettext_lazy("Không"))]
        ),
    )
    search_fields = ("name", "short_name")

    class Meta:
        model = Unit
        fields = ["q", "kind", "active"]


class PartnerFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(
        label=gettext_lazy("Loại đối tác"), choices=PartnerKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    country = df.ModelChoiceFilter(
        label=gettext_lazy("Nước"),
        queryset=Country.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        widget=AliasSelect,
    )
    region = df.ChoiceFilter(
        label=gettext_lazy("Khu vực"),
        field_name="country__region",
        choices=Region.choices,
        empty_label=gettext_lazy("Tất cả"),
    )
    search_fields = ("name",)

    class Meta:
        model = Partner
        fields = ["q", "kind", "country", "region"]


class CountryFilterSet(RegistryFilterSet):
    region = df.ChoiceFilter(label=gettext_lazy("Khu vực"), choices=Region.choices, empty_label=gettext_lazy("Tất cả"))
    search_fields = ("name_vi", "name_en", "code")

    class Meta:
        model = Country
        fields = ["q", "region"]


class DiplomaticRelationFilterSet(RegistryFilterSet):
    # The country's names and aliases too (accent-free `search_text`): "Kazakhstan" finds Ca-dắc-xtan.
    search_fields = ("name_vi", "code", "country__search_text")

    class Meta:
        model = DiplomaticRelation
        fields = ["q"]


class AdministrativeUnitFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(
        label=gettext_lazy("Loại"), choices=AdminUnitKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    province = df.ModelChoiceFilter(
        label=gettext_lazy("Tỉnh, thành phố (hiện nay)"),
        queryset=AdministrativeUnit.objects.filter(kind=AdminUnitKind.PROVINCE),
        empty_label=gettext_lazy("Tất cả"),
    )
    search_fields = ("name", "code")

    class Meta:
        model = AdministrativeUnit
        fields = ["q", "kind", "province"]


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(df.ChoiceFilter):
    """The year of a date field (its type is not guessable from `field_name="…__year"` for the API schema)."""
