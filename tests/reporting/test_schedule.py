"""Suggested periods and due dates from a reporting schedule (settings default, another province's, a programme's)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from doingoai.core.workflow import WorkflowError
from doingoai.reporting.models import PeriodKind, ReportingSchedule
from doingoai.reporting.schedule import (
    DEFAULT_SCHEDULE_NAME,
    FALLBACK_DAYS_AFTER,
    ScheduleEntry,
    default_entries,
    entries_from_data,
    entries_from_setting,
    schedule_entries,
    suggest_period,
)

TODAY = dt.date(2026, 5, 10)
HA_TINH = [{"period": "semiannual", "due": "05-25"}, {"period": "annual", "due": "10-10"}]


def test_the_settings_schedule_is_monthly_20_semiannual_15_6_annual_15_12():
    assert default_entries() == [
        ScheduleEntry("monthly", "20"),
        ScheduleEntry("semiannual", "06-15"),
        ScheduleEntry("annual", "12-15"),
    ]


def test_first_half_report_is_due_15_6_and_covers_1_1_to_14_6():
    s = suggest_period(kind=PeriodKind.SEMIANNUAL, year=2026, entries=default_entries(), today=TODAY)
    assert (s.label, s.start, s.end, s.due_date) == (
        "6 tháng đầu năm 2026",
        dt.date(2026, 1, 1),
        dt.date(2026, 6, 14),
        dt.date(2026, 6, 15),
    )
    assert "15/6" in s.basis and DEFAULT_SCHEDULE_NAME in s.basis


def test_annual_report_is_due_15_12():
    s = suggest_period(kind=PeriodKind.ANNUAL, year=2026, entries=default_entries(), today=TODAY)
    assert (s.label, s.start, s.end, s.due_date) == (
        "Năm 2026",
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 14),
        dt.date(2026, 12, 15),
    )


def test_monthly_report_is_due_on_the_20th_of_its_month():
    s = suggest_period(kind=PeriodKind.MONTHLY, year=2026, entries=default_entries(), month=2, today=TODAY)
    assert (s.label, s.start, s.end, s.due_date) == (
        "Tháng 2 năm 2026",
        dt.date(2026, 2, 1),
        dt.date(2026, 2, 19),
        dt.date(2026, 2, 20),
    )


def test_another_provinces_schedule_25_5_and_10_10():
    entries = entries_from_data(HA_TINH)
    half = suggest_period(kind=PeriodKind.SEMIANNUAL, year=2027, entries=entries, schedule_name="Hà Tĩnh", today=TODAY)
    year = suggest_period(kind=PeriodKind.ANNUAL, year=2027, entries=entries, schedule_name="Hà Tĩnh", today=TODAY)
    assert (half.due_date, half.end) == (dt.date(2027, 5, 25), dt.date(2027, 5, 24))
    assert (year.due_date, year.end) == (dt.date(2027, 10, 10), dt.date(2027, 10, 9))
    assert "Hà Tĩnh" in year.basis and "10/10" in year.basis


def test_days_after_the_period_and_the_fallback():
    entries = entries_from_data([{"period": "quarterly", "due": None, "days_after": 5}])
    q = suggest_period(kind=PeriodKind.QUARTERLY, year=2026, entries=entries, quarter=2, today=TODAY)
    assert (q.label, q.start, q.end, q.due_date) == (
        "Quý II năm 2026",
        dt.date(2026, 4, 1),
        dt.date(2026, 6, 30),
        dt.date(2026, 7, 5),
    )
    adhoc = suggest_period(kind=PeriodKind.ADHOC, year=2026, entries=entries, today=TODAY)
    assert (adhoc.start, adhoc.end) == (dt.date(2026, 1, 1), TODAY)
    assert adhoc.due_date == TODAY + dt.timedelta(days=FALLBACK_DAYS_AFTER)
    assert "không quy định" in adhoc.basis


def test_malformed_entries_are_left_out_or_lose_their_day():
    entries = entries_from_data(
        [
            {"period": "weekly", "due": "05"},
            {"period": "semiannual", "due": "13-40"},
            {"period": "monthly", "due": "06-15"},
            {"period": "annual", "due": "12-15", "days_after": "x"},
        ]
    )
    assert entries == [
        ScheduleEntry("semiannual", None),
        ScheduleEntry("monthly", None),
        ScheduleEntry("annual", "12-15"),
    ]
    assert entries_from_setting(["adhoc:+7", "monthly:25"]) == [
        ScheduleEntry("adhoc", None, 7),
        ScheduleEntry("monthly", "25"),
    ]


def test_day_31_is_clipped_to_the_months_last_day():
    entries = entries_from_data([{"period": "monthly", "due": "31"}])
    s = suggest_period(kind=PeriodKind.MONTHLY, year=2026, entries=entries, month=2, today=TODAY)
    assert s.due_date == dt.date(2026, 2, 28) and s.end == dt.date(2026, 2, 27)


@pytest.mark.django_db
def test_the_administrators_default_schedule_replaces_the_settings():
    assert schedule_entries(None)[0] == DEFAULT_SCHEDULE_NAME
    ReportingSchedule.objects.create(name="Hà Tĩnh", entries=HA_TINH, is_default=True)
    name, entries = schedule_entries(None)
    assert name == "Hà Tĩnh"
    assert suggest_period(kind="semiannual", year=2026, entries=entries, today=TODAY).due_date == dt.date(2026, 5, 25)


PROGRAMME = {
    "document": {"number": "818/CTr-UBND", "year": 2022, "title": "CHƯƠNG TRÌNH HOẠT ĐỘNG ĐỐI NGOẠI NĂM 2022"},
    "reporting": [
        {"period": "semiannual", "due": None, "days_after": None, "to": "UBND tỉnh"},
        {"period": "annual", "due": "12-10", "days_after": None, "to": "UBND tỉnh"},
        {"period": "adhoc", "due": None, "days_after": None, "to": "UBND tỉnh"},
    ],
}
SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"


@pytest.mark.django_db
def test_an_imported_programme_fills_a_schedule(users):
    from doingoai.reporting.services import schedule_from_programme

    schedule = schedule_from_programme(extracted=PROGRAMME, by=users["coordinator"], make_default=True)
    assert schedule.name == "Chương trình 818/CTr-UBND (năm 2022)" and schedule.is_default
    # the undated 6-month entry takes 15/6 from the default; the programme's own 10/12 wins; ad hoc has no day
    assert [(e["period"], e["due"]) for e in schedule.entries] == [("semiannual", "06-15"), ("annual", "12-10")]
    name, entries = schedule_entries(None)
    assert name == schedule.name
    assert suggest_period(kind="annual", year=2027, entries=entries, today=TODAY).due_date == dt.date(2027, 12, 10)
    with pytest.raises(WorkflowError, match="không nêu kỳ báo cáo"):
        schedule_from_programme(extracted={"reporting": []}, by=users["coordinator"])


@pytest.mark.django_db
def test_the_schedule_command_reads_a_programme(tmp_path):
    seed = SEEDS / "002_e2a30e5f60fee777.txt"
    if not seed.exists():
        pytest.skip("the seeds folder is not here")
    out = io.StringIO()
    call_command("reporting_schedule", str(seed), "--name", "Nghệ An 2022", stdout=out)
    assert "báo cáo 6 tháng trước ngày 15/6" in out.getvalue()
    assert ReportingSchedule.objects.get(name="Nghệ An 2022").entries[0]["period"] == "semiannual"
    with pytest.raises(CommandError, match="Không đọc được"):
        call_command("reporting_schedule", str(tmp_path / "khong-co.docx"), stdout=io.StringIO())
