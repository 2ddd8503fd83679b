"""The figures of every other registry a unit keeps, for its report (section "Các hoạt động đối ngoại khác").

Derived from the registry declarations (`core.registry.all_registries()`): every registry whose records belong to
a unit (`owner_field`) counts, except the four of the programme's appendices, which have their own sections. What
each counts comes from its declaration where it says it — the statuses that mean "carried out" from `Api.figures`,
personal data (`Access.PERSONS`: counts only, never names) from `access` — and from `PERIOD_FIGURES` below for
what declarations do not say: the noun, the date that places a record in the period, and the date it was received.
A registry added later counts at once (records received in the period, by their creation date) and is described
better by adding one line here.

For a period from `start` to `end` of year Y:
- *planned in the period*: for registries planned by year (a `year` field), Y's records past the draft and not
  dropped, whose planned months touch the period (a record without planned months counts in the whole year);
- *received in the period*: records whose `received_on` date falls in the period (cases, applications);
- *done in the period*: records whose `done_on` date falls in the period (and in a "done" status when known).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import NoReverseMatch

from doingoai.core.registry import Access, all_registries

if TYPE_CHECKING:
    from doingoai.reporting.selectors import Window

# The appendices of the programme: reported in their own sections.
OWN_SECTIONS = frozenset({"delegations.delegation", "conferences.conference", "agreements.agreement"})
NOT_PLANNED = ("draft", "proposed", "cancelled", "withdrawn", "refused")
MAX_ITEMS = 20


@dataclass(frozen=True)
class PeriodFigure:
    """What a registry's records count as in a unit's report."""

    label: str  # the line's title in the report
    done_on: str  # the date (or date-time) field that places a carried-out record in the period
    done_label: str  # "đã tổ chức", "đã phê duyệt"…
    done_statuses: tuple[str, ...] | None = None  # None: the declaration's Api.figures, else any status
    received_on: str | None = None  # the date a case or an application came in (counted apart)
    order: int = 100


# Keyed by "app_label.model_name". Ten groups of the issue: delegations out/in, conferences, agreements (own
# sections), aid, investment, events, training, consular, border, diaspora — and inspections, which the events app
# keeps too.
PERIOD_FIGURES: dict[str, PeriodFigure] = {
    "aid.aidproject": PeriodFigure(
        "Dự án ODA, vốn vay ưu đãi, viện trợ phi chính phủ nước ngoài",
        "approved_on",
        "đã phê duyệt",
        done_statuses=("approved", "implementing", "closed"),
        order=10,
    ),
    "aid.investmentopportunity": PeriodFigure(
        "Dự án kêu gọi đầu tư nước ngoài", "decision_date", "đã có nhà đầu tư", done_statuses=("awarded",), order=20
    ),
    "events.event": PeriodFigure("Sự kiện, hoạt động giao lưu đối ngoại", "start_date", "đã tổ chức", order=30),
    "events.trainingcourse": PeriodFigure(
        "Lớp tập huấn, bồi dưỡng nghiệp vụ đối ngoại", "start_date", "đã tổ chức", order=40
    ),
    "events.inspection": PeriodFigure(
        "Thanh tra, kiểm tra công tác đối ngoại", "concluded_on", "đã kết luận", order=50
    ),
    "consular.citizencase": PeriodFigure(
        "Vụ việc bảo hộ công dân", "closed_on", "đã giải quyết xong", received_on="opened_on", order=60
    ),
    "consular.apeccardapplication": PeriodFigure(
        "Hồ sơ thẻ đi lại của doanh nhân APEC (ABTC)",
        "card_issued_on",
        "đã cấp thẻ",
        received_on="submitted_on",
        order=70,
    ),
    "consular.foreignpressvisit": PeriodFigure(
        "Phóng viên nước ngoài đến hoạt động báo chí", "start_date", "đã đón", done_statuses=("done",), order=80
    ),
    "border.markerinspection": PeriodFigure("Kiểm tra mốc quốc giới", "inspected_on", "đã kiểm tra", order=90),
    "diaspora.overseasvietnamese": PeriodFigure(
        "Người Việt Nam ở nước ngoài được ghi nhận, kết nối", "created_at", "ghi nhận mới", order=100
    ),
}


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


def figure_of(reg: Any) -> PeriodFigure:
    """The declaration's figure, or the default of a registry not described above: records received in the
    period (by their creation date)."""
    key = f"{reg.app_label}.{reg.model_name}"
    figure = PERIOD_FIGURES.get(key)
    if figure is None:
        figure = PeriodFigure(str(reg.label), "created_at", "ghi nhận mới", order=500)
    if figure.done_statuses is None and reg.api is not None and reg.api.figures is not None:
        figure = PeriodFigure(
            figure.label,
            figure.done_on,
            figure.done_label,
            tuple(reg.api.figures.done_statuses) or None,
            figure.received_on,
            figure.order,
        )
    return figure


def counted_registries() -> list[Any]:
    """The registries a unit's report counts besides the appendices: those whose records belong to a unit."""
    regs = [
        reg
        for reg in all_registries()
        if getattr(reg.model, "owner_field", "") and f"{reg.app_label}.{reg.model_name}" not in OWN_SECTIONS
    ]
    return sorted(regs, key=lambda reg: (figure_of(reg).order, reg.label))


def registry_figures(*, unit: Any, window: Window, user: Any) -> list[dict[str, Any]]:
    """For each counted registry: planned (None when it is not planned by year), received, done in the period, and
    the records done (not for personal data)."""
    result = []
    for reg in counted_registries():
        model = reg.model
        figure = figure_of(reg)
        if _field(model, figure.done_on) is None:
            continue
        rows = model._default_manager.restrict(user, "view").filter(  # type: ignore[attr-defined]
            **{f"{model.owner_field}_id": unit.pk}
        )
        has_status = _field(model, "status") is not None
        planned: int | None = None
        if _field(model, "year") is not None and has_status:
            planned_statuses = reg.api.figures.planned_statuses if reg.api and reg.api.figures else None
            year_rows = rows.filter(year=window.year)
            year_rows = (
                year_rows.filter(status__in=planned_statuses)
                if planned_statuses
                else year_rows.exclude(status__in=NOT_PLANNED)
            )
            if _field(model, "month_mask") is not None:
                planned = sum(
                    1 for mask in year_rows.values_list("month_mask", flat=True) if window.touches(window.year, mask)
                )
            else:
                planned = year_rows.count()
        done = rows.filter(**_in_window(model, figure.done_on, window))
        if figure.done_statuses and has_status:
            done = done.filter(status__in=figure.done_statuses)
        received = (
            rows.filter(**_in_window(model, figure.received_on, window)).count()
            if figure.received_on and _field(model, figure.received_on) is not None
            else None
        )
        personal = reg.rights == Access.PERSONS
        done_rows = list(done.order_by(figure.done_on, "pk")[:MAX_ITEMS]) if not personal else []
        result.append(
            {
                "key": f"{reg.app_label}.{reg.model_name}",
                "label": figure.label,
                "planned": planned,
                "received": received,
                "done": done.count(),
                "done_label": figure.done_label,
                "items": [_item(obj, figure.done_on) for obj in done_rows],
            }
        )
    return result
