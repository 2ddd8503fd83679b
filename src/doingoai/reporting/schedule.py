"""Suggesting a reporting period (label, dates, due date) from a reporting schedule.

A schedule is data: the settings default (`DOINGOAI_REPORTING_SCHEDULE`, "monthly:20,semiannual:06-15,
annual:12-15"), a `ReportingSchedule` row the administrator keeps (another province's "semiannual 05-25,
annual 10-10", or a programme's), or the `reporting` entries that `doingoai extract` finds in a programme.

Rules of the suggestion (the coordinator can change every value before opening the period):
- the period covers the calendar month, quarter, first half year or year; an ad hoc period runs from
  1 January to today;
- the due date is the schedule's day ("DD" for monthly reports, "MM-DD" otherwise) and counts as the last day
  on which a submission is on time; with `days_after` it is that many days after the period's end;
- when the due date falls inside the period (a first-half report due on 15/6), the period ends the day before:
  a report cannot cover days after it is sent.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.core.choices import QUARTER_LABELS
from doingoai.core.i18n import vietnamese
from doingoai.core.schedule import ScheduleEntry, entries_from_data, entries_from_setting
from doingoai.reporting.models import PeriodKind, ReportingSchedule

# When a schedule says nothing about a kind of period, the suggestion leaves this many days after its end.
FALLBACK_DAYS_AFTER = 10
DEFAULT_SCHEDULE_NAME = "Mặc định (cài đặt hệ thống)"


def default_entries() -> list[ScheduleEntry]:
    return entries_from_setting(settings.DOINGOAI_REPORTING_SCHEDULE)


def schedule_entries(schedule: ReportingSchedule | None, plan: Any = None) -> tuple[str, list[ScheduleEntry]]:
    """(name, entries) of a schedule; else of the plan's own reporting regime when it states one; else of the
    administrator's default schedule, else of the settings."""
    if schedule is None and plan is not None and plan.reporting:
        entries = entries_from_data(plan.reporting)
        if entries:
            return gettext("Chế độ báo cáo của %(display_title)s") % {"display_title": plan.display_title}, entries
    if schedule is None:
        schedule = ReportingSchedule.objects.filter(is_default=True).first()
    if schedule is None:
        return DEFAULT_SCHEDULE_NAME, default_entries()
    return schedule.name, entries_from_data(schedule.entries or [])


@dataclass(frozen=True)
class Suggestion:
    kind: str
    year: int
    label: str
    start: dt.date
    end: dt.date
    due_date: dt.date
    basis: str


def _day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def period_bounds(kind: str, year: int, *, month: int = 1, quarter: int = 1, today: dt.date) -> tuple[dt.date, dt.date]:
    if kind == PeriodKind.MONTHLY:
        return dt.date(year, month, 1), _day(year, month, 31)
    if kind == PeriodKind.QUARTERLY:
        first = 3 * (quarter - 1) + 1
        return dt.date(year, first, 1), _day(year, first + 2, 31)
    if kind == PeriodKind.SEMIANNUAL:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if kind == PeriodKind.ANNUAL:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    end = today if today.year == year else dt.date(year, 12, 31)
    return dt.date(year, 1, 1), max(end, dt.date(year, 1, 1))


def period_label(kind: str, year: int, *, month: int = 1, quarter: int = 1, today: dt.date) -> str:
    if kind == PeriodKind.MONTHLY:
        return f"Tháng {month} năm {year}"
    if kind == PeriodKind.QUARTERLY:
        return f"{vietnamese(QUARTER_LABELS[quarter])} năm {year}"
    if kind == PeriodKind.SEMIANNUAL:
        return f"6 tháng đầu năm {year}"
    if kind == PeriodKind.ANNUAL:
        return f"Năm {year}"
    return f"Báo cáo đột xuất ngày {today:%d/%m/%Y}"


def suggest_period(
    *,
    kind: str,
    year: int,
    entries: list[ScheduleEntry],
    schedule_name: str = DEFAULT_SCHEDULE_NAME,
    month: int = 1,
    quarter: int = 1,
    today: dt.date | None = None,
) -> Suggestion:
    """The label, dates and due date of a period of `kind` in `year`, as the schedule `entries` set them."""
    today = today or timezone.localdate()
    start, end = period_bounds(kind, year, month=month, quarter=quarter, today=today)
    entry = next((e for e in entries if e.period == kind), None)
    due: dt.date
    if entry and entry.due:
        parts = [int(p) for p in entry.due.split("-")]
        if len(parts) == 1:
            due = _day(year, month if kind == PeriodKind.MONTHLY else end.month, parts[0])
        else:
            due = _day(year, parts[0], parts[1])
        basis = gettext("Theo lịch “%(schedule_name)s”: %(entry)s.") % {
            "schedule_name": schedule_name,
            "entry": entry.describe(),
        }
    elif entry and entry.days_after is not None:
        due = end + dt.timedelta(days=entry.days_after)
        basis = gettext("Theo lịch “%(schedule_name)s”: %(entry)s.") % {
            "schedule_name": schedule_name,
            "entry": entry.describe(),
        }
    else:
        anchor = today if kind == PeriodKind.ADHOC else end
        due = anchor + dt.timedelta(days=FALLBACK_DAYS_AFTER)
        basis = gettext(
            "Lịch “%(schedule_name)s” không quy định kỳ này: đề xuất %(fallback_days_after)s ngày sau kỳ báo cáo."
        ) % {"schedule_name": schedule_name, "fallback_days_after": FALLBACK_DAYS_AFTER}
    if start <= due <= end:
        end = max(start, due - dt.timedelta(days=1))
    return Suggestion(
        kind=kind,
        year=year,
        label=period_label(kind, year, month=month, quarter=quarter, today=today),
        start=start,
        end=end,
        due_date=due,
        basis=basis,
    )


def entries_from_programme(reporting: Iterable[Mapping[str, Any]]) -> list[ScheduleEntry]:
    """The `reporting` entries `doingoai extract` found in a programme, completed from the default schedule.

    Programmes often say only "định kỳ (6 tháng, cuối năm) báo cáo" without a day: such an entry keeps the kind
    (and to whom) and takes its day from the default schedule; a kind the default does not date either is left out.
    """
    defaults = {e.period: e for e in default_entries()}
    result: list[ScheduleEntry] = []
    for entry in entries_from_data(reporting):
        if entry.due is None and entry.days_after is None:
            fallback = defaults.get(entry.period)
            if fallback is None:
                continue
            entry = ScheduleEntry(entry.period, fallback.due, fallback.days_after, entry.to)
        if all(e.period != entry.period for e in result):
            result.append(entry)
    return result
