from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from doingoai.core.choices import Region
from doingoai.core.filters import RegistryFilterSet
from doingoai.core.models import Country, Unit
from doingoai.core.widgets import AliasSelect
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.persons.filters import CONSENT_CHOICES, filter_consent


class OverseasVietnameseFilterSet(RegistryFilterSet):
    country = df.ModelChoiceFilter(
        label=gettext_lazy("Nước cư trú"),
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
    association = df.ModelChoiceFilter(
        label=gettext_lazy("Hội đồng hương"),
        queryset=DiasporaAssociation.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
    )
    recording_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị ghi nhận"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    consent = df.ChoiceFilter(
        label=gettext_lazy("Sự đồng ý"),
        choices=CONSENT_CHOICES,
        method="filter_consent",
        empty_label=gettext_lazy("Tất cả"),
    )
    # Contacts are not searchable: a search would reveal what the list masks.
    search_fields = ("full_name", "city", "occupation", "home_commune", "home_district")

    class Meta:
        model = OverseasVietnamese
        fields = ["q", "country", "region", "association", "recording_unit", "consent"]

    def filter_consent(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_consent(queryset, name, value)


class DiasporaAssociationFilterSet(RegistryFilterSet):
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
    search_fields = ("name", "city", "leader")

    class Meta:
        model = DiasporaAssociation
        fields = ["q", "country", "region"]
