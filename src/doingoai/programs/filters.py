from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet

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
    kind = df.ChoiceFilter(label="Loại kế hoạch", choices=PlanKind.choices, empty_label="Tất cả")
    year = df.ChoiceFilter(label="Năm", choices=year_choices, method=_covers_year, empty_label="Tất cả")
    coordinating_unit = df.ModelChoiceFilter(
        label="Cơ quan theo dõi", queryset=Unit.objects.all(), empty_label="Tất cả"
    )
    status = df.ChoiceFilter(label="Trạng thái", choices=PlanStatus.choices, empty_label="Tất cả")
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
    plan = df.ModelChoiceFilter(label="Kế hoạch", queryset=Plan.objects.all(), empty_label="Tất cả")
    lead_unit = df.ModelChoiceFilter(label="Cơ quan chủ trì", queryset=Unit.objects.all(), empty_label="Tất cả")
    status = df.ChoiceFilter(label="Trạng thái", choices=TASK_STATUS_CHOICES, method=_task_status, empty_label="Tất cả")
    overdue = df.ChoiceFilter(label="Quá hạn", choices=BOOL_CHOICES, method=_overdue, empty_label="Tất cả")
    pillar = df.ChoiceFilter(label="Trụ cột", choices=Pillar.choices, empty_label="Tất cả")
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
        label="Ban Chỉ đạo", queryset=SteeringCommittee.objects.all(), empty_label="Tất cả"
    )
    search_fields = ("full_name", "position")

    class Meta:
        model = CommitteeMember
        fields = ["q", "committee", "role", "unit"]
