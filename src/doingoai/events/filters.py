from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from doingoai.core.choices import QUARTER_LABELS, Region
from doingoai.core.filters import RegistryFilterSet, filter_quarter, year_choices
from doingoai.core.models import Country, Partner, Unit
from doingoai.core.widgets import AliasSelect
from doingoai.events.models import (
    Event,
    EventKind,
    EventStatus,
    Inspection,
    InspectionField,
    InspectionStatus,
    TrainingCourse,
    TrainingStatus,
)


class YearQuarterFilterSet(RegistryFilterSet):
    """The plan year and the quarter of the normalised planned months."""

    year = df.ChoiceFilter(label=gettext_lazy("Năm"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    quarter = df.ChoiceFilter(
        label=gettext_lazy("Quý"),
        choices=list(QUARTER_LABELS.items()),
        method="filter_quarter",
        empty_label=gettext_lazy("Tất cả"),
    )

    def filter_quarter(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_quarter(queryset, name, value)


class EventFilterSet(YearQuarterFilterSet):
    kind = df.ChoiceFilter(
        label=gettext_lazy("Loại hoạt động"), choices=EventKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    region = df.ChoiceFilter(
        label=gettext_lazy("Khu vực"),
        field_name="countries__region",
        choices=Region.choices,
        empty_label=gettext_lazy("Tất cả"),
        distinct=True,
    )
    country = df.ModelChoiceFilter(
        label=gettext_lazy("Nước"),
        field_name="countries",
        queryset=Country.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        distinct=True,
        widget=AliasSelect,
    )
    partner = df.ModelChoiceFilter(
        label=gettext_lazy("Đối tác"),
        field_name="partners",
        queryset=Partner.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        distinct=True,
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=EventStatus.choices)
    organising_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị tổ chức"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    search_fields = (
        "title",
        "place",
        "partner_text",
        "participants",
        "report",
        "note",
        "countries__name_vi",
        "partners__name",
        "organising_unit__name",
    )

    class Meta:
        model = Event
        fields = ["q", "year", "kind", "status", "quarter", "country", "region", "partner", "organising_unit"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return super().filter_q(queryset, name, value).distinct()


class TrainingCourseFilterSet(YearQuarterFilterSet):
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=TrainingStatus.choices)
    organising_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị tổ chức"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("title", "topic", "audience", "place", "partner_text", "report", "note", "organising_unit__name")

    class Meta:
        model = TrainingCourse
        fields = ["q", "year", "status", "quarter", "organising_unit"]


class InspectionFilterSet(YearQuarterFilterSet):
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=InspectionStatus.choices)
    domain = df.ChoiceFilter(
        label=gettext_lazy("Lĩnh vực"), choices=InspectionField.choices, empty_label=gettext_lazy("Tất cả")
    )
    inspecting_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Cơ quan thanh tra, kiểm tra"),
        queryset=Unit.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
    )
    inspected_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị được thanh tra, kiểm tra"),
        queryset=Unit.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
    )
    search_fields = (
        "title",
        "scope",
        "decision_ref",
        "findings",
        "conclusion_ref",
        "note",
        "inspecting_unit__name",
        "inspected_unit__name",
    )

    class Meta:
        model = Inspection
        fields = ["q", "year", "status", "quarter", "domain", "inspecting_unit", "inspected_unit"]
