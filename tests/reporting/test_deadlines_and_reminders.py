"""Every deadline rule at its boundary days, and reminders sent exactly once per deadline and stage."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from doingoai.agreements.models import AgreementStatus
from doingoai.conferences.models import ConferenceStatus
from doingoai.delegations.models import DelegationStatus, Direction
from doingoai.reporting import reminders, services
from doingoai.reporting.deadlines import deadline_list
from doingoai.reporting.models import Notification, ReminderSent, ReminderStage
from doingoai.reporting.selectors import SYSTEM
from doingoai.reporting.tasks import send_reminders
from tests.factories import AgreementFactory, ConferenceFactory, DelegationFactory, UserFactory
from tests.reporting.conftest import H1_DUE

pytestmark = pytest.mark.django_db
UP, OVER = ReminderStage.UPCOMING, ReminderStage.OVERDUE


def only(kind: str, today: dt.date, user=SYSTEM):
    found = [d for d in deadline_list(user=user, today=today) if d.kind == kind]
    assert len(found) == 1, found
    return found[0]


def stages(deadline, due: dt.date) -> dict[int, str | None]:
    """The stage on the days around `due` (N = 3 days before)."""
    return {offset: deadline.stage(due + dt.timedelta(days=offset)) for offset in (-4, -3, 0, 1)}


EXPECTED = {-4: None, -3: UP, 0: UP, 1: OVER}


def test_unit_report_deadline_is_the_periods_due_date(users, period):
    d = only("unit_report", H1_DUE, users["officer1"])
    assert d.due == H1_DUE and d.unit == users["officer1"].unit and d.key.startswith("unit_report:")
    assert stages(d, H1_DUE) == EXPECTED
    assert d.is_overdue(H1_DUE + dt.timedelta(days=1)) and not d.is_overdue(H1_DUE)
    # a submitted report has no deadline left; a returned one has it again
    report = services.unit_report_submit(
        report=period.reports.get(unit=users["officer1"].unit), by=users["officer1"], texts={"other": "x"}
    )
    assert not [d for d in deadline_list(user=users["officer1"], today=H1_DUE) if d.kind == "unit_report"]
    services.unit_report_return(report=report, by=users["coordinator"], comment="Bổ sung")
    assert only("unit_report", H1_DUE, users["officer1"]).title.endswith("(nộp lại)")


def test_officers_see_only_their_own_units_deadlines(users, period):
    mine = deadline_list(user=users["officer1"], today=H1_DUE)
    assert {d.unit for d in mine if d.unit} == {users["officer1"].unit}
    assert len([d for d in deadline_list(user=users["coordinator"], today=H1_DUE) if d.kind == "unit_report"]) == 3


def test_delegation_result_report_is_due_15_days_after_return(users):
    DelegationFactory(
        proposing_unit=users["officer1"].unit,
        status=DelegationStatus.DONE,
        actual_start=dt.date(2027, 3, 1),
        actual_end=dt.date(2027, 3, 10),
    )
    DelegationFactory(status=DelegationStatus.DONE, direction=Direction.IN, actual_end=dt.date(2027, 3, 10))
    d = only("delegation_report", dt.date(2027, 3, 25))
    assert d.due == dt.date(2027, 3, 25)
    assert stages(d, d.due) == EXPECTED


def test_conference_permit_is_due_30_or_40_days_before_the_start(users):
    ConferenceFactory(status=ConferenceStatus.PROPOSED, start_date=dt.date(2027, 9, 30))
    d = only("conference_permit", dt.date(2027, 8, 1))
    assert d.due == dt.date(2027, 8, 31) and "Chủ tịch UBND tỉnh" in d.title
    assert stages(d, d.due) == EXPECTED
    ConferenceFactory(status=ConferenceStatus.PROPOSED, start_date=dt.date(2027, 9, 30), has_foreign_high_level=True)
    dues = sorted(x.due for x in deadline_list(user=SYSTEM, today=dt.date(2027, 8, 1)) if x.kind == "conference_permit")
    assert dues == [dt.date(2027, 8, 21), dt.date(2027, 8, 31)]


def test_agreement_report_is_due_15_days_after_signing():
    AgreementFactory(status=AgreementStatus.SIGNED, signed_on=dt.date(2027, 6, 1))
    AgreementFactory(status=AgreementStatus.SIGNED, signed_on=dt.date(2027, 6, 1), reported_on=dt.date(2027, 6, 5))
    d = only("agreement_report", dt.date(2027, 6, 16))
    assert d.due == dt.date(2027, 6, 16)
    assert stages(d, d.due) == EXPECTED


def test_agreement_opinions_are_due_in_7_working_days_and_followed_by_the_coordinator():
    # sent Friday 4/6/2027: 7 working days skip two weekends → Tuesday 15/6
    AgreementFactory(status=AgreementStatus.CONSULTED, consulted_on=dt.date(2027, 6, 4))
    d = only("agreement_opinions", dt.date(2027, 6, 15))
    assert d.due == dt.date(2027, 6, 15) and d.responsible == "coordinator"
    assert stages(d, d.due) == EXPECTED


def test_plan_adjustment_deadline_reminds_before_and_then_closes(settings):
    d = only("plan_adjustment", dt.date(2027, 3, 30))
    assert d.due == dt.date(2027, 3, 30) and d.unit is None
    assert d.stage(dt.date(2027, 3, 26)) is None and d.stage(dt.date(2027, 3, 27)) == UP
    assert d.stage(dt.date(2027, 3, 31)) is None  # nothing to fulfil after the day
    assert not [x for x in deadline_list(user=SYSTEM, today=dt.date(2027, 3, 31)) if x.kind == "plan_adjustment"]
    settings.DOINGOAI_PLAN_ADJUSTMENT_DEADLINE = "04-15"
    assert only("plan_adjustment", dt.date(2027, 4, 1)).due == dt.date(2027, 4, 15)


# --------------------------------------------------------------------------------------------------- reminders


@pytest.fixture
def officer1(users):
    users["officer1"].email = "canbo.dulich@example.org"
    users["officer1"].save()
    users["coordinator"].email = "songoaivu@example.org"
    users["coordinator"].save()
    return users["officer1"]


def test_running_the_reminder_task_twice_sends_one_email(users, period, officer1):
    period.units.set([officer1.unit])
    period.reports.exclude(unit=officer1.unit).delete()
    day = H1_DUE - dt.timedelta(days=3)
    first = send_reminders.call(day.isoformat())
    second = send_reminders.call(day.isoformat())
    assert (first["sent"], first["emails"], second["sent"], second["already_sent"]) == (1, 1, 0, 1)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["canbo.dulich@example.org"]
    assert "Còn 3 ngày: Báo cáo 6 tháng đầu năm 2027" in message.subject
    assert "15/06/2027" in message.body and f"/reports/report/{period.reports.get().pk}/" in message.body
    assert Notification.objects.filter(user=officer1, kind="reminder_upcoming").count() == 1
    assert ReminderSent.objects.filter(stage=UP).count() == 1

    # the next days of the window send nothing more; the day after the due date sends the overdue stage once
    send_reminders.call((H1_DUE - dt.timedelta(days=1)).isoformat())
    send_reminders.call(H1_DUE.isoformat())
    assert len(mail.outbox) == 1
    send_reminders.call((H1_DUE + dt.timedelta(days=1)).isoformat())
    send_reminders.call((H1_DUE + dt.timedelta(days=2)).isoformat())
    assert len(mail.outbox) == 2 and mail.outbox[1].subject.endswith("Quá hạn 1 ngày: Báo cáo 6 tháng đầu năm 2027")
    # overdue: the coordinator gets a message in the inbox, not an e-mail
    assert Notification.objects.filter(user=users["coordinator"], kind="reminder_overdue").count() == 1
    assert mail.outbox[1].to == ["canbo.dulich@example.org"]


def test_a_new_due_date_is_a_new_deadline_to_remind(users, period, officer1, unit_c):
    day = H1_DUE - dt.timedelta(days=1)
    send_reminders.call(day.isoformat())
    sent = ReminderSent.objects.count()
    services.period_update(
        period=period,
        by=users["coordinator"],
        label=period.label,
        start=period.start,
        end=period.end,
        due_date=H1_DUE + dt.timedelta(days=2),
        units=period.units.all(),
    )
    send_reminders.call(day.isoformat())
    assert ReminderSent.objects.count() == sent + 3  # the three reports, with the new due date


def test_a_unit_without_officers_is_reminded_at_its_own_address(users, period, unit_c):
    unit_c.email = "soyte@example.org"
    unit_c.save()
    send_reminders.call(H1_DUE.isoformat())
    assert ["soyte@example.org"] in [m.to for m in mail.outbox]


def test_a_failed_send_is_rolled_back_and_retried(users, period, officer1, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("SMTP không trả lời")

    monkeypatch.setattr(reminders, "send_mass_mail", broken)
    key = f"unit_report:{period.reports.get(unit=officer1.unit).pk}"
    result = send_reminders.call(H1_DUE.isoformat())
    # officer1's report is the one with an e-mail to send: nothing of it is kept; the other two went out
    assert (result["failed"], result["sent"]) == (1, 2)
    assert not ReminderSent.objects.filter(deadline_key=key).exists()
    assert not Notification.objects.filter(user=officer1, kind="reminder_upcoming").exists()
    monkeypatch.undo()
    assert send_reminders.call(H1_DUE.isoformat())["sent"] == 1
    assert ReminderSent.objects.filter(deadline_key=key).exists() and len(mail.outbox) == 1


@pytest.fixture
def keep_test_connection(monkeypatch):
    """The worker and the reminders loop call close_old_connections(), which closes a connection that is inside
    a transaction — here the test's own. SQLite keeps an in-memory database open anyway; PostgreSQL would lose the
    test's transaction and every later query. The worker's behaviour is otherwise unchanged."""
    from django_tasks_db.management.commands import db_worker

    from doingoai.reporting.management.commands import reminders as reminders_command

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(reminders_command, "close_old_connections", lambda: None)


@pytest.mark.usefixtures("keep_test_connection")
def test_the_worker_runs_the_task_twice_and_still_sends_one_email(users, period, officer1, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    period.units.set([officer1.unit])
    period.reports.exclude(unit=officer1.unit).delete()
    day = (H1_DUE - dt.timedelta(days=2)).isoformat()
    send_reminders.enqueue(day)
    send_reminders.enqueue(day)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*", stdout=io.StringIO())
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*", stdout=io.StringIO())
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    assert len(mail.outbox) == 1


@pytest.mark.usefixtures("keep_test_connection")
def test_the_reminders_command(users, period, officer1, settings):
    out = io.StringIO()
    call_command("reminders", "--now", stdout=out)
    assert "Nhắc hạn:" in out.getvalue()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    out = io.StringIO()
    call_command("reminders", "--once", stdout=out)
    call_command("reminders", "--once", stdout=out)
    assert "đã đưa tác vụ nhắc hạn vào hàng đợi" in out.getvalue()
    assert "vẫn đang chờ" in out.getvalue()  # no pile-up while no worker runs
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_plan_adjustment_reminds_the_units_in_the_plan_and_the_coordinator(users, settings):
    users["officer2"].email = "congan@example.org"
    users["officer2"].save()
    users["coordinator"].email = "songoaivu@example.org"
    users["coordinator"].save()
    UserFactory(username="officer3", email="khac@example.org")  # no delegation: not reminded
    DelegationFactory(year=2027, status=DelegationStatus.IN_PLAN, proposing_unit=users["officer2"].unit)
    send_reminders.call("2027-03-28")
    adjustment = [m for m in mail.outbox if "Điều chỉnh kế hoạch" in m.subject]
    assert sorted(m.to[0] for m in adjustment) == ["congan@example.org", "songoaivu@example.org"]
