"""Reads for the dashboard charts, always within what the user may see (the calendar's are in
`dashboard.calendar_selectors`).

Every figure comes from the registries' own selectors (`delegation_list`, `conference_list`, `agreement_list`,
`delegation_plan_vs_done`), which apply `restrict(user, "view")`; the charts take a handful of aggregated
queries, the calendar one query per kind of record.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet, Sum
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django_stubs_ext import StrOrPromise

from doingoai.agreements.models import AgreementStatus
from doingoai.agreements.selectors import agreement_list
from doingoai.conferences.models import ConferenceStatus
from doingoai.conferences.selectors import conference_list
from doingoai.core.addresses import reverse_name
from doingoai.core.choices import QUARTER_LABELS, FundingSource, Region, Role
from doingoai.core.filters import filter_linked
from doingoai.core.i18n import vietnamese
from doingoai.core.permissions import role_of
from doingoai.dashboard.counts import NO_REGION
from doingoai.dashboard.models import BudgetSum, DelegationCount, DelegationCountryCount, DelegationRegionCount
from doingoai.delegations import selectors as delegations_selectors
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.delegations.selectors import plan_vs_done
from doingoai.finance.models import BudgetStatus
from doingoai.finance.selectors import ZERO, Amounts, budget_by_source_of, budgeted_models

# What `delegation_plan_vs_done` counts as "in the plan".
PLANNED_STATUSES = list(delegations_selectors.PLANNED_STATUSES)
# The country, region and funding charts count every delegation of the year except the cancelled ones.
COUNTED_STATUSES = [s for s in DelegationStatus.values if s != DelegationStatus.CANCELLED]
UNKNOWN_QUARTER = "Chưa xác định"
# What the summary cards call "done" for conferences (held) and agreements (signed).
CONFERENCE_HELD = {ConferenceStatus.HELD, ConferenceStatus.REPORTED}
AGREEMENT_SIGNED = {
    AgreementStatus.SIGNED,
    AgreementStatus.IN_FORCE,
    AgreementStatus.EXPIRED,
    AgreementStatus.TERMINATED,
}


class ListLinks:
    """List addresses with their filters (`?year=2027&status=a&status=b`; empty values left out), for the many
    figures of one page (the dashboard draws ~300 links, most with the same list of ten statuses): each parameter's
    value encoded once (the addresses are reversed once per process, `core.addresses.reverse_name`)."""

    def __init__(self) -> None:
        self._parts: dict[tuple[str, Any], str] = {}

    def __call__(self, url_name: str, **params: Any) -> str:
        path = reverse_name(url_name)
        parts = []
        for name, value in params.items():
            if value in (None, "", []):
                continue
            key = (name, tuple(value) if isinstance(value, list) else value)
            part = self._parts.get(key)
            if part is None:
                part = self._parts[key] = urlencode({name: value}, doseq=True)
            if part:
                parts.append(part)
        return f"{path}?{'&'.join(parts)}"


def list_link(url_name: str, **params: Any) -> str:
    """One list address with its filters (`ListLinks` for many)."""
    return ListLinks()(url_name, **params)


def _status_bars(
    rows: Iterable[dict[str, Any]],
    choices: Sequence[tuple[str, StrOrPromise]],
    url_name: str,
    year: int,
    link: Callable[..., str] = list_link,
) -> list[dict[str, Any]]:
    counts = {row["status"]: row["n"] for row in rows}
    return [
        {
            "code": code,
            "label": str(label),
            "value": counts.get(code, 0),
            "link": link(url_name, year=year, status=code),
        }
        for code, label in choices
    ]


@dataclass
class DelegationCounts:
    """A year's delegations counted three ways (rows of plain dicts with `n`): by direction, status, funding source
    and month_mask; by direction, status and country (pk); by status and region ('' without a country, each
    delegation once per region)."""

    by: list[dict[str, Any]] = field(default_factory=list)
    countries: list[dict[str, Any]] = field(default_factory=list)
    regions: list[dict[str, Any]] = field(default_factory=list)

    def __add__(self, other: DelegationCounts) -> DelegationCounts:
        return DelegationCounts(self.by + other.by, self.countries + other.countries, self.regions + other.regions)


BY = ("direction", "status", "funding_source", "month_mask")
COUNTRY_KEYS = ("direction", "status", "country", "code", "label")
LIVE_COUNTRY_KEYS = ("direction", "status", "countries", "countries__code", "countries__name_vi")


def live_counts(delegations: QuerySet[Delegation]) -> DelegationCounts:
    """The counts of `delegations`, asked of the delegations themselves in one query (what the stored counts must
    equal; on the dashboard, a unit's own private records of a year: a few rows)."""
    rows = delegations.order_by().values(
        "pk", *BY, "countries", "countries__code", "countries__name_vi", "countries__region"
    )
    by: Counter[tuple[Any, ...]] = Counter()
    countries: Counter[tuple[Any, ...]] = Counter()
    status: dict[int, str] = {}
    regions: dict[int, set[str]] = defaultdict(set)
    for row in rows:
        if row["pk"] not in status:
            status[row["pk"]] = row["status"]
            by[tuple(row[k] for k in BY)] += 1
        if row["countries"] is not None:
            countries[tuple(row[k] for k in LIVE_COUNTRY_KEYS)] += 1
            regions[row["pk"]].add(row["countries__region"])
    by_region: Counter[tuple[str, str]] = Counter()
    for pk, state in status.items():
        for region in regions.get(pk) or {NO_REGION}:
            by_region[(state, region)] += 1
    return DelegationCounts(
        [dict(zip(BY, key, strict=True), n=n) for key, n in by.items()],
        [dict(zip(COUNTRY_KEYS, key, strict=True), n=n) for key, n in countries.items()],
        [{"status": state, "region": region, "n": n} for (state, region), n in by_region.items()],
    )


def stored_counts(*, year: int, hidden: Sequence[str] = (), by_only: bool = False) -> DelegationCounts:
    """The counts the database keeps (dashboard.counts) for `year`, without the statuses `hidden`; `by_only`: the
    first of the three (by direction, status, funding source and month_mask) alone."""

    def rows(model: Any, *names: str) -> list[dict[str, Any]]:
        return list(model.objects.filter(year=year, n__gt=0).exclude(status__in=hidden).values(*names, "n"))

    if by_only:
        return DelegationCounts(rows(DelegationCount, *BY))
    return DelegationCounts(
        rows(DelegationCount, *BY),
        [
            dict(zip(COUNTRY_KEYS, key, strict=True), n=n)
            for *key, n in DelegationCountryCount.objects.filter(year=year, n__gt=0)
            .exclude(status__in=hidden)
            .values_list("direction", "status", "country", "country__code", "country__name_vi", "n")
        ],
        rows(DelegationRegionCount, "status", "region"),
    )


def live_counts_by(delegations: QuerySet[Delegation]) -> DelegationCounts:
    """`live_counts(delegations).by` alone, counted by the database."""
    return DelegationCounts(list(delegations.order_by().values(*BY).annotate(n=Count("id"))))


def _stored_rights(user: Any) -> tuple[str, ...] | None:
    """How the stored counts answer for `user`'s rights (`permissions.unit_owned_q`): () for the roles that see
    every delegation; for a unit officer, the statuses in which only its own unit's records are seen (those are
    counted live: a few rows); None for anyone else (everything counted live)."""
    if Delegation.permission_q(user, "view") is None:
        return ()
    if role_of(user) == Role.UNIT_OFFICER and user.unit_id:
        return tuple(Delegation.private_statuses)
    return None


def delegation_counts(*, user: Any, year: int, by_only: bool = False) -> DelegationCounts:
    """The year's counts of the delegations `user` may see, from the stored counts where `_stored_rights` allows.
    `by_only`: the counts by direction, status, funding source and month_mask alone (`stored_counts`)."""
    live = live_counts_by if by_only else live_counts
    hidden = _stored_rights(user)
    if hidden is None:
        return live(Delegation.objects.restrict(user, "view").filter(year=year))
    counts = stored_counts(year=year, hidden=hidden, by_only=by_only)
    if hidden:
        counts += live(Delegation.objects.filter(year=year, proposing_unit_id=user.unit_id, status__in=hidden))
    return counts


# The delegation list's filters its count can be read for from the stored counts (one country at a time: a
# delegation counts once in each of its countries' rows; the countries' counts keep no funding source).
LIST_COUNT_FILTERS = frozenset({"year", "direction", "status", "country", "funding_source"})


def delegation_list_count(filters: dict[str, Any], user: Any) -> int | None:
    """How many delegations the list shows for `filters` (the filter form's active values) and `user`, from the
    stored counts where `_stored_rights` allows; None when the filters or the rights are not such (the list then
    counts its rows). Registered with `core.generic.register_list_counter`: an unfiltered national list's COUNT
    read 250,000 rows for a unit officer (the rights are an OR), and a country's thousands of links for a
    filtered one."""
    hidden = _stored_rights(user)
    if hidden is None or not filters.keys() <= LIST_COUNT_FILTERS or {"country", "funding_source"} <= filters.keys():
        return None
    exact: dict[str, Any] = {name: filters[name] for name in ("direction", "funding_source") if name in filters}
    if "year" in filters:
        exact["year"] = int(filters["year"])
    statuses = list(filters.get("status") or ())
    country = filters.get("country")
    table = DelegationCountryCount if country is not None else DelegationCount
    stored = table.objects.filter(**exact, **({"country_id": country.pk} if country is not None else {}))
    if statuses:
        stored = stored.filter(status__in=statuses)
    n: int = stored.exclude(status__in=hidden).aggregate(n=Sum("n"))["n"] or 0
    if hidden:
        own = Delegation.objects.filter(**exact, proposing_unit_id=user.unit_id, status__in=hidden)
        if statuses:
            own = own.filter(status__in=statuses)
        n += filter_linked(own, "countries", country).count()
    return n


def delegation_plan_vs_done(*, user: Any, year: int) -> dict[str, dict[int, dict[str, int]]]:
    """`delegations.selectors.delegation_plan_vs_done` (the home page's table) from the stored counts where the
    user's rights allow: at national scale that count read ~25,000 delegations of the year."""
    return plan_vs_done(delegation_counts(user=user, year=year, by_only=True).by)


def stored_budget(*, year: int, hidden: bool = False) -> dict[str, Amounts]:
    """The year's cost lines by funding source from the sums the database keeps (dashboard.counts), as
    `finance.selectors.budget_by_source` sums them: records in the plan (not drafts, not cancelled) with a budget;
    "approved" is the appraised amount of decided records. `hidden`: without the statuses a unit hides
    (`private_statuses`) from other units."""
    models = {ContentType.objects.get_for_model(m).pk: m for m in budgeted_models()}
    result: dict[str, Amounts] = defaultdict(Amounts)
    rows = (
        BudgetSum.objects.filter(year=year, content_type__in=list(models))
        .exclude(status__in=("cancelled", "draft"))
        .exclude(budget_status=BudgetStatus.NONE)
        .values_list("content_type", "status", "funding_source", "estimate", "appraised", "actual")
    )
    for kind, status, source, estimate, appraised, actual in rows:
        model = models[kind]
        if hidden and status in model.private_statuses:
            continue
        approved = appraised if status in model.budget_steps.decided else ZERO
        result[source].add({"estimate": estimate, "appraised": appraised, "approved": approved, "actual": actual})
    return result


def dashboard_budget(*, user: Any, year: int) -> tuple[Amounts, list[tuple[str, Amounts]]]:
    """`budget_by_source` for the dashboard, from the stored sums where the user's rights allow
    (`finance.selectors.budget_by_source_of`, which reads them through `stored_budget`)."""
    return budget_by_source_of(year=year, user=user)


def dashboard_data(*, user: Any, year: int) -> dict[str, Any]:
    """Everything the dashboard draws for `year`, as plain JSON-ready data with the list address of each figure."""
    counts = delegation_counts(user=user, year=year)
    counted = set(COUNTED_STATUSES)
    links = ListLinks()
    delegation_link = partial(links, "delegations:delegation_list")

    # Planned vs done per direction and quarter (a delegation planned "Quý II/Quý III" counts in both).
    plan = plan_vs_done(counts.by)
    quarter_keys = [1, 2, 3, 4]
    if any(plan[d][0]["planned"] for d in plan):
        quarter_keys.append(0)
    series: list[dict[str, Any]] = []
    for direction, label in Direction.choices:
        for measure, statuses, measure_label in (
            ("planned", PLANNED_STATUSES, gettext("kế hoạch")),
            ("done", [DelegationStatus.DONE], gettext("đã thực hiện")),
        ):
            series.append(
                {
                    "direction": direction,
                    "measure": measure,
                    "name": f"{label} – {measure_label}",
                    "data": [
                        {
                            "value": plan[direction][q][measure],
                            # Unknown planned times cannot be filtered by quarter: that bar has no list.
                            "link": delegation_link(year=year, direction=direction, quarter=q, status=statuses)
                            if q
                            else None,
                        }
                        for q in quarter_keys
                    ],
                }
            )

    quarters = {
        "labels": [str(QUARTER_LABELS.get(q, gettext(UNKNOWN_QUARTER))) for q in quarter_keys],
        "series": series,
    }

    # Regions and countries: a delegation to several countries counts once in each of them (and once per region).
    region_counts: dict[str | None, int] = defaultdict(int)
    for row in counts.regions:
        if row["status"] in counted:
            region_counts[row["region"] or None] += row["n"]
    regions = [
        {
            "code": code,
            "label": str(label),
            "value": region_counts.get(code, 0),
            "link": delegation_link(year=year, region=code, status=COUNTED_STATUSES),
        }
        for code, label in Region.choices
    ]
    by_country: dict[int, dict[str, Any]] = {}
    for row in counts.countries:  # one row per direction, status and country
        if row["status"] in counted and row["n"]:
            item = by_country.get(row["country"])
            if item is None:
                item = by_country[row["country"]] = {
                    "name": row["code"],
                    "label": row["label"],
                    "pk": row["country"],
                    "value": 0,
                    "out": 0,
                    "in": 0,
                    "link": delegation_link(year=year, country=row["country"], status=COUNTED_STATUSES),
                }
            item[row["direction"]] += row["n"]
    # A delegation both ways is impossible, so the directions add up to the delegations of that country.
    for item in by_country.values():
        item["value"] = item["out"] + item["in"]
    countries = sorted(by_country.values(), key=lambda c: (-c["value"], c["label"]))

    funding_counts: dict[str, int] = defaultdict(int)
    by_status: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in counts.by:
        if row["status"] in counted:
            funding_counts[row["funding_source"]] += row["n"]
            by_status[row["direction"]][row["status"]] += row["n"]
    funding = [
        {
            "code": code,
            "label": str(label),
            "value": funding_counts.get(code, 0),
            "link": delegation_link(year=year, funding_source=code, status=COUNTED_STATUSES),
        }
        for code, label in FundingSource.choices
        if funding_counts.get(code, 0)
    ]

    conference_rows = (
        conference_list(user=user).prefetch_related(None).filter(year=year).order_by().values("status")
    ).annotate(n=Count("pk"))
    agreement_rows = (
        agreement_list(user=user).select_related(None).filter(year=year).order_by().values("status")
    ).annotate(n=Count("pk"))
    conference_status = _status_bars(
        conference_rows, ConferenceStatus.choices, "conferences:conference_list", year, links
    )
    agreement_status = _status_bars(agreement_rows, AgreementStatus.choices, "agreements:agreement_list", year, links)

    budget_total, by_source = dashboard_budget(user=user, year=year)
    budget = {
        "sources": [label for label, _ in by_source],
        "series": [
            {"name": name, "data": [float(getattr(a, key)) for _, a in by_source]}
            for key, name in (
                ("estimate", gettext("Dự toán")),
                ("appraised", gettext("Thẩm định")),
                ("approved", gettext("Được duyệt")),
                ("actual", gettext("Thực chi")),
            )
        ],
        "total": {k: float(v) for k, v in vars(budget_total).items()},
        "link": reverse("finance:totals") + f"?year={year}",
    }
    return {
        "year": year,
        "budget": budget,
        "quarters": quarters,
        "regions": regions,
        "no_country": region_counts.get(None, 0),
        "countries": countries,
        "funding": funding,
        "conference_status": conference_status,
        "agreement_status": agreement_status,
        "cards": [
            *(
                {
                    "label": pgettext("menu", vietnamese(label)),  # a count of delegations: the plural
                    "value": sum(by_status[direction].values()),
                    "done": by_status[direction][DelegationStatus.DONE],
                    "done_label": gettext("đã thực hiện"),
                    "link": delegation_link(year=year, direction=direction, status=COUNTED_STATUSES),
                }
                for direction, label in Direction.choices
            ),
            {
                "label": pgettext("plural", "Hội nghị, hội thảo quốc tế"),
                "value": sum(b["value"] for b in conference_status),
                "done": sum(b["value"] for b in conference_status if b["code"] in CONFERENCE_HELD),
                "done_label": gettext("đã tổ chức"),
                "link": links("conferences:conference_list", year=year),
            },
            {
                "label": pgettext("plural", "Thỏa thuận quốc tế"),
                "value": sum(b["value"] for b in agreement_status),
                "done": sum(b["value"] for b in agreement_status if b["code"] in AGREEMENT_SIGNED),
                "done_label": gettext("đã ký"),
                "link": links("agreements:agreement_list", year=year),
            },
        ],
    }


def reporting_summary(*, user: Any, year: int) -> dict[str, Any] | None:
    """The year's latest reporting period as the user may see it: how many units' reports are in each state.

    None when the reporting app is absent or the year has no period yet.
    """
    try:
        from doingoai.reporting.models import DISPLAY_STATES
        from doingoai.reporting.selectors import period_list, period_reports, state_counts
    except ImportError:
        return None
    period = period_list(user=user).filter(year=year).order_by("-due_date", "-id").first()
    if period is None:
        return None
    counts = state_counts(period_reports(period=period, user=user))
    return {
        "period": period,
        "states": [(label, colour, counts.get(key, 0)) for key, label, colour in DISPLAY_STATES if counts.get(key)],
    }
