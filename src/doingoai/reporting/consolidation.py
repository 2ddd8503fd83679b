"""The consolidation of a reporting period: plan against done for the province (per appendix) and for each unit,
the units' texts, and the late and missing reports — what the consolidated page, the .docx and the .xlsx show.
The figures are counted as `reporting.selectors` describes."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.agreements.models import Agreement, AgreementStatus
from doingoai.conferences.models import Conference, ConferenceStatus
from doingoai.core.models import Unit
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.programs.models import OVERDUE, Plan, PlanKind, PlanTask, TaskStatus
from doingoai.programs.selectors import program_tree, walk_tree
from doingoai.reporting.models import ReportingPeriod, ReportStatus, UnitReport, UnitReportVersion
from doingoai.reporting.selectors import (
    AGREEMENT_NOT_PLANNED,
    CONFERENCE_NOT_PLANNED,
    DELEGATION_PLANNED,
    Window,
    period_receiver,
    report_sections,
    unit_sort_key,
)


@dataclass
class AppendixRow:
    number: int
    label: str
    planned_year: int = 0
    planned: int = 0
    done: int = 0
    postponed: int | None = 0
    cancelled: int = 0

    @property
    def rate(self) -> float | None:
        return round(100 * self.done / self.planned, 1) if self.planned else None


@dataclass
class UnitRow:
    unit: Unit
    report: UnitReport | None
    figures: dict[str, tuple[int, int]] = field(default_factory=dict)  # appendix key → (planned, done)

    def cell(self, key: str) -> tuple[int, int]:
        return self.figures.get(key, (0, 0))


@dataclass(frozen=True)
class LateReport:
    unit: Unit
    report: UnitReport
    submitted_on: dt.date | None  # None: not submitted
    days_late: int


@dataclass(frozen=True)
class TaskRow:
    """One task of the plan as the consolidation lists it, with what its lead unit last reported."""

    section: str
    text: str
    unit: str  # the lead unit's name ("" when none)
    status: str  # a TaskStatus value, or "overdue"
    status_label: str
    progress: int | None
    note: str
    reported_on: dt.date | None
    deadline: str
    url: str = ""


@dataclass
class Consolidation:
    period: ReportingPeriod
    today: dt.date
    appendices: list[AppendixRow]
    units: list[UnitRow]
    texts: list[tuple[Unit, UnitReport, list[tuple[str, str]]]]
    late: list[LateReport]
    missing: list[LateReport]
    on_time: int
    pending: int
    plan: Plan | None = None
    receiver: str = ""  # the unit the reports go to, which issues the consolidated report
    tasks: list[TaskRow] = field(default_factory=list)

    @property
    def total_reports(self) -> int:
        return len(self.units)

    @property
    def is_program(self) -> bool:
        """The programme (and periods without a plan) consolidate the appendices' figures too."""
        return self.plan is None or self.plan.kind == PlanKind.PROGRAM

    @property
    def tasks_by_status(self) -> list[tuple[str, list[TaskRow]]]:
        """The tasks grouped by status (overdue apart, first), in the plan's order within each group."""
        order = [OVERDUE, *TaskStatus.choices]
        groups = [(str(label), [t for t in self.tasks if t.status == value]) for value, label in order]
        return [(label, rows) for label, rows in groups if rows]

    @property
    def tasks_done(self) -> int:
        return sum(1 for t in self.tasks if t.status == TaskStatus.DONE)

    @property
    def tasks_by_unit(self) -> list[tuple[str, list[TaskRow]]]:
        """The tasks grouped by lead unit (units in the order of the plan's first task they lead)."""
        groups: dict[str, list[TaskRow]] = {}
        for t in self.tasks:
            groups.setdefault(t.unit or gettext("Chưa giao cơ quan chủ trì"), []).append(t)
        return list(groups.items())


def plan_tasks(*, plan: Plan | None, today: dt.date) -> list[TaskRow]:
    """The plan's tasks (items with a lead unit) in the order of its body, with status and latest progress."""
    if plan is None:
        return []
    rows = []
    for node in walk_tree(program_tree(plan=plan)):
        task: PlanTask = node.item
        if task.lead_unit_id is None:
            continue  # a heading or a descriptive item, not an assignment
        overdue = task.is_overdue(today)
        rows.append(
            TaskRow(
                section=task.section,
                text=task.text,
                unit=task.lead_unit.name if task.lead_unit else "",
                status=OVERDUE[0] if overdue else task.status,
                status_label=str(OVERDUE[1] if overdue else task.get_status_display()),
                progress=task.progress,
                note=task.progress_note.strip(),
                reported_on=task.progress_on,
                deadline=task.deadline_display,
                url=task.get_absolute_url(),
            )
        )
    return rows


APPENDICES = [
    ("outbound", 1, "Đoàn ra"),
    ("inbound", 2, "Đoàn vào"),
    ("conferences", 3, "Hội nghị, hội thảo quốc tế"),
    ("agreements", 4, "Thỏa thuận quốc tế"),
]


