"""Every conference workflow step: who may take it, from which statuses, and the Decision 06/2020 deadlines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings

from doingoai.conferences import services
from doingoai.conferences.models import Conference, ConferenceStatus
from doingoai.conferences.selectors import conferences_permit_late
from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db
S = ConferenceStatus

ALL_USERS = ("coordinator", "leader", "finance", "admin", "officer1", "officer2")
PROVINCE = {"coordinator", "admin"}
LEADERS = {"coordinator", "admin", "leader"}
OWNER = {"coordinator", "admin", "officer1"}  # officer1 belongs to the organising unit

# name: (keyword arguments, who may take it, source statuses, target status)
STEPS: dict[str, tuple[dict[str, Any], set[str], set[str], str]] = {
    "submit": ({}, OWNER, {S.DRAFT}, S.PROPOSED),
    "return_to_draft": ({"comment": "Bổ sung danh sách đại biểu"}, PROVINCE, {S.PROPOSED}, S.DRAFT),
    "permit": (
        {"permit_ref": "1234/UBND-NV", "permit_date": dt.date(2027, 8, 1)},
        LEADERS,
        {S.PROPOSED, S.POSTPONED},
        S.PERMITTED,
    ),
    "hold": ({"held_on": dt.date(2027, 9, 10)}, OWNER, {S.PERMITTED}, S.HELD),
    "report": ({"report": "Hội thảo đã diễn ra thành công"}, OWNER, {S.HELD}, S.REPORTED),
    "postpone": ({"reason": "Đối tác đề nghị lùi thời gian"}, LEADERS, {S.PROPOSED, S.PERMITTED}, S.POSTPONED),
    "cancel": ({"reason": "Không còn phù hợp"}, LEADERS, {S.DRAFT, S.PROPOSED, S.PERMITTED, S.POSTPONED}, S.CANCELLED),
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
def conference(users):
    return ConferenceFactory(organising_unit=users["officer1"].unit)


def move(conference: Conference, status: str) -> Conference:
    Conference.objects.filter(pk=conference.pk).update(status=status)
    conference.refresh_from_db()
    return conference


def events(conference: Conference) -> list[str]:
    return list(BusinessEvent.objects.filter(object_id=conference.pk).values_list("verb", flat=True))


def run(step: str, conference: Conference, by: Any, **overrides: Any) -> Conference:
    kwargs = {**STEPS[step][0], **overrides}
    return services.WORKFLOW.services[step](conference=conference, by=by, **kwargs)


def test_every_transition_is_covered_by_a_service():
    assert set(services.TRANSITIONS) == set(services.WORKFLOW.services)
    # the budget steps (appraise, return, settle) are the finance app's, tested in tests/finance
    assert set(STEPS) | {"appraise_budget", "return_budget", "settle"} == set(services.TRANSITIONS)


@pytest.mark.parametrize(("step", "role", "source"), ALLOWED)
def test_step_allowed(users, conference, step, role, source):
    move(conference, source)
    version = conference.version
    c = run(step, conference, users[role])
    assert c.status == STEPS[step][3]
    c.refresh_from_db()
    assert c.status == STEPS[step][3]
    assert c.version == version + 1
    assert events(c) == [step]
    event = BusinessEvent.objects.get(object_id=c.pk)
    assert event.actor == users[role]
    last = c.history.first()
    assert last.history_user == users[role]
    assert last.status == STEPS[step][3]
    assert last.history_change_reason == services.TRANSITIONS[step].label


@pytest.mark.parametrize(("step", "role"), REFUSED_ROLES)
def test_step_refused_for_wrong_role(users, conference, step, role):
    source = sorted(STEPS[step][2])[0]
    move(conference, source)
    with pytest.raises(StepPermissionDenied, match="không có quyền"):
        run(step, conference, users[role])
    conference.refresh_from_db()
    assert conference.status == source
    assert events(conference) == []


@pytest.mark.parametrize(("step", "status"), WRONG_STATUSES)
def test_step_refused_from_wrong_status(users, conference, step, status):
    move(conference, status)
    with pytest.raises(WorkflowError) as raised:
        run(step, conference, users["coordinator"])
    assert not isinstance(raised.value, StepPermissionDenied)
    assert str(S(status).label) in str(raised.value)
    conference.refresh_from_db()
    assert conference.status == status
    assert events(conference) == []


@pytest.mark.parametrize("step", sorted(STEPS))
def test_inactive_and_anonymous_users_take_no_step(users, conference, step):
    from django.contrib.auth.models import AnonymousUser

    move(conference, sorted(STEPS[step][2])[0])
    inactive = users["coordinator"]
    inactive.is_active = False
    inactive.save()
    for user in (inactive, AnonymousUser(), None):
        with pytest.raises(StepPermissionDenied):
            run(step, conference, user)
    assert events(conference) == []


def test_officer_of_another_unit_cannot_submit_even_as_owner_step(users, conference):
    with pytest.raises(StepPermissionDenied):
        services.conference_submit(conference=conference, by=users["officer2"])
    assert services.conference_submit(conference=conference, by=users["officer1"]).status == S.PROPOSED


def test_return_to_draft_keeps_comment(users, conference):
    move(conference, S.PROPOSED)
    c = services.conference_return_to_draft(conference=conference, by=users["coordinator"], comment="Bổ sung")
    assert (c.status, c.status_note) == (S.DRAFT, "Bổ sung")
    assert BusinessEvent.objects.get(object_id=c.pk).data["comment"] == "Bổ sung"


def test_permit_records_reference_and_authority(users, conference):
    move(conference, S.PROPOSED)
    with pytest.raises(WorkflowError, match="số văn bản"):
        services.conference_permit(
            conference=conference, by=users["leader"], permit_ref="   ", permit_date=dt.date(2027, 8, 1)
        )
    conference.refresh_from_db()
    assert conference.status == S.PROPOSED and events(conference) == []
    c = services.conference_permit(
        conference=conference,
        by=users["leader"],
        permit_ref=" 99/UBND-NV ",
        permit_date=dt.date(2027, 8, 1),
        applied_on=dt.date(2027, 7, 1),
    )
    assert (c.status, c.permit_ref, c.permit_date, c.applied_on) == (
        S.PERMITTED,
        "99/UBND-NV",
        dt.date(2027, 8, 1),
        dt.date(2027, 7, 1),
    )
    event = BusinessEvent.objects.get(object_id=c.pk, verb="permit")
    assert event.data["authority"] == "chairman"
    assert "Chủ tịch UBND tỉnh" in event.summary and "99/UBND-NV" in event.summary and "01/08/2027" in event.summary


def test_permit_of_a_sensitive_conference_names_the_prime_minister(users, conference):
    Conference.objects.filter(pk=conference.pk).update(sensitive_topics=True)
    move(conference, S.PROPOSED)
    c = services.conference_permit(
        conference=conference, by=users["coordinator"], permit_ref="1/TTg-QHQT", permit_date=dt.date(2027, 8, 1)
    )
    event = BusinessEvent.objects.get(object_id=c.pk, verb="permit")
    assert event.data["authority"] == "prime_minister" and "Thủ tướng" in event.summary


def test_permit_after_postponement(users, conference):
    move(conference, S.PERMITTED)
    c = services.conference_postpone(conference=conference, by=users["leader"], reason="Lùi sang quý IV")
    assert (c.status, c.status_note) == (S.POSTPONED, "Lùi sang quý IV")
    c = services.conference_permit(
        conference=c, by=users["leader"], permit_ref="2/UBND", permit_date=dt.date(2027, 9, 1)
    )
    assert c.status == S.PERMITTED
    assert events(c) == ["permit", "postpone"]


def test_hold_then_report(users, conference):
    move(conference, S.PERMITTED)
    held = dt.date.today() - dt.timedelta(days=3)  # in the past: the report, filed today, comes after it
    c = services.conference_hold(conference=conference, by=users["officer1"], held_on=held)
    assert (c.status, c.held_on) == (S.HELD, held)
    with pytest.raises(WorkflowError, match="không được để trống"):
        services.conference_report(conference=c, by=users["officer1"], report="  ")
    c.refresh_from_db()
    assert c.status == S.HELD and c.reported_on is None
    c = services.conference_report(conference=c, by=users["officer1"], report=" Đã ký 3 biên bản ")
    assert (c.status, c.report, c.reported_on) == (S.REPORTED, "Đã ký 3 biên bản", dt.date.today())
    assert events(c) == ["report", "hold"]


def test_cancel_is_final(users, conference):
    c = services.conference_cancel(conference=conference, by=users["leader"], reason="Không tổ chức")
    assert (c.status, c.status_note) == (S.CANCELLED, "Không tổ chức")
    for step in STEPS:
        with pytest.raises(WorkflowError):
            run(step, c, users["admin"])
    assert events(c) == ["cancel"]


# --- Decision 06/2020/QĐ-TTg: who permits, and by when to apply -----------------------------------------------


@pytest.mark.parametrize(
    ("high_level", "sensitive", "code", "days"),
    [
        (False, False, "chairman", 30),
        (True, False, "prime_minister", 40),
        (False, True, "prime_minister", 40),
        (True, True, "prime_minister", 40),
    ],
)
def test_required_authority(high_level, sensitive, code, days):
    c = Conference(year=2027, has_foreign_high_level=high_level, sensitive_topics=sensitive)
    authority = c.required_authority
    assert (authority.code, authority.apply_days) == (code, days)
    assert authority.label == ("Thủ tướng Chính phủ" if code == "prime_minister" else "Chủ tịch UBND tỉnh")


def test_required_authority_follows_settings():
    rules = {"conference_pm_apply_days": 45, "conference_chairman_apply_days": 20}
    from django.conf import settings

    with override_settings(DOINGOAI_RULES={**settings.DOINGOAI_RULES, **rules}):
        assert Conference(year=2027).required_authority.apply_days == 20
        assert Conference(year=2027, sensitive_topics=True).required_authority.apply_days == 45
        # apply_by reads the days without the authority's labels (core.rules.conference_apply_days): the same days
        for high_level in (False, True):
            for sensitive in (False, True):
                c = Conference(year=2027, start_date=dt.date(2027, 6, 30), has_foreign_high_level=high_level,
                               sensitive_topics=sensitive)  # fmt: skip
                assert c.apply_by == c.start_date - dt.timedelta(days=c.required_authority.apply_days)


@pytest.mark.parametrize(
    ("start_date", "time_text", "sensitive", "planned_start", "apply_by"),
    [
        (dt.date(2027, 10, 15), "Tháng 9", False, dt.date(2027, 10, 15), dt.date(2027, 9, 15)),  # start date wins
        (dt.date(2027, 10, 15), "", True, dt.date(2027, 10, 15), dt.date(2027, 9, 5)),
        (None, "Tháng 9", False, dt.date(2027, 9, 1), dt.date(2027, 8, 2)),
        (None, "Tháng 9", True, dt.date(2027, 9, 1), dt.date(2027, 7, 23)),
        (None, "Quý II/Quý III", False, dt.date(2027, 4, 1), dt.date(2027, 3, 2)),  # the first planned month
        (None, "Tháng 1", False, dt.date(2027, 1, 1), dt.date(2026, 12, 2)),
        (None, "Chưa xác định", False, None, None),
        (None, "", True, None, None),
    ],
)
def test_apply_by(users, start_date, time_text, sensitive, planned_start, apply_by):
    c = ConferenceFactory(
        year=2027,
        start_date=start_date,
        time_text=time_text,
        sensitive_topics=sensitive,
        organising_unit=users["officer1"].unit,
    )
    assert c.planned_start == planned_start
    assert c.apply_by == apply_by


def test_apply_by_from_the_columns_is_the_planned_start_less_the_lead_time():
    """`permit_apply_by` (what the deadline page dates conferences by, from their columns) against the start date
    or the first of the planned `months`, less the authority's days, for every month mask and both authorities."""
    from doingoai.conferences.models import permit_apply_by

    for mask in range(4096):
        for high_level, sensitive in ((False, False), (True, False), (False, True)):
            for start_date in (None, dt.date(2027, 2, 28)):
                c = Conference(year=2027, month_mask=mask, start_date=start_date, has_foreign_high_level=high_level,
                               sensitive_topics=sensitive)  # fmt: skip
                start = start_date or (dt.date(2027, c.months[0], 1) if c.months else None)
                assert c.planned_start == start
                expected = start - dt.timedelta(days=c.required_authority.apply_days) if start else None
                assert permit_apply_by(start_date, 2027, mask, high_level, sensitive) == expected, mask
                assert c.apply_by == expected


