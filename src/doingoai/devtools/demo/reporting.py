"""Demo data of the reporting app: this year's first-half reporting period, moved through the services.

The period is opened by the coordinator with the due date the default schedule suggests (15/6) for the units
that own records in the demo. When the due date has passed, some units reported on time (accepted, or waiting
for review), some late, one was returned for more detail (officer1's unit: work waiting for the demo officer),
and some never reported (officer2's unit among them); before it, a few units have already reported. The
timestamps are moved back to the dates the story needs, since the services stamp "now". What the units write is
data/reporting.toml.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from doingoai.core.models import BusinessEvent
from doingoai.devtools.demo.records import read_toml
from doingoai.reporting import selectors, services
from doingoai.reporting.models import PeriodKind, ReportingSchedule, UnitReport, UnitReportVersion
from doingoai.reporting.schedule import schedule_entries, suggest_period

_TEXTS = read_toml("reporting.toml")
OTHER_TEXTS: list[str] = _TEXTS["other_texts"]
ASSESSMENT_TEXTS: list[str] = _TEXTS["assessment_texts"]
RETURN_COMMENT: str = _TEXTS["return_comment"]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _backdate_history(report: UnitReport, since: dt.datetime, when: dt.datetime) -> None:
    """The history rows written since `since` moved to `when`: the history tells the same day as the report."""
    report.history.filter(history_date__gte=since).update(history_date=when)


def _backdate(report: UnitReport, when: dt.datetime, due: dt.date, since: dt.datetime) -> None:
    """Move the (only) submission to `when`, as if the unit had sent it then, with its business event."""
    _backdate_history(report, since, when)
    on_time = timezone.localdate(when) <= due
    UnitReport.objects.filter(pk=report.pk).update(submitted_at=when, first_submitted_at=when)
    UnitReportVersion.objects.filter(report=report).update(submitted_at=when, on_time=on_time)
    BusinessEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(UnitReport), object_id=report.pk, verb="submit"
    ).update(created_at=when, summary="Nộp báo cáo lần 1" + ("" if on_time else " (sau hạn)"))
    report.refresh_from_db()


def _backdate_review(report: UnitReport, when: dt.datetime, since: dt.datetime) -> None:
    _backdate_history(report, since, when)
    UnitReport.objects.filter(pk=report.pk).update(reviewed_at=when)
    UnitReportVersion.objects.filter(report=report).update(reviewed_at=when)
    BusinessEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(UnitReport), object_id=report.pk, verb__in=["accept", "return"]
    ).update(created_at=when)


def build_reporting_demo(builder: Any) -> int:
    """Open this year's first-half period and play the units' reports; returns the number of unit reports."""
    today: dt.date = builder.today
    rng = builder.rng
    coordinator = builder.users["coordinator"]
    ReportingSchedule.objects.get_or_create(
        name="Lịch báo cáo của tỉnh Hà Tĩnh (ví dụ)",
        defaults={
            "source": "Ví dụ một tỉnh khác: báo cáo 6 tháng trước ngày 25/5, báo cáo năm trước ngày 10/10",
            "entries": [
                {"period": "semiannual", "due": "05-25", "days_after": None, "to": "Sở Ngoại vụ"},
                {"period": "annual", "due": "10-10", "days_after": None, "to": "Sở Ngoại vụ"},
            ],
        },
    )
    name, entries = schedule_entries(None)
    s = suggest_period(kind=PeriodKind.SEMIANNUAL, year=today.year, entries=entries, schedule_name=name, today=today)
    keys = sorted(k for k, officer in builder.officers.items() if builder.units[k].is_active and officer.unit_id)
    period = services.period_open(
        by=coordinator,
        kind=s.kind,
        year=s.year,
        label=s.label,
        start=s.start,
        end=s.end,
        due_date=s.due_date,
        units=[builder.units[k] for k in keys],
        basis=s.basis,
    )
    opened = min(_at(today, 8), _at(s.due_date - dt.timedelta(days=30), 8))
    type(period).objects.filter(pk=period.pk).update(opened_at=opened)
    reports = {r.unit_id: r for r in period.reports.all()}
    due_passed = today > s.due_date
    for i, key in enumerate(keys):
        officer = builder.officers[key]
        report = reports[builder.units[key].pk]
        if key == "congan":
            continue  # officer2's unit has not reported: the demo shows it overdue
        plan = "returned" if key == "sodulich" else ["accepted", "accepted", "submitted", "late", "missing"][i % 5]
        if not due_passed and plan in ("late", "missing", "returned", "accepted"):
            plan = "submitted" if i % 2 else "missing"
        if plan == "missing":
            continue
        texts = selectors.report_form_texts(
            report=report, facts=selectors.unit_report_facts(unit=report.unit, period=period, user=officer)
        )
        texts["other"] = rng.choice(OTHER_TEXTS)
        texts["assessment"] = rng.choice(ASSESSMENT_TEXTS)
        since = timezone.now()
        report = services.unit_report_submit(report=report, by=officer, texts=texts)
        builder.counts["workflow_steps"] += 1
        if plan == "late":
            when = _at(s.due_date + dt.timedelta(days=rng.randint(2, 12)), 15)
        else:
            earliest = max(opened.date() + dt.timedelta(days=1), s.due_date - dt.timedelta(days=12))
            latest = min(s.due_date, today)
            earliest = min(earliest, latest)
            when = _at(earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days)), 10)
        when = min(when, timezone.now())
        _backdate(report, when, s.due_date, since)
        since = timezone.now()
        if plan == "accepted":
            services.unit_report_accept(report=report, by=coordinator)
        elif plan == "returned":
            services.unit_report_return(report=report, by=coordinator, comment=RETURN_COMMENT)
        if plan in ("accepted", "returned"):
            builder.counts["workflow_steps"] += 1
            _backdate_review(report, min(when + dt.timedelta(days=2), timezone.now()), since)
    return period.reports.count()
