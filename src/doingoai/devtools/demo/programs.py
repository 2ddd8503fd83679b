"""Demo programmes: this year's (issued, with its adjustment round) and next year's (consolidated, waiting for the
leader to issue it), each with a body tree.

Called once from `doingoai.devtools.demo.load_demo` after the registries are filled, so that the appendices
are drawn from the demo's delegations, conferences and agreements. Every write goes through the services, as
the user who would take the step (the coordinator drafts and submits, the leader issues). The programmes' body
and the delegation the adjustment round adds are data/programs.toml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from doingoai.core.selectors import round_anniversaries
from doingoai.core.workflow import save_tracked
from doingoai.delegations import services as delegation_services
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.devtools.demo.plan import DelegationSpec, create_delegation
from doingoai.devtools.demo.records import read_toml, records
from doingoai.devtools.demo.tasks import build_tasks_demo
from doingoai.programs import services
from doingoai.programs.models import Pillar, Plan
from doingoai.programs.selectors import plan_appendices, plan_counts


@dataclass
class ItemSpec:
    section: str
    text: str
    pillar: Pillar = Pillar.GENERAL
    domain: str = ""
    lead: str = ""  # UnitSpec key of the demo
    coordinating: tuple[str, ...] = ()
    deadline: tuple[int, int] | None = None  # (month, day) in the programme's year
    children: list[ItemSpec] = field(default_factory=list)


_DATA = read_toml("programs.toml")
ADJUSTMENT = records(DelegationSpec, [_DATA["adjustment"]])[0]  # the delegation the adjustment round adds


def _items(rows: list[dict[str, Any]], values: dict[str, Any]) -> list[ItemSpec]:
    items = records(ItemSpec, [{key: value for key, value in row.items() if key != "children"} for row in rows])
    for item, row in zip(items, rows, strict=True):
        item.text = item.text.format(**values)
        item.children = _items(row.get("children", []), values)
    return items


def body_specs(*, year: int, province: str, coordinator: str, counts: Any, anniversaries: list[str]) -> list[ItemSpec]:
    """The body of a demo programme: purposes, the three pillars' tasks, funding, organisation (programs.toml)."""
    values = {
        "year": year,
        "province": province,
        "coordinator": coordinator,
        "outbound": counts.outbound,
        "inbound": counts.inbound,
        "conferences": counts.conferences,
        "agreements": counts.agreements,
        "anniversaries": "; ".join(anniversaries[:4]),
    }
    body = _items(_DATA["item"], values)
    if anniversaries:
        focus = next(child for item in body for child in item.children if child.section == "II.1")
        focus.children += _items([_DATA["anniversaries"]], values)
    return body


def _add_items(builder: Any, program: Plan, specs: list[ItemSpec], parent: Any) -> int:
    count = 0
    for spec in specs:
        deadline = dt.date(program.year, *spec.deadline) if spec.deadline else None
        item = services.plan_task_create(
            plan=program,
            by=builder.coordinator,
            parent=parent,
            section=spec.section,
            text=spec.text,
            pillar=spec.pillar,
            domain=spec.domain,
            lead_unit=builder.units.get(spec.lead) if spec.lead else None,
            coordinating_units=[builder.units[k] for k in spec.coordinating if k in builder.units],
            deadline=deadline,
        )
        count += 1 + _add_items(builder, program, spec.children, item)
    return count


def _anniversaries(year: int) -> list[str]:
    return [f"{a.years} năm với {a.relation.country_name}" for a in round_anniversaries(year=year)]


def _program(builder: Any, year: int, *, issued: bool) -> Plan:
    counts = plan_counts(plan_appendices(year=year))
    program = services.program_create(
        year=year,
        by=builder.coordinator,
        signer_name="Bùi Thanh Sơn" if issued else "",
        planned_outbound=counts.outbound if issued else None,
        planned_inbound=counts.inbound if issued else None,
        planned_conferences=counts.conferences if issued else None,
        planned_agreements=counts.agreements if issued else None,
    )
    specs = body_specs(
        year=year,
        province=builder.province,
        coordinator=builder.units["songoaivu"].name,
        counts=counts,
        anniversaries=_anniversaries(year),
    )
    _add_items(builder, program, specs, None)
    return program


def _adjust_the_plan(builder: Any, year: int) -> None:
    """What an adjustment round changes: one inbound visit dropped, one moved, one added."""
    planned = list(
        Delegation.objects.filter(year=year, direction=Direction.IN, status=DelegationStatus.IN_PLAN)
        .exclude(budget_status="returned")  # the estimate sent back stays in the plan, waiting for its unit
        .order_by("id")
    )
    if len(planned) >= 3:
        builder.step(
            delegation_services.delegation_cancel,
            delegation=planned[0],
            by=builder.leader,
            reason="Đối tác đề nghị lùi sang năm sau (điều chỉnh kế hoạch)",
        )
        moved = planned[1]
        moved.time_text = "Quý IV"
        save_tracked(moved, by=builder.coordinator, reason="Điều chỉnh kế hoạch")
    added = create_delegation(builder, ADJUSTMENT, year, ADJUSTMENT.time_text, ADJUSTMENT.size)
    officer = builder.officers.get(ADJUSTMENT.unit, builder.coordinator)
    added = builder.step(delegation_services.delegation_submit, delegation=added, by=officer)
    builder.step(delegation_services.delegation_include_in_plan, delegation=added, by=builder.coordinator)


def load_programs(builder: Any) -> int:
    """This year's programme (issued; adjusted when the demo day is past the deadline) and next year's draft, then
    the units' progress on this year's tasks and the plans beside the programme (`tasks`)."""
    year = builder.year
    current = _program(builder, year, issued=True)
    current = builder.step(services.program_submit, plan=current, by=builder.coordinator)
    current = builder.step(
        services.program_issue,
        plan=current,
        by=builder.leader,
        number=builder.ref("{}/CTr-UBND"),
        issued_on=dt.date(year - 1, 12, 28),
        signer_name="Bùi Thanh Sơn",
        signer_position="Phó Chủ tịch",
    )
    deadline = current.adjustment_deadline or dt.date(year, 3, 30)
    if builder.today <= deadline:
        builder.step(services.program_open_adjustment, plan=current, by=builder.coordinator, today=builder.today)
    else:
        opened = deadline - dt.timedelta(days=28)
        builder.step(services.program_open_adjustment, plan=current, by=builder.coordinator, today=opened)
        _adjust_the_plan(builder, year)
        builder.step(
            services.program_record_version,
            plan=current,
            by=builder.coordinator,
            note="Điều chỉnh theo đề xuất của các đơn vị trong đợt tháng 3",
        )
    following = _program(builder, year + 1, issued=False)
    builder.step(services.program_submit, plan=following, by=builder.coordinator)
    return 2 + build_tasks_demo(builder, current)