def test_permit_late_query_agrees_with_the_apply_by_rule(users):
    """The query form of the rule against Conference.apply_by itself, over start dates and planned months
    around year and month ends, both authorities, and many days."""
    import random

    rng = random.Random(2027)
    unit = users["officer1"].unit
    made = []
    for _ in range(60):
        year = rng.choice([2026, 2027, 2028])
        start = dt.date(year, rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.4 else None
        made.append(
            ConferenceFactory(
                year=year,
                start_date=start,
                has_foreign_high_level=rng.random() < 0.3,
                sensitive_topics=rng.random() < 0.1,
                status=S.PROPOSED,
                organising_unit=unit,
            )
        )
    for c in made:  # planned months of every shape: none, January, December, a quarter, any
        if c.start_date is None:
            mask = rng.choice([0, 1, 2, 6, 1 << 11, 0b111 << 6, rng.randint(1, 4095)])
            Conference.objects.filter(pk=c.pk).update(month_mask=mask)
    rows = list(Conference.objects.filter(pk__in=[c.pk for c in made]))
    for today in [dt.date(2026, 11, 21), dt.date(2026, 12, 1), dt.date(2027, 1, 1)] + [
        dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 1100)) for _ in range(25)
    ]:
        expected = {c.pk for c in rows if c.apply_by and today > c.apply_by}
        got = {c.pk for c in conferences_permit_late(user=users["coordinator"], today=today)}
        assert got == expected, today


