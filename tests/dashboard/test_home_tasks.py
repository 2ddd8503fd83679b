"""The home page's plan tasks: what a unit was assigned across all plans, what waits for confirmation; the calendar
shows the task deadlines; the queries do not grow with the tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from doingoai.dashboard.calendar_selectors import CalendarFilter, calendar_entries
from doingoai.delegations.models import Delegation, DelegationStatus
from doingoai.programs import services
from tests.factories import DelegationFactory
from tests.programs.plan_data import TODAY, make_info_plan

pytestmark = pytest.mark.django_db


def test_an_officer_home_shows_the_tasks_assigned_overdue_first(client_for, users):
    info = make_info_plan(users)
    response = client_for("officer1").get(reverse("home"))
    tasks, count = response.context["assigned"]
    assert tasks == [info.late, info.soon] and count == 2
    html = response.content.decode()
    assert "Nhiệm vụ được giao" in html
    report = reverse("programs:plantask_action", args=[info.late.pk, "report_progress"])
    assert report in html and "Báo cáo tiến độ" in html
    assert info.late2.get_absolute_url() not in html.split('id="assigned-tasks"')[1].split("</div>\n  </div>")[0]
    # Officer2's reported task stays listed, without a second report button.
    response = client_for("officer2").get(reverse("home"))
    tasks, _ = response.context["assigned"]
    assert tasks == [info.late2, info.reported]
    html = response.content.decode()
    assert reverse("programs:plantask_action", args=[info.reported.pk, "report_progress"]) not in html
    assert "to_confirm" not in response.context  # officer2's unit follows up no plan


def test_the_follow_up_unit_sees_tasks_waiting_for_confirmation(client_for, users):
    info = make_info_plan(users)
    response = client_for("coordinator").get(reverse("home"))
    tasks, count = response.context["to_confirm"]
    assert tasks == [info.reported] and count == 1
    assert "assigned" not in response.context
    assert "Nhiệm vụ báo cáo hoàn thành, chờ xác nhận" in response.content.decode()
    # A plan followed up by officer1's unit: its officer confirms that plan's tasks, and sees no other plan's.
    own = services.plan_create(
        by=users["coordinator"],
        values={"kind": "thematic", "year": TODAY.year, "title": "Kế hoạch của Sở Du lịch"},
    )
    own.coordinating_unit = users["officer1"].unit
    own.save()
    task = services.plan_task_create(plan=own, by=users["officer1"], text="Khảo sát", lead_unit=users["officer2"].unit)
    services.plan_record_issue(
        plan=own, by=users["officer1"], number="3/KH-SDL", issued_on=TODAY - dt.timedelta(days=1), signer_name="B"
    )
    services.task_report_progress(plantask=task, by=users["officer2"], text="Đã xong", completed=True)
    tasks, count = client_for("officer1").get(reverse("home")).context["to_confirm"]
    assert [t.pk for t in tasks] == [task.pk] and count == 1
    leader = client_for("leader").get(reverse("home")).context
    assert "to_confirm" not in leader and "assigned" not in leader


def test_home_queries_do_not_grow_with_the_tasks(client_for, users):
    info = make_info_plan(users)
    client = client_for("officer1")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("home")).status_code == 200
        return len(captured)

    before = queries()
    for n in range(6):
        services.plan_task_create(
            plan=info.plan,
            by=users["coordinator"],
            text=f"Nhiệm vụ thêm {n}",
            lead_unit=users["officer1"].unit,
            deadline=TODAY - dt.timedelta(days=n + 1),
            coordinating_units=[users["officer2"].unit],
        )
    assert queries() == before


def test_plan_page_queries_do_not_grow_with_the_tasks(client_for, users):
    info = make_info_plan(users)
    client = client_for("coordinator")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(info.plan.get_absolute_url()).status_code == 200
        return len(captured)

    before = queries()
    for n in range(6):
        services.plan_task_create(
            plan=info.plan,
            by=users["coordinator"],
            text=f"Nhiệm vụ thêm {n}",
            lead_unit=users["officer2"].unit,
            deadline=TODAY + dt.timedelta(days=n + 1),
            coordinating_units=[users["officer1"].unit],
        )
    # History and events of the plan page are per plan, not per task: the count stays the same.
    assert queries() == before


def test_calendar_shows_task_and_implementation_deadlines(users):
    info = make_info_plan(users)
    start, end = TODAY - dt.timedelta(days=40), TODAY + dt.timedelta(days=60)
    entries = calendar_entries(user=users["officer1"], start=start, end=end)
    deadlines = {e.uid: e for e in entries if e.kind == "deadline"}
    late = deadlines[f"plan_task-{info.late.pk}"]
    assert late.start == info.late.deadline and late.url == info.late.get_absolute_url()
    assert late.unit_name == "Sở Du lịch"
    assert f"plan_task-{info.soon.pk}" in deadlines
    assert f"plan_task-{info.late2.pk}" not in deadlines  # another unit's task
    assert f"implementation_plan-{info.plan.pk}-{users['officer1'].unit.pk}" in deadlines
    # The coordinator sees all; the unit filter narrows to that unit's.
    everyone = {e.uid for e in calendar_entries(user=users["coordinator"], start=start, end=end)}
    assert f"plan_task-{info.late2.pk}" in everyone
    only_b = calendar_entries(
        user=users["coordinator"], start=start, end=end, filters=CalendarFilter(unit=users["officer2"].unit)
    )
    assert f"plan_task-{info.late.pk}" not in {e.uid for e in only_b}


def test_an_officer_home_lists_only_the_overdue_items_of_its_unit(client_for, users):
    """Issue 16, point 6: another unit's late result report is not on the officer's home; the coordinator's has
    both; the rest is one link away."""
    long_ago = timezone.localdate() - dt.timedelta(days=60)
    mine = DelegationFactory(proposing_unit=users["officer1"].unit, name="Đoàn của Sở Du lịch")
    theirs = DelegationFactory(proposing_unit=users["officer2"].unit, name="Đoàn của Công an tỉnh")
    Delegation.objects.filter(pk__in=[mine.pk, theirs.pk]).update(
        status=DelegationStatus.DONE, actual_start=long_ago, actual_end=long_ago
    )
    officer = client_for("officer1").get("/").content.decode()
    late = officer[officer.index('id="late"') :]
    assert "Đoàn của Sở Du lịch" in late and "Đoàn của Công an tỉnh" not in late
    assert "mọi thời hạn" in late
    coordinator = client_for("coordinator").get("/").content.decode()
    late = coordinator[coordinator.index('id="late"') :]
    assert "Đoàn của Sở Du lịch" in late and "Đoàn của Công an tỉnh" in late
