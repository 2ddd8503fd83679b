from __future__ import annotations

import django_filters as df
from django import forms
from django.db.models import Q, QuerySet

from doingoai.core.choices import Region
from doingoai.core.filters import RegistryFilterSet
from doingoai.core.models import Country, Unit
from doingoai.diaspora.models import (
    AccessAction,
    DiasporaAssociation,
    ErasureRecord,
    OverseasVietnamese,
    PersonalDataAccess,
)

# The registries of persons whose reads are logged: (model name, label).
PERSONAL_DATA_REGISTRIES = [("overseasvietnamese", "Người Việt Nam ở nước ngoài"), ("citizencase", "Bảo hộ công dân")]
CONSENT_CHOICES = [
    ("given", "Đã đồng ý"),
    ("withdrawn", "Đã rút lại sự đồng ý"),
    ("missing", "Chưa ghi nhận sự đồng ý"),
    ("erased", "Đã xóa theo yêu cầu"),
]


def filter_consent(queryset: QuerySet, name: str, value: str) -> QuerySet:
    conditions = {
        "given": Q(consent_given_on__isnull=False, consent_withdrawn_on__isnull=True, erased_at__isnull=True),
        "withdrawn": Q(consent_withdrawn_on__isnull=False, erased_at__isnull=True),
        "missing": Q(consent_given_on__isnull=True, erased_at__isnull=True),
        "erased": Q(erased_at__isnull=False),
    }
    return queryset.filter(conditions[value]) if value in conditions else queryset


class OverseasVietnameseFilterSet(RegistryFilterSet):
    country = df.ModelChoiceFilter(label="Nước cư trú", queryset=Country.objects.all(), empty_label="Tất cả")
    region = df.ChoiceFilter(
        label="Khu vực", field_name="country__region", choices=Region.choices, empty_label="Tất cả"
    )
    association = df.ModelChoiceFilter(
        label="Hội đồng hương", queryset=DiasporaAssociation.objects.all(), empty_label="Tất cả"
    )
    recording_unit = df.ModelChoiceFilter(label="Đơn vị ghi nhận", queryset=Unit.objects.all(), empty_label="Tất cả")
    consent = df.ChoiceFilter(label="Sự đồng ý", choices=CONSENT_CHOICES, method="filter_consent", empty_label="Tất cả")
    # Contacts are not searchable: a search would reveal what the list masks.
    search_fields = ("full_name", "city", "occupation", "home_commune", "home_district")

    class Meta:
        model = OverseasVietnamese
        fields = ["q", "country", "region", "association", "recording_unit", "consent"]

    def filter_consent(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_consent(queryset, name, value)


class DiasporaAssociationFilterSet(RegistryFilterSet):
    country = df.ModelChoiceFilter(label="Nước", queryset=Country.objects.all(), empty_label="Tất cả")
    region = df.ChoiceFilter(
        label="Khu vực", field_name="country__region", choices=Region.choices, empty_label="Tất cả"
    )
    search_fields = ("name", "city", "leader")

    class Meta:
        model = DiasporaAssociation
        fields = ["q", "country", "region"]


class LogFilterSet(RegistryFilterSet):
    content_type = df.ChoiceFilter(
        label="Sổ", field_name="content_type__model", choices=PERSONAL_DATA_REGISTRIES, empty_label="Tất cả"
    )
    object_id = df.NumberFilter(label="Mã bản ghi")
    date_from = df.DateFilter(
        label="Từ ngày", field_name="at__date", lookup_expr="gte", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = df.DateFilter(
        label="Đến ngày", field_name="at__date", lookup_expr="lte", widget=forms.DateInput(attrs={"type": "date"})
    )


class PersonalDataAccessFilterSet(LogFilterSet):
    action = df.ChoiceFilter(label="Thao tác", choices=AccessAction.choices, empty_label="Tất cả")
    search_fields = ("username", "unit_name", "record_label")

    class Meta:
        model = PersonalDataAccess
        fields = ["q", "content_type", "object_id", "action", "date_from", "date_to"]


class ErasureRecordFilterSet(LogFilterSet):
    date_from = df.DateFilter(
        label="Từ ngày",
        field_name="erased_at__date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = df.DateFilter(
        label="Đến ngày",
        field_name="erased_at__date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    search_fields = ("erased_by_username", "record_label", "request_ref", "reason")

    class Meta:
        model = ErasureRecord
        fields = ["q", "content_type", "object_id", "date_from", "date_to"]
