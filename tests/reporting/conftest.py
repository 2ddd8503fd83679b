"""Reporting tests keep uploads and built files in a temporary folder and run queued tasks at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.agreements.models import AgreementStatus
from doingoai.conferences.models import ConferenceStatus
from doingoai.delegations.models import DelegationStatus, Direction
from tests.factories import AgreementFactory, ConferenceFactory, DelegationFactory, UnitFactory


@pytest.fixture(autouse=True)
def _immediate_tasks_and_media(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOINGOAI_REMINDER_DAYS_BEFORE = 3
    settings.DOINGOAI_REPORTING_SCHEDULE = ["monthly:20", "semiannual:06-15", "annual:12-15"]


YEAR = 2027
H1_START, H1_END, H1_DUE = dt.date(2027, 1, 1), dt.date(2027, 6, 14), dt.date(2027, 6, 15)


@pytest.fixture
def clock(monkeypatch):
    """clock.set(datetime) freezes Django's "now" (services stamp submissions with it)."""

    class Clock:
        def set(self, when: dt.datetime) -> None:
            aware = timezone.make_aware(when) if timezone.is_naive(when) else when
            monkeypatch.setattr(timezone, "now", lambda: aware)

    return Clock()


@pytest.fixture
def unit_c(db):
    return UnitFactory(name="Sở Y tế")


@pytest.fixture
def registry(users, unit_c):
    """Known rows of 2027 for unit A (officer1), B (officer2) and C; the expected figures are worked out in the
    tests. Months: Quý I = 1–3, Quý II = 4–6; the first-half period runs 1/1–14/6/2027."""
    a, b, c = users["officer1"].unit, users["officer2"].unit, unit_c
    D, C, A = DelegationStatus, ConferenceStatus, AgreementStatus
    out, inn = Direction.OUT, Direction.IN

    def deleg(name, unit, direction, status, time_text, start=None, end=None, reported=None, year=YEAR):
        return DelegationFactory(
            name=name,
            proposing_unit=unit,
            direction=direction,
            status=status,
            time_text=time_text,
            actual_start=start,
            actual_end=end,
            result_reported_on=reported,
            year=year,
        )

    rows = {
        "D1": deleg("D1 khảo sát Lào", a, out, D.DONE, "Quý I", dt.date(2027, 3, 10), dt.date(2027, 3, 14)),
        "D2": deleg(
            "D2 xúc tiến", a, out, D.DONE, "Quý II", dt.date(2027, 5, 2), dt.date(2027, 5, 6), dt.date(2027, 5, 10)
        ),
        "D3": deleg("D3 hội chợ", a, out, D.APPROVED, "Quý II"),
        "D4": deleg("D4 giao lưu", a, out, D.POSTPONED, "Tháng 4"),
        "D5": deleg("D5 học tập", a, out, D.CANCELLED, "Tháng 5"),
        "D6": deleg("D6 quý ba", a, out, D.IN_PLAN, "Quý III"),
        "D7": deleg("D7 chưa rõ", a, out, D.IN_PLAN, ""),
        "D8": deleg("D8 dự thảo", a, out, D.DRAFT, "Quý I"),
        "D9": deleg("D9 đón đoàn", a, inn, D.DONE, "Tháng 2", dt.date(2027, 2, 1), dt.date(2027, 2, 3)),
        "D10": deleg("D10 cuối tháng 6", a, out, D.DONE, "Tháng 6", dt.date(2027, 6, 20), dt.date(2027, 6, 25)),
        "G1": deleg(
            "G1 năm trước",
            a,
            out,
            D.DONE,
            "Tháng 12",
            dt.date(2027, 1, 5),
            dt.date(2027, 1, 8),
            dt.date(2027, 1, 12),
            year=2026,
        ),
        "E1": deleg(
            "E1 công an", b, out, D.DONE, "Quý I", dt.date(2027, 3, 5), dt.date(2027, 3, 8), dt.date(2027, 3, 9)
        ),
        "E2": deleg("E2 đón đoàn", b, inn, D.IN_PLAN, "Tháng 3"),
        "E3": deleg("E3 hoãn", b, inn, D.POSTPONED, "Quý I"),
        "F1": deleg(
            "F1 y tế", c, out, D.DONE, "Tháng 1", dt.date(2027, 1, 12), dt.date(2027, 1, 15), dt.date(2027, 1, 20)
        ),
        "C1": ConferenceFactory(
            title="C1 hội thảo du lịch",
            organising_unit=a,
            status=C.HELD,
            time_text="Tháng 4",
            held_on=dt.date(2027, 4, 15),
            place="Vinh",
        ),
        "C2": ConferenceFactory(
            title="C2 tháng bảy",
            organising_unit=a,
            status=C.REPORTED,
            time_text="Tháng 7",
            held_on=dt.date(2027, 7, 1),
            reported_on=dt.date(2027, 7, 5),
        ),
        "C3": ConferenceFactory(title="C3 đề xuất", organising_unit=a, status=C.PROPOSED, time_text="Tháng 9"),
        "C4": ConferenceFactory(title="C4 hủy", organising_unit=b, status=C.CANCELLED, time_text="Tháng 3"),
        "C5": ConferenceFactory(title="C5 dự thảo", organising_unit=b, status=C.DRAFT, time_text="Tháng 2"),
        "A1": AgreementFactory(
            title="A1 ghi nhớ du lịch",
            proposing_unit=a,
            status=A.SIGNED,
            time_text="Quý II",
            signed_on=dt.date(2027, 6, 1),
        ),
        "A2": AgreementFactory(
            title="A2 có hiệu lực",
            proposing_unit=a,
            status=A.IN_FORCE,
            time_text="Tháng 2",
            signed_on=dt.date(2027, 2, 2),
            reported_on=dt.date(2027, 2, 5),
        ),
        "A3": AgreementFactory(
            title="A3 xin ý kiến",
            proposing_unit=b,
            status=A.CONSULTED,
            time_text="Quý III",
            consulted_on=dt.date(2027, 6, 1),
        ),
        "A4": AgreementFactory(title="A4 hủy", proposing_unit=b, status=A.CANCELLED, time_text="Tháng 5"),
    }
    return rows


@pytest.fixture
def period(users, unit_c):
    return open_first_half(users, unit_c)


def open_first_half(users, unit_c):
    """The first half of 2027 for units A, B and C, opened by the coordinator."""
    from doingoai.reporting import services

    return services.period_open(
        by=users["coordinator"],
        kind="semiannual",
        year=YEAR,
        label="6 tháng đầu năm 2027",
        start=H1_START,
        end=H1_END,
        due_date=H1_DUE,
        units=[users["officer1"].unit, users["officer2"].unit, unit_c],
    )
