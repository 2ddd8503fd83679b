"""Every aid and investment workflow step: who may take it, from which statuses; the Decree 80/2020 start rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from doingoai.aid import services
from doingoai.aid.models import AidKind, AidProject, AidStatus, InvestmentOpportunity, InvestmentStatus
from doingoai.aid.selectors import aid_projects_start_late, public_investment_opportunities
from doingoai.core import rules
from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from tests.factories import AidProjectFactory, InvestmentOpportunityFactory, PartnerFactory

pytestmark = pytest.mark.django_db
S = AidStatus
I = InvestmentStatus  # noqa: E741

ALL_USERS = ("coordinator", "leader", "finance", "admin", "officer1", "officer2")
PROVINCE = {"coordinator", "admin"}
LEADERS = {"coordinator", "admin", "leader"}
APPRAISERS = {"coordinator", "admin", "finance"}
OWNER = {"coordinator", "admin", "officer1"}  # officer1 belongs to the managing unit

# name: (keyword arguments, who may take it, source statuses, target status)
AID_STEPS: dict[str, tuple[dict[str, Any], set[str], set[str], str]] = {
    "submit": ({}, OWNER, {S.DRAFT}, S.PROPOSED),
    "return_to_draft": ({"comment": "Bổ sung văn kiện dự án"}, PROVINCE, {S.PROPOSED, S.APPRAISED}, S.DRAFT),
    "appraise": (
        {"appraised_on": dt.date(2027, 3, 1), "appraisal_note": "Đủ điều kiện tiếp nhận"},
        APPRAISERS,
        {S.PROPOSED},
        S.APPRAISED,
    ),
    "approve": (
        {"approval_ref": "123/QĐ-UBND", "approved_on": dt.date(2027, 3, 15)},
        LEADERS,
        {S.APPRAISED},
        S.APPROVED,
    ),
    "start": ({"started_on": dt.date(2027, 4, 1)}, OWNER, {S.APPROVED}, S.IMPLEMENTING),
    "close": (
        {"closed_on": dt.date(2029, 12, 31), "result": "Hoàn thành 12 công trình nước sạch"},
        OWNER,
        {S.IMPLEMENTING},
        S.CLOSED,
    ),
    "cancel": ({"reason": "Nhà tài trợ rút"}, LEADERS, {S.DRAFT, S.PROPOSED, S.APPRAISED, S.APPROVED}, S.CANCELLED),
}
INVESTMENT_STEPS: dict[str, tuple[dict[str, Any], set[str], set[str], str]] = {
    "submit": ({}, OWNER, {I.DRAFT}, I.PROPOSED),
    "return_to_draft": ({"comment": "Bổ sung diện tích"}, PROVINCE, {I.PROPOSED}, I.DRAFT),
    "publish": ({"public": True}, PROVINCE, {I.PROPOSED}, I.OPEN),
    "start_talks": ({"investor_text": "Công ty TNHH Đầu tư ABC"}, OWNER, {I.OPEN}, I.IN_TALKS),
    "reopen": ({"reason": "Nhà đầu tư không tiếp tục"}, OWNER, {I.IN_TALKS}, I.OPEN),
    "award": (
        {"decision_ref": "456/QĐ-UBND", "decision_date": dt.date(2027, 9, 1), "investor_text": "Công ty ABC"},
        LEADERS,
        {I.OPEN, I.IN_TALKS},
        I.AWARDED,
    ),
    "withdraw": ({"reason": "Điều chỉnh quy hoạch"}, LEADERS, {I.PROPOSED, I.OPEN, I.IN_TALKS}, I.WITHDRAWN),
}
WORKFLOWS = {
    "aid": (AID_STEPS, services.AID_TRANSITIONS, services.AID_WORKFLOW.services, S, "aidproject"),
    "investment": (
        INVESTMENT_STEPS,
        services.INVESTMENT_TRANSITIONS,
        services.INVESTMENT_WORKFLOW.services,
        I,
        "investmentopportunity",
    ),
}


def make(users: dict, which: str) -> AidProject | InvestmentOpportunity:
    factory = AidProjectFactory if which == "aid" else InvestmentOpportunityFactory
    return factory(managing_unit=users["officer1"].unit)


def move(obj: Any, status: str) -> Any:
    type(obj).objects.filter(pk=obj.pk).update(status=status)
    obj.refresh_from_db()
    return obj


def events(obj: Any) -> list[str]:
    return list(BusinessEvent.objects.filter(object_id=obj.pk).values_list("verb", flat=True))


def run(which: str, step: str, obj: Any, by: Any, **overrides: Any) -> Any:
    steps, _, service_map, _, kwarg = WORKFLOWS[which]
    return service_map[step](**{kwarg: obj}, by=by, **{**steps[step][0], **overrides})


ALLOWED = [
    (which, step, role, source)
    for which, (steps, *_) in WORKFLOWS.items()
    for step, (_, roles, sources, _) in steps.items()
    for role in sorted(roles)
    for source in sorted(sources)
]
REFUSED_ROLES = [
    (which, step, role)
    for which, (steps, *_) in WORKFLOWS.items()
    for step, (_, roles, _, _) in steps.items()
    for role in ALL_USERS
    if role not in roles
]
WRONG_STATUSES = [
    (which, step, status)
    for which, (steps, _, _, status_choices, _) in WORKFLOWS.items()
    for step, (_, _, sources, _) in steps.items()
    for status in status_choices.values
    if status not in sources
]


@pytest.mark.parametrize("which", sorted(WORKFLOWS))
def test_every_transition_is_covered_by_a_service(which):
    steps, transitions, service_map, _, _ = WORKFLOWS[which]
    assert set(transitions) == set(service_map) == set(steps)


@pytest.mark.parametrize(("which", "step", "role", "source"), ALLOWED)
def test_step_allowed(users, which, step, role, source):
    obj = move(make(users, which), source)
    version = obj.version
    result = run(which, step, obj, users[role])
    target = WORKFLOWS[which][0][step][3]
    result.refresh_from_db()
    assert result.status == target
    assert result.version == version + 1
    assert events(result) == [step]
    assert BusinessEvent.objects.get(object_id=result.pk).actor == users[role]
    last = result.history.first()
    assert (last.history_user, last.status) == (users[role], target)
    assert last.history_change_reason == WORKFLOWS[which][1][step].label


@pytest.mark.parametrize(("which", "step", "role"), REFUSED_ROLES)
def test_step_refused_for_wrong_role(users, which, step, role):
    source = sorted(WORKFLOWS[which][0][step][2])[0]
    obj = move(make(users, which), source)
    with pytest.raises(StepPermissionDenied, match="không có quyền"):
        run(which, step, obj, users[role])
    obj.refresh_from_db()
    assert obj.status == source and events(obj) == []


@pytest.mark.parametrize(("which", "step", "status"), WRONG_STATUSES)
def test_step_refused_from_wrong_status(users, which, step, status):
    obj = move(make(users, which), status)
    with pytest.raises(WorkflowError) as raised:
        run(which, step, obj, users["coordinator"])
    assert not isinstance(raised.value, StepPermissionDenied)
    assert str(WORKFLOWS[which][3](status).label) in str(raised.value)
    obj.refresh_from_db()
    assert obj.status == status and events(obj) == []


@pytest.mark.parametrize("which", sorted(WORKFLOWS))
def test_inactive_and_anonymous_users_take_no_step(users, which):
    obj = make(users, which)
    inactive = users["coordinator"]
    inactive.is_active = False
    inactive.save()
    for user in (inactive, AnonymousUser(), None):
        with pytest.raises(StepPermissionDenied):
            run(which, "submit", obj, user)
    assert events(obj) == []


def test_officer_of_another_unit_cannot_start_the_project(users):
    aid = move(make(users, "aid"), S.APPROVED)
    with pytest.raises(StepPermissionDenied):
        run("aid", "start", aid, users["officer2"])
    assert run("aid", "start", aid, users["officer1"]).status == S.IMPLEMENTING


# --- values the steps check and record ----------------------------------------------------------------------


def test_appraise_and_approve_need_their_text(users):
    aid = move(make(users, "aid"), S.PROPOSED)
    with pytest.raises(WorkflowError, match="ý kiến thẩm định"):
        run("aid", "appraise", aid, users["finance"], appraisal_note="  ")
    aid = run("aid", "appraise", aid, users["finance"], appraisal_note=" Đồng ý ")
    assert (aid.appraisal_note, aid.appraised_on) == ("Đồng ý", dt.date(2027, 3, 1))
    with pytest.raises(WorkflowError, match="số quyết định"):
        run("aid", "approve", aid, users["leader"], approval_ref=" ")
    aid = run("aid", "approve", aid, users["leader"], approval_ref=" 99/QĐ-UBND ", approving_authority="Chủ tịch")
    assert (aid.approval_ref, aid.approved_on, aid.approving_authority) == (
        "99/QĐ-UBND",
        dt.date(2027, 3, 15),
        "Chủ tịch",
    )
    event = BusinessEvent.objects.get(object_id=aid.pk, verb="approve")
    assert "99/QĐ-UBND" in event.summary and "15/03/2027" in event.summary


def test_start_and_close_dates_follow_each_other(users):
    aid = make(users, "aid")
    AidProject.objects.filter(pk=aid.pk).update(status=S.APPROVED, approved_on=dt.date(2027, 3, 15))
    with pytest.raises(WorkflowError, match="trước ngày phê duyệt"):
        run("aid", "start", aid, users["officer1"], started_on=dt.date(2027, 3, 14))
    aid = run("aid", "start", aid, users["officer1"], started_on=dt.date(2027, 3, 15))
    with pytest.raises(WorkflowError, match="trước ngày bắt đầu"):
        run("aid", "close", aid, users["officer1"], closed_on=dt.date(2027, 3, 1))
    with pytest.raises(WorkflowError, match="kết quả thực hiện"):
        run("aid", "close", aid, users["officer1"], result=" ")
    aid = run("aid", "close", aid, users["officer1"])
    assert (aid.status, aid.result) == (S.CLOSED, "Hoàn thành 12 công trình nước sạch")
    assert events(aid) == ["close", "start"]


def test_investment_talks_and_award_keep_the_investor(users):
    opp = move(make(users, "investment"), I.OPEN)
    with pytest.raises(WorkflowError, match="nhà đầu tư"):
        run("investment", "start_talks", opp, users["officer1"], investor_text=" ")
    investor = PartnerFactory(name="Tập đoàn Đầu tư Gifu")
    opp = run("investment", "start_talks", opp, users["officer1"], investor=investor, investor_text="")
    assert opp.investor == investor
    with pytest.raises(WorkflowError, match="số quyết định"):
        run("investment", "award", opp, users["leader"], decision_ref=" ", investor_text="")
    opp = run("investment", "award", opp, users["leader"], investor_text="")
    assert (opp.status, opp.investor, opp.decision_ref) == (I.AWARDED, investor, "456/QĐ-UBND")
    assert "Tập đoàn Đầu tư Gifu" in BusinessEvent.objects.get(object_id=opp.pk, verb="award").summary


def test_award_without_any_investor_is_refused(users):
    opp = move(make(users, "investment"), I.OPEN)
    with pytest.raises(WorkflowError, match="nhà đầu tư"):
        run("investment", "award", opp, users["leader"], investor_text="")
    opp.refresh_from_db()
    assert opp.status == I.OPEN


def test_publish_may_keep_the_opportunity_off_the_public_page(users):
    hidden = run(
        "investment", "publish", move(make(users, "investment"), I.PROPOSED), users["coordinator"], public=False
    )
    shown = run("investment", "publish", move(make(users, "investment"), I.PROPOSED), users["coordinator"])
    assert hidden.status == shown.status == I.OPEN
    assert list(public_investment_opportunities()) == [shown]
    run("investment", "start_talks", shown, users["officer1"])
    assert list(public_investment_opportunities()) == []


# --- Decree 80/2020/NĐ-CP: NGO aid not started within 6 months of approval ----------------------------------


@pytest.mark.parametrize(
    ("approved_on", "deadline"),
    [
        (dt.date(2027, 1, 15), dt.date(2027, 7, 15)),
        (dt.date(2027, 8, 31), dt.date(2028, 2, 29)),  # leap year: the last day of February
        (dt.date(2026, 8, 31), dt.date(2027, 2, 28)),
        (dt.date(2026, 7, 31), dt.date(2027, 1, 31)),  # across the year
        (dt.date(2027, 12, 31), dt.date(2028, 6, 30)),
    ],
)
def test_start_deadline_adds_six_calendar_months(approved_on, deadline):
    aid = AidProject(kind=AidKind.NGO, approved_on=approved_on, status=S.APPROVED)
    assert aid.start_deadline == deadline == rules.ngo_aid_start_deadline(approved_on)
    assert not aid.is_start_late(deadline)  # the last day still counts
    assert aid.is_start_late(deadline + dt.timedelta(days=1))


def test_only_approved_ngo_aid_can_be_late():
    day = dt.date(2028, 1, 1)
    assert not AidProject(kind=AidKind.ODA, approved_on=dt.date(2020, 1, 1), status=S.APPROVED).is_start_late(day)
    assert not AidProject(kind=AidKind.LOAN, approved_on=dt.date(2020, 1, 1), status=S.APPROVED).is_start_late(day)
    assert AidProject(kind=AidKind.ODA, approved_on=dt.date(2020, 1, 1)).start_deadline is None
    for status in (S.IMPLEMENTING, S.CLOSED, S.CANCELLED, S.APPRAISED):
        assert not AidProject(kind=AidKind.NGO, approved_on=dt.date(2020, 1, 1), status=status).is_start_late(day)


def test_the_months_come_from_settings():
    from django.conf import settings

    with override_settings(DOINGOAI_RULES={**settings.DOINGOAI_RULES, "ngo_aid_start_months": 3}):
        aid = AidProject(kind=AidKind.NGO, approved_on=dt.date(2027, 1, 31), status=S.APPROVED)
        assert aid.start_deadline == dt.date(2027, 4, 30)


def test_late_selector_at_the_boundary_and_by_rights(users):
    late = AidProjectFactory(managing_unit=users["officer1"].unit, title="Viện trợ A")
    run("aid", "submit", late, users["officer1"])
    run("aid", "appraise", late, users["finance"])
    run("aid", "approve", late, users["leader"], approved_on=dt.date(2026, 8, 31))
    oda = AidProjectFactory(
        kind=AidKind.ODA, status=S.APPROVED, approved_on=dt.date(2026, 8, 31), managing_unit=users["officer1"].unit
    )
    started = AidProjectFactory(
        status=S.IMPLEMENTING, approved_on=dt.date(2026, 8, 31), managing_unit=users["officer1"].unit
    )
    coordinator = users["coordinator"]
    assert aid_projects_start_late(user=coordinator, today=dt.date(2027, 2, 28)) == []
    assert aid_projects_start_late(user=coordinator, today=dt.date(2027, 3, 1)) == [late]
    assert oda not in aid_projects_start_late(user=coordinator, today=dt.date(2030, 1, 1))
    assert started not in aid_projects_start_late(user=coordinator, today=dt.date(2030, 1, 1))
    # Approved records are published: every unit sees them, as on the list.
    assert aid_projects_start_late(user=users["officer2"], today=dt.date(2027, 3, 1)) == [late]
    run("aid", "start", late, users["officer1"], started_on=dt.date(2027, 3, 2))
    assert aid_projects_start_late(user=coordinator, today=dt.date(2027, 3, 3)) == []
