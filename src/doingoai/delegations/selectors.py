"""Reads of delegations shared by views, exports, the home page and (later) reports and the API."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from doingoai.delegations.deadlines import RESULT_REPORT
from doingoai.delegations.models import Delegation, DelegationStatus, Direction

# Finished or dropped trips cannot be combined any more.
STILL_PLANNED = ~Q(status__in=[DelegationStatus.CANCELLED, DelegationStatus.DONE])


def planning_year(*, user: Any) -> int:
    """The year being planned: the latest year (this one or later) with proposals or delegations in the plan that
    the user sees, else this year."""
    this_year = timezone.localdate().year
    latest = (
        Delegation.objects.restrict(user, "view")
        .filter(year__gte=this_year, status__in=(DelegationStatus.PROPOSED, DelegationStatus.IN_PLAN))
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    return latest or this_year


def delegation_list(*, user: Any) -> QuerySet[Delegation]:
    """Delegations this user may see, with what list pages and exports show (no N+1)."""
    return (
        Delegation.objects.restrict(user, "view")
        .select_related("proposing_unit")
        .prefetch_related("countries", "partners__country")
    )


@dataclass(frozen=True)
class Overlap:
    delegation: Delegation
    others: list[Delegation]


def _overlap_candidates(year: int) -> QuerySet[Delegation]:
    return (
        Delegation.objects.filter(year=year, direction=Direction.OUT, uses_state_budget=True, month_mask__gt=0)
        .filter(STILL_PLANNED)
        .select_related("proposing_unit")
        .prefetch_related("countries", "partners")
    )


def _combinable(a: Delegation, b: Delegation) -> bool:
    """Different units, overlapping months, and the same partner — or the same country when neither names one.

    Nearly every trip goes to Laos, so a shared country alone would flag most of the plan; a named partner is
    the sharper test whenever a delegation has one.
    """
    if a.proposing_unit_id == b.proposing_unit_id or not a.month_mask & b.month_mask:
        return False
    partners_a, partners_b = {p.pk for p in a.partners.all()}, {p.pk for p in b.partners.all()}
    if partners_a or partners_b:
        return bool(partners_a & partners_b)
    return bool({c.pk for c in a.countries.all()} & {c.pk for c in b.countries.all()})


def delegation_overlaps(*, delegation: Delegation, user: Any) -> list[Delegation]:
    """Outbound state-budget delegations of other units to the same partner or country in overlapping months.

    The plans ask units to combine such trips "để đảm bảo tính hiệu quả và tiết kiệm".
    """
    if delegation.direction != Direction.OUT or not delegation.uses_state_budget or not delegation.month_mask:
        return []
    candidates = (
        _overlap_candidates(delegation.year)
        .exclude(pk=delegation.pk)
        .annotate(common=F("month_mask").bitand(delegation.month_mask))
        .filter(common__gt=0)
        .filter(Q(countries__in=delegation.countries.all()) | Q(partners__in=delegation.partners.all()))
        .filter(pk__in=Delegation.objects.restrict(user, "view").values("pk"))
        .distinct()
    )
    return [d for d in candidates if _combinable(delegation, d)]


def delegation_overlap_groups(*, year: int, user: Any) -> list[Overlap]:
    """Every flagged delegation of a year with the ones it could be combined with."""
    rows = list(_overlap_candidates(year).filter(pk__in=Delegation.objects.restrict(user, "view").values("pk")))
    by_country: dict[int, list[Delegation]] = defaultdict(list)
    for d in rows:
        for c in d.countries.all():
            by_country[c.pk].append(d)
    matches: dict[int, dict[int, Delegation]] = defaultdict(dict)
    for group in by_country.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _combinable(a, b):
                    matches[a.pk][b.pk] = b
                    matches[b.pk][a.pk] = a
    index = {d.pk: d for d in rows}
    return [Overlap(index[pk], sorted(others.values(), key=lambda d: d.pk)) for pk, others in sorted(matches.items())]


def delegations_late_reports(*, user: Any, today: dt.date | None = None) -> QuerySet[Delegation]:
    """Done outbound delegations whose result report is overdue (the declared rule as a query), oldest first:
    a national database holds thousands of them, so the home page counts and shows the first ten."""
    records = delegation_list(user=user).filter(RESULT_REPORT.open())
    rows = RESULT_REPORT.overdue_in(records, today or timezone.localdate())
    return cast(QuerySet[Delegation], rows)


PLANNED_STATUSES = (
    DelegationStatus.IN_PLAN,
    DelegationStatus.APPROVED,
    DelegationStatus.DONE,
    DelegationStatus.POSTPONED,
)


def delegation_plan_vs_done(*, year: int, user: Any) -> dict[str, dict[int, dict[str, int]]]:
    """Planned vs done per direction and quarter: {"out": {1: {"planned": n, "done": m}, …}, "in": …}.

    Planned = everything in the plan (in plan, approved, done, postponed); a delegation counts in each quarter its
    planned months touch, and in quarter 0 ("chưa xác định") when the time is unknown.
    """
    rows = (
        Delegation.objects.restrict(user, "view")
        .filter(year=year, status__in=PLANNED_STATUSES)
        .values("direction", "status", "month_mask")
        .annotate(n=Count("id"))
    )
    return plan_vs_done(rows)


def plan_vs_done(rows: Iterable[dict[str, Any]]) -> dict[str, dict[int, dict[str, int]]]:
    """`delegation_plan_vs_done` from counts of delegations by direction, status and month_mask (`n`); rows of
    other statuses than the planned ones are left out."""
    result: dict[str, dict[int, dict[str, int]]] = {
        d: {q: {"planned": 0, "done": 0} for q in range(5)} for d in (Direction.OUT, Direction.IN)
    }
    for row in rows:
        if row["status"] not in PLANNED_STATUSES:
            continue
        quarters = [q for q in range(1, 5) if row["month_mask"] & (0b111 << (3 * (q - 1)))] or [0]
        for q in quarters:
            cell = result[row["direction"]][q]
            cell["planned"] += row["n"]
            if row["status"] == DelegationStatus.DONE:
                cell["done"] += row["n"]
    return result
