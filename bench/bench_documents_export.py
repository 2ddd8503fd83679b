"""Export of a programme with 150 appendix rows: the whole .docx (selectors + writer) and each appendix as .xlsx.

Runs inside `./dev bench` (Django is set up). The records are written in a transaction that is rolled back, so
the database is left as it was.
"""

from __future__ import annotations

import time
from typing import Any

from django.db import transaction

from doingoai.agreements.models import Agreement
from doingoai.conferences.models import Conference
from doingoai.core.choices import FundingSource, Region, UnitKind
from doingoai.core.models import Country, Unit
from doingoai.delegations.models import Delegation, DelegationGroup, Direction
from doingoai.programs.exports import appendix_xlsx, program_docx
from doingoai.programs.models import Plan, PlanTask

YEAR = 2099  # a year no real plan uses; everything is rolled back anyway
GROUPS = [
    DelegationGroup.CENTRAL_LEADERS,
    DelegationGroup.PROVINCIAL_LEADERS,
    DelegationGroup.DEPARTMENTS,
    DelegationGroup.ARMED_FORCES,
    DelegationGroup.DISTRICTS,
]
TIMES = ["Quý I", "Quý II", "Quý II/Quý III", "Tháng 9", "Tháng 11-12"]


def _fill(rows: int) -> None:
    laos, _ = Country.objects.get_or_create(code="LA", defaults={"name_vi": "Lào", "region": Region.LAO})
    japan, _ = Country.objects.get_or_create(code="JP", defaults={"name_vi": "Nhật Bản", "region": Region.NEA})
    units = {
        kind: Unit.objects.create(name=f"Đơn vị đo hiệu năng ({kind})", kind=kind)
        for kind in (UnitKind.DEPARTMENT, UnitKind.ARMED_FORCE, UnitKind.DISTRICT, UnitKind.PARTY)
    }
    unit_of = {
        DelegationGroup.CENTRAL_LEADERS: units[UnitKind.PARTY],
        DelegationGroup.PROVINCIAL_LEADERS: units[UnitKind.PARTY],
        DelegationGroup.DEPARTMENTS: units[UnitKind.DEPARTMENT],
        DelegationGroup.ARMED_FORCES: units[UnitKind.ARMED_FORCE],
        DelegationGroup.DISTRICTS: units[UnitKind.DISTRICT],
    }
    delegations = rows - 20  # and 10 conferences, 10 agreements
    for i in range(delegations):
        group = GROUPS[i % len(GROUPS)]
        d = Delegation.objects.create(
            year=YEAR,
            direction=Direction.OUT if i % 3 else Direction.IN,
            group=group,
            name=f"Đoàn công tác số {i + 1} làm việc với các đối tác về hợp tác kinh tế, văn hóa",
            capacity="Đoàn công tác",
            head="Giám đốc Sở",
            size=5 + i % 7,
            composition="01 lãnh đạo; 03 chuyên viên; 01 phiên dịch",
            partner_text="Chính quyền tỉnh đối tác",
            purpose="Trao đổi kết quả hợp tác năm trước và thống nhất kế hoạch hợp tác; thăm một số cơ sở",
            duration_text="05 ngày",
            time_text=TIMES[i % len(TIMES)],
            funding_source=FundingSource.PROVINCE,
            uses_state_budget=i % 11 != 0,
            proposing_unit=unit_of[group],
            status="in_plan",
        )
        d.countries.set([laos if i % 4 else japan])
    for i in range(10):
        Conference.objects.create(
            year=YEAR,
            title=f"Hội thảo quốc tế số {i + 1} về hợp tác phát triển",
            partner_text="Tổ chức quốc tế",
            delegates_vn=100,
            delegates_foreign_in_vn=10,
            delegates_from_abroad=5,
            time_text=TIMES[i % len(TIMES)],
            funding_source=FundingSource.PROVINCE,
            organising_unit=units[UnitKind.DEPARTMENT],
            status="proposed",
        )
        Agreement.objects.create(
            year=YEAR,
            title=f"Thỏa thuận hợp tác số {i + 1}",
            country=laos,
            partner_text="Chính quyền tỉnh đối tác",
            time_text="Quý III",
            proposing_unit=units[UnitKind.DEPARTMENT],
            status="proposed",
        )
    program = Plan.objects.create(year=YEAR)
    for i in range(4):
        top = PlanTask.objects.create(plan=program, section=["I", "II", "III", "IV"][i], text="MỤC LỚN", order=i)
        for j in range(8):
            PlanTask.objects.create(
                plan=program,
                parent=top,
                section=f"{top.section}.{j + 1}",
                text="Nhiệm vụ của Chương trình, viết trong một đoạn văn có độ dài thường gặp trong các văn bản.",
                order=j,
            )


def _best_of(repeat: int, action: Any) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def bench_export_program(quick: bool = False) -> dict[str, Any]:
    """Seconds (best of 3) to export a programme with 150 appendix rows as .docx, and each appendix as .xlsx."""
    rows = 60 if quick else 150
    repeat = 1 if quick else 3
    with transaction.atomic():
        _fill(rows)
        docx_seconds, docx = _best_of(repeat, lambda: program_docx(year=YEAR))
        xlsx = {number: _best_of(repeat, lambda n=number: appendix_xlsx(year=YEAR, number=n)) for number in "1234"}
        transaction.set_rollback(True)
    return {
        "appendix_rows": rows,
        "docx_seconds": round(docx_seconds, 3),
        "docx_bytes": len(docx.content),
        "xlsx_seconds": {n: round(s, 3) for n, (s, _) in xlsx.items()},
        "xlsx_bytes": {n: len(r.content) for n, (_, r) in xlsx.items()},
    }
