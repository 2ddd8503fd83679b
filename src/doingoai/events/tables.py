from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy

from doingoai.core.tables import ManyColumn, RegistryTable, StatusColumn
from doingoai.events.models import Event, Inspection, TrainingCourse


class EventTable(RegistryTable):
    title = tables.Column(linkify=True)
    time_text = tables.Column(verbose_name=gettext_lazy("Thời gian dự kiến"), order_by=("month_mask", "time_text"))
    countries = ManyColumn()
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = Event
        fields = ("year", "title", "kind", "time_text", "start_date", "place", "countries", "organising_unit", "status")


class TrainingCourseTable(RegistryTable):
    title = tables.Column(linkify=True)
    time_text = tables.Column(verbose_name=gettext_lazy("Thời gian dự kiến"), order_by=("month_mask", "time_text"))
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = TrainingCourse
        fields = (
            "year",
            "title",
            "time_text",
            "start_date",
            "place",
            "organising_unit",
            "trainees_planned",
            "trainees_count",
            "status",
        )


class InspectionTable(RegistryTable):
    title = tables.Column(linkify=True)
    time_text = tables.Column(verbose_name=gettext_lazy("Thời gian dự kiến"), order_by=("month_mask", "time_text"))
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = Inspection
        fields = (
            "year",
            "title",
            "domain",
            "inspected_unit",
            "inspecting_unit",
            "time_text",
            "decision_ref",
            "concluded_on",
            "status",
        )
