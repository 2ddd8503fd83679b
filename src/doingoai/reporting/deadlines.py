"""Every deadline of the work, tracked the same way: one computed `Deadline` per thing still to be done.

The registries declare theirs (`Registry.deadlines`, see `core.deadlines`): a delegation back without its result
report, a conference not yet permitted, a signed agreement not yet reported, a consultation waiting for
opinions. This module adds the two that are not a registry's — a unit's periodic report not yet sent and the
yearly plan adjustment — and gathers them all for a user (an officer: its own unit's; province-level roles:
all) or for the system. What is stored is only what was *sent* about a deadline (`ReminderSent`, one row per
deadline, stage and due date) — that is what makes reminders exactly-once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core import rules
from doingoai.core.choices import Role
from doingoai.core.deadlines import COORDINATOR, EVERYONE, UNIT, Deadline
from doingoai.core.models import Unit
from doingoai.core.permissions import role_of
from doingoai.core.registry import declared_rules
from doingoai.reporting.models import PeriodStatus, ReportStatus, UnitReport

__all__ = ["COORDINATOR", "EVERYONE", "UNIT", "Deadline", "deadline_list", "kind_labels"]

OWN_KIND_LABELS = {
    "unit_report": gettext_lazy("Báo cáo định kỳ"),
    "plan_adjustment": gettext_lazy("Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào"),
}


def kind_labels() -> dict[str, str]:
    """Every kind of deadline in the list, with its label."""
    declared = {rule.kind: str(rule.label) for _, rule in declared_rules() if rule.in_deadline_list}
    return {kind: str(label) for kind, label in OWN_KIND_LABELS.items()} | declared


def _restricted(model: Any, user: Any) -> Any:
    return model.objects.restrict(user, "view")


def unit_report_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """Reports of open periods that the unit has still to send (drafts, and returned ones to send again)."""
    reports = (
        UnitReport.objects.restrict(user, "view")
        .filter(period__status=PeriodStatus.OPEN, status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED])
        .select_related("period", "unit")
    )
    for r in reports:
        again = gettext(" (nộp lại)") if r.status == ReportStatus.RETURNED else ""
        yield Deadline(
            "unit_report",
            f"unit_report:{r.pk}",
            gettext("Báo cáo %(period)s%(again)s") % {"period": r.period.label, "again": again},
            r.period.due_date,
            r.unit,
            r.get_absolute_url(),
            kind_label=str(OWN_KIND_LABELS["unit_report"]),
        )


def registry_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """The deadlines the registries declare (core.deadlines)."""
    for registry, rule in declared_rules():
        if rule.in_deadline_list:
            yield from rule.deadlines(registry, user)


def plan_adjustment_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """The yearly adjustment round of this year's delegation plan (30/3 unless the settings say otherwise)."""
    if role_of(user) is None:
        return
    due = rules.plan_adjustment_deadline(today.year)
    if today > due:
        return  # the round is closed: nothing left to do or to remind about until next year
    yield Deadline(
        "plan_adjustment",
        f"plan_adjustment:{today.year}",
        gettext("Điều chỉnh kế hoạch đoàn ra, đoàn vào năm %(year)s") % {"year": today.year},
        due,
        None,
        f"{reverse('delegations:delegation_list')}?year={today.year}",
        responsible=EVERYONE,
        remind_overdue=False,
        kind_label=str(OWN_KIND_LABELS["plan_adjustment"]),
    )


SOURCES: list[Callable[[Any, dt.date], Iterator[Deadline]]] = [
    unit_report_deadlines,
    registry_deadlines,
    plan_adjustment_deadlines,
]


def deadline_list(
    *, user: Any, today: dt.date | None = None, kinds: set[str] | None = None, unit: Unit | None = None
) -> list[Deadline]:
    """Open deadlines this user may see, soonest first; an officer sees only its own unit's (and the plan's)."""
    today = today or timezone.localdate()
    officer_unit = user.unit_id if role_of(user) == Role.UNIT_OFFICER else None
    result = []
    for source in SOURCES:
        for deadline in source(user, today):
            if kinds and deadline.kind not in kinds:
                continue
            if officer_unit is not None and deadline.unit is not None and deadline.unit.pk != officer_unit:
                continue
            if unit is not None and (deadline.unit is None or deadline.unit.pk != unit.pk):
                continue
            result.append(deadline)
    return sorted(result, key=lambda d: (d.due, d.key))
