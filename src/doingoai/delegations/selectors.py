"""Reads of delegations shared by views, exports, the home page and (later) reports and the API."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
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
        # The partners' delegations (a few hundred, from the (partner, delegation) index), each then looked up by
        # id: an EXISTS per candidate read the year's ~12,000 outbound trips from the table (40 ms at national
        # scale against 4). A country's, by contrast, can be a third of all trips: that test stays an EXISTS.
        return rule & Q(pk__in=_Partners.objects.filter(partner__in=partners).values("delegation_id"))
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


def _overlap_keys_sql(year: int, user: Any, rows: QuerySet[Delegation] | None) -> tuple[str, list[Any]]:
    """The query behind `delegation_overlap_page`: each of the year's candidates the user sees as a row per country
    and partner (partner 0: it names none) — its keys — with its unit, its months and whether it is among `rows`
    (1 when `rows` is None)."""
    candidates = _visible_candidates(year, user).order_by().values("pk", "proposing_unit_id", "month_mask")
    sql, params = candidates.query.sql_with_params()
    kept, kept_params = "1", ()
    if rows is not None:
        # Among the year's candidates: the filters then read the covering index's 10,000 rows, not the table.
        rows = rows.filter(year=year, direction=Direction.OUT, uses_state_budget=True, month_mask__gt=0)
        inner, kept_params = rows.order_by().values("pk").query.sql_with_params()
        kept = f"CASE WHEN c.id IN ({inner}) THEN 1 ELSE 0 END"
    countries, partners = _Countries._meta.db_table, _Partners._meta.db_table
    query = f"""
        WITH cand(id, unit, mask) AS ({sql})
        SELECT c.id, dc.country_id, COALESCE(dp.partner_id, 0), c.mask, c.unit, {kept} FROM cand c
        JOIN {countries} dc ON dc.delegation_id = c.id LEFT JOIN {partners} dp ON dp.delegation_id = c.id
    """  # noqa: S608 -- table names from the models, values as parameters
    return query, [*params, *kept_params]


def _overlap_pairs(keyed: list[tuple[int, int, int, int, int, int]]) -> tuple[list[int], Callable[[int], set[int]]]:
    """From the candidates' keys (`_overlap_keys_sql`): the flagged ids among those kept, by id, and the matches of
    one of them. a and b are combinable and share a country exactly when they share a key, with other units and
    common months: so a is flagged when, in one of its months, one of its keys holds two units. Grouping by key is
    linear, where comparing pairs was quadratic in the largest country's group (and, in SQL, 24 window functions
    over the year's keys took ~100 ms at national scale)."""
    by_key: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    keys_of: dict[int, list[tuple[int, int]]] = defaultdict(list)
    masks: dict[int, tuple[int, int]] = {}
    kept: set[int] = set()
    for pk, country, partner, mask, unit, is_kept in keyed:
        by_key[(country, partner)].append((pk, mask, unit))
        keys_of[pk].append((country, partner))
        masks[pk] = (mask, unit)
        if is_kept:
            kept.add(pk)
    flagged: set[int] = set()
    for members in by_key.values():
        if len(members) < 2:
            continue
        months_of_unit: dict[int, int] = {}
        for _, mask, unit in members:
            months_of_unit[unit] = months_of_unit.get(unit, 0) | mask
        if len(months_of_unit) < 2:
            continue
        seen = busy = 0  # busy: the months in which this key holds two units
        for months in months_of_unit.values():
            busy |= seen & months
            seen |= months
        if busy:
            flagged.update(pk for pk, mask, _ in members if mask & busy and pk in kept)

    def matches(a: int) -> set[int]:
        mask, unit = masks[a]
        return {
            b
            for key in keys_of[a]
            for b, other_mask, other_unit in by_key[key]
            if other_unit != unit and mask & other_mask
        }

    return sorted(flagged), matches


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
    delegations it could be combined with, by id: the page's slice of `delegation_overlap_groups`, from one query
    of the year's candidates' keys.

    With `others_shown`, only the first ones of each group are loaded, the others counted in `Overlap.more`.
    """
    try:
        query, params = _overlap_keys_sql(year, user, rows)
    except EmptyResultSet:  # the user sees nothing (or the filters match nothing)
        return Paginator([], per_page).get_page(1)
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        keyed = cursor.fetchall()
    flagged, matches = _overlap_pairs(keyed)
    paginator: Paginator[Any] = Paginator(flagged, per_page)  # of ids, then of Overlap
    page = paginator.get_page(number)
    pairs = {pk: sorted(matches(pk)) for pk in page.object_list}
    others = {pk: found[:others_shown] for pk, found in pairs.items()}
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
