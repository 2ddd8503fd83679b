"""The compliance page's "overdue now" (reporting.deadlines.overdue_unit_deadlines, read as columns for the rules
that allow it) is exactly `deadline_list`'s overdue deadlines of a unit, in its order, for each role; and the page
shows them as before, unit by unit."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.urls import reverse

from doingoai.agreements.models import AgreementStatus
from doingoai.delegations.models import DelegationStatus
from doingoai.reporting import selectors
from doingoai.reporting.deadlines import deadline_list, overdue_unit_deadlines
from tests.factories import AgreementFactory, DelegationFactory
from tests.reporting.test_deadline_page import TODAY, many  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def more(users, many):  # noqa: F811
    """Overdue opinions and a review past its date, of a unit (the `many` fixture's are of no unit)."""
    unit = users["officer1"].unit
    AgreementFactory(proposing_unit=unit, status=AgreementStatus.CONSULTED, consulted_on=TODAY - dt.timedelta(days=30))
    AgreementFactory(
        proposing_unit=unit,
        status=AgreementStatus.IN_FORCE,
        signed_on=TODAY - dt.timedelta(days=400),
        reported_on=TODAY - dt.timedelta(days=390),
        review_on=TODAY - dt.timedelta(days=5),
    )
    DelegationFactory(  # a name a %-format or the markup could spoil
        name="Đoàn 50% %(d)s <Lào> & “Thái”",
        proposing_unit=unit,
        status=DelegationStatus.DONE,
        actual_start=TODAY - dt.timedelta(days=60),
        actual_end=TODAY - dt.timedelta(days=55),
    )


def reference(user):
    return [d for d in deadline_list(user=user, today=TODAY) if d.unit is not None and d.is_overdue(TODAY)]


@pytest.mark.parametrize("role", ["coordinator", "leader", "officer1", "officer2"])
def test_overdue_deadlines_are_deadline_lists(users, more, role):
    user = users[role]
    want = reference(user)
    if role in ("coordinator", "leader"):  # every way of reading them: values, light records, full records
        assert {d.kind for d in want} >= {"delegation_report", "agreement_report", "conference_permit"}
        assert {"agreement_opinions", "agreement_review"} <= {d.kind for d in want}
    else:
        assert len({d.kind for d in want}) >= 2
    got = overdue_unit_deadlines(user=user, today=TODAY)
    assert got == want
    assert [(d.title, d.url, d.unit.name, d.kind_label, d.responsible) for d in got] == [
        (d.title, d.url, d.unit.name, d.kind_label, d.responsible) for d in want
    ]


@pytest.mark.parametrize("role", ["coordinator", "officer1"])
def test_compliance_page_lists_each_units_overdue_deadlines(users, more, role, client_for, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    user = users[role]
    by_unit: dict[int, list] = {}
    for d in reference(user):
        by_unit.setdefault(d.unit.pk, []).append(d)
    rows = selectors.compliance(user=user, today=TODAY)
    assert {r.unit.pk: r.overdue_now for r in rows if r.overdue_now} == by_unit
    page = client_for(role).get(reverse("reporting:compliance")).content.decode()
    for unit_deadlines in by_unit.values():
        cell = "".join(
            f'<div><a href="{html.escape(d.url)}">{html.escape(d.title)}</a> '
            f'<span class="text-danger">(hạn {d.due:%d/%m/%Y})</span></div>'
            for d in unit_deadlines
        )
        assert f'<td class="small overdue">{cell}</td>' in page
