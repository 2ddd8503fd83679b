from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from doingoai.core.filters import RegistryFilterSet
from doingoai.core.models import Country, Unit
from doingoai.people.models import (
    ForeignStudent,
    ForeignWorker,
    ScholarshipSource,
    StudentStatus,
    StudyLevel,
    WorkerCategory,
    WorkerStatus,
)
from doingoai.persons.filters import CONSENT_CHOICES, filter_consent


def organisations() -> QuerySet:
    """The foreign organisations followed by the province (`foreignorgs`, named by the model's link: a domain
    app does not import another)."""
    related: Any = ForeignWorker._meta.get_field("organisation").related_model
    return related._default_manager.all()


class PersonFilterSet(RegistryFilterSet):
    country = df.ModelChoiceFilter(
        label=gettext_lazy("Quốc tịch"), queryset=Country.objects.all(), empty_label=gettext_lazy("Tất cả")
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

    def filter_consent(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_consent(queryset, name, value)


class ForeignStudentFilterSet(PersonFilterSet):
    status = df.ChoiceFilter(
        label=gettext_lazy("Tình trạng học tập"), choices=StudentStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    level = df.ChoiceFilter(
        label=gettext_lazy("Trình độ"), choices=StudyLevel.choices, empty_label=gettext_lazy("Tất cả")
    )
    scholarship = df.ChoiceFilter(
        label=gettext_lazy("Nguồn học bổng"), choices=ScholarshipSource.choices, empty_label=gettext_lazy("Tất cả")
    )
    school = df.CharFilter(label=gettext_lazy("Cơ sở đào tạo"), lookup_expr="icontains")
    start_year = df.NumberFilter(label=gettext_lazy("Năm nhập học"))
    # Contacts are not searchable: a search would reveal what the list masks.
    search_fields = ("full_name", "school", "programme")

    class Meta:
        model = ForeignStudent
        fields = ["q", "country", "school", "level", "scholarship", "start_year", "status", "recording_unit", "consent"]


class ForeignWorkerFilterSet(PersonFilterSet):
    status = df.ChoiceFilter(
        label=gettext_lazy("Tình trạng"), choices=WorkerStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    category = df.ChoiceFilter(
        label=gettext_lazy("Diện"), choices=WorkerCategory.choices, empty_label=gettext_lazy("Tất cả")
    )
    organisation = df.ModelChoiceFilter(
        label=gettext_lazy("Tổ chức nước ngoài"),
        queryset=lambda request: organisations(),
        empty_label=gettext_lazy("Tất cả"),
    )
    expiring_before = df.DateFilter(
        label=gettext_lazy("Giấy phép hết hạn trước"), field_name="permit_valid_until", lookup_expr="lte"
    )
    search_fields = ("full_name", "employer", "role", "place")

    class Meta:
        model = ForeignWorker
        fields = ["q", "country", "category", "organisation", "status", "expiring_before", "recording_unit", "consent"]
