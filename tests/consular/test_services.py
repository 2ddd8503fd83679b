from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.consular import services
from doingoai.consular.eligibility import apec_eligibility_problems
from doingoai.consular.selectors import apec_cards_to_be_returned
from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from tests.factories import ApecCardApplicationFactory, CitizenCaseFactory, ForeignPressVisitFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 15)


def test_every_transition_is_covered_by_a_service():
    assert set(services.CASE_TRANSITIONS) == set(services.CASE_WORKFLOW.services)
    assert set(services.APEC_TRANSITIONS) == set(services.APEC_WORKFLOW.services)
    assert set(services.PRESS_TRANSITIONS) == set(services.PRESS_WORKFLOW.services)


# --- APEC eligibility at its boundaries (Decision 09/2023/QĐ-TTg)


def problems(**kwargs):
    dates = {
        "enterprise_established_on": dt.date(2010, 1, 1),
        "birth_date": dt.date(1980, 1, 1),
        "in_post_since": dt.date(2015, 1, 1),
    }
    return apec_eligibility_problems(on=DAY, **(dates | kwargs))


@pytest.mark.parametrize(
    ("field", "value", "eligible"),
    [
        ("enterprise_established_on", dt.date(2025, 3, 15), True),  # exactly 12 months
        ("enterprise_established_on", dt.date(2025, 3, 16), False),  # one day short
        ("birth_date", dt.date(2008, 3, 15), True),  # 18th birthday that very day
        ("birth_date", dt.date(2008, 3, 16), False),  # turns 18 tomorrow
        ("in_post_since", dt.date(2025, 3, 15), True),
        ("in_post_since", dt.date(2025, 3, 16), False),
        ("in_post_since", dt.date(2026, 3, 16), False),  # in the future
    ],
)
def test_apec_eligibility_boundaries(field, value, eligible):
    found = problems(**{field: value})
    assert (field not in found) == eligible, found
    assert set(found) <= {field}


def test_apec_eligibility_message_says_when_the_condition_is_met():
    message = problems(in_post_since=dt.date(2025, 6, 1))["in_post_since"]
    assert "Quyết định 09/2023/QĐ-TTg" in message and "đủ từ ngày 01/06/2026" in message and "15/03/2026" in message


def test_apec_leap_day_birthday_counts_from_28_february():
    on = dt.date(2026, 2, 28)
    assert "birth_date" not in apec_eligibility_problems(
        on=on, enterprise_established_on=None, birth_date=dt.date(2008, 2, 29), in_post_since=None
    )
    assert "birth_date" in apec_eligibility_problems(
        on=on - dt.timedelta(days=1),
        enterprise_established_on=None,
        birth_date=dt.date(2008, 2, 29),
        in_post_since=None,
    )


def test_apec_rules_come_from_settings(settings):
    settings.DOINGOAI_RULES = settings.DOINGOAI_RULES | {"apec_in_post_months": 24}
    assert "in_post_since" in problems(in_post_since=dt.date(2025, 1, 1))


# --- APEC workflow


@pytest.fixture
def application(users):
    return ApecCardApplicationFactory(receiving_unit=users["officer1"].unit, submitted_on=None)


def test_submit_checks_eligibility_on_the_submission_day(users, application):
    application.in_post_since = dt.date(2025, 3, 16)
    application.save()
    with pytest.raises(WorkflowError, match="chưa đủ điều kiện"):
        services.apec_application_submit(apeccardapplication=application, by=users["officer1"], submitted_on=DAY)
    done = services.apec_application_submit(
        apeccardapplication=application, by=users["officer1"], submitted_on=DAY + dt.timedelta(days=1)
    )
    assert done.status == "submitted" and done.submitted_on == DAY + dt.timedelta(days=1)


