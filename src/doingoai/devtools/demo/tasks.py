"""Demo follow-up of plans: the units' progress on this year's programme, the steering committee's
external-information plan (followed up by the committee's standing agency), and a notice of a leader's
conclusions that assigns one task (followed up by the People's Committee's office).

Every write goes through the services as the user who would take the step: the plan's coordinating unit drafts
the plan, records its issue and reviews; the lead unit's officer reports. Each task ends in the status the data
names (data/plans.toml), so the demo shows every status: not started, in progress, reported, done, returned,
cancelled and overdue. officer1 (tourism) and officer2 (police) have tasks of their own to act on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from doingoai.core.choices import Role
from doingoai.core.models import Unit, User
from doingoai.core.schedule import parse_regime
from doingoai.core.services import object_create
from doingoai.devtools.demo.records import read_toml, records
from doingoai.devtools.demo.units import make_user, random_full_name
from doingoai.programs import services
from doingoai.programs.models import (
    CommitteeMember,
    CommitteeRole,
    Pillar,
    Plan,
    PlanKind,
    PlanTask,
    Recurrence,
    SteeringCommittee,
)
from doingoai.reporting import selectors as reporting_selectors
from doingoai.reporting import services as reporting_services
from doingoai.reporting.models import PeriodKind
from doingoai.reporting.schedule import schedule_entries, suggest_period

STATUSES = ("not_started", "in_progress", "reported", "done", "returned", "cancelled", "overdue")


@dataclass(frozen=True)
class TaskSpec:
    section: str
    text: str
    lead: str
    pillar: Pillar = Pillar.GENERAL
    domain: str = ""
    coordinating: tuple[str, ...] = ()
    deadline: tuple[int, int] | None = None
    due_in_days: int | None = None
    recurrence: Recurrence = Recurrence.NONE
    status: str = "not_started"
    progress: tuple[Any, ...] = ()  # (percent, text)
    review: str = ""


@dataclass(frozen=True)
class MemberSpec:
    full_name: str
    position: str
    unit: str
    role: CommitteeRole


_DATA = read_toml("plans.toml")
for _row in (*_DATA["information"]["task"], *_DATA["notice"]["task"]):
    assert _row.get("status", "not_started") in STATUSES, _row  # noqa: S101 - a typo in the data stops the load

# The programme's tasks are played in this rotation (by their lead unit's officer); cancellation once.
PROGRAMME_ROTATION = ("done", "in_progress", "reported", "in_progress", "done", "not_started", "returned")
PROGRAMME_PROGRESS = (
    "Đã xây dựng kế hoạch chi tiết và triển khai các hoạt động theo tiến độ.",
    "Đã phối hợp với các cơ quan liên quan tổ chức thực hiện; đang hoàn thiện báo cáo kết quả.",
    "Đã hoàn thành các hoạt động chính; kết quả được tổng hợp trong báo cáo gửi kèm.",
)


def _officer(builder: Any, key: str) -> User:
    """The officer who acts for a unit: the demo's own accounts first, else one made for the demo."""
    if key == "songoaivu":
        return builder.coordinator
    if key not in builder.officers:
        name = random_full_name(builder)
        builder.officers[key] = make_user(builder, f"canbo_{key}", Role.UNIT_OFFICER, builder.units[key], name)
    return builder.officers[key]


def _day(builder: Any, after: dt.date, share: float) -> dt.date:
    """A day between `after` and the demo day (the share of the way), never in the future."""
    today: dt.date = builder.today
    if after >= today:
        return today
    return after + dt.timedelta(days=int((today - after).days * share))


