"""What a record's dates and years may say, declared once on the model and checked on every write.

A model states its rule as ``timeline = Timeline(...)``; `BaseModel.clean_fields` (forms, the generic services,
the API) and `save_tracked` (workflow steps, imports, the demo) both apply it, so no path writes a delegation
"done" with a return date next month, a result filed before the trip ended, or a conference in year 1800.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

EARLIEST_DATE = dt.date(1900, 1, 1)  # no record of this province's foreign affairs is older
FIRST_PLAN_YEAR = 2000  # plan years (programmes, delegations, conferences…): none before
YEARS_AHEAD = 5  # …nor more than this many years after the current one


@dataclass(frozen=True)
class Timeline:
    happened: tuple[str, ...] = ()  # dates recording that something happened: never after today
    # Statuses in which the record has happened; `when_done` dates (a planned start) then have passed too.
    done_statuses: tuple[str, ...] = ()
    when_done: tuple[str, ...] = ()
    order: tuple[tuple[str, str], ...] = ()  # (earlier, later): when both are set, later is not before earlier
    year: str | None = None  # a plan year: from FIRST_PLAN_YEAR to YEARS_AHEAD years after this one
    year_to: str | None = None  # the last year of a plan over several years
    # Dates of the document that sets the plan (issued on): not after the plan's last year, nor more than
    # `lead_years` before its first.
    issued: tuple[str, ...] = ()
    lead_years: int = 2
    historic: tuple[str, ...] = ()  # dates that may be older than EARLIEST_DATE (a national figure's birth)


def today() -> dt.date:
    """The day the rule compares with (a function, so that tests can move the clock of this rule alone)."""
    return timezone.localdate()


def _label(obj: Any, name: str) -> str:
    return str(obj._meta.get_field(name).verbose_name)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, dt.date) else None


def problems(obj: Any, today: dt.date | None = None) -> Iterator[tuple[str, str]]:
    """(field name, Vietnamese message) for each date or year of `obj` that its timeline refuses."""
    today = today or globals()["today"]()
    rule: Timeline | None = getattr(type(obj), "timeline", None)
    historic = rule.historic if rule is not None else ()
    for field in obj._meta.concrete_fields:
        if field.get_internal_type() == "DateField" and field.name not in historic:
            value = _date(getattr(obj, field.attname, None))
            if value is not None and value < EARLIEST_DATE:
                yield (
                    field.name,
                    gettext("%(verbose_name)s %(value)s không hợp lệ (trước năm 1900).")
                    % {"verbose_name": field.verbose_name, "value": format(value, "%d/%m/%Y")},
                )
    if rule is None:
        return
    done = getattr(obj, "status", None) in rule.done_statuses
    for name in (*rule.happened, *(rule.when_done if done else ())):
        value = _date(getattr(obj, name))
        if value is not None and value > today:
            yield (
                name,
                gettext("%(field)s (%(value)s) không được sau ngày hôm nay: việc chưa diễn ra.")
                % {"field": _label(obj, name), "value": format(value, "%d/%m/%Y")},
            )
    for earlier, later in rule.order:
        first, second = _date(getattr(obj, earlier)), _date(getattr(obj, later))
        if first is not None and second is not None and second < first:
            yield (
                later,
                (
                    gettext("%(field)s (%(second)s) không được trước %(field_2)s (%(first)s).")
                    % {
                        "field": _label(obj, later),
                        "second": format(second, "%d/%m/%Y"),
                        "field_2": _label(obj, earlier).lower(),
                        "first": format(first, "%d/%m/%Y"),
                    }
                ),
            )
    last_year = today.year + YEARS_AHEAD
    year_name, year_to_name = rule.year or "", rule.year_to or ""
    year = getattr(obj, year_name) if year_name else None
    if isinstance(year, int) and not FIRST_PLAN_YEAR <= year <= last_year:
        yield (
            year_name,
            gettext("%(field)s phải từ %(first_plan_year)s đến %(last_year)s.")
            % {"field": _label(obj, year_name), "first_plan_year": FIRST_PLAN_YEAR, "last_year": last_year},
        )
        return
    year_to = getattr(obj, year_to_name) if year_to_name else None
    if isinstance(year, int) and isinstance(year_to, int) and year_to < year:
        yield (
            year_to_name,
            gettext("%(field)s không được trước năm %(year)s.") % {"field": _label(obj, year_to_name), "year": year},
        )
        return
    if isinstance(year, int):
        end = year_to if isinstance(year_to, int) else year
        for name in rule.issued:
            value = _date(getattr(obj, name))
            if value is None:
                continue
            if value.year > end:
                yield (
                    name,
                    gettext("%(field)s (%(value)s) không được sau năm cuối của kế hoạch (%(end)s).")
                    % {"field": _label(obj, name), "value": format(value, "%d/%m/%Y"), "end": end},
                )
            elif value.year < year - rule.lead_years:
                yield (
                    name,
                    (
                        gettext("%(field)s (%(value)s) quá sớm so với năm kế hoạch %(year)s (sớm nhất năm %(year_2)s).")
                        % {
                            "field": _label(obj, name),
                            "value": format(value, "%d/%m/%Y"),
                            "year": year,
                            "year_2": year - rule.lead_years,
                        }
                    ),
                )


def first_problem(obj: Any) -> str | None:
    return next((message for _, message in problems(obj)), None)
