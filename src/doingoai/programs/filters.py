from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from doingoai.core.filters import BOOL_CHOICES, RegistryFilterSet, year_choices
from doingoai.core.models import Unit
from doingoai.programs.models import (
    OVERDUE,
    CommitteeMember,
    Pillar,
    Plan,
    PlanKind,
    PlanStatus,
    PlanTask,
    SteeringCommittee,
    TaskStatus,
    overdue_q,
)


def _covers_year(queryset: QuerySet, name: str, value: Any) -> QuerySet:
    """Plans running in the year: a one-year plan of that year, or a multi-year plan that spans it."""
    year = int(value)
    return queryset.filter(Q(year=year) | Q(year__lte=year, year_to__gte=year))


class PlanFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(
        label=gettext_lazy("Loại kế hoạch"), choices=PlanKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    year = df.ChoiceFilter(
        label=gettext_lazy("Năm"), choices=year_choices, method=_covers_year, empty_label=gettext_lazy("Tất cả")
    )
    coordinating_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Cơ quan theo dõi"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    status = df.ChoiceFilter(
        label=gettext_lazy("Trạng thái"), choices=PlanStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("title", "number", "issuer", "signer_name", "note")

    class Meta:
        model = Plan
        fields = ["q", "kind", "year", "coordinating_unit", "status"]


TASK_STATUS_CHOICES = [*TaskStatus.choices, OVERDUE]


def _task_status(queryset: QuerySet, name: str, value: str) -> QuerySet:
    """A status, or "overdue": open tasks past their deadline (never stored, read from the date)."""
    if value == OVERDUE[0]:
        return queryset.filter(overdue_q())
    return queryset.filter(status=value)


def _overdue(queryset: QuerySet, name: str, value: str) -> QuerySet:
    if value == "1":
        return queryset.filter(overdue_q())
    if value == "0":
        return queryset.exclude(overdue_q())
    return queryset


class PlanTaskFilterSet(RegistryFilterSet):
    plan = df.ModelChoiceFilter(
        label=gettext_lazy("Kế hoạch"), queryset=Plan.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    lead_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Cơ quan chủ trì"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    status = df.ChoiceFilter(
        label=gettext_lazy("Trạng thái"),
        choices=TASK_STATUS_CHOICES,
        method=_task_status,
        empty_label=gettext_lazy("Tất cả"),
    )
    overdue = df.ChoiceFilter(
        label=gettext_lazy("Quá hạn"), choices=BOOL_CHOICES, method=_overdue, empty_label=gettext_lazy("Tất cả")
    )
    pillar = df.ChoiceFilter(label=gettext_lazy("Trụ cột"), choices=Pillar.choices, empty_label=gettext_lazy("Tất cả"))
    search_fields = ("text", "domain", "section", "progress_note", "expected_output")

    class Meta:
        model = PlanTask
        fields = ["q", "plan", "lead_unit", "status", "overdue", "pillar"]


class CommitteeFilterSet(RegistryFilterSet):
    search_fields = ("name", "decision", "note")

    class Meta:
        model = SteeringCommittee
        fields = ["q", "active"]


class CommitteeMemberFilterSet(RegistryFilterSet):
    committee = df.ModelChoiceFilter(
        label=gettext_lazy("Ban Chỉ đạo"), queryset=SteeringCommittee.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("full_name", "position")

    class Meta:
        model = CommitteeMember
        fields = ["q", "committee", "role", "unit"]