def play(
    builder: Any, task: PlanTask, status: str, *, reviewer: User, progress: tuple[Any, ...] = (), review: str = ""
) -> PlanTask:
    """Move `task` to `status` the way the units would: the lead unit reports, the plan's coordinating unit reviews."""
    issued: dt.date = task.plan.issued_on or builder.today
    officer = _officer(builder, builder.key_of(task.lead_unit_id)) if task.lead_unit_id else reviewer
    percent, text = progress or (builder.rng.choice([30, 50, 60]), builder.rng.choice(PROGRAMME_PROGRESS))
    if status in ("in_progress", "reported", "done", "returned"):
        if status == "in_progress" or percent < 100:
            task = builder.step(
                services.task_report_progress,
                plantask=task,
                by=officer,
                text=text,
                percent=min(int(percent), 90) if status != "in_progress" else int(percent),
                reported_on=_day(builder, issued, 0.5),
            )
        if status != "in_progress":
            task = builder.step(
                services.task_report_progress,
                plantask=task,
                by=officer,
                text=text if percent == 100 else "Đã hoàn thành nhiệm vụ; báo cáo kết quả gửi kèm.",
                completed=True,
                reported_on=_day(builder, issued, 0.8),
            )
    if status == "done":
        task = builder.step(services.task_close, plantask=task, by=reviewer, comment="Đã hoàn thành, đạt yêu cầu.")
    elif status == "returned":
        comment = review or "Đề nghị bổ sung kết quả cụ thể (số liệu, sản phẩm) trước khi xác nhận hoàn thành."
        task = builder.step(services.task_return, plantask=task, by=reviewer, comment=comment)
    elif status == "cancelled":
        comment = review or "Không thực hiện theo ý kiến chỉ đạo của Ủy ban nhân dân tỉnh."
        task = builder.step(services.task_cancel, plantask=task, by=reviewer, comment=comment)
    return task


def play_programme(builder: Any, programme: Plan) -> None:
    """Progress on this year's programme: each task with a lead unit moves on in turn; one is cancelled."""
    tasks = list(programme.tasks.filter(lead_unit__isnull=False).order_by("pk"))
    for i, task in enumerate(tasks):
        status = "cancelled" if i == len(tasks) // 2 else PROGRAMME_ROTATION[i % len(PROGRAMME_ROTATION)]
        key = builder.key_of(task.lead_unit_id)
        if key != "songoaivu" and key not in builder.officers:
            status = "not_started"  # no demo account in that unit: its tasks wait
        play(builder, task, status, reviewer=builder.coordinator)


def _tasks(builder: Any, plan: Plan, rows: list[dict[str, Any]], by: User) -> list[tuple[PlanTask, TaskSpec]]:
    created = []
    for spec in records(TaskSpec, rows):
        deadline = dt.date(plan.year, *spec.deadline) if spec.deadline else None
        if spec.due_in_days is not None:
            deadline = builder.today + dt.timedelta(days=spec.due_in_days)
        if spec.status == "overdue":
            deadline = max(builder.today - dt.timedelta(days=10), dt.date(plan.year, 1, 1))
        task = services.plan_task_create(
            plan=plan,
            by=by,
            section=spec.section,
            text=spec.text.format(year=plan.year, province=builder.province),
            pillar=spec.pillar,
            domain=spec.domain,
            lead_unit=builder.units[spec.lead],
            coordinating_units=[builder.units[k] for k in spec.coordinating],
            deadline=deadline,
            recurrence=spec.recurrence,
        )
        created.append((task, spec))
    return created


def _issue_date(
    builder: Any, month_day: tuple[int, int] | None, days_ago: int, tasks: list[tuple[PlanTask, TaskSpec]]
) -> dt.date:
    """The plan's issue date: as the data says when it has passed, else `days_ago` before the demo day; never
    after a task's deadline."""
    day = dt.date(builder.year, *month_day) if month_day else builder.today - dt.timedelta(days=days_ago)
    if day >= builder.today:
        day = builder.today - dt.timedelta(days=days_ago)
    deadlines = [task.deadline for task, _ in tasks if task.deadline]
    return min([day, *deadlines])


def build_committee(builder: Any) -> SteeringCommittee:
    data = _DATA["committee"]
    committee = object_create(
        model=SteeringCommittee,
        by=builder.coordinator,
        values={
            "name": data["name"].format(province=builder.province),
            "decision": data["decision"],
            "standing_unit": builder.units[data["standing_unit"]],
            "helper_units": [builder.units[k] for k in data["helper_units"]],
        },
    )
    for member in records(MemberSpec, data["member"]):
        object_create(
            model=CommitteeMember,
            by=builder.coordinator,
            values={
                "committee": committee,
                "full_name": member.full_name,
                "position": member.position,
                "unit": builder.units[member.unit],
                "role": member.role,
                "term_start": dt.date(builder.year - 1, 3, 15),
            },
        )
    return committee


