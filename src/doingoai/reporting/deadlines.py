"""Every deadline of the work, tracked the same way: one computed `Deadline` per thing still to be done.

A deadline is not stored: it is read from the record it belongs to (a unit's report not yet sent, a delegation
back without its result report, a conference not yet permitted, a signed agreement not yet reported, a
consultation waiting for opinions, the yearly plan adjustment), so it can never disagree with the registry and
disappears the moment the work is done. What is stored is only what was *sent* about it (`ReminderSent`,
one row per deadline, stage and due date) — that is what makes reminders exactly-once.

Each source below turns open records into `Deadline`s with a stable `key` ("<kind>:<id>"); `deadline_list`
gathers them for a user (an officer: its own unit's; province-level roles: all) or for the system.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from doingoai.agreements.models import Agreement, AgreementStatus
from doingoai.conferences.models import Conference, ConferenceStatus
from doingoai.core import rules
from doingoai.core.choices import Role
from doingoai.core.models import Unit
from doingoai.core.permissions import role_of
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.reporting.models import PeriodStatus, ReminderStage, ReportStatus, UnitReport

# Who must act: the unit that owns the record, or the coordinating agency.
UNIT = "unit"
COORDINATOR = "coordinator"
EVERYONE = "everyone"

KIND_LABELS = {
    "unit_report": "Báo cáo định kỳ",
    "delegation_report": "Báo cáo kết quả đoàn ra",
    "conference_permit": "Hạn xin phép hội nghị, hội thảo",
    "agreement_report": "Báo cáo Thủ tướng sau khi ký thỏa thuận",
    "agreement_opinions": "Hạn trả lời ý kiến về thỏa thuận",
    "plan_adjustment": "Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào",
}


@dataclass(frozen=True)
class Deadline:
    kind: str
    key: str  # stable: "<kind>:<id>", the reminders' identity
    title: str
    due: dt.date
    unit: Unit | None
    url: str
    responsible: str = UNIT
    # Some deadlines have nothing to fulfil after the day (the plan adjustment round simply closes).
    remind_overdue: bool = True

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def days_left(self, today: dt.date) -> int:
        return (self.due - today).days

    def is_overdue(self, today: dt.date) -> bool:
        return today > self.due and self.remind_overdue

    def stage(self, today: dt.date, days_before: int | None = None) -> str | None:
        """ "upcoming" from N days before the due date to the due date itself, "overdue" after it, else None."""
        days_before = settings.DOINGOAI_REMINDER_DAYS_BEFORE if days_before is None else days_before
        if today > self.due:
            return ReminderStage.OVERDUE if self.remind_overdue else None
        if (self.due - today).days <= days_before:
            return ReminderStage.UPCOMING
        return None


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
        again = " (nộp lại)" if r.status == ReportStatus.RETURNED else ""
        yield Deadline(
            "unit_report",
            f"unit_report:{r.pk}",
            f"Báo cáo {r.period.label}{again}",
            r.period.due_date,
            r.unit,
            r.get_absolute_url(),
        )


def delegation_report_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """Outbound delegations back home without their result report (15 days after return)."""
    qs = (
        _restricted(Delegation, user)
        .filter(
            direction=Direction.OUT,
            status=DelegationStatus.DONE,
            actual_end__isnull=False,
            result_reported_on__isnull=True,
        )
        .select_related("proposing_unit")
    )
    for d in qs:
        if d.report_due:
            yield Deadline(
                "delegation_report",
                f"delegation_report:{d.pk}",
                f"Báo cáo kết quả: {d.name}",
                d.report_due,
                d.proposing_unit,
                d.get_absolute_url(),
            )


def conference_permit_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """Proposed conferences: the application is due 30 or 40 days before the start (Decision 06/2020/QĐ-TTg)."""
    qs = _restricted(Conference, user).filter(status=ConferenceStatus.PROPOSED).select_related("organising_unit")
    for c in qs:
        if c.apply_by:
            yield Deadline(
                "conference_permit",
                f"conference_permit:{c.pk}",
                f"Xin phép tổ chức ({c.required_authority.label}): {c.title}",
                c.apply_by,
                c.organising_unit,
                c.get_absolute_url(),
            )


def agreement_report_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """Signed agreements: report to the Prime Minister within 15 days of signing (Law 70/2020/QH14)."""
    qs = (
        _restricted(Agreement, user)
        .filter(
            signed_on__isnull=False,
            reported_on__isnull=True,
            status__in=[AgreementStatus.SIGNED, AgreementStatus.IN_FORCE],
        )
        .select_related("proposing_unit")
    )
    for a in qs:
        if a.report_due:
            yield Deadline(
                "agreement_report",
                f"agreement_report:{a.pk}",
                f"Báo cáo Thủ tướng: {a.title}",
                a.report_due,
                a.proposing_unit,
                a.get_absolute_url(),
            )


def agreement_opinion_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """Consultations: the consulted bodies answer within 7 working days; the coordinator follows them up."""
    qs = _restricted(Agreement, user).filter(status=AgreementStatus.CONSULTED, consulted_on__isnull=False)
    for a in qs.select_related("proposing_unit"):
        if a.opinions_due:
            yield Deadline(
                "agreement_opinions",
                f"agreement_opinions:{a.pk}",
                f"Trả lời ý kiến về thỏa thuận: {a.title}",
                a.opinions_due,
                a.proposing_unit,
                a.get_absolute_url(),
                responsible=COORDINATOR,
            )


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
        f"Điều chỉnh kế hoạch đoàn ra, đoàn vào năm {today.year}",
        due,
        None,
        f"{reverse('delegations:delegation_list')}?year={today.year}",
        responsible=EVERYONE,
        remind_overdue=False,
    )


SOURCES: list[Callable[[Any, dt.date], Iterator[Deadline]]] = [
    unit_report_deadlines,
    delegation_report_deadlines,
    conference_permit_deadlines,
    agreement_report_deadlines,
    agreement_opinion_deadlines,
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
