from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from doingoai.consular.models import (
    ApecCardApplication,
    ApecStatus,
    CaseKind,
    CaseStatus,
    CitizenCase,
    ForeignPressVisit,
    PressVisitStatus,
)
from doingoai.core.choices import Region
from doingoai.core.filters import BOOL_CHOICES, RegistryFilterSet, YearFilter, year_choices
from doingoai.core.models import Country, Unit
from doingoai.core.widgets import AliasSelect
from doingoai.persons.filters import CONSENT_CHOICES, filter_consent


class CitizenCaseFilterSet(RegistryFilterSet):
    year = YearFilter(
        label=gettext_lazy("Năm tiếp nhận"),
        field_name="opened_on__year",
        choices=year_choices,
        empty_label=gettext_lazy("Tất cả"),
    )
    kind = df.ChoiceFilter(
        label=gettext_lazy("Loại vụ việc"), choices=CaseKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=CaseStatus.choices)
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
    sensitive = df.ChoiceFilter(
        label=gettext_lazy("Dữ liệu nhạy cảm"), choices=BOOL_CHOICES, empty_label=gettext_lazy("Tất cả")
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
    # Neither the passport number nor the summary is searchable: a search would reveal what the list hides.
    search_fields = ("person_name", "place")

    class Meta:
        model = CitizenCase
        fields = ["q", "year", "kind", "status", "country", "region", "sensitive", "recording_unit", "consent"]

    def filter_consent(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_consent(queryset, name, value)


class ApecCardApplicationFilterSet(RegistryFilterSet):
    year = YearFilter(
        label=gettext_lazy("Năm nộp hồ sơ"),
        field_name="submitted_on__year",
        choices=year_choices,
        empty_label=gettext_lazy("Tất cả"),
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=ApecStatus.choices)
    to_be_returned = df.ChoiceFilter(
        label=gettext_lazy("Thẻ phải nộp lại (quá hạn)"),
        choices=BOOL_CHOICES,
        method="filter_to_be_returned",
        empty_label=gettext_lazy("Tất cả"),
    )
    receiving_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị tiếp nhận"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("applicant_name", "enterprise", "position", "enterprise_tax_code", "card_number")

    class Meta:
        model = ApecCardApplication
        fields = ["q", "year", "status", "to_be_returned", "receiving_unit"]

    def filter_to_be_returned(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value not in ("0", "1"):
            return queryset
        late = {
            "status": ApecStatus.CARD_ISSUED,
            "left_post_on__isnull": False,
            "left_post_on__lte": timezone.localdate(),
            "card_returned_on": None,
        }
        return queryset.filter(**late) if value == "1" else queryset.exclude(**late)


class ForeignPressVisitFilterSet(RegistryFilterSet):
    year = YearFilter(
        label=gettext_lazy("Năm"),
        field_name="start_date__year",
        choices=year_choices,
        empty_label=gettext_lazy("Tất cả"),
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=PressVisitStatus.choices)
    country = df.ModelChoiceFilter(
        label=gettext_lazy("Nước"),
        queryset=Country.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        widget=AliasSelect,
    )
    host_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị đón tiếp"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("outlet", "journalists", "places", "topic", "accompanying_officer")

    class Meta:
        model = ForeignPressVisit
        fields = ["q", "year", "status", "country", "host_unit"]
