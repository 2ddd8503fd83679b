"""States that must not be accepted (issue 16, points 2–3): the timeline each model declares, on every path."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.core.registry import registry_for
from doingoai.core.timeline import FIRST_PLAN_YEAR, YEARS_AHEAD, problems
from doingoai.core.workflow import WorkflowError
from doingoai.delegations import services
from doingoai.delegations.models import Delegation, DelegationStatus
from doingoai.events.models import Event
from doingoai.programs.models import Plan
from tests.factories import DelegationFactory

pytestmark = pytest.mark.real_clock


def _approved(users) -> Delegation:
    d = DelegationFactory(proposing_unit=users["officer1"].unit, year=timezone.localdate().year)
    Delegation.objects.filter(pk=d.pk).update(status=DelegationStatus.APPROVED)
    d.refresh_from_db()
    return d


@pytest.mark.django_db
def test_a_delegation_cannot_be_done_with_a_return_in_the_future(users):
    d = _approved(users)
    today = timezone.localdate()
    with pytest.raises(WorkflowError, match="không được sau ngày hôm nay"):
        services.delegation_complete(
            delegation=d, by=users["coordinator"], actual_start=today, actual_end=today + dt.timedelta(days=3)
        )
    d.refresh_from_db()
    assert d.status == DelegationStatus.APPROVED and d.actual_end is None  # nothing half-saved


@pytest.mark.django_db
def test_a_result_report_before_the_return_is_refused(users):
    d = _approved(users)
    today = timezone.localdate()
    d.actual_start, d.actual_end = today - dt.timedelta(days=5), today - dt.timedelta(days=1)
    d.result_reported_on = today - dt.timedelta(days=3)
    found = dict(problems(d))
    assert "result_reported_on" in found and "không được trước" in found["result_reported_on"]


@pytest.mark.django_db
def test_a_done_delegation_in_the_past_is_accepted(users):
    d = _approved(users)
    today = timezone.localdate()
    done = services.delegation_complete(
        delegation=d,
        by=users["coordinator"],
        actual_start=today - dt.timedelta(days=4),
        actual_end=today - dt.timedelta(days=1),
        result_report="Đạt mục đích",
    )
    assert done.status == DelegationStatus.DONE and done.result_reported_on == today


@pytest.mark.django_db
def test_an_event_held_is_not_in_the_future_but_a_planned_one_may_be(users):
    today = timezone.localdate()
    event = Event(year=today.year, start_date=today + dt.timedelta(days=10), status="planned")
    assert not [name for name, _ in problems(event) if name == "start_date"]
    event.status = "held"
    assert "start_date" in dict(problems(event))


@pytest.mark.django_db
def test_plan_years_and_issue_dates_are_plausible(users):
    this_year = timezone.localdate().year
    assert "year" in dict(problems(Event(year=1800)))
    assert "year" in dict(problems(Event(year=this_year + YEARS_AHEAD + 1)))
    assert "year" not in dict(problems(Event(year=FIRST_PLAN_YEAR)))
    plan = Plan(year=2027, issued_on=dt.date(1999, 5, 1))
    assert "quá sớm" in dict(problems(plan))["issued_on"]
    plan.issued_on = dt.date(2028, 1, 2)
    assert "năm cuối" in dict(problems(plan))["issued_on"]
    plan.issued_on = dt.date(2026, 12, 20)
    assert "issued_on" not in dict(problems(plan))


@pytest.mark.django_db
def test_the_form_names_the_refused_field(users):
    """Through the registry's form (web and API): the error sits on the field, not lost."""
    reg = registry_for(Delegation)
    data = reg.example(unit=users["officer1"].unit) or {}
    form_data = {
        k: (v.pk if hasattr(v, "pk") else [o.pk for o in v] if isinstance(v, list) else v) for k, v in data.items()
    }
    form_data["year"] = 1800
    form = reg.form_for(user=users["coordinator"], data=form_data)
    assert not form.is_valid()
    assert "từ 2000" in " ".join(form.errors["year"])
