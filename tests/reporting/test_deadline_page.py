"""The deadline page, a group at a time (reporting.deadlines.deadline_page): its pages put together are exactly
the deadlines `deadline_list` gives, in the same groups, ordered by due date, kind and record, for each role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.agreements.models import AgreementStatus
from doingoai.conferences.models import ConferenceStatus
from doingoai.delegations.models import DelegationStatus
from doingoai.reporting.deadlines import GROUPS, LATER, OVERDUE, SOON, _ident, deadline_list, deadline_page
from tests.factories import AgreementFactory, ConferenceFactory, DelegationFactory
from tests.reporting.conftest import H1_DUE

pytestmark = pytest.mark.django_db
TODAY = H1_DUE
SOON_DAY = TODAY + dt.timedelta(days=3)


@pytest.fixture
def many(users, period):
    make_many(users)


def make_many(users):
    """Reports, permits and agreements' deadlines of units A and B, overdue, soon and later (besides `period`'s)."""
    units = [users["officer1"].unit, users["officer2"].unit]
    for i in range(-25, 30, 3):  # returned 25 days ago … in a month: overdue, soon and later reports
        DelegationFactory(
            proposing_unit=units[i % 2],
            status=DelegationStatus.DONE,
            actual_start=TODAY + dt.timedelta(days=i - 20),
            actual_end=TODAY + dt.timedelta(days=i - 15),
        )
    for i in range(-5, 60, 7):
        ConferenceFactory(
            organising_unit=units[i % 2], status=ConferenceStatus.PROPOSED, start_date=TODAY + dt.timedelta(days=i + 30)
        )
    ConferenceFactory(status=ConferenceStatus.PROPOSED, start_date=None, time_text="")  # no date: no deadline
    for i, months in enumerate(("Tháng 1", "Quý II/Quý III", "Tháng 12")):  # dated by their first planned month
        ConferenceFactory(
            organising_unit=units[i % 2],
            status=ConferenceStatus.PROPOSED,
            year=TODAY.year + 1 if i else TODAY.year,
            start_date=None,
            time_text=months,
        )
    for i in range(0, 40, 9):
        AgreementFactory(
            proposing_unit=units[i % 2],
            status=AgreementStatus.SIGNED,
            signed_on=TODAY - dt.timedelta(days=i),
        )
    AgreementFactory(status=AgreementStatus.CONSULTED, consulted_on=TODAY - dt.timedelta(days=20))


def expected(user, kinds=None):
    groups = {g: [] for g in GROUPS}
    for d in deadline_list(user=user, today=TODAY, kinds=kinds):
        group = OVERDUE if d.is_overdue(TODAY) else SOON if TODAY <= d.due <= SOON_DAY else LATER
        groups[group].append(d)
    return {g: sorted(ds, key=lambda d: (d.due, d.kind, _ident(d))) for g, ds in groups.items()}


@pytest.mark.parametrize(
    ("role", "kinds"),
    [
        ("coordinator", None),
        ("officer1", None),
        ("officer2", None),
        ("leader", {"delegation_report"}),
        ("officer1", {"conference_permit", "agreement_opinions"}),
    ],
)
def test_the_pages_of_each_group_are_the_deadline_list(users, many, role, kinds):
    user = users[role]
    want = expected(user, kinds)
    assert sum(len(v) for v in want.values()) > (3 if kinds is None else 0)
    for group in GROUPS:
        got, page = [], 1
        while True:
            (part,) = deadline_page(
                user=user, today=TODAY, soon=SOON_DAY, kinds=kinds, groups=(group,), page=page, per_page=4
            )
            assert part.total == len(want[group])
            assert part.first == 4 * (page - 1) + 1
            got += part.deadlines
            if len(got) >= part.total or not part.deadlines:
                break
            page += 1
        assert [(d.key, d.due, d.title, d.url, d.unit) for d in got] == [
            (d.key, d.due, d.title, d.url, d.unit) for d in want[group]
        ]


def test_the_page_shows_each_groups_first_rows_its_total_and_the_way_on(users, many, client_for, monkeypatch):
    monkeypatch.setattr("doingoai.reporting.views.DEADLINES_PER_PAGE", 3)
    monkeypatch.setattr("doingoai.reporting.views.timezone.localdate", lambda: TODAY)
    want = expected(users["coordinator"])
    client = client_for("coordinator")
    response = client.get(reverse("reporting:deadlines"))
    groups = response.context["groups"]
    assert [g["total"] for g in groups] == [len(want[g]) for g in GROUPS]
    assert [[d.key for d in g["items"]] for g in groups] == [[d.key for d in want[g][:3]] for g in GROUPS]
    overdue = groups[0]
    assert overdue["next"] == "group=overdue&page=2" and not overdue["previous"]
    second = client.get(reverse("reporting:deadlines") + "?" + overdue["next"]).context["groups"]
    assert len(second) == 1 and [d.key for d in second[0]["items"]] == [d.key for d in want[OVERDUE][3:6]]
    assert second[0]["previous"] == "group=overdue&page=1"


def test_light_records_are_the_records_only_would_give(users):
    """`light_records` skips the model's __init__; the due dates, the deferred fields and the rest read the same."""
    from doingoai.conferences.models import Conference
    from doingoai.core.deadlines import light_records

    ConferenceFactory(status=ConferenceStatus.PROPOSED, start_date=dt.date(2026, 3, 2), has_foreign_high_level=True)
    ConferenceFactory(status=ConferenceStatus.DRAFT, start_date=None, time_text="Quý III", title="Hội thảo <b>&")
    fields = ("start_date", "year", "month_mask", "has_foreign_high_level", "sensitive_topics")
    records = Conference.objects.order_by("pk")
    light = list(light_records(records, fields))
    full = list(records.only("pk", *fields))
    assert [c.pk for c in light] == [c.pk for c in full] and len(light) == 2
    assert [c.apply_by for c in light] == [c.apply_by for c in full]
    assert all(c.apply_by for c in light)
    assert [c.title for c in light] == [c.title for c in Conference.objects.order_by("pk")]  # deferred: loaded
    assert not light[0]._state.adding and light[0]._state.db == "default"