def _tally(
    window: Window,
    records: Iterable[Any],
    *,
    owner: str,
    planned: Any,
    done: Any,
    postponed: Any,
    cancelled: Any,
) -> tuple[Counter, dict[int, Counter]]:
    total: Counter = Counter()
    per_unit: dict[int, Counter] = defaultdict(Counter)
    for r in records:
        counts = {
            "planned_year": r.year == window.year and planned(r),
            "planned": planned(r) and window.touches(r.year, r.month_mask),
            "done": done(r),
            "postponed": postponed(r) and window.touches(r.year, r.month_mask),
            "cancelled": cancelled(r) and window.touches(r.year, r.month_mask),
        }
        for key, hit in counts.items():
            if hit:
                total[key] += 1
                per_unit[getattr(r, f"{owner}_id")][key] += 1
    return total, per_unit


def consolidate(*, period: ReportingPeriod, user: Any, today: dt.date | None = None) -> Consolidation:
    """Plan against done for the province (per appendix) and for each unit of the period, the units' texts in
    the programme's order of units, and the late and missing reports."""
    today = today or timezone.localdate()
    window = Window.of(period)
    delegations = list(
        Delegation.objects.restrict(user, "view").filter(
            Q(year=window.year) | Q(actual_start__gte=window.start, actual_start__lte=window.end)
        )
    )
    conferences = list(
        Conference.objects.restrict(user, "view").filter(
            Q(year=window.year) | Q(held_on__gte=window.start, held_on__lte=window.end)
        )
    )
    agreements = list(
        Agreement.objects.restrict(user, "view").filter(
            Q(year=window.year) | Q(signed_on__gte=window.start, signed_on__lte=window.end)
        )
    )
    tallies: dict[str, tuple[Counter, dict[int, Counter]]] = {}
    for key, direction in (("outbound", Direction.OUT), ("inbound", Direction.IN)):
        tallies[key] = _tally(
            window,
            [d for d in delegations if d.direction == direction],
            owner="proposing_unit",
            planned=lambda d: d.status in DELEGATION_PLANNED,
            done=lambda d: d.status == DelegationStatus.DONE and window.contains(d.actual_start),
            postponed=lambda d: d.status == DelegationStatus.POSTPONED,
            cancelled=lambda d: d.status == DelegationStatus.CANCELLED,
        )
    tallies["conferences"] = _tally(
        window,
        conferences,
        owner="organising_unit",
        planned=lambda c: c.status not in CONFERENCE_NOT_PLANNED,
        done=lambda c: c.status in (ConferenceStatus.HELD, ConferenceStatus.REPORTED) and window.contains(c.held_on),
        postponed=lambda c: c.status == ConferenceStatus.POSTPONED,
        cancelled=lambda c: c.status == ConferenceStatus.CANCELLED,
    )
    tallies["agreements"] = _tally(
        window,
        agreements,
        owner="proposing_unit",
        planned=lambda a: a.status not in AGREEMENT_NOT_PLANNED,
        done=lambda a: a.signed_on is not None and window.contains(a.signed_on),
        postponed=lambda a: False,
        cancelled=lambda a: a.status == AgreementStatus.CANCELLED,
    )
    appendices = []
    for key, number, label in APPENDICES:
        total = tallies[key][0]
        appendices.append(
            AppendixRow(
                number=number,
                label=label,
                planned_year=total["planned_year"],
                planned=total["planned"],
                done=total["done"],
                postponed=None if key == "agreements" else total["postponed"],
                cancelled=total["cancelled"],
            )
        )

    reports = {
        r.unit_id: r
        for r in UnitReport.objects.filter(period=period)
        .select_related("unit")
        .prefetch_related(Prefetch("versions", queryset=UnitReportVersion.objects.order_by("number")))
    }
    units = sorted(period.units.all(), key=unit_sort_key)
    rows, texts, late, missing = [], [], [], []
    on_time = pending = 0
    for unit in units:
        report = reports.get(unit.pk)
        figures = {
            key: (tallies[key][1][unit.pk]["planned"], tallies[key][1][unit.pk]["done"]) for key, *_ in APPENDICES
        }
        rows.append(UnitRow(unit=unit, report=report, figures=figures))
        if report is None:
            continue
        if report.first_submitted_at is not None:
            submitted_on = timezone.localdate(report.first_submitted_at)
            if submitted_on <= period.due_date:
                on_time += 1
            else:
                late.append(LateReport(unit, report, submitted_on, (submitted_on - period.due_date).days))
        elif today > period.due_date:
            missing.append(LateReport(unit, report, None, (today - period.due_date).days))
        else:
            pending += 1
        if report.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED):
            versions = list(report.versions.all())
            source = versions[-1].texts if versions else report.texts
            sections = [(label, str(source.get(key, "")).strip()) for key, label in report_sections(period)]
            texts.append((unit, report, [(label, text) for label, text in sections if text]))
    plan = period.plan if period.plan_id else None
    return Consolidation(
        period=period,
        today=today,
        appendices=appendices,
        units=rows,
        texts=texts,
        late=late,
        missing=missing,
        on_time=on_time,
        pending=pending,
        plan=plan,
        receiver=period_receiver(period),
        tasks=plan_tasks(plan=plan, today=today),
    )
