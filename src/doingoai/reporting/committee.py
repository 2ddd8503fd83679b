"""The reporting of a plan's members across all its periods — above all the external-information steering
committee's, whose every yearly plan names the same failure: members do not report on time.

For each member unit (a unit any period of the plan asks), each period's due date, the day the report was first
sent and whether that was on time; the on-time rate is the reports sent on or before their due date over the
reports that have fallen due (due date passed, or sent already). For an information plan, the work the members
recorded in the year: products published by kind and language, releases, answers to false information, events.

False-information cases are restricted (`FalseInfoCase.permission_q`): they are read only through the user's
rights, and every case listed is logged as read, as opening it would be.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.core import permissions
from doingoai.core.models import Unit
from doingoai.events.models import Event
from doingoai.infowork.models import (
    FalseInfoCase,
    FalseInfoStatus,
    InfoProduct,
    InfoProductStatus,
    Language,
    PressRelease,
    PressReleaseStatus,
    ProductKind,
)
from doingoai.infowork.services import falseinfocase_read_record
from doingoai.persons.models import AccessAction
from doingoai.programs.models import Plan, PlanKind
from doingoai.reporting.models import ReportingPeriod, UnitReport
from doingoai.reporting.selectors import unit_sort_key

ON_TIME, LATE, MISSING, PENDING = "on_time", "late", "missing", "pending"
EVENT_DONE = ("held", "reported")


@dataclass(frozen=True)
class Submission:
    """One member's report for one period, read against the period's due date."""

    period: ReportingPeriod
    report: UnitReport | None
    submitted_on: dt.date | None
    state: str  # ON_TIME, LATE, MISSING (due date passed, nothing sent) or PENDING (not due yet)
    days_late: int = 0

    @property
    def counts(self) -> bool:
        """Whether it counts in the on-time rate: fallen due, or sent already."""
        return self.state != PENDING

    @property
    def label(self) -> str:
        if self.state == ON_TIME:
            return gettext("Đúng hạn")
        if self.state == LATE:
            return gettext("Muộn %(days_late)s ngày") % {"days_late": self.days_late}
        if self.state == MISSING:
            return gettext("Chưa nộp (quá hạn %(days_late)s ngày)") % {"days_late": self.days_late}
        return gettext("Chưa đến hạn")

    @property
    def colour(self) -> str:
        return {ON_TIME: "success", LATE: "danger", MISSING: "dark", PENDING: "light"}[self.state]


def submission_of(period: ReportingPeriod, report: UnitReport | None, today: dt.date) -> Submission:
    if report is not None and report.first_submitted_at is not None:
        sent = timezone.localdate(report.first_submitted_at)
        late = (sent - period.due_date).days
        return Submission(period, report, sent, LATE if late > 0 else ON_TIME, max(late, 0))
    if today > period.due_date:
        return Submission(period, report, None, MISSING, (today - period.due_date).days)
    return Submission(period, report, None, PENDING)


def rate_of(on_time: int, due: int) -> float | None:
    return round(100 * on_time / due, 1) if due else None


@dataclass
class MemberRow:
    unit: Unit
    submissions: list[Submission]

    @property
    def due(self) -> int:
        return sum(1 for s in self.submissions if s.counts)

    @property
    def on_time(self) -> int:
        return sum(1 for s in self.submissions if s.state == ON_TIME)

    @property
    def late(self) -> int:
        return sum(1 for s in self.submissions if s.state == LATE)

    @property
    def missing(self) -> int:
        return sum(1 for s in self.submissions if s.state == MISSING)

    @property
    def rate(self) -> float | None:
        """Reports sent on or before their due date, in % of the reports fallen due."""
        return rate_of(self.on_time, self.due)


@dataclass(frozen=True)
class FalseInfoRow:
    case: FalseInfoCase
    unit: str
    days_to_answer: int | None


@dataclass
class UnitWork:
    """What one member recorded in the year: products published, releases issued, answers given, events held."""

    unit: Unit
    products: int = 0
    releases: int = 0
    answered: int | None = 0  # None: the reader may not see false-information cases
    events: int = 0


@dataclass
class InfoWork:
    year: int
    start: dt.date
    end: dt.date
    languages: list[tuple[str, str]]  # the languages with at least one published product, in Language's order
    by_kind: list[tuple[str, dict[str, int], int, int]]  # kind label, {language: products}, products, reach
    units: list[UnitWork]
    releases: int
    events: int
    false_info: list[FalseInfoRow] | None  # None: not shown to this reader

    @property
    def products(self) -> int:
        return sum(row[2] for row in self.by_kind)


@dataclass
class PlanReporting:
    plan: Plan
    today: dt.date
    periods: list[ReportingPeriod]
    members: list[MemberRow]
    sees_all: bool  # False: an officer seeing its own unit only
    info: InfoWork | None = None
    receiver: str = ""

    @property
    def due(self) -> int:
        return sum(m.due for m in self.members)

    @property
    def on_time(self) -> int:
        return sum(m.on_time for m in self.members)

    @property
    def late(self) -> int:
        return sum(m.late for m in self.members)

    @property
    def missing(self) -> int:
        return sum(m.missing for m in self.members)

    @property
    def rate(self) -> float | None:
        return rate_of(self.on_time, self.due)


def sees_all_members(*, plan: Plan, user: Any) -> bool:
    """The province-level roles and the plan's coordinating unit (the committee's standing agency) see every
    member; any other officer, its own unit."""
    return permissions.role_of(user) in permissions.READ_ALL_ROLES or plan.is_coordinated_by(user)


def committee_plans(*, user: Any) -> QuerySet[Plan]:
    """The plans whose members report to a steering committee (or to the plan's coordinating unit), with at least
    one reporting period this user may see, newest first."""
    periods = ReportingPeriod.objects.restrict(user, "view").filter(plan__isnull=False)  # type: ignore[attr-defined]
    return (
        Plan.objects.restrict(user, "view")  # type: ignore[attr-defined]
        .filter(pk__in=periods.values("plan_id"))
        .exclude(kind=PlanKind.PROGRAM)
        .select_related("committee", "coordinating_unit")
        .order_by("-year", "kind", "pk")
    )


def _may_read_false_info(user: Any) -> bool:
    return FalseInfoCase.permission_q(user, "view") != permissions.NOTHING


def info_work(
    *, plan: Plan, units: list[Unit], user: Any, today: dt.date, read_as: str | None = AccessAction.VIEW
) -> InfoWork:
    """The year's external-information work of `units` as `user` may read it; each false-information case listed
    is logged as read by `user`, with the action `read_as` (a page: VIEW; a file: EXPORT_LIST)."""
    start = dt.date(plan.year, 1, 1)
    end = min(dt.date(plan.last_year, 12, 31), today)
    unit_ids = [u.pk for u in units]
    products = list(
        InfoProduct.objects.restrict(user, "view")  # type: ignore[attr-defined]
        .filter(
            status=InfoProductStatus.PUBLISHED,
            published_on__gte=start,
            published_on__lte=end,
            producing_unit_id__in=unit_ids,
        )
        .prefetch_related("versions")
    )
    per_kind: dict[str, Counter] = defaultdict(Counter)
    products_of: Counter = Counter()
    reach: Counter = Counter()
    used: set[str] = set()
    for p in products:
        products_of[p.kind] += 1
        reach[p.kind] += p.reach or 0
        for v in p.versions.all():
            per_kind[p.kind][v.language] += 1
            used.add(v.language)
    languages = [(code, str(label)) for code, label in Language.choices if code in used]
    by_kind = [
        (str(label), dict(per_kind[code]), products_of[code], reach[code])
        for code, label in ProductKind.choices
        if products_of[code]
    ]
    releases = Counter(
        PressRelease.objects.restrict(user, "view")  # type: ignore[attr-defined]
        .filter(status=PressReleaseStatus.ISSUED, date__gte=start, date__lte=end, issuing_unit_id__in=unit_ids)
        .values_list("issuing_unit_id", flat=True)
    )
    events = Counter(
        Event.objects.restrict(user, "view")  # type: ignore[attr-defined]
        .filter(status__in=EVENT_DONE, start_date__gte=start, start_date__lte=end, organising_unit_id__in=unit_ids)
        .values_list("organising_unit_id", flat=True)
    )
    false_info: list[FalseInfoRow] | None = None
    answered: Counter = Counter()
    if _may_read_false_info(user):
        cases = list(
            FalseInfoCase.objects.restrict(user, "view")  # type: ignore[attr-defined]
            .filter(Q(detected_on__gte=start, detected_on__lte=end) | Q(answered_on__gte=start, answered_on__lte=end))
            .select_related("handling_unit")
            .order_by("detected_on", "pk")
        )
        false_info = [FalseInfoRow(c, c.handling_unit.name, c.days_to_answer) for c in cases]
        answered = Counter(
            c.handling_unit_id
            for c in cases
            if c.status in (FalseInfoStatus.ANSWERED, FalseInfoStatus.CLOSED) and c.answered_on
        )
        if read_as:
            for c in cases:
                falseinfocase_read_record(case=c, by=user, action=read_as)
    by_unit = Counter(p.producing_unit_id for p in products)
    return InfoWork(
        year=plan.year,
        start=start,
        end=end,
        languages=languages,
        by_kind=by_kind,
        units=[
            UnitWork(
                unit=u,
                products=by_unit[u.pk],
                releases=releases[u.pk],
                answered=answered[u.pk] if false_info is not None else None,
                events=events[u.pk],
            )
            for u in units
        ],
        releases=sum(releases.values()),
        events=sum(events.values()),
        false_info=false_info,
    )


def plan_reporting(
    *,
    plan: Plan,
    user: Any,
    today: dt.date | None = None,
    with_info: bool = True,
    read_as: str | None = AccessAction.VIEW,
) -> PlanReporting:
    """Every member's reports in every period of `plan` that `user` may see, with the on-time rates; for an
    information plan (`with_info`), the members' recorded work of the year."""
    today = today or timezone.localdate()
    periods = list(
        ReportingPeriod.objects.restrict(user, "view")  # type: ignore[attr-defined]
        .filter(plan=plan)
        .prefetch_related("units")
        .order_by("due_date", "pk")
    )
    sees_all = sees_all_members(plan=plan, user=user)
    reports = {
        (r.period_id, r.unit_id): r
        for r in UnitReport.objects.restrict(user, "view").filter(period__plan=plan)  # type: ignore[attr-defined]
    }
    units: dict[int, Unit] = {}
    for period in periods:
        for unit in period.units.all():
            units.setdefault(unit.pk, unit)
    if not sees_all:
        own = getattr(user, "unit_id", None)
        units = {pk: u for pk, u in units.items() if pk == own}
    members = []
    for unit in sorted(units.values(), key=unit_sort_key):
        asked = [p for p in periods if any(u.pk == unit.pk for u in p.units.all())]
        members.append(MemberRow(unit, [submission_of(p, reports.get((p.pk, unit.pk)), today) for p in asked]))
    info = None
    if with_info and plan.kind == PlanKind.INFORMATION:
        info = info_work(plan=plan, units=[m.unit for m in members], user=user, today=today, read_as=read_as)
    receiver = plan.coordinating_unit.name if plan.coordinating_unit_id and plan.coordinating_unit else ""
    return PlanReporting(
        plan=plan, today=today, periods=periods, members=members, sees_all=sees_all, info=info, receiver=receiver
    )
