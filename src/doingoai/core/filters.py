"""Filter sets: the shared free-text filter and those of the reference registries."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django import forms
from django.db.models import Q, QuerySet

from doingoai.core.choices import PartnerKind, Region, UnitKind
from doingoai.core.models import Country, DiplomaticRelation, Partner, Unit
from doingoai.core.text import search_key

BOOL_CHOICES = [("1", "Có"), ("0", "Không")]


class RegistryFilterSet(df.FilterSet):
    """Adds Bootstrap classes; subclasses list their text fields in `search_fields`."""

    q = df.CharFilter(label="Tìm kiếm", method="filter_q")
    search_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            widget = field.widget
            if isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select form-select-sm")
            else:
                widget.attrs.setdefault("class", "form-control form-control-sm")
            if name == "q":
                widget.attrs.setdefault("placeholder", "Từ khóa (không cần dấu)…")
                widget.attrs["type"] = "search"

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every word must appear in one of the search fields; accents in the query are optional.

        Registries declared searchable use the full-text index (doingoai.search: accents, tone placement and
        partner/country aliases). Others: the accent-free `search_text` column where a model has one, other
        text fields as typed (icontains).
        """
        words = value.split()
        if not words:
            return queryset
        from doingoai.search.selectors import filter_queryset  # search builds on core, so imported late

        found = filter_queryset(queryset, value)
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


class UnitFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(label="Loại", choices=UnitKind.choices, empty_label="Tất cả")
    active = df.BooleanFilter(
        label="Còn hoạt động",
        field_name="active_to",
        lookup_expr="isnull",
        widget=forms.Select(choices=[("", "Tất cả"), ("true", "Có"), ("false", "Không")]),
    )
    search_fields = ("name", "short_name")

    class Meta:
        model = Unit
        fields = ["q", "kind", "active"]


class PartnerFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(label="Loại đối tác", choices=PartnerKind.choices, empty_label="Tất cả")
    country = df.ModelChoiceFilter(label="Nước", queryset=Country.objects.all(), empty_label="Tất cả")
    region = df.ChoiceFilter(
        label="Khu vực", field_name="country__region", choices=Region.choices, empty_label="Tất cả"
    )
    search_fields = ("name",)

    class Meta:
        model = Partner
        fields = ["q", "kind", "country", "region"]


class CountryFilterSet(RegistryFilterSet):
    region = df.ChoiceFilter(label="Khu vực", choices=Region.choices, empty_label="Tất cả")
    search_fields = ("name_vi", "name_en", "code")

    class Meta:
        model = Country
        fields = ["q", "region"]


class DiplomaticRelationFilterSet(RegistryFilterSet):
    search_fields = ("name_vi", "code")

    class Meta:
        model = DiplomaticRelation
        fields = ["q"]
