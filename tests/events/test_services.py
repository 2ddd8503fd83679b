"""Every event, training course and inspection workflow step: who may take it, from which statuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.events import services
from doingoai.events.models import EventStatus, InspectionStatus, TrainingStatus
from doingoai.events.selectors import events_report_missing, inspection_list
from tests.factories import EventFactory, InspectionFactory, TrainingCourseFactory

pytestmark = pytest.mark.django_db

BUDGET_STEPS = {"appraise_budget", "return_budget", "settle"}
ALL_USERS = ("coordinator", "leader", "finance", "admin", "officer1", "officer2")
PROVINCE = {"coordinator", "admin"}
LEADERS = {"coordinator", "admin", "leader"}
OWNER = {"coordinator", "admin", "officer1"}  # officer1 belongs to the owning unit

E, T, N = EventStatus, TrainingStatus, InspectionStatus


def plan_steps(s: Any, hold: dict[str, Any]) -> dict[str, tuple[dict[str, Any], set[str], set[str], str]]:
    return {
        "submit": ({}, OWNER, {s.DRAFT}, s.PROPOSED),
        "return_to_draft": ({"comment": "Bổ sung kinh phí"}, PROVINCE, {s.PROPOSED}, s.DRAFT),
        "accept": ({}, PROVINCE, {s.PROPOSED}, s.PLANNED),
        "hold": (hold, OWNER, {s.PLANNED}, s.HELD),
        "report": ({"report": "Đạt mục tiêu đề ra"}, OWNER, {s.HELD}, s.REPORTED),
        "cancel": ({"reason": "Đối tác đề nghị hoãn"}, LEADERS, {s.DRAFT, s.PROPOSED, s.PLANNED}, s.CANCELLED),
    }


WORKFLOWS: dict[str, Any] = {
    "event": (
        plan_steps(E, {"start_date": dt.date(2027, 7, 10), "end_date": dt.date(2027, 7, 12), "participants_count": 40}),
        services.EVENT_TRANSITIONS,
        services.EVENT_WORKFLOW.services,
        E,
        lambda users: EventFactory(organising_unit=users["officer1"].unit),
    ),
    "trainingcourse": (
        plan_steps(T, {"start_date": dt.date(2027, 5, 4), "trainees_count": 58}),
        services.TRAINING_TRANSITIONS,
        services.TRAINING_WORKFLOW.services,
        T,
        lambda users: TrainingCourseFactory(organising_unit=users["officer1"].unit),
    ),
    "inspection": (
        {
            "submit": ({}, OWNER, {N.DRAFT}, N.PROPOSED),
            "return_to_draft": ({"comment": "Làm rõ phạm vi"}, PROVINCE, {N.PROPOSED}, N.DRAFT),
            "decide": (
                {"decision_ref": "15/QĐ-SNgV", "decision_date": dt.date(2027, 8, 1)},
                LEADERS,
                {N.PROPOSED},
                N.PLANNED,
            ),
            "start": ({"actual_start": dt.date(2027, 8, 10)}, OWNER, {N.PLANNED}, N.IN_PROGRESS),
            "conclude": (
                {
                    "actual_end": dt.date(2027, 8, 20),
                    "findings": "Hai đoàn chưa báo cáo kết quả đúng hạn",
                    "conclusion_ref": "20/KL-SNgV",
                    "concluded_on": dt.date(2027, 9, 5),
                },
                OWNER,
                {N.IN_PROGRESS},
                N.CONCLUDED,
            ),
            "cancel": (
                {"reason": "Đã thanh tra trong năm"},
                LEADERS,
                {N.DRAFT, N.PROPOSED, N.PLANNED, N.IN_PROGRESS},
                N.CANCELLED,
            ),
        },
        services.INSPECTION_TRANSITIONS,
        services.INSPECTION_WORKFLOW.services,
        N,
        lambda users: InspectionFactory(inspecting_unit=users["officer1"].unit, inspected_unit=users["officer2"].unit),
    ),
}


def move(obj: Any, status: str) -> Any:
    type(obj).objects.filter(pk=obj.pk).update(status=status)
    obj.refresh_from_db()
    return obj


def events(obj: Any) -> list[str]:
    return list(BusinessEvent.objects.filter(object_id=obj.pk).values_list("verb", flat=True))


def run(which: str, step: str, obj: Any, by: Any, **overrides: Any) -> Any:
    steps, _, service_map, _, _ = WORKFLOWS[which]
    return service_map[step](**{which: obj}, by=by, **{**steps[step][0], **overrides})


def make(users: dict, which: str) -> Any:
    return WORKFLOWS[which][4](users)


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
    for which, (steps, _, _, choices, _) in WORKFLOWS.items()
    for step, (_, _, sources, _) in steps.items()
    for status in choices.values
    if status not in sources
]


@pytest.mark.parametrize("which", sorted(WORKFLOWS))
def test_every_transition_is_covered_by_a_service(which):
    steps, transitions, service_map, _, _ = WORKFLOWS[which]
    # the budget steps (appraise, return, settle) are the finance app's, tested in tests/finance
    assert set(transitions) == set(service_map) == set(steps) | (BUDGET_STEPS if which == "event" else set())


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


# --- values the steps check and record ----------------------------------------------------------------------


def test_event_hold_records_dates_and_participants_then_report(users):
    event = move(make(users, "event"), E.PLANNED)
    # Held in the past: its report is filed today, which is after it (core.timeline).
    start = dt.date.today() - dt.timedelta(days=20)
    with pytest.raises(WorkflowError, match="không được trước ngày bắt đầu"):
        run("event", "hold", event, users["officer1"], start_date=start, end_date=start - dt.timedelta(days=9))
    event = run("event", "hold", event, users["officer1"], start_date=start, end_date=None, participants_count=None)
    assert (event.start_date, event.end_date, event.participants_count) == (
        start,
        start,
        None,
    )
    assert list(events_report_missing(user=users["coordinator"])) == [event]
    with pytest.raises(WorkflowError, match="không được để trống"):
        run("event", "report", event, users["officer1"], report="  ")
    event = run("event", "report", event, users["officer1"], report=" Ký kết 2 biên bản ")
    assert (event.status, event.report, event.reported_on) == (E.REPORTED, "Ký kết 2 biên bản", dt.date.today())
    assert list(events_report_missing(user=users["coordinator"])) == []


def test_training_hold_records_trainees(users):
    course = move(make(users, "trainingcourse"), T.PLANNED)
    course = run("trainingcourse", "hold", course, users["officer1"], end_date=dt.date(2027, 5, 6))
    assert (course.trainees_count, course.end_date) == (58, dt.date(2027, 5, 6))
    assert "58 học viên" in BusinessEvent.objects.get(object_id=course.pk, verb="hold").summary


def test_inspection_dates_and_texts_are_checked(users):
    inspection = move(make(users, "inspection"), N.PROPOSED)
    with pytest.raises(WorkflowError, match="số quyết định"):
        run("inspection", "decide", inspection, users["leader"], decision_ref=" ")
    inspection = run("inspection", "decide", inspection, users["leader"])
    with pytest.raises(WorkflowError, match="trước ngày quyết định"):
        run("inspection", "start", inspection, users["officer1"], actual_start=dt.date(2027, 7, 31))
    inspection = run("inspection", "start", inspection, users["officer1"])
    for bad, message in [
        ({"actual_end": dt.date(2027, 8, 9)}, "trước ngày bắt đầu"),
        ({"concluded_on": dt.date(2027, 8, 19)}, "Ngày kết luận"),
        ({"findings": " "}, "kết quả, phát hiện"),
        ({"conclusion_ref": ""}, "số kết luận"),
    ]:
        with pytest.raises(WorkflowError, match=message):
            run("inspection", "conclude", inspection, users["officer1"], **bad)
    inspection = run("inspection", "conclude", inspection, users["officer1"])
    assert (inspection.status, inspection.conclusion_ref, inspection.concluded_on) == (
        N.CONCLUDED,
        "20/KL-SNgV",
        dt.date(2027, 9, 5),
    )
    assert events(inspection) == ["conclude", "start", "decide"]


def test_inspected_unit_sees_the_inspection_once_decided_not_while_proposed(users):
    inspection = move(make(users, "inspection"), N.PROPOSED)
    assert inspection not in inspection_list(user=users["officer2"])
    run("inspection", "decide", inspection, users["leader"])
    assert inspection in inspection_list(user=users["officer2"])
