"""An issued external-information plan with known tasks, progress and recipients (dates relative to today)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from doingoai.core.choices import Role
from doingoai.programs import services
from doingoai.programs.models import Pillar, Plan, PlanKind, PlanTask
from tests.factories import UnitFactory, UserFactory

TODAY = timezone.localdate()


@dataclass
class InfoPlan:
    plan: Plan
    late: PlanTask  # officer1's unit, 10 days overdue, 40 %
    soon: PlanTask  # officer1's unit, due in 40 days, people's pillar
    late2: PlanTask  # officer2's unit, 3 days overdue, never reported
    reported: PlanTask  # officer2's unit, quarterly, reported done
    outsider: Any  # an officer of a unit the plan does not address


def make_info_plan(users: dict[str, Any], *, issue: bool = True) -> InfoPlan:
    coord, o1, o2 = users["coordinator"], users["officer1"], users["officer2"]
    plan = services.plan_create(
        by=coord,
        values={
            "kind": PlanKind.INFORMATION,
            "year": TODAY.year,
            "title": f"Kế hoạch công tác thông tin đối ngoại năm {TODAY.year}",
            "coordinating_unit": coord.unit,
            "response_days": 15,
            "signer_position": "Phó Chủ tịch",
            "units": [o1.unit, o2.unit],
        },
    )
    root = services.plan_task_create(plan=plan, by=coord, text="NHIỆM VỤ CỤ THỂ", section="II")

    def task(section: str, text: str, lead: Any, **kw: Any) -> PlanTask:
        return services.plan_task_create(
            plan=plan, by=coord, parent=root, section=section, text=text, lead_unit=lead, **kw
        )

    late = task(
        "II.1",
        "Xây dựng chuyên mục quảng bá du lịch bằng tiếng Lào",
        o1.unit,
        deadline=TODAY - dt.timedelta(days=10),
        pillar=Pillar.STATE,
        coordinating_units=[coord.unit],
        expected_output="Chuyên mục trên cổng TTĐT",
    )
    soon = task(
        "II.2", "Đón đoàn phóng viên nước ngoài", o1.unit, deadline=TODAY + dt.timedelta(days=40), pillar=Pillar.PEOPLE
    )
    late2 = task("II.3", "Quản lý phóng viên nước ngoài tại tỉnh", o2.unit, deadline=TODAY - dt.timedelta(days=3))
    reported = task("II.4", "Cung cấp thông tin về biên giới cho báo chí", o2.unit, recurrence="quarterly")
    if issue:
        plan = services.plan_record_issue(
            plan=plan,
            by=coord,
            number="125/KH-UBND",
            issued_on=TODAY - dt.timedelta(days=30),
            signer_name="Nguyễn Văn Đệ",
        )
        services.task_report_progress(
            plantask=late, by=o1, text="Đang dịch nội dung", percent=40, reported_on=TODAY - dt.timedelta(days=12)
        )
        services.task_report_progress(plantask=soon, by=o1, text="Đã liên hệ Bộ Ngoại giao", percent=20)
        services.task_report_progress(plantask=reported, by=o2, text="Đã cung cấp thông tin quý I", completed=True)
    outsider = UserFactory(username="officer3", role=Role.UNIT_OFFICER, unit=UnitFactory(name="Sở Y tế"))
    refresh = PlanTask.objects.get
    return InfoPlan(
        plan, refresh(pk=late.pk), refresh(pk=soon.pk), refresh(pk=late2.pk), refresh(pk=reported.pk), outsider
    )


@pytest.fixture
def info_plan(users) -> InfoPlan:
    return make_info_plan(users)