def test_permit_late_from_the_day_after_apply_by(users):
    late = ConferenceFactory(
        start_date=dt.date(2027, 10, 15), status=S.PROPOSED, organising_unit=users["officer1"].unit
    )  # apply by 15/9
    by_month = ConferenceFactory(
        start_date=None,
        time_text="Tháng 9",
        has_foreign_high_level=True,
        status=S.PROPOSED,
        organising_unit=users["officer1"].unit,
    )  # apply by 23/7
    ConferenceFactory(start_date=dt.date(2027, 10, 15), status=S.PERMITTED)  # already permitted
    ConferenceFactory(start_date=dt.date(2027, 10, 15), status=S.DRAFT)  # not yet proposed
    ConferenceFactory(start_date=None, time_text="Chưa xác định", status=S.PROPOSED)  # no date to count from
    coordinator = users["coordinator"]
    assert conferences_permit_late(user=coordinator, today=dt.date(2027, 7, 23)) == []
    assert conferences_permit_late(user=coordinator, today=dt.date(2027, 7, 24)) == [by_month]
    assert conferences_permit_late(user=coordinator, today=dt.date(2027, 9, 15)) == [by_month]
    assert set(conferences_permit_late(user=coordinator, today=dt.date(2027, 9, 16))) == {late, by_month}
    # Proposals are private to their unit: another unit's officer is not told about them.
    assert conferences_permit_late(user=users["officer2"], today=dt.date(2027, 9, 16)) == []
    assert set(conferences_permit_late(user=users["officer1"], today=dt.date(2027, 9, 16))) == {late, by_month}


def test_a_rule_dated_from_columns_must_name_them():
    from doingoai.core.deadlines import DeadlineRule

    with pytest.raises(ValueError, match="due_fields"):
        DeadlineRule(kind="k", label="k", heading="k", open=lambda: None, title=str, due_from=lambda *values: None)