def build_information_plan(builder: Any) -> Plan:
    """The committee's plan: drafted and recorded as issued by the standing agency, tasks for the members' units."""
    data = _DATA["information"]
    committee = build_committee(builder)
    standing = _officer(builder, builder.key_of(committee.standing_unit_id))
    member_units = list(Unit.objects.filter(pk__in=committee.members.values("unit")).order_by("pk"))
    plan = services.plan_create(
        by=standing,
        values={
            "kind": PlanKind.INFORMATION,
            "year": builder.year,
            "title": data["title"].format(year=builder.year),
            "issuer": data["issuer"].format(province=builder.province),
            "committee": committee,
            "units": member_units,
            "reporting": parse_regime(data["reporting"]),
        },
    )
    tasks = _tasks(builder, plan, data["task"], standing)
    plan = builder.step(
        services.plan_record_issue,
        plan=plan,
        by=standing,
        number=builder.ref(data["number"]),
        issued_on=_issue_date(builder, tuple(data["issued"]), 60, tasks),
        signer_name=data["signer_name"],
        signer_position=data["signer_position"],
    )
    for task, spec in tasks:
        task.refresh_from_db()
        play(builder, task, spec.status, reviewer=standing, progress=spec.progress, review=spec.review)
    _open_monthly_period(builder, plan, standing, member_units)
    return plan


def _open_monthly_period(builder: Any, plan: Plan, by: User, units: list[Unit]) -> None:
    """The committee's report for this month, due on the plan's day; the border guard has sent its report."""
    name, entries = schedule_entries(None, plan=plan)
    s = suggest_period(
        kind=PeriodKind.MONTHLY, year=builder.year, entries=entries, schedule_name=name, month=builder.today.month
    )
    period = reporting_services.period_open(
        by=by,
        kind=s.kind,
        year=s.year,
        label=s.label,
        start=s.start,
        end=s.end,
        due_date=s.due_date,
        units=units,
        plan=plan,
        basis=s.basis,
    )
    officer = _officer(builder, "bdbp")
    report = period.reports.get(unit=officer.unit)
    facts = reporting_selectors.unit_report_facts(unit=report.unit, period=period, user=officer)
    texts = reporting_selectors.report_form_texts(report=report, facts=facts)
    builder.step(reporting_services.unit_report_submit, report=report, by=officer, texts=texts)


def build_notice(builder: Any) -> Plan:
    """A notice of the chairman's conclusions: one task to the tourism department, reported, awaiting review."""
    data = _DATA["notice"]
    plan = services.plan_create(
        by=builder.coordinator,
        values={
            "kind": PlanKind.NOTICE,
            "year": builder.year,
            "title": data["title"],
            "issuer": data["issuer"],
            "coordinating_unit": builder.units[data["coordinating_unit"]],
            "units": [builder.units[row["lead"]] for row in data["task"]],
        },
    )
    follower = _officer(builder, data["coordinating_unit"])
    tasks = _tasks(builder, plan, data["task"], follower)
    plan = builder.step(
        services.plan_record_issue,
        plan=plan,
        by=follower,
        number=builder.ref(data["number"]),
        issued_on=_issue_date(builder, None, 30, tasks),
        signer_name=data["signer_name"],
        signer_position=data["signer_position"],
    )
    for task, spec in tasks:
        task.refresh_from_db()
        play(builder, task, spec.status, reviewer=follower, progress=spec.progress, review=spec.review)
    return plan


def build_tasks_demo(builder: Any, programme: Plan) -> int:
    """Progress on the programme and the two other plans; returns the number of plans written here."""
    play_programme(builder, programme)
    build_information_plan(builder)
    build_notice(builder)
    return 2
