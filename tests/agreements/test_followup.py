"""Agreement follow-up: actions with the unit in charge and a due date, the review before expiry; both feed the
deadline list and the reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.agreements import services
from doingoai.agreements.models import ActionStatus
from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.reporting.deadlines import deadline_list
from doingoai.reporting.models import Notification
from doingoai.reporting.reminders import reminders_send
from doingoai.reporting.selectors import SYSTEM
from tests.factories import AgreementActionFactory, AgreementFactory

pytestmark = pytest.mark.django_db
STEPS = services.ACTION_WORKFLOW.services


def kinds(kind: str, today: dt.date, user=SYSTEM):
    return [d for d in deadline_list(user=user, today=today) if d.kind == kind]


@pytest.fixture
def action(users):
    return AgreementActionFactory(owner_unit=users["officer1"].unit, due_on=dt.date(2027, 6, 30))


def test_an_action_is_followed_from_submission_to_completion(users, action):
    assert kinds("agreement_action", dt.date(2027, 6, 1)) == []  # a draft owes nothing yet
    STEPS["submit"](agreementaction=action, by=users["officer1"])
    [deadline] = kinds("agreement_action", dt.date(2027, 6, 1))
    assert deadline.due == dt.date(2027, 6, 30) and deadline.unit == users["officer1"].unit
    assert action.title in deadline.title and action.agreement.title in deadline.title
    assert kinds("agreement_action", dt.date(2027, 6, 1), users["officer2"]) == []  # not officer2's unit
    done = STEPS["complete"](
        agreementaction=action, by=users["officer1"], done_on=dt.date(2026, 12, 1), result="Đã đón đoàn khảo sát"
    )
    assert (done.status, done.done_on) == (ActionStatus.DONE, dt.date(2026, 12, 1))
    assert kinds("agreement_action", dt.date(2027, 6, 1)) == []
    verbs = BusinessEvent.objects.filter(content_type__model="agreementaction", object_id=action.pk)
    assert set(verbs.values_list("verb", flat=True)) == {"submit", "complete"}
    reopened = STEPS["reopen"](agreementaction=action, by=users["officer1"], comment="Đoàn chưa đi được")
    assert reopened.status == ActionStatus.OPEN and reopened.done_on is None
    assert len(kinds("agreement_action", dt.date(2027, 6, 1))) == 1


def test_completion_needs_a_result_and_a_day_not_in_the_future(users, action):
    STEPS["submit"](agreementaction=action, by=users["officer1"])
    with pytest.raises(WorkflowError, match="Cần ghi kết quả"):
        STEPS["complete"](agreementaction=action, by=users["officer1"], done_on=dt.date(2026, 1, 1), result=" ")
    with pytest.raises(WorkflowError, match="không được sau ngày hôm nay"):
        STEPS["complete"](agreementaction=action, by=users["officer1"], done_on=dt.date(2999, 1, 1), result="Xong")
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_only_the_unit_in_charge_or_the_province_completes_and_only_leaders_cancel(users, action):
    STEPS["submit"](agreementaction=action, by=users["coordinator"])
    with pytest.raises(StepPermissionDenied):
        STEPS["complete"](agreementaction=action, by=users["officer2"], done_on=dt.date(2026, 1, 1), result="X")
    with pytest.raises(StepPermissionDenied):
        STEPS["cancel"](agreementaction=action, by=users["officer1"], reason="Không cần nữa")
    cancelled = STEPS["cancel"](agreementaction=action, by=users["leader"], reason="Đối tác đổi kế hoạch")
    assert cancelled.status == ActionStatus.CANCELLED and cancelled.status_note == "Đối tác đổi kế hoạch"


def test_a_late_action_is_reminded_once_to_its_unit(users, action):
    STEPS["submit"](agreementaction=action, by=users["officer1"])
    reminders_send(today=dt.date(2027, 7, 1))
    reminders_send(today=dt.date(2027, 7, 2))
    sent = Notification.objects.filter(user=users["officer1"], kind="reminder_overdue")
    assert sent.count() == 1 and action.title in str(sent.get().title)
    assert not Notification.objects.filter(user=users["officer2"]).exists()


def test_review_is_due_90_days_before_expiry_or_on_its_own_date(users):
    a = AgreementFactory(
        proposing_unit=users["officer1"].unit, status="approved", title="MOU hợp tác giáo dục với Xiêng Khoảng"
    )
    a = services.agreement_sign(
        agreement=a, by=users["officer1"], signed_on=dt.date(2026, 1, 15), valid_until=dt.date(2031, 1, 15)
    )
    [deadline] = kinds("agreement_review", dt.date(2030, 1, 1))
    assert deadline.due == dt.date(2030, 10, 17) and "Xiêng Khoảng" in deadline.title
    a.review_on = dt.date(2030, 6, 1)
    a.save()
    assert kinds("agreement_review", dt.date(2030, 1, 1))[0].due == dt.date(2030, 6, 1)
    services.agreement_review(
        agreement=a, by=users["officer1"], reviewed_on=dt.date(2030, 6, 2), review_result="Kiến nghị ký mới"
    )
    assert kinds("agreement_review", dt.date(2030, 1, 1)) == []


def test_review_date_must_lie_between_signing_and_expiry(users):
    a = AgreementFactory(proposing_unit=users["officer1"].unit, status="approved")
    with pytest.raises(WorkflowError, match="phải trước ngày hết hiệu lực"):
        services.agreement_sign(
            agreement=a,
            by=users["officer1"],
            signed_on=dt.date(2026, 1, 15),
            valid_until=dt.date(2028, 1, 15),
            review_on=dt.date(2029, 1, 1),
        )
    with pytest.raises(WorkflowError, match="không được trước ngày ký"):
        services.agreement_sign(
            agreement=a, by=users["officer1"], signed_on=dt.date(2026, 1, 15), review_on=dt.date(2025, 1, 1)
        )
