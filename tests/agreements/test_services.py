"""Every agreement workflow step and the Law 70/2020/QH14 deadlines (opinions in 7 working days, report in 15 days)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings

from doingoai.agreements import services
from doingoai.agreements.models import Agreement, AgreementStatus
from doingoai.agreements.selectors import agreements_opinions_overdue, agreements_report_late
from doingoai.core import rules
from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db
S = AgreementStatus

ALL_USERS = ("coordinator", "leader", "finance", "admin", "officer1", "officer2")
PROVINCE = {"coordinator", "admin"}
LEADERS = {"coordinator", "admin", "leader"}
OWNER = {"coordinator", "admin", "officer1"}  # officer1 belongs to the proposing unit
SAME = None  # the step keeps the current status

# name: (keyword arguments, who may take it, source statuses, target status)
STEPS: dict[str, tuple[dict[str, Any], set[str], set[str], str | None]] = {
    "submit": ({}, OWNER, {S.DRAFT}, S.PROPOSED),
    "return_to_draft": ({"comment": "Bổ sung dự thảo tiếng Anh"}, PROVINCE, {S.PROPOSED}, S.DRAFT),
    "consult": (
        {"consulted_on": dt.date(2027, 3, 1), "consulted_bodies": " Bộ Ngoại giao "},
        PROVINCE,
        {S.PROPOSED},
        S.CONSULTED,
    ),
    "approve": (
        {"approval_ref": "55/QĐ-UBND", "approved_on": dt.date(2027, 3, 20)},
        LEADERS,
        {S.CONSULTED},
        S.APPROVED,
    ),
    "sign": ({"signed_on": dt.date(2027, 4, 2), "valid_until": dt.date(2032, 4, 2)}, OWNER, {S.APPROVED}, S.SIGNED),
    "record_report": ({"reported_on": dt.date(2027, 4, 10)}, OWNER, {S.SIGNED, S.IN_FORCE}, SAME),
    "review": (
        {"reviewed_on": dt.date(2031, 12, 1), "review_result": "Đề nghị gia hạn thêm 5 năm"},
        OWNER,
        {S.SIGNED, S.IN_FORCE},
        SAME,
    ),
    "bring_into_force": ({"effective_on": dt.date(2027, 4, 2)}, PROVINCE, {S.SIGNED}, S.IN_FORCE),
    "expire": ({"ended_on": dt.date(2029, 4, 2)}, PROVINCE, {S.IN_FORCE}, S.EXPIRED),
    "terminate": (
        {"ended_on": dt.date(2029, 1, 1), "reason": "Đối tác đề nghị chấm dứt"},
        LEADERS,
        {S.SIGNED, S.IN_FORCE},
        S.TERMINATED,
    ),
    "cancel": ({"reason": "Không ký nữa"}, LEADERS, {S.DRAFT, S.PROPOSED, S.CONSULTED, S.APPROVED}, S.CANCELLED),
}

ALLOWED = [
    (step, role, source)
    for step, (_, roles, sources, _) in STEPS.items()
    for role in sorted(roles)
    for source in sorted(sources)
]
REFUSED_ROLES = [(step, role) for step, (_, roles, _, _) in STEPS.items() for role in ALL_USERS if role not in roles]
WRONG_STATUSES = [
    (step, status) for step, (_, _, sources, _) in STEPS.items() for status in S.values if status not in sources
]


@pytest.fixture
def agreement(users):
    return AgreementFactory(proposing_unit=users["officer1"].unit)


def move(agreement: Agreement, status: str, **fields: Any) -> Agreement:
    Agreement.objects.filter(pk=agreement.pk).update(status=status, **fields)
    agreement.refresh_from_db()
    return agreement


def events(agreement: Agreement) -> list[str]:
    return list(BusinessEvent.objects.filter(object_id=agreement.pk).values_list("verb", flat=True))


def run(step: str, agreement: Agreement, by: Any, **overrides: Any) -> Agreement:
    kwargs = {**STEPS[step][0], **overrides}
    return services.WORKFLOW.services[step](agreement=agreement, by=by, **kwargs)


def test_every_transition_is_covered_by_a_service():
    assert set(services.TRANSITIONS) == set(services.WORKFLOW.services)
    assert set(STEPS) == set(services.TRANSITIONS)


@pytest.mark.parametrize(("step", "role", "source"), ALLOWED)
def test_step_allowed(users, agreement, step, role, source):
    move(agreement, source)
    version = agreement.version
    target = STEPS[step][3] or source
    a = run(step, agreement, users[role])
    assert a.status == target
    a.refresh_from_db()
    assert a.status == target
    assert a.version == version + 1
    assert events(a) == [step]
    assert BusinessEvent.objects.get(object_id=a.pk).actor == users[role]
    last = a.history.first()
    assert last.history_user == users[role]
    assert last.status == target
    assert last.history_change_reason == services.TRANSITIONS[step].label


@pytest.mark.parametrize(("step", "role"), REFUSED_ROLES)
def test_step_refused_for_wrong_role(users, agreement, step, role):
    source = sorted(STEPS[step][2])[0]
    move(agreement, source)
    with pytest.raises(StepPermissionDenied, match="không có quyền"):
        run(step, agreement, users[role])
    agreement.refresh_from_db()
    assert agreement.status == source
    assert events(agreement) == []


@pytest.mark.parametrize(("step", "status"), WRONG_STATUSES)
def test_step_refused_from_wrong_status(users, agreement, step, status):
    move(agreement, status)
    with pytest.raises(WorkflowError) as raised:
        run(step, agreement, users["coordinator"])
    assert not isinstance(raised.value, StepPermissionDenied)
    assert str(S(status).label) in str(raised.value)
    agreement.refresh_from_db()
    assert agreement.status == status
    assert events(agreement) == []


@pytest.mark.parametrize("step", sorted(STEPS))
def test_inactive_and_anonymous_users_take_no_step(users, agreement, step):
    from django.contrib.auth.models import AnonymousUser

    move(agreement, sorted(STEPS[step][2])[0])
    inactive = users["admin"]
    inactive.is_active = False
    inactive.save()
    for user in (inactive, AnonymousUser(), None):
        with pytest.raises(StepPermissionDenied):
            run(step, agreement, user)
    assert events(agreement) == []


def test_full_path_keeps_every_date(users, agreement):
    a = services.agreement_submit(agreement=agreement, by=users["officer1"])
    a = services.agreement_consult(
        agreement=a,
        by=users["coordinator"],
        consulted_on=dt.date(2027, 3, 1),
        consulted_bodies=" Bộ Ngoại giao, Bộ Công an ",
    )
    assert (a.status, a.consulted_on, a.consulted_bodies) == (
        S.CONSULTED,
        dt.date(2027, 3, 1),
        "Bộ Ngoại giao, Bộ Công an",
    )
    with pytest.raises(WorkflowError, match="số văn bản phê duyệt"):
        services.agreement_approve(agreement=a, by=users["leader"], approval_ref=" ", approved_on=dt.date(2027, 3, 20))
    a.refresh_from_db()
    assert a.status == S.CONSULTED
    a = services.agreement_approve(
        agreement=a, by=users["leader"], approval_ref=" 55/QĐ-UBND ", approved_on=dt.date(2027, 3, 20)
    )
    assert (a.status, a.approval_ref, a.approved_on) == (S.APPROVED, "55/QĐ-UBND", dt.date(2027, 3, 20))
    a = services.agreement_sign(agreement=a, by=users["officer1"], signed_on=dt.date(2027, 4, 2))
    assert (a.status, a.signed_on, a.valid_until) == (S.SIGNED, dt.date(2027, 4, 2), None)
    a = services.agreement_bring_into_force(agreement=a, by=users["coordinator"], effective_on=dt.date(2027, 4, 5))
    assert (a.status, a.effective_on) == (S.IN_FORCE, dt.date(2027, 4, 5))
    a = services.agreement_terminate(
        agreement=a, by=users["leader"], ended_on=dt.date(2028, 1, 1), reason="Hết nhu cầu"
    )
    assert (a.status, a.ended_on, a.status_note) == (S.TERMINATED, dt.date(2028, 1, 1), "Hết nhu cầu")
    assert events(a) == ["terminate", "bring_into_force", "sign", "approve", "consult", "submit"]


def test_return_to_draft_and_cancel_keep_the_note(users, agreement):
    move(agreement, S.PROPOSED)
    a = services.agreement_return_to_draft(agreement=agreement, by=users["coordinator"], comment="Sửa tên đối tác")
    assert (a.status, a.status_note) == (S.DRAFT, "Sửa tên đối tác")
    a = services.agreement_cancel(agreement=a, by=users["leader"], reason="Đối tác rút")
    assert (a.status, a.status_note) == (S.CANCELLED, "Đối tác rút")


def test_expire_records_the_end(users, agreement):
    move(agreement, S.IN_FORCE)
    a = services.agreement_expire(agreement=agreement, by=users["coordinator"], ended_on=dt.date(2029, 4, 2))
    assert (a.status, a.ended_on) == (S.EXPIRED, dt.date(2029, 4, 2))


# --- sign and record_report ---------------------------------------------------------------------------------------


def test_sign_refuses_valid_until_before_signed_on(users, agreement):
    move(agreement, S.APPROVED)
    with pytest.raises(WorkflowError, match="không được trước ngày ký"):
        services.agreement_sign(
            agreement=agreement, by=users["officer1"], signed_on=dt.date(2027, 4, 2), valid_until=dt.date(2027, 4, 1)
        )
    agreement.refresh_from_db()
    assert (agreement.status, agreement.signed_on) == (S.APPROVED, None)
    assert events(agreement) == []
    a = services.agreement_sign(
        agreement=agreement, by=users["officer1"], signed_on=dt.date(2027, 4, 2), valid_until=dt.date(2027, 4, 2)
    )  # the same day is allowed
    assert (a.status, a.valid_until) == (S.SIGNED, dt.date(2027, 4, 2))


@pytest.mark.parametrize("status", [S.SIGNED, S.IN_FORCE])
def test_record_report_keeps_the_status(users, agreement, status):
    move(agreement, status, signed_on=dt.date(2027, 4, 2))
    a = services.agreement_record_report(agreement=agreement, by=users["officer1"], reported_on=dt.date(2027, 4, 10))
    assert (a.status, a.reported_on) == (status, dt.date(2027, 4, 10))
    a.refresh_from_db()
    assert a.status == status
    assert a.history.first().status == status and a.history.first().history_user == users["officer1"]
    event = BusinessEvent.objects.get(object_id=a.pk)
    assert event.verb == "record_report" and event.data["from"] == event.data["to"] == status.label
    assert not a.is_report_late(dt.date(2030, 1, 1))


def test_record_report_refuses_a_date_before_signing(users, agreement):
    move(agreement, S.SIGNED, signed_on=dt.date(2027, 4, 2))
    with pytest.raises(WorkflowError, match="không được trước ngày ký"):
        services.agreement_record_report(agreement=agreement, by=users["officer1"], reported_on=dt.date(2027, 4, 1))
    agreement.refresh_from_db()
    assert (agreement.status, agreement.reported_on) == (S.SIGNED, None)
    assert events(agreement) == []
    a = services.agreement_record_report(agreement=agreement, by=users["officer1"], reported_on=dt.date(2027, 4, 2))
    assert a.reported_on == dt.date(2027, 4, 2)


# --- deadlines ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("consulted_on", "due"),
    [
        (dt.date(2027, 1, 4), dt.date(2027, 1, 13)),  # Monday → the Wednesday of the next week
        (dt.date(2027, 1, 8), dt.date(2027, 1, 19)),  # Friday: two weekends skipped
        (dt.date(2027, 1, 9), dt.date(2027, 1, 19)),  # Saturday counts from Monday, like Friday
        (dt.date(2026, 4, 27), dt.date(2026, 5, 8)),  # 30/4 (Thu) and 1/5 (Fri) skipped
        (dt.date(2027, 4, 27), dt.date(2027, 5, 7)),  # 30/4 (Fri) skipped, 1/5 is a Saturday anyway
        (dt.date(2026, 8, 28), dt.date(2026, 9, 10)),  # 1/9 (Tue) and 2/9 (Wed) skipped
        (dt.date(2027, 8, 27), dt.date(2027, 9, 9)),  # 1/9 (Wed) and 2/9 (Thu) skipped
        (dt.date(2026, 12, 28), dt.date(2027, 1, 7)),  # 1/1 of the next year skipped
    ],
)
def test_opinions_due_in_seven_working_days(consulted_on, due):
    assert rules.opinions_due(consulted_on) == due
    assert Agreement(consulted_on=consulted_on).opinions_due == due
    assert due.weekday() < 5


def test_opinions_due_follows_the_holiday_setting():
    friday = dt.date(2027, 1, 8)
    with override_settings(DOINGOAI_HOLIDAYS=["01-11", "01-12", " "]):
        assert rules.opinions_due(friday) == dt.date(2027, 1, 21)
    with override_settings(DOINGOAI_HOLIDAYS=[]):
        assert rules.opinions_due(dt.date(2026, 4, 27)) == dt.date(2026, 5, 6)
    with override_settings(DOINGOAI_RULES={**settings.DOINGOAI_RULES, "agreement_opinion_working_days": 1}):
        assert rules.opinions_due(friday) == dt.date(2027, 1, 11)


def test_no_dates_no_deadlines():
    a = Agreement()
    assert a.opinions_due is None and a.report_due is None and not a.is_report_late(dt.date(2030, 1, 1))


def test_report_due_fifteen_days_after_signing():
    a = Agreement(signed_on=dt.date(2027, 4, 2))
    assert a.report_due == dt.date(2027, 4, 17)
    assert not a.is_report_late(dt.date(2027, 4, 17))
    assert a.is_report_late(dt.date(2027, 4, 18))
    a.reported_on = dt.date(2027, 5, 1)
    assert not a.is_report_late(dt.date(2027, 5, 2))


def test_agreements_report_late_at_the_boundary(users, agreement):
    move(agreement, S.APPROVED)
    signed = services.agreement_sign(agreement=agreement, by=users["officer1"], signed_on=dt.date(2027, 4, 2))
    reported = AgreementFactory(status=S.SIGNED, signed_on=dt.date(2027, 4, 1), reported_on=dt.date(2027, 4, 5))
    AgreementFactory(status=S.APPROVED)  # not signed yet
    coordinator = users["coordinator"]
    assert list(agreements_report_late(user=coordinator, today=dt.date(2027, 4, 17))) == []
    assert list(agreements_report_late(user=coordinator, today=dt.date(2027, 4, 18))) == [signed]
    assert reported not in agreements_report_late(user=coordinator, today=dt.date(2030, 1, 1))
    # A signed agreement is public: other units' officers see it too.
    assert list(agreements_report_late(user=users["officer2"], today=dt.date(2027, 4, 18))) == [signed]
    services.agreement_record_report(agreement=signed, by=users["officer1"], reported_on=dt.date(2027, 4, 20))
    assert list(agreements_report_late(user=coordinator, today=dt.date(2027, 4, 21))) == []


def test_agreements_opinions_overdue_at_the_boundary(users, agreement):
    move(agreement, S.PROPOSED)
    consulted = services.agreement_consult(
        agreement=agreement, by=users["coordinator"], consulted_on=dt.date(2027, 1, 8), consulted_bodies="Bộ Ngoại giao"
    )
    assert consulted.opinions_due == dt.date(2027, 1, 19)
    AgreementFactory(status=S.APPROVED, consulted_on=dt.date(2027, 1, 8))  # opinions already in
    coordinator = users["coordinator"]
    assert agreements_opinions_overdue(user=coordinator, today=dt.date(2027, 1, 19)) == []
    assert agreements_opinions_overdue(user=coordinator, today=dt.date(2027, 1, 20)) == [consulted]
    services.agreement_approve(
        agreement=consulted, by=users["leader"], approval_ref="1/QĐ", approved_on=dt.date(2027, 1, 25)
    )
    assert agreements_opinions_overdue(user=coordinator, today=dt.date(2027, 1, 26)) == []


def test_record_report_with_a_stale_object_keeps_the_saved_status(users, agreement):
    stale = move(agreement, S.SIGNED, signed_on=dt.date(2027, 4, 2))
    Agreement.objects.filter(pk=agreement.pk).update(status=S.IN_FORCE)  # someone brought it into force meanwhile
    a = services.agreement_record_report(agreement=stale, by=users["officer1"], reported_on=dt.date(2027, 4, 10))
    a.refresh_from_db()
    assert a.status == S.IN_FORCE
