"""The plans' deadlines: a task's date deadline (owed by its lead unit), and the implementation plan each
recipient unit issues within `response_days` of a plan's issue ("ban hành kế hoạch thực hiện trong 15 ngày").

Both are declared on the registries (`PlanTaskRegistry.deadlines`, `PlanRegistry.deadlines`), so the deadline
list, the reminders, the calendar, the home page and the compliance page read them like every other deadline.
Only issued plans count: a draft assigns nothing yet, a closed plan's open tasks stay for the review, not for
reminders. A task reported done waits for the plan's coordinating unit, not for its lead unit: it owes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.choices import Role
from doingoai.core.deadlines import Deadline, DeadlineRule
from doingoai.core.permissions import role_of
from doingoai.programs.models import PlanStatus, TaskStatus
from doingoai.programs.selectors import implementation_plans_due

if TYPE_CHECKING:
    from doingoai.core.registry import Registry

RUNNING = (PlanStatus.ISSUED, PlanStatus.ADJUSTED)
OWED = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS)


@dataclass(frozen=True)
class TaskDeadlineRule(DeadlineRule):
    """A unit officer sees the tasks its unit leads and those of the plans it follows up, not every task of
    the plans addressed to it."""

    def records(self, registry: Registry, user: Any) -> QuerySet:
        records = super().records(registry, user)
        if role_of(user) == Role.UNIT_OFFICER:
            unit_id = getattr(user, "unit_id", None)
            records = records.filter(Q(lead_unit_id=unit_id) | Q(plan__coordinating_unit_id=unit_id))
        return records


TASK_DEADLINE = TaskDeadlineRule(
    kind="plan_task",
    label=gettext_lazy("Thời hạn nhiệm vụ"),
    heading=gettext_lazy("Nhiệm vụ quá thời hạn"),
    open=lambda: Q(status__in=OWED, deadline__isnull=False, lead_unit__isnull=False, plan__status__in=RUNNING),
    due_field="deadline",
    unit_field="lead_unit",
    overdue_query=lambda records, today: records.filter(deadline__lt=today).order_by("deadline", "pk"),
    title=lambda task: (
        gettext("Nhiệm vụ %(task)s (%(value)s)") % {"task": task, "value": task.plan.number or task.plan.display_title}
    ),
    unit=lambda task: task.lead_unit,
)


@dataclass(frozen=True)
class MissingImplementationPlan:
    """One recipient unit that has not issued its implementation plan (a line of the home page's late list)."""

    plan: Any
    unit: Any

    @property
    def due(self) -> dt.date | None:
        return self.plan.response_due

    def __str__(self) -> str:
        return gettext("%(unit)s: kế hoạch thực hiện %(plan)s (hạn %(due)s)") % {
            "unit": self.unit.name,
            "plan": self.plan,
            "due": format(self.due, "%d/%m/%Y"),
        }

    def get_absolute_url(self) -> str:
        return str(self.plan.get_absolute_url())


@dataclass(frozen=True)
class ImplementationPlanRule(DeadlineRule):
    """One deadline per recipient unit of a plan, not per plan: met when a child plan of that unit exists."""

    def missing(self, registry: Registry, user: Any) -> list[MissingImplementationPlan]:
        pairs = implementation_plans_due(plans=self.records(registry, user))
        if role_of(user) == Role.UNIT_OFFICER:
            pairs = [(plan, unit) for plan, unit in pairs if unit.pk == getattr(user, "unit_id", None)]
        return [MissingImplementationPlan(plan, unit) for plan, unit in pairs]

    def deadlines(self, registry: Registry, user: Any) -> Iterator[Deadline]:
        for m in self.missing(registry, user):
            if m.due is not None:
                yield Deadline(
                    self.kind,
                    f"{self.kind}:{m.plan.pk}:{m.unit.pk}",
                    self.title(m.plan),
                    m.due,
                    m.unit,
                    m.get_absolute_url(),
                    responsible=self.responsible,
                    kind_label=str(self.label),
                )

    def overdue(self, registry: Registry, user: Any, today: dt.date) -> list[MissingImplementationPlan]:
        return [m for m in self.missing(registry, user) if m.due is not None and today > m.due]

    def overdue_in(self, records: QuerySet, today: dt.date) -> list[MissingImplementationPlan]:
        pairs = implementation_plans_due(plans=records)
        return [MissingImplementationPlan(p, u) for p, u in pairs if p.response_due and today > p.response_due]


IMPLEMENTATION_PLAN = ImplementationPlanRule(
    kind="implementation_plan",
    label=gettext_lazy("Ban hành kế hoạch thực hiện"),
    heading=gettext_lazy("Đơn vị chưa ban hành kế hoạch thực hiện"),
    open=lambda: Q(status__in=RUNNING, response_days__gt=0, issued_on__isnull=False),
    due=lambda plan: plan.response_due,
    title=lambda plan: gettext("Ban hành kế hoạch thực hiện %(plan)s") % {"plan": plan},
)
