"""Reads for the dashboard charts, always within what the user may see (the calendar's are in
`dashboard.calendar_selectors`).

Every figure comes from the registries' own selectors (`delegation_list`, `conference_list`, `agreement_list`,
`delegation_plan_vs_done`), which apply `restrict(user, "view")`; the charts take a handful of aggregated
queries, the calendar one query per kind of record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django_stubs_ext import StrOrPromise

from doingoai.agreements.models import AgreementStatus
from doingoai.agreements.selectors import agreement_list
from doingoai.conferences.models import ConferenceStatus
from doingoai.conferences.selectors import conference_list
from doingoai.core.choices import QUARTER_LABELS, FundingSource, Region
from doingoai.core.i18n import vietnamese
from doingoai.delegations.models import DelegationStatus, Direction
from doingoai.delegations.selectors import delegation_list, delegation_plan_vs_done
from doingoai.finance.selectors import budget_by_source

# What `delegation_plan_vs_done` counts as "in the plan".
PLANNED_STATUSES = [
    DelegationStatus.IN_PLAN,
    DelegationStatus.APPROVED,
    DelegationStatus.DONE,
    DelegationStatus.POSTPONED,
]
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


def list_link(url_name: str, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", [])}, doseq=True)
    return f"{reverse(url_name)}?{query}"


def _delegation_link(year: int, **params: Any) -> str:
    return list_link("delegations:delegation_list", year=year, **params)


def _status_bars(
    rows: Iterable[dict[str, Any]], choices: Sequence[tuple[str, StrOrPromise]], url_name: str, year: int
) -> list[dict[str, Any]]:
    counts = {row["status"]: row["n"] for row in rows}
    return [
        {
            "code": code,
            "label": str(label),
            "value": counts.get(code, 0),
            "link": list_link(url_name, year=year, status=code),
        }
        for code, label in choices
    ]


def dashboard_data(*, user: Any, year: int) -> dict[str, Any]:
    """Everything the dashboard draws for `year`, as plain JSON-ready data with the list address of each figure."""
    delegations = (
        delegation_list(user=user).prefetch_related(None).filter(year=year, status__in=COUNTED_STATUSES).order_by()
    )

    # Planned vs done per direction and quarter (a delegation planned "Quý II/Quý III" counts in both).
    plan = delegation_plan_vs_done(year=year, user=user)
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
                            "link": _delegation_link(year, direction=direction, quarter=q, status=statuses)
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
    region_counts = {
        row["countries__region"]: row["n"]
        for row in delegations.values("countries__region").annotate(n=Count("pk", distinct=True))
    }
    regions = [
        {
            "code": code,
            "label": str(label),
            "value": region_counts.get(code, 0),
            "link": _delegation_link(year, region=code, status=COUNTED_STATUSES),
        }
        for code, label in Region.choices
    ]
    by_country: dict[int, dict[str, Any]] = {}
    country_rows = (
        delegations.filter(countries__isnull=False)
        .values("countries__pk", "countries__code", "countries__name_vi", "direction")
        .annotate(n=Count("pk", distinct=True))
    )
    for row in country_rows:
        pk = row["countries__pk"]
        item = by_country.setdefault(
            pk,
            {
                "name": row["countries__code"],
                "label": row["countries__name_vi"],
                "pk": pk,
                "value": 0,
                "out": 0,
                "in": 0,
                "link": _delegation_link(year, country=pk, status=COUNTED_STATUSES),
            },
        )
        item[row["direction"]] += row["n"]
    # A delegation both ways is impossible, so the directions add up to the delegations of that country.
    for item in by_country.values():
        item["value"] = item["out"] + item["in"]
    countries = sorted(by_country.values(), key=lambda c: (-c["value"], c["label"]))

    funding_counts = {
        row["funding_source"]: row["n"] for row in delegations.values("funding_source").annotate(n=Count("pk"))
    }
    funding = [
        {
            "code": code,
            "label": str(label),
            "value": funding_counts.get(code, 0),
            "link": _delegation_link(year, funding_source=code, status=COUNTED_STATUSES),
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
    conference_status = _status_bars(conference_rows, ConferenceStatus.choices, "conferences:conference_list", year)
    agreement_status = _status_bars(agreement_rows, AgreementStatus.choices, "agreements:agreement_list", year)

    by_status: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in delegations.values("direction", "status").annotate(n=Count("pk")):
        by_status[row["direction"]][row["status"]] += row["n"]
    budget_total, by_source = budget_by_source(year=year, user=user)
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
                    "link": _delegation_link(year, direction=direction, status=COUNTED_STATUSES),
                }
                for direction, label in Direction.choices
            ),
            {
                "label": pgettext("plural", "Hội nghị, hội thảo quốc tế"),
                "value": sum(b["value"] for b in conference_status),
                "done": sum(b["value"] for b in conference_status if b["code"] in CONFERENCE_HELD),
                "done_label": gettext("đã tổ chức"),
                "link": list_link("conferences:conference_list", year=year),
            },
            {
                "label": pgettext("plural", "Thỏa thuận quốc tế"),
                "value": sum(b["value"] for b in agreement_status),
                "done": sum(b["value"] for b in agreement_status if b["code"] in AGREEMENT_SIGNED),
                "done_label": gettext("đã ký"),
                "link": list_link("agreements:agreement_list", year=year),
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
