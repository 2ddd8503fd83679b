from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from doingoai.core.tables import RegistryTable, StatusColumn
from doingoai.programs.models import CommitteeMember, Plan, PlanTask, SteeringCommittee


class PlanTable(RegistryTable):
    title = tables.Column(
        linkify=True, accessor="display_title", verbose_name=gettext_lazy("Kế hoạch"), order_by=("title",)
    )
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = Plan
        fields = ("year", "kind", "title", "number", "issued_on", "coordinating_unit", "status")


class TaskStatusColumn(tables.Column):
    """The status badge, "Quá hạn" in place of an open status past the deadline."""

    def render(self, value: Any, record: PlanTask) -> str:
        _, label, colour = record.display_status
        return format_html('<span class="badge text-bg-{}">{}</span>', colour, label)

    def value(self, record: PlanTask, value: Any) -> str:
        return record.display_status[1]


class PlanTaskTable(RegistryTable):
    text = tables.Column(linkify=True, verbose_name=gettext_lazy("Nội dung"))
    deadline = tables.Column(accessor="deadline_display", verbose_name=gettext_lazy("Thời hạn"), order_by=("deadline",))
    progress = tables.Column(verbose_name=gettext_lazy("Tiến độ"))
    status = TaskStatusColumn()

    class Meta(RegistryTable.Meta):
        model = PlanTask
        fields = ("plan", "section", "text", "lead_unit", "deadline", "progress", "status")

    def render_text(self, value: str) -> str:
        return value if len(value) <= 160 else f"{value[:159]}…"

    def render_progress(self, value: Any) -> str:
        return format_html("{} %", value)


class CommitteeTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = SteeringCommittee
        fields = ("name", "decision", "standing_unit", "active")


class CommitteeMemberTable(RegistryTable):
    full_name = tables.Column(linkify=lambda record: record.committee.get_absolute_url())

    class Meta(RegistryTable.Meta):
        model = CommitteeMember
        fields = ("full_name", "position", "unit", "role", "committee", "term_start", "term_end")
