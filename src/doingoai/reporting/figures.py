"""The figures of every other registry a unit keeps, for its report (section "Các hoạt động đối ngoại khác").

Derived from the registry declarations (`core.registry.all_registries()`): every registry whose records belong to
a unit (`owner_field`) counts, except the four of the programme's appendices, which have their own sections. What
each counts comes from its declaration where it says it — the statuses that mean "carried out" from `Api.figures`,
personal data (`Access.PERSONS`: counts only, never names) from `access` — and from its `report` line
(`ReportFigure`: the noun, the date that places a record in the period, and the date it was received). A registry
added later counts at once (records received in the period, by their creation date) and is described better by
its own `report = ReportFigure(…)`.

For a period from `start` to `end` of year Y:
- *planned in the period*: for registries planned by year (a `year` field), Y's records past the draft and not
  dropped, whose planned months touch the period (a record without planned months counts in the whole year);
- *received in the period*: records whose `received_on` date falls in the period (cases, applications);
- *done in the period*: records whose `done_on` date falls in the period (and in a "done" status when known).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, Q
from django.urls import NoReverseMatch
from django.utils.translation import gettext

from doingoai.core.i18n import vietnamese
from doingoai.core.registry import Access, ReportFigure, all_registries

if TYPE_CHECKING:
    from doingoai.reporting.selectors import Window

# The appendices of the programme: reported in their own sections.
OWN_SECTIONS = frozenset({"delegations.delegation", "conferences.conference", "agreements.agreement"})
NOT_PLANNED = ("draft", "proposed", "cancelled", "withdrawn", "refused")
MAX_ITEMS = 20


def _field(model: type[models.Model], name: str) -> Any:
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _in_window(model: type[models.Model], name: str, window: Window) -> dict[str, Any]:
    """A filter placing `name` (a date or a date-time) between the window's first and last days."""
    lookup = f"{name}__date" if isinstance(_field(model, name), models.DateTimeField) else name
    return {f"{lookup}__gte": window.start, f"{lookup}__lte": window.end}


def _item(obj: Any, done_on: str) -> dict[str, Any]:
    day = getattr(obj, done_on, None)
    if isinstance(day, dt.datetime):
        day = day.date()
    try:
        url = obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):  # a registry without a detail page
        url = ""
    return {"id": obj.pk, "name": str(obj), "detail": f"{day:%d/%m/%Y}" if day else "", "url": url}


def figure_of(reg: Any) -> ReportFigure:
    """The declaration's figure, or the default of a registry not described above: records received in the
    period (by their creation date)."""
    figure = reg.report
    if figure is None:
        figure = ReportFigure(str(reg.label), "created_at", gettext("ghi nhận mới"), order=500)
    if figure.done_statuses is None and reg.api is not None and reg.api.figures is not None:
        figure = replace(figure, done_statuses=tuple(reg.api.figures.done_statuses) or None)
    return figure


def counted_registries() -> list[Any]:
    """The registries a unit's report counts besides the appendices: those whose records belong to a unit."""
    regs = [
        reg
        for reg in all_registries()
        if getattr(reg.model, "owner_field", "") and f"{reg.app_label}.{reg.model_name}" not in OWN_SECTIONS
    ]
    return sorted(regs, key=lambda reg: (figure_of(reg).order, reg.label))


def registry_figures(*, unit: Any, window: Window, user: Any, plan_kind: str | None = None) -> list[dict[str, Any]]:
    """For each counted registry: planned (None when it is not planned by year), received, done in the period, and
    the records done (not for personal data). With `plan_kind` (a plan other than the programme), only the
    registries whose figure names that kind of plan (`ReportFigure.plan_kinds`)."""
    result = []
    for reg in counted_registries():
        model = reg.model
        figure = figure_of(reg)
        if _field(model, figure.done_on) is None or (plan_kind is not None and plan_kind not in figure.plan_kinds):
            continue
        rows = model._default_manager.restrict(user, "view").filter(  # type: ignore[attr-defined]
            **{f"{model.owner_field}_id": unit.pk}
        )
        has_status = _field(model, "status") is not None
        # The counts of the period in one query (`Count(filter=…)`), not one query each.
        counts: dict[str, Any] = {}
        planned_rows = None
        if _field(model, "year") is not None and has_status:
            planned_statuses = reg.api.figures.planned_statuses if reg.api and reg.api.figures else None
            of_year = Q(year=window.year) & (
                Q(status__in=planned_statuses) if planned_statuses else ~Q(status__in=NOT_PLANNED)
            )
            if _field(model, "month_mask") is not None:
                planned_rows = rows.filter(of_year)
            else:
                counts["planned"] = Count("pk", filter=of_year)
        done_q = Q(**_in_window(model, figure.done_on, window))
        if figure.done_statuses and has_status:
            done_q &= Q(status__in=figure.done_statuses)
        counts["done"] = Count("pk", filter=done_q)
        if figure.received_on and _field(model, figure.received_on) is not None:
            counts["received"] = Count("pk", filter=Q(**_in_window(model, figure.received_on, window)))
        counted = rows.aggregate(**counts)
        planned: int | None = counted.get("planned")
        if planned_rows is not None:
            planned = sum(
                1 for mask in planned_rows.values_list("month_mask", flat=True) if window.touches(window.year, mask)
            )
        received = counted.get("received")
        done = rows.filter(done_q)
        personal = reg.rights == Access.PERSONS
        listed = not personal and counted["done"]  # nothing done: no query for the (empty) list
        done_rows = list(done.order_by(figure.done_on, "pk")[:MAX_ITEMS]) if listed else []
        result.append(
            {
                "key": f"{reg.app_label}.{reg.model_name}",
                # Stored with the report (a snapshot, and the consolidated .docx): in Vietnamese, whatever the
                # interface language of the user who submitted it.
                "label": vietnamese(figure.label),
                "planned": planned,
                "received": received,
                "done": counted["done"],
                "done_label": vietnamese(figure.done_label),
                "items": [_item(obj, figure.done_on) for obj in done_rows],
            }
        )
    return result