def test_full_apec_workflow_and_card_return(users, application):
    officer, leader = users["officer1"], users["leader"]
    app = services.apec_application_submit(apeccardapplication=application, by=officer, submitted_on=DAY)
    with pytest.raises(StepPermissionDenied):
        services.apec_application_approve(
            apeccardapplication=app, by=officer, decision_ref="12/UBND", decision_date=DAY
        )
    app = services.apec_application_approve(
        apeccardapplication=app, by=leader, decision_ref="12/UBND-NV", decision_date=DAY
    )
    with pytest.raises(WorkflowError, match="phải sau ngày cấp thẻ"):
        services.apec_application_issue_card(
            apeccardapplication=app, by=officer, card_number="A1", card_issued_on=DAY, card_expires_on=DAY
        )
    app = services.apec_application_issue_card(
        apeccardapplication=app,
        by=officer,
        card_number="A123",
        card_issued_on=DAY,
        card_expires_on=dt.date(2031, 3, 15),
    )
    assert app.status == "card_issued" and not app.card_to_be_returned()
    assert not apec_cards_to_be_returned(user=users["coordinator"])
    left = timezone.localdate() - dt.timedelta(days=3)
    app = services.apec_application_record_left_post(apeccardapplication=app, by=officer, left_post_on=left)
    assert app.status == "card_issued" and app.card_to_be_returned()
    assert list(apec_cards_to_be_returned(user=users["coordinator"])) == [app]
    assert not apec_cards_to_be_returned(user=users["officer2"])  # another unit never sees the file
    assert not app.card_to_be_returned(today=left - dt.timedelta(days=1))
    app = services.apec_application_return_card(
        apeccardapplication=app, by=officer, card_returned_on=timezone.localdate()
    )
    assert app.status == "returned" and not app.card_to_be_returned()
    events = BusinessEvent.objects.filter(object_id=app.pk, content_type__model="apeccardapplication")
    assert list(events.order_by("id").values_list("verb", flat=True)) == [
        "submit",
        "approve",
        "issue_card",
        "record_left_post",
        "return_card",
    ]
    assert app.history.first().history_change_reason == "Ghi nhận đã nộp lại thẻ"


def test_refuse_needs_a_reason_and_only_leaders(users, application):
    app = services.apec_application_submit(apeccardapplication=application, by=users["coordinator"], submitted_on=DAY)
    with pytest.raises(WorkflowError, match="lý do"):
        services.apec_application_refuse(
            apeccardapplication=app, by=users["leader"], decision_ref="", decision_date=DAY, reason=" "
        )
    with pytest.raises(StepPermissionDenied):
        services.apec_application_refuse(
            apeccardapplication=app, by=users["finance"], decision_ref="", decision_date=DAY, reason="Thiếu hồ sơ"
        )
    app = services.apec_application_refuse(
        apeccardapplication=app, by=users["leader"], decision_ref="5/UBND", decision_date=DAY, reason="Thiếu hồ sơ"
    )
    assert app.status == "refused"


def test_other_unit_cannot_take_owner_steps(users, application):
    with pytest.raises(StepPermissionDenied):
        services.apec_application_submit(apeccardapplication=application, by=users["officer2"], submitted_on=DAY)


# --- citizen cases


def test_case_steps_allowed_and_refused(users):
    case = CitizenCaseFactory(recording_unit=users["officer2"].unit, opened_on=dt.date(2025, 5, 1))
    with pytest.raises(StepPermissionDenied):
        services.citizen_case_start(citizencase=case, by=users["officer1"])
    with pytest.raises(StepPermissionDenied):
        services.citizen_case_start(citizencase=case, by=users["leader"])
    case = services.citizen_case_start(citizencase=case, by=users["officer2"])
    with pytest.raises(WorkflowError, match="trước ngày tiếp nhận"):
        services.citizen_case_close(citizencase=case, by=users["officer2"], closed_on=dt.date(2025, 4, 1), outcome="x")
    case = services.citizen_case_close(
        citizencase=case, by=users["coordinator"], closed_on=dt.date(2025, 5, 20), outcome="Đã về nước an toàn"
    )
    assert case.status == "closed"
    with pytest.raises(WorkflowError, match="trạng thái"):
        services.citizen_case_start(citizencase=case, by=users["officer2"])
    case = services.citizen_case_reopen(citizencase=case, by=users["officer2"], reason="Gia đình đề nghị thêm")
    assert case.status == "in_progress" and case.closed_on is None


# --- press visits


def test_press_visit_workflow(users):
    visit = ForeignPressVisitFactory(host_unit=users["officer1"].unit, year=2025)
    visit = services.press_visit_submit(foreignpressvisit=visit, by=users["officer1"])
    with pytest.raises(WorkflowError, match="cán bộ đi cùng"):
        services.press_visit_approve(
            foreignpressvisit=visit,
            by=users["coordinator"],
            approval_ref="7/SNgV",
            approved_on=DAY,
            accompanying_officer="",
        )
    visit = services.press_visit_approve(
        foreignpressvisit=visit,
        by=users["coordinator"],
        approval_ref="7/SNgV",
        approved_on=DAY,
        accompanying_officer="Cán bộ Sở Ngoại vụ",
    )
    assert visit.accompanying_officer == "Cán bộ Sở Ngoại vụ"
    visit = services.press_visit_complete(foreignpressvisit=visit, by=users["officer1"], report="Đã đưa tin 3 bài")
    assert visit.status == "done"


def test_press_visit_cannot_be_done_before_it_ends(users):
    visit = ForeignPressVisitFactory(
        host_unit=users["officer1"].unit, status="approved", year=timezone.localdate().year + 1
    )
    with pytest.raises(WorkflowError, match="Chưa kết thúc"):
        services.press_visit_complete(foreignpressvisit=visit, by=users["officer1"], report="x")
