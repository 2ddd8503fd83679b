"""The reporting demo: this year's first half with units on time, late, returned and missing."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from types import SimpleNamespace

import pytest

from doingoai.core.choices import Role
from doingoai.devtools.demo.reporting import build_reporting_demo
from doingoai.reporting.models import ReportingPeriod, ReportingSchedule
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db
KEYS = ["sodulich", "congan", "soyte", "sogddt", "socongthuong", "sovhtt", "sokhcn", "bdbp", "kyson", "vinh"]


def builder(users, today: dt.date) -> SimpleNamespace:
    units = {"sodulich": users["officer1"].unit, "congan": users["officer2"].unit}
    officers = {"sodulich": users["officer1"], "congan": users["officer2"]}
    for key in KEYS[2:]:
        units[key] = UnitFactory(name=f"Đơn vị {key}")
        officers[key] = UserFactory(username=f"canbo_{key}", role=Role.UNIT_OFFICER, unit=units[key])
    return SimpleNamespace(
        today=today, rng=random.Random(2026), users=users, units=units, officers=officers, counts=Counter()
    )


def test_after_the_due_date_units_are_on_time_late_returned_and_missing(users):
    b = builder(users, dt.date(2026, 11, 23))
    assert build_reporting_demo(b) == len(KEYS)
    period = ReportingPeriod.objects.get()
    assert (period.label, period.due_date) == ("6 tháng đầu năm 2026", dt.date(2026, 6, 15))
    today = dt.date(2026, 11, 23)
    states = {r.unit_id: r.display_key(today) for r in period.reports.all()}
    assert states[users["officer1"].unit_id] == "returned"
    assert states[users["officer2"].unit_id] == "missing"
    assert {"accepted", "on_time", "late", "missing", "returned"} <= set(states.values())
    late = [r for r in period.reports.all() if r.display_key(today) == "late"]
    assert all(r.first_submitted_at.date() > period.due_date for r in late)
    on_time = [r for r in period.reports.all() if r.display_key(today) in ("on_time", "accepted")]
    assert all(r.submitted_on_time() and r.versions.get().on_time for r in on_time)
    assert ReportingSchedule.objects.filter(name__contains="Hà Tĩnh").exists()


def test_before_the_due_date_nobody_is_late(users):
    b = builder(users, dt.date(2026, 6, 1))
    build_reporting_demo(b)
    period = ReportingPeriod.objects.get()
    states = Counter(r.display_key(dt.date(2026, 6, 1)) for r in period.reports.all())
    assert set(states) <= {"due", "on_time"} and states["on_time"] >= 1
    sent = [r.first_submitted_at.date() for r in period.reports.exclude(first_submitted_at=None)]
    assert all(period.opened_at.date() <= day <= dt.date(2026, 6, 1) for day in sent)
