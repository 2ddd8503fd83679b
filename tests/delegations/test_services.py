"""Every delegation workflow step: allowed for the right people, refused (with a Vietnamese message) otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.delegations import services
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from tests.factories import DelegationFactory
from tests.finance.data import appraise, make_authorities

pytestmark = pytest.mark.django_db
S = DelegationStatus


@pytest.fixture
def draft(users):
    d = DelegationFactory(proposing_unit=users["officer1"].unit)
    return d


def move(delegation: Delegation, status: str) -> Delegation:
    Delegation.objects.filter(pk=delegation.pk).update(status=status)
    delegation.refresh_from_db()
    return delegation


def events(delegation: Delegation) -> list[str]:
    return list(BusinessEvent.objects.filter(object_id=delegation.pk).values_list("verb", flat=True))


def test_unit_submits_its_own_draft_and_history_names_it(users, draft):
    d = services.delegation_submit(delegation=draft, by=users["officer1"])
    assert d.status == S.PROPOSED
    assert events(d) == ["submit"]
    last = d.history.first()
    assert last.history_user == users["officer1"]
    assert last.status == S.PROPOSED
    assert last.prev_record.status == S.DRAFT


def test_other_unit_cannot_submit(users, draft):
    with pytest.raises(StepPermissionDenied, match="không có quyền"):
        services.delegation_submit(delegation=draft, by=users["officer2"])
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert events(draft) == []


@pytest.mark.parametrize("role", ["leader", "finance", "officer1"])
def test_only_coordinator_puts_into_plan(users, draft, role):
    move(draft, S.PROPOSED)
    with pytest.raises(StepPermissionDenied):
        services.delegation_include_in_plan(delegation=draft, by=users[role])
    assert services.delegation_include_in_plan(delegation=draft, by=users["coordinator"]).status == S.IN_PLAN


def test_cannot_put_a_draft_into_plan(users, draft):
    with pytest.raises(WorkflowError, match="Dự thảo"):
        services.delegation_include_in_plan(delegation=draft, by=users["coordinator"])


def test_return_to_draft_keeps_comment(users, draft):
    move(draft, S.PROPOSED)
    d = services.delegation_return_to_draft(delegation=draft, by=users["coordinator"], comment="Bổ sung thành phần")
    assert d.status == S.DRAFT and d.status_note == "Bổ sung thành phần"


def test_leader_approves_with_decision(users, draft):
    make_authorities(users)
    move(draft, S.IN_PLAN)
    draft = appraise(draft, users)
    day = dt.date(2026, 1, 5)
    with pytest.raises(StepPermissionDenied):
        services.delegation_approve(delegation=draft, by=users["finance"], decision_ref="1/QĐ", decision_date=day)
    with pytest.raises(WorkflowError, match="số quyết định"):
        services.delegation_approve(delegation=draft, by=users["leader"], decision_ref="  ", decision_date=day)
    with pytest.raises(WorkflowError, match="chưa đến"):
        services.delegation_approve(
            delegation=draft, by=users["leader"], decision_ref="1/QĐ", decision_date=dt.date(2099, 1, 1)
        )
    d = services.delegation_approve(delegation=draft, by=users["leader"], decision_ref="123/QĐ-UBND", decision_date=day)
    assert (d.status, d.decision_ref, d.decision_date) == (S.APPROVED, "123/QĐ-UBND", day)
    event = BusinessEvent.objects.get(object_id=d.pk, verb="approve")
    assert event.actor == users["leader"] and "123/QĐ-UBND" in event.summary


def test_complete_then_report_and_late_rule(users, draft):
    move(draft, S.APPROVED)
    with pytest.raises(WorkflowError, match="không được trước"):
        services.delegation_complete(
            delegation=draft, by=users["officer1"], actual_start=dt.date(2026, 5, 10), actual_end=dt.date(2026, 5, 1)
        )
    d = services.delegation_complete(
        delegation=draft, by=users["officer1"], actual_start=dt.date(2026, 5, 1), actual_end=dt.date(2026, 5, 5)
    )
    assert d.status == S.DONE and d.report_due == dt.date(2026, 5, 20)
    assert not d.is_report_late(dt.date(2026, 5, 20))  # the 15th day is still on time
    assert d.is_report_late(dt.date(2026, 5, 21))
    with pytest.raises(StepPermissionDenied):
        services.delegation_report_result(delegation=d, by=users["officer2"], result_report="x")
    d = services.delegation_report_result(delegation=d, by=users["officer1"], result_report="Đã làm việc với Sở Y tế")
    assert d.result_reported_on is not None and not d.is_report_late(dt.date(2026, 6, 30))


def test_inbound_delegation_has_no_report_deadline(users, draft):
    Delegation.objects.filter(pk=draft.pk).update(direction=Direction.IN)
    draft.refresh_from_db()
    move(draft, S.APPROVED)
    d = services.delegation_complete(
        delegation=draft, by=users["coordinator"], actual_start=dt.date(2026, 5, 1), actual_end=dt.date(2026, 5, 5)
    )
    assert d.report_due is None


def test_postpone_resume_cancel(users, draft):
    move(draft, S.IN_PLAN)
    with pytest.raises(StepPermissionDenied):
        services.delegation_postpone(delegation=draft, by=users["officer1"], reason="Đối tác đề nghị lùi")
    d = services.delegation_postpone(delegation=draft, by=users["leader"], reason="Đối tác đề nghị lùi")
    assert d.status == S.POSTPONED
    d = services.delegation_resume(delegation=d, by=users["coordinator"])
    assert d.status == S.IN_PLAN
    d = services.delegation_cancel(delegation=d, by=users["leader"], reason="Không còn phù hợp")
    assert d.status == S.CANCELLED
    with pytest.raises(WorkflowError, match="Hủy"):
        services.delegation_cancel(delegation=d, by=users["leader"], reason="lần nữa")
    assert events(d) == ["cancel", "resume", "postpone"]


def test_done_cannot_be_postponed(users, draft):
    move(draft, S.DONE)
    with pytest.raises(WorkflowError):
        services.delegation_postpone(delegation=draft, by=users["coordinator"], reason="x")


def test_every_transition_is_covered_by_a_service():
    assert set(services.TRANSITIONS) == set(services.WORKFLOW.services)
