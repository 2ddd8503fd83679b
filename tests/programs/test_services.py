"""Programme workflow and the adjustment round: every step allowed and refused, versions, history."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.core.models import BusinessEvent
from doingoai.core.services import object_delete
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.delegations import services as delegation_services
from doingoai.delegations.models import DelegationStatus
from doingoai.programs import services
from doingoai.programs.models import Plan, PlanStatus, PlanTask, PlanVersion
from tests.factories import DelegationFactory
from tests.programs.factories import ProgramFactory, ProgramItemFactory

pytestmark = pytest.mark.django_db
YEAR = 2027


def test_every_transition_has_a_service():
    assert set(services.TRANSITIONS) == set(services.WORKFLOW.services)


def issue(program, users, number="818/CTr-UBND"):
    program = services.program_submit(plan=program, by=users["coordinator"])
    return services.program_issue(
        plan=program,
        by=users["leader"],
        number=number,
        issued_on=dt.date(YEAR - 1, 11, 30),
        signer_name="Nguyễn Văn An",
        signer_position="Phó Chủ tịch",
    )


def test_program_create_with_history_and_adjustment_deadline_from_settings(users, settings):
    settings.DOINGOAI_PLAN_ADJUSTMENT_DEADLINE = "04-15"
    program = services.program_create(year=YEAR, by=users["coordinator"])
    assert program.adjustment_deadline == dt.date(YEAR, 4, 15)
    assert program.history.first().history_user == users["coordinator"]
    assert BusinessEvent.objects.filter(object_id=program.pk, verb="created").exists()
    with pytest.raises(WorkflowError, match="đã có Chương trình"):
        services.program_create(year=YEAR, by=users["coordinator"])


def test_submit_by_the_coordinator_not_by_others(users):
    program = ProgramFactory(year=YEAR)
    for role in ("leader", "finance", "officer1"):
        with pytest.raises(StepPermissionDenied):
            services.program_submit(plan=program, by=users[role])
    program = services.program_submit(plan=program, by=users["coordinator"])
    assert program.status == PlanStatus.CONSOLIDATED
    with pytest.raises(WorkflowError):
        services.program_submit(plan=program, by=users["coordinator"])


def test_return_to_draft_keeps_the_comment(users):
    program = services.program_submit(plan=ProgramFactory(year=YEAR), by=users["coordinator"])
    program = services.program_return_to_draft(plan=program, by=users["leader"], comment="Bổ sung mục biên giới")
    assert program.status == PlanStatus.DRAFT and program.status_note == "Bổ sung mục biên giới"


def test_only_a_leader_issues_and_version_1_is_kept(users):
    d = DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN, proposing_unit=users["officer1"].unit)
    DelegationFactory(year=YEAR, status=DelegationStatus.PROPOSED, proposing_unit=users["officer1"].unit)
    program = services.program_submit(plan=ProgramFactory(year=YEAR), by=users["coordinator"])
    for role in ("coordinator", "admin", "finance"):
        with pytest.raises(StepPermissionDenied):
            services.program_issue(
                plan=program, by=users[role], number="1/CTr-UBND", issued_on=dt.date(2026, 12, 1), signer_name="A"
            )
    program = services.program_issue(
        plan=program,
        by=users["leader"],
        number="818 / CTr-UBND",
        issued_on=dt.date(YEAR - 1, 11, 30),
        signer_name="Nguyễn Văn An",
    )
    assert program.status == PlanStatus.ISSUED
    assert program.number == "818/CTr-UBND" and program.signer_name == "Nguyễn Văn An"
    version = program.versions.get()
    assert version.number == 1 and version.created_by == users["leader"]
    rows = version.snapshot["appendices"][0]["rows"]
    assert [r["key"] for r in rows] == [f"delegation:{d.pk}"]  # the proposal is not in the plan
    assert rows[0]["cells"]["Tên đoàn"] == d.name
    assert program.history.first().history_user == users["leader"]


@pytest.mark.parametrize(("number", "signer"), [("", "A"), ("CTr-UBND", "A"), ("818/CTr-UBND", " ")])
def test_issue_refuses_a_bad_number_or_no_signer(users, number, signer):
    program = services.program_submit(plan=ProgramFactory(year=YEAR), by=users["coordinator"])
    with pytest.raises(WorkflowError):
        services.program_issue(
            plan=program, by=users["leader"], number=number, issued_on=dt.date(2026, 12, 1), signer_name=signer
        )
    program.refresh_from_db()
    assert program.status == PlanStatus.CONSOLIDATED and not PlanVersion.objects.exists()


def test_adjustment_round_opens_before_the_deadline_once(users):
    program = issue(ProgramFactory(year=YEAR), users)
    with pytest.raises(WorkflowError, match="quá hạn"):
        services.program_open_adjustment(plan=program, by=users["coordinator"], today=dt.date(YEAR, 3, 31))
    with pytest.raises(StepPermissionDenied):
        services.program_open_adjustment(plan=program, by=users["leader"], today=dt.date(YEAR, 3, 1))
    program = services.program_open_adjustment(plan=program, by=users["coordinator"], today=dt.date(YEAR, 3, 30))
    assert program.adjustment_opened_on == dt.date(YEAR, 3, 30) and program.adjustment_open
    assert program.status == PlanStatus.ISSUED
    with pytest.raises(WorkflowError, match="đã được mở"):
        services.program_open_adjustment(plan=program, by=users["coordinator"], today=dt.date(YEAR, 3, 30))


def test_the_programme_deadline_and_an_explicit_one_are_used(users):
    program = ProgramFactory(year=YEAR, adjustment_deadline=dt.date(YEAR, 2, 28))
    program = issue(program, users)
    with pytest.raises(WorkflowError, match="28/02/2027"):
        services.program_open_adjustment(plan=program, by=users["coordinator"], today=dt.date(YEAR, 3, 1))
    program = services.program_open_adjustment(
        plan=program, by=users["coordinator"], today=dt.date(YEAR, 3, 1), deadline=dt.date(YEAR, 4, 10)
    )
    assert program.adjustment_deadline == dt.date(YEAR, 4, 10)


def test_record_version_needs_an_open_round_and_makes_version_2(users):
    officer_unit = users["officer1"].unit
    kept = DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN, proposing_unit=officer_unit)
    dropped = DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN, proposing_unit=officer_unit)
    program = issue(ProgramFactory(year=YEAR), users)
    with pytest.raises(WorkflowError, match="Chưa mở"):
        services.program_record_version(plan=program, by=users["coordinator"])
    services.program_open_adjustment(plan=program, by=users["coordinator"], today=dt.date(YEAR, 3, 1))
    delegation_services.delegation_cancel(delegation=dropped, by=users["leader"], reason="Đối tác lùi lịch")
    added = DelegationFactory(year=YEAR, status=DelegationStatus.APPROVED, proposing_unit=officer_unit)

    program = services.program_record_version(plan=program, by=users["coordinator"], note="Đợt tháng 3")
    assert program.status == PlanStatus.ADJUSTED
    version = program.versions.get(number=2)
    assert version.note == "Đợt tháng 3" and version.created_by == users["coordinator"]
    keys = {r["key"] for r in version.snapshot["appendices"][0]["rows"]}
    assert keys == {f"delegation:{kept.pk}", f"delegation:{added.pk}"}
    assert BusinessEvent.objects.filter(object_id=program.pk, verb="version").exists()
    with pytest.raises(WorkflowError):  # the plan is adjusted once a year
        services.program_open_adjustment(plan=program, by=users["coordinator"], today=dt.date(YEAR, 3, 2))


def test_items_are_added_in_order_with_history(users):
    program = ProgramFactory(year=YEAR)
    top = services.plan_task_create(plan=program, by=users["coordinator"], section="I", text="MỤC ĐÍCH")
    first = services.plan_task_create(plan=program, by=users["coordinator"], parent=top, text="Một")
    second = services.plan_task_create(
        plan=program,
        by=users["coordinator"],
        parent=top,
        text="Hai",
        lead_unit=users["officer1"].unit,
        coordinating_units=[users["officer2"].unit],
    )
    assert first.order < second.order
    assert list(second.coordinating_units.all()) == [users["officer2"].unit]
    assert second.history.first().history_user == users["coordinator"]
    other = ProgramFactory(year=YEAR + 1)
    with pytest.raises(WorkflowError, match="cùng kế hoạch"):
        services.plan_task_create(plan=other, by=users["coordinator"], parent=top, text="Sai")


def test_an_item_with_sub_items_is_not_deleted(users):
    parent = ProgramItemFactory()
    child = ProgramItemFactory(plan=parent.plan, parent=parent)
    with pytest.raises(WorkflowError, match="còn 1 mục con"):
        services.plan_task_delete(item=parent, by=users["coordinator"])
    with pytest.raises(WorkflowError):
        services.plan_task_delete(item=child, by=users["leader"])  # readers do not delete
    services.plan_task_delete(item=child, by=users["coordinator"])
    services.plan_task_delete(item=parent, by=users["coordinator"])
    assert not PlanTask.objects.exists()
    assert PlanTask.history.filter(history_type="-").count() == 2


def test_a_draft_programme_is_deleted_with_its_tree(users):
    parent = ProgramItemFactory()
    ProgramItemFactory(plan=parent.plan, parent=parent)
    object_delete(obj=parent.plan, by=users["coordinator"])
    assert not Plan.objects.exists() and not PlanTask.objects.exists()
    issued = issue(ProgramFactory(year=YEAR + 1), users)
    with pytest.raises(WorkflowError):
        object_delete(obj=issued, by=users["coordinator"])
