"""The plans' deadlines: open tasks with a date (owed by the lead unit) and the implementation plans each
recipient unit issues within `response_days`, in the deadline list, the reminders and the home page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.programs import services
from doingoai.programs.models import PlanKind
from doingoai.reporting.deadlines import deadline_list, kind_labels
from doingoai.reporting.selectors import SYSTEM
from tests.programs.plan_data import TODAY, make_info_plan

pytestmark = pytest.mark.django_db


def keyed(user, kinds=("plan_task", "implementation_plan")):
    return {d.key: d for d in deadline_list(user=user, kinds=set(kinds))}


def test_open_tasks_with_a_date_are_deadlines_of_their_lead_unit(users, info_plan):
    found = keyed(SYSTEM, ["plan_task"])
    # The recurring task has no date; the task reported done waits for the coordinator, not for its lead unit.
    assert set(found) == {f"plan_task:{t.pk}" for t in (info_plan.late, info_plan.soon, info_plan.late2)}
    late = found[f"plan_task:{info_plan.late.pk}"]
    assert late.due == TODAY - dt.timedelta(days=10) and late.is_overdue(TODAY)
    assert late.unit == users["officer1"].unit
    assert late.url == info_plan.late.get_absolute_url()
    assert "Xây dựng chuyên mục" in late.title and "125/KH-UBND" in late.title
    assert kind_labels()["plan_task"] == "Thời hạn nhiệm vụ"
    # An officer's list holds its own unit's tasks only.
    assert set(keyed(users["officer1"], ["plan_task"])) == {
        f"plan_task:{info_plan.late.pk}",
        f"plan_task:{info_plan.soon.pk}",
    }


def test_no_task_deadline_once_done_or_reported(users, info_plan):
    coord = users["coordinator"]
    services.task_close(plantask=info_plan.late, by=coord)
    services.task_report_progress(plantask=info_plan.late2, by=users["officer2"], text="Xong", completed=True)
    assert set(keyed(SYSTEM, ["plan_task"])) == {f"plan_task:{info_plan.soon.pk}"}
    services.task_cancel(plantask=info_plan.soon, by=coord, comment="Không còn phù hợp")
    assert keyed(SYSTEM, ["plan_task"]) == {}


def test_a_draft_or_closed_plan_has_no_deadlines(users):
    draft = make_info_plan(users, issue=False)
    assert keyed(SYSTEM) == {}
    plan = services.plan_record_issue(
        plan=draft.plan,
        by=users["coordinator"],
        number="1/KH-UBND",
        issued_on=TODAY - dt.timedelta(days=30),
        signer_name="A",
    )
    assert keyed(SYSTEM)
    services.plan_close(plan=plan, by=users["coordinator"])
    assert keyed(SYSTEM) == {}


def test_implementation_plans_due_until_each_unit_has_one(users, info_plan):
    plan = info_plan.plan
    unit_a, unit_b = users["officer1"].unit, users["officer2"].unit
    found = keyed(SYSTEM, ["implementation_plan"])
    assert set(found) == {f"implementation_plan:{plan.pk}:{unit_a.pk}", f"implementation_plan:{plan.pk}:{unit_b.pk}"}
    due = found[f"implementation_plan:{plan.pk}:{unit_a.pk}"]
    assert due.due == plan.issued_on + dt.timedelta(days=15) and due.is_overdue(TODAY)
    assert due.unit == unit_a
    assert set(keyed(users["officer2"], ["implementation_plan"])) == {f"implementation_plan:{plan.pk}:{unit_b.pk}"}
    # Officer2's unit issues its implementation plan (a child plan it coordinates): its deadline is met.
    services.plan_create(
        by=users["coordinator"],
        values={
            "kind": PlanKind.THEMATIC,
            "year": TODAY.year,
            "title": "Kế hoạch thực hiện",
            "coordinating_unit": unit_b,
            "parent": plan,
        },
    )
    assert set(keyed(SYSTEM, ["implementation_plan"])) == {f"implementation_plan:{plan.pk}:{unit_a.pk}"}
    assert keyed(users["officer2"], ["implementation_plan"]) == {}


def test_reminders_go_to_the_lead_unit(users, info_plan, mailoutbox):
    from doingoai.reporting.reminders import reminders_send

    users["officer1"].email = "o1@example.org"
    users["officer1"].save()
    result = reminders_send(today=TODAY)
    assert result["sent"] >= 3
    sent_to_o1 = [m for m in mailoutbox if "o1@example.org" in m.to]
    assert any("Xây dựng chuyên mục" in m.subject for m in sent_to_o1)
    assert reminders_send(today=TODAY)["sent"] == 0  # exactly once


def test_home_page_lists_overdue_tasks_and_missing_implementation_plans(client_for, users, info_plan):
    html = client_for("officer1").get(reverse("home")).content.decode()
    assert "Nhiệm vụ quá thời hạn" in html
    assert info_plan.late.get_absolute_url() in html
    assert info_plan.late2.get_absolute_url() not in html  # another unit's task, not this officer's
    assert "Đơn vị chưa ban hành kế hoạch thực hiện" in html
    assert "Sở Du lịch: kế hoạch thực hiện" in html and "Công an tỉnh: kế hoạch thực hiện" not in html


def test_deadline_page_and_compliance_list_them(client_for, users, info_plan):
    html = client_for("coordinator").get(reverse("reporting:deadlines")).content.decode()
    assert "Xây dựng chuyên mục" in html and "Ban hành kế hoạch thực hiện" in html
    response = client_for("coordinator").get(reverse("reporting:compliance"))
    assert response.status_code == 200
    rows = {r.unit.pk: r for r in response.context["rows"]}
    row = rows[users["officer1"].unit.pk]
    assert {d.kind for d in row.overdue_first} == {"plan_task", "implementation_plan"}
    assert row.overdue == len(row.overdue_first)
