"""Reads of delegations shared by views, exports, the home page and (later) reports and the API."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.lookups import GreaterThan
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
    more: int = 0  # matches not loaded: the overlap page shows the first few, the detail page lists them all


OVERLAPS_PER_PAGE = 25
OTHERS_SHOWN = 15  # per flagged delegation on the overlap page: all of them in a province, not a thousand
OVERLAP_FIELDS = ("name", "time_text", "proposing_unit__name")  # what the overlap page shows of each delegation
_Countries = Delegation.countries.through
_Partners = Delegation.partners.through


def _overlap_candidates(year: int) -> QuerySet[Delegation]:
    return (
        Delegation.objects.filter(year=year, direction=Direction.OUT, uses_state_budget=True, month_mask__gt=0)
        .filter(STILL_PLANNED)
        .select_related("proposing_unit")
        .prefetch_related("countries", "partners")
    )


def _visible_candidates(year: int, user: Any) -> QuerySet[Delegation]:
    return (
        Delegation.objects.restrict(user, "view")
        .filter(year=year, direction=Direction.OUT, uses_state_budget=True, month_mask__gt=0)
        .filter(STILL_PLANNED)
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


def _has_partners() -> Exists:
    return Exists(_Partners.objects.filter(delegation=OuterRef("pk")))


def _combinable_with(a: Delegation) -> Q:
    """`_combinable(a, b)` as a filter on b (a's countries and partners prefetched)."""
    rule = ~Q(proposing_unit=a.proposing_unit_id) & Q(GreaterThan(F("month_mask").bitand(a.month_mask), 0))
    if partners := [p.pk for p in a.partners.all()]:
        return rule & Q(Exists(_Partners.objects.filter(delegation=OuterRef("pk"), partner__in=partners)))
    countries = [c.pk for c in a.countries.all()]
    shares_country = Exists(_Countries.objects.filter(delegation=OuterRef("pk"), country__in=countries))
    return rule & ~Q(_has_partners()) & Q(shares_country)


def delegation_overlaps(*, delegation: Delegation, user: Any) -> list[Delegation]:
    """Outbound state-budget delegations of other units to the same partner or country in overlapping months.

    The plans ask units to combine such trips "để đảm bảo tính hiệu quả và tiết kiệm".
    """
    if delegation.direction != Direction.OUT or not delegation.uses_state_budget or not delegation.month_mask:
        return []
    others = (
        _visible_candidates(delegation.year, user)
        .exclude(pk=delegation.pk)
        .filter(_combinable_with(delegation))
        .select_related("proposing_unit")
    )
    return list(others)


def delegation_overlap_groups(*, year: int, user: Any) -> list[Overlap]:
    """Every flagged delegation of a year with the ones it could be combined with, compared pairwise in Python.

    Quadratic in the largest country's group: fine for a province, a minute at national scale, where the overlap page
    reads `delegation_overlap_page` instead (same groups, same order, a page at a time); kept as the plain statement
    of the rule that one is tested against (tests/delegations/test_overlaps.py).
    """
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


def _overlap_sql(year: int, user: Any, rows: QuerySet[Delegation] | None) -> tuple[str, list[Any]]:
    """The query behind `delegation_overlap_page`: the ids it flags (`b` NULL), then the page's pairs (a, b).

    Each candidate the user sees is a row per country and partner (partner 0: it names none) — its keys. a and b are
    combinable and share a country exactly when they share a key, with other units and common months: so a is
    flagged when, in one of its months, one of its keys holds two units. Grouping the year's candidates by key is
    linear, where comparing them pairwise, even in the database, was not (the through tables hold every year: a
    country's delegations of ten years were read for each candidate). Parameters: those returned, then the page's
    size and offset.
    """
    candidates = _visible_candidates(year, user).order_by().values("pk", "proposing_unit_id", "month_mask")
    sql, params = candidates.query.sql_with_params()
    within, within_params = "", ()
    if rows is not None:
        # Among the year's candidates: the filters then read the covering index's 10,000 rows, not the table.
        rows = rows.filter(year=year, direction=Direction.OUT, uses_state_budget=True, month_mask__gt=0)
        inner, within_params = rows.order_by().values("pk").query.sql_with_params()
        within = f"AND id IN ({inner})"
    countries, partners = _Countries._meta.db_table, _Partners._meta.db_table
    busy = " + ".join(  # the months in which one of a candidate's keys holds two units
        f"CASE WHEN MIN(CASE WHEN mask & {bit} <> 0 THEN unit END) OVER w"
        f" <> MAX(CASE WHEN mask & {bit} <> 0 THEN unit END) OVER w THEN {bit} ELSE 0 END"
        for bit in (1 << m for m in range(12))
    )
    # MATERIALIZED: the candidates and their keys are read once (from the covering index), for both parts.
    query = f"""
        WITH cand(id, unit, mask) AS MATERIALIZED ({sql}),
        keyed AS MATERIALIZED (
            SELECT c.id, dc.country_id AS country, COALESCE(dp.partner_id, 0) AS partner, c.mask, c.unit FROM cand c
            JOIN {countries} dc ON dc.delegation_id = c.id LEFT JOIN {partners} dp ON dp.delegation_id = c.id
        ),
        flagged AS MATERIALIZED (
            SELECT DISTINCT id FROM (
                SELECT id, mask, {busy} AS busy FROM keyed WINDOW w AS (PARTITION BY country, partner)
            ) k WHERE (mask & busy) <> 0 {within}
        ),
        page AS (SELECT id FROM flagged ORDER BY id LIMIT %s OFFSET %s)
        SELECT id, NULL FROM flagged
        UNION ALL
        SELECT DISTINCT a.id, b.id FROM keyed a
        JOIN keyed b ON b.country = a.country AND b.partner = a.partner AND b.unit <> a.unit AND (a.mask & b.mask) <> 0
        WHERE a.id IN (SELECT id FROM page)
    """  # noqa: S608 -- table names from the models, values as parameters
    return query, [*params, *within_params]


def delegation_overlap_page(
    *,
    year: int,
    user: Any,
    rows: QuerySet[Delegation] | None = None,
    number: Any = 1,
    per_page: int = OVERLAPS_PER_PAGE,
    others_shown: int | None = None,
) -> Page:
    """One page of the overlap groups — the flagged delegations (among `rows` when given) by id, each with the
    delegations it could be combined with, by id: the page's slice of `delegation_overlap_groups`, in one query.

    With `others_shown`, only the first ones of each group are loaded, the others counted in `Overlap.more`.
    """
    try:
        query, params = _overlap_sql(year, user, rows)
    except EmptyResultSet:  # the user sees nothing (or the filters match nothing)
        return Paginator([], per_page).get_page(1)
    try:
        offset = max(int(number) - 1, 0) * per_page
    except (TypeError, ValueError):
        offset = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(query, (*params, per_page, offset))
            result = cursor.fetchall()
        flagged = sorted(a for a, b in result if b is None)
        page = Paginator(flagged, per_page).get_page(number)
        if not flagged or page.start_index() - 1 == offset:
            break
        offset = page.start_index() - 1  # a page past the end: the last one, as Paginator.get_page gives
    pairs: dict[int, list[int]] = defaultdict(list)
    for a, b in result:
        if b is not None:
            pairs[a].append(b)
    others = {pk: sorted(pairs[pk])[:others_shown] for pk in page.object_list}
    shown = (
        Delegation.objects.select_related("proposing_unit")
        .only(*OVERLAP_FIELDS)
        .in_bulk({*page.object_list, *(pk for pks in others.values() for pk in pks)})
    )
    page.object_list = [
        Overlap(shown[pk], [shown[b] for b in others[pk]], len(pairs[pk]) - len(others[pk])) for pk in page.object_list
    ]
    return page


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
