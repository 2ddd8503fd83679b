"""Tasks of a plan: who reports, who confirms, what is refused — through the services and through the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.programs import services
from doingoai.programs.models import PlanKind, PlanTask, ProgressKind, TaskStatus
from tests.api_cases import api_client
from tests.programs.plan_data import make_info_plan

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_the_lead_unit_reports_and_the_coordinator_confirms(users, info_plan):
    task = info_plan.soon
    task = services.task_report_progress(plantask=task, by=users["officer1"], text="Đã đón đoàn", completed=True)
    assert task.status == TaskStatus.REPORTED and task.progress == 100
    task = services.task_return(plantask=task, by=users["coordinator"], comment="Thiếu báo cáo kết quả")
    assert task.status == TaskStatus.IN_PROGRESS
    task = services.task_report_progress(plantask=task, by=users["officer1"], text="Đã gửi báo cáo", completed=True)
    task = services.task_close(plantask=task, by=users["coordinator"])
    assert task.status == TaskStatus.DONE
    kinds = list(task.updates.order_by("id").values_list("kind", flat=True))
    assert kinds.count(ProgressKind.PROGRESS) == 3 and kinds.count(ProgressKind.REVIEW) == 2


def test_another_unit_cannot_report_on_a_task_it_does_not_lead(users, info_plan):
    with pytest.raises(StepPermissionDenied):
        services.task_report_progress(plantask=info_plan.late2, by=users["officer1"], text="Không phải việc của tôi")
    assert not info_plan.late2.updates.exists()


def test_the_lead_unit_does_not_confirm_its_own_task(users, info_plan):
    with pytest.raises(StepPermissionDenied):
        services.task_close(plantask=info_plan.late, by=users["officer1"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "   "}, "Cần ghi kết quả"),
        ({"text": "Xong", "percent": 130}, "từ 0 đến 100"),
        ({"text": "Xong", "reported_on": TODAY + dt.timedelta(days=3)}, "chưa đến"),
    ],
)
def test_bad_progress_is_refused_and_nothing_is_written(users, info_plan, kwargs, message):
    task = info_plan.soon
    before = (task.status, task.progress, task.updates.count())
    with pytest.raises(WorkflowError, match=message):
        services.task_report_progress(plantask=task, by=users["officer1"], **kwargs)
    task.refresh_from_db()
    assert (task.status, task.progress, task.updates.count()) == before


def test_cancel_and_return_need_a_reason(users, info_plan):
    with pytest.raises(WorkflowError, match="lý do"):
        services.task_cancel(plantask=info_plan.late, by=users["coordinator"], comment=" ")
    task = services.task_cancel(plantask=info_plan.late, by=users["coordinator"], comment="Đã lồng ghép vào II.2")
    assert task.status == TaskStatus.CANCELLED
    assert services.task_reopen(plantask=task, by=users["coordinator"]).status == TaskStatus.IN_PROGRESS


def test_a_task_due_before_the_plan_was_issued_is_refused(users, info_plan):
    plan = info_plan.plan
    with pytest.raises(WorkflowError, match="trước ngày ban hành"):
        services.plan_task_create(
            plan=plan,
            by=users["coordinator"],
            text="Nhiệm vụ giao muộn",
            lead_unit=users["officer1"].unit,
            deadline=plan.issued_on - dt.timedelta(days=1),
        )


def test_a_task_added_to_an_issued_plan_names_its_lead_unit(users, info_plan):
    with pytest.raises(WorkflowError, match="cơ quan chủ trì"):
        services.plan_task_create(plan=info_plan.plan, by=users["coordinator"], text="Nhiệm vụ không ai chủ trì")
    task = services.plan_task_create(
        plan=info_plan.plan, by=users["coordinator"], text="Nhiệm vụ bổ sung", lead_unit=users["officer2"].unit
    )
    with pytest.raises(WorkflowError, match="cơ quan chủ trì"):
        services.plan_task_save(by=users["coordinator"], task=task, values={"lead_unit": None}, expected_version=None)


def test_a_task_with_progress_is_cancelled_not_deleted(users, info_plan):
    with pytest.raises(WorkflowError, match="Không thực hiện"):
        services.plan_task_delete(item=info_plan.late, by=users["coordinator"])
    assert PlanTask.objects.filter(pk=info_plan.late.pk).exists()


@pytest.fixture
def unit_plan(users):
    """A thematic plan followed up by officer2's unit (not the province's coordinator)."""
    return services.plan_create(
        by=users["coordinator"],
        values={
            "kind": PlanKind.THEMATIC,
            "year": TODAY.year,
            "title": "Kế hoạch tuyên truyền biên giới",
            "coordinating_unit": users["officer2"].unit,
            "units": [users["officer1"].unit],
        },
    )


def test_the_coordinating_unit_writes_its_own_plan_only(users, unit_plan, info_plan):
    officer = users["officer2"]
    task = services.plan_task_create(
        plan=unit_plan, by=officer, text="Tuyên truyền tại xã biên giới", lead_unit=users["officer1"].unit
    )
    assert task.plan == unit_plan
    with pytest.raises(StepPermissionDenied):
        services.plan_task_create(plan=info_plan.plan, by=officer, text="Chen vào kế hoạch khác")
    with pytest.raises(StepPermissionDenied):
        services.plan_task_create(plan=unit_plan, by=users["officer1"], text="Đơn vị thực hiện tự giao việc")


# --------------------------------------------------------------------------------------------------- API


def test_api_filters_tasks_by_plan_unit_status_and_overdue(users, info_plan):
    client = api_client(users["coordinator"])
    base = f"/api/plan-tasks/?plan={info_plan.plan.pk}"

    def ids(query: str) -> set[int]:
        response = client.get(base + query)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids(f"&lead_unit={users['officer2'].unit.pk}") == {info_plan.late2.pk, info_plan.reported.pk}
    assert ids("&status=reported") == {info_plan.reported.pk}
    assert ids("&overdue=1") == {info_plan.late.pk, info_plan.late2.pk}


def test_api_filters_plans_by_kind_and_coordinating_unit(users, info_plan, unit_plan):
    client = api_client(users["coordinator"])
    rows = client.get(f"/api/plans/?kind=thematic&coordinating_unit={users['officer2'].unit.pk}").json()["results"]
    assert [r["id"] for r in rows] == [unit_plan.pk]
    rows = client.get(f"/api/plans/?year={TODAY.year}&kind=information").json()["results"]
    assert [r["id"] for r in rows] == [info_plan.plan.pk]


def test_api_progress_by_the_lead_unit_and_not_by_another(users, info_plan):
    url = f"/api/plan-tasks/{info_plan.soon.pk}/actions/report_progress/"
    body = {"text": "Đã làm việc với Bộ Ngoại giao", "percent": 60}
    response = api_client(users["officer1"]).post(url, body, format="json")
    assert response.status_code == 200, response.content
    assert PlanTask.objects.get(pk=info_plan.soon.pk).progress == 60
    # officer2's unit neither leads nor follows the plan up: the task is "not found" for its steps
    other = api_client(users["officer2"]).post(url, body, format="json")
    assert other.status_code == 404
    assert info_plan.soon.updates.count() == 2


def test_api_refuses_bad_progress_with_a_vietnamese_message(users, info_plan):
    url = f"/api/plan-tasks/{info_plan.soon.pk}/actions/report_progress/"
    response = api_client(users["officer1"]).post(url, {"text": "Xong", "percent": 150}, format="json")
    assert response.status_code == 400
    assert "100" in response.content.decode()
    assert PlanTask.objects.get(pk=info_plan.soon.pk).progress == 20


def test_api_steps_listed_by_role(users, info_plan):
    task = info_plan.reported
    steps = {s["name"] for s in api_client(users["coordinator"]).get(f"/api/plan-tasks/{task.pk}/actions/").json()}
    assert {"close", "return"} <= steps
    mine = {s["name"] for s in api_client(users["officer2"]).get(f"/api/plan-tasks/{task.pk}/actions/").json()}
    assert "close" not in mine


def test_a_programme_is_followed_up_by_the_coordinating_unit_unless_told(users):
    coordinator_unit = users["coordinator"].unit
    coordinator_unit.is_coordinator = True
    coordinator_unit.save()
    plan = services.program_create(year=TODAY.year + 2, by=users["coordinator"])
    assert plan.coordinating_unit == coordinator_unit


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "accepted"),
    [("125/KH-UBND", True), ("25-KH/BCĐ", True), ("12 / TB-VPUB", True), ("KH-UBND", False), ("25-KH", False)],
)
def test_issue_numbers_of_state_and_party_bodies(users, number, accepted):
    plan = make_info_plan(users, issue=False).plan
    issue = {
        "plan": plan,
        "by": users["coordinator"],
        "number": number,
        "issued_on": TODAY - dt.timedelta(days=30),
        "signer_name": "Lê Văn A",
    }
    if accepted:
        assert services.plan_record_issue(**issue).number == number.replace(" / ", "/")
    else:
        with pytest.raises(WorkflowError, match="số/ký hiệu"):
            services.plan_record_issue(**issue)
        plan.refresh_from_db()
        assert plan.number == "" and plan.issued_on is None
