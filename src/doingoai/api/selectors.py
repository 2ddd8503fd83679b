"""The year's figures that a ministry could collect from every province (`/api/figures/{year}/`).

Built from every API declaration that has `figures` (the plan registries), so a registry added later counts
as soon as it declares them. Counts are of what the asking user may see (`restrict(user, "view")`); a
ministry's account reads everything with the leader's rights.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.api.registry import ApiSpec, Figures, registered
from doingoai.core.choices import QUARTER_LABELS, Region
from doingoai.finance.selectors import budget_totals

NOT_PLANNED = ("draft", "proposed", "cancelled")
QUARTERS = [*((q, label) for q, label in QUARTER_LABELS.items()), (0, gettext_lazy("Chưa xác định"))]


def _quarters(mask: int) -> list[int]:
    """The quarters the planned months touch; 0 when the time is unknown (as on the home page)."""
    return [q for q in range(1, 5) if mask & (0b111 << (3 * (q - 1)))] or [0]


def _count(spec: ApiSpec, fig: Figures, rows: Any) -> dict[str, Any]:
    model = spec.model
    status_field: Any = model._meta.get_field("status")
    planned_statuses = fig.planned_statuses or [v for v, _ in status_field.choices if v not in NOT_PLANNED]
    by_status = Counter({row["status"]: row["n"] for row in rows.values("status").annotate(n=Count("id"))})
    planned = rows.filter(status__in=planned_statuses)

    def plan_vs_done(qs: Any) -> dict[str, Any]:
        quarter: dict[int, Counter] = {q: Counter() for q, _ in QUARTERS}
        total: Counter = Counter()
        for row in qs.values("status", "month_mask").annotate(n=Count("id")):
            done = row["status"] in fig.done_statuses
            total["planned"] += row["n"]
            total["done"] += row["n"] if done else 0
            for q in _quarters(row["month_mask"]):
                quarter[q]["planned"] += row["n"]
                quarter[q]["done"] += row["n"] if done else 0
        return {
            "planned": total["planned"],
            "done": total["done"],
            "by_quarter": [
                {"quarter": q, "label": label, "planned": quarter[q]["planned"], "done": quarter[q]["done"]}
                for q, label in QUARTERS
            ],
        }

    result: dict[str, Any] = {
        "registry": spec.prefix,
        "label": str(model._meta.verbose_name_plural),
        "appendix": fig.appendix,
        **plan_vs_done(planned),
        "by_status": [
            {"status": value, "label": str(label), "count": by_status.get(value, 0)}
            for value, label in status_field.choices
        ],
    }
    if fig.split_by:
        field: Any = model._meta.get_field(fig.split_by)
        result["split_by"] = fig.split_by
        result["groups"] = [
            {"value": value, "label": str(label), **plan_vs_done(planned.filter(**{fig.split_by: value}))}
            for value, label in field.choices
        ]
    if fig.region_field:
        regions: dict[str, Counter] = {}
        for row in planned.values("status", fig.region_field).annotate(n=Count("id", distinct=True)):
            cell = regions.setdefault(row[fig.region_field] or "", Counter())
            cell["planned"] += row["n"]
            cell["done"] += row["n"] if row["status"] in fig.done_statuses else 0
        labels = dict(Region.choices) | {"": gettext("Chưa xác định nước")}
        result["by_region"] = [
            {"region": key or None, "label": str(labels.get(key, key)), **regions[key]}
            for key in [*Region.values, ""]
            if key in regions
        ]
    return result


def year_figures(*, year: int, user: Any) -> dict[str, Any]:
    """Planned vs done per appendix, direction and quarter; counts by status; per region — for one year."""
    registries = []
    for spec in registered():
        if spec.figures is None:
            continue
        rows = spec.model._default_manager.restrict(user, "view").filter(year=year)  # type: ignore[attr-defined]
        registries.append(_count(spec, spec.figures, rows))
    return {
        "province": settings.PROVINCE_NAME,
        "year": year,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "registries": registries,
        # estimate, appraised, approved and spent (VND, as strings: exact decimals) by source, unit, kind, quarter
        "budget": budget_totals(year=year, user=user).as_dict(),
    }


def figure_years(*, user: Any) -> list[int]:
    """The plan years that hold records this user may see, newest first."""
    years: set[int] = set()
    for spec in registered():
        if spec.figures is not None:
            manager = spec.model._default_manager
            years |= set(manager.restrict(user, "view").values_list("year", flat=True).distinct())  # type: ignore[attr-defined]
    return sorted(years, reverse=True)


def api_token_expires_at(token: Any) -> dt.datetime | None:
    """When `token` stops being accepted: DOINGOAI_API_TOKEN_DAYS after it was created; None when they never expire."""
    days = settings.DOINGOAI_API_TOKEN_DAYS
    return token.created + dt.timedelta(days=days) if days > 0 else None
