"""Reads of plans and the programme: tasks by status, what a unit was assigned, the year's appendices (laid
out in `programs.appendices`), the body tree, the versions of the plan and what changed between them.
The Decree 30 document is assembled in `programs.documents`.

The appendices are never stored with the programme: Phụ lục 1–4 are read from the delegations, conferences and
agreements of the year each time. A `PlanVersion` keeps a frozen copy of those rows (with the ids of their
records) so that versions can be compared.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core.choices import FundingSource
from doingoai.core.models import Unit
from doingoai.core.schedule import describe_entries
from doingoai.programs.appendices import (
    PlanAppendix,
    agreement_appendix,
    conference_appendix,
    inbound_appendix,
    outbound_appendix,
)
from doingoai.programs.models import (
    OPEN_TASK_STATUSES,
    OVERDUE,
    Plan,
    PlanKind,
    PlanStatus,
    PlanTask,
    PlanVersion,
    TaskProgress,
    TaskStatus,
    overdue_q,
)


def plan_appendices(*, year: int, user: Any | None = None) -> list[PlanAppendix]:
    """Phụ lục 1–4 of `year`, live; with `user`, only the records that user may see."""
    return [
        outbound_appendix(year=year, user=user),
        inbound_appendix(year=year, user=user),
        conference_appendix(year=year, user=user),
        agreement_appendix(year=year, user=user),
    ]


def plan_snapshot(*, year: int, user: Any | None = None) -> dict[str, Any]:
    """The rows of the four appendices (with record ids) as stored in a PlanVersion."""
    return {"year": year, "appendices": [a.snapshot() for a in plan_appendices(year=year, user=user)]}


@dataclass(frozen=True)
class PlanCounts:
    outbound: int
    inbound: int
    conferences: int
    agreements: int


def plan_counts(appendices: Sequence[PlanAppendix]) -> PlanCounts:
    by_number = {a.number: a.count for a in appendices}
    return PlanCounts(by_number["1"], by_number["2"], by_number["3"], by_number["4"])


# ------------------------------------------------------------------------------------------------ programmes


def program_list(*, user: Any) -> QuerySet[Plan]:
    return Plan.objects.restrict(user, "view")


def program_for_year(*, year: int) -> Plan | None:
    return Plan.objects.filter(year=year, kind=PlanKind.PROGRAM).first()


@dataclass
class ItemNode:
    item: PlanTask
    label: str  # "II.", "4.", "a)", "-", "+"
    depth: int
    children: list[ItemNode] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.label} {self.item.text}".strip()


_ROMAN_RE = re.compile(r"^[IVXLC]+$")
_DIGITS_RE = re.compile(r"^\d+$")
_LETTER_RE = re.compile(r"^[a-zđ]{1,2}$")


def section_label(section: str, parent_section: str | None, parent_label: str | None) -> str:
    """The marker printed before an item: "II." for II, "4." for II.4, "a)" for II.4.a, "-" for a bullet.

    A bullet is an item without a section of its own (empty, or the same as its parent's); a bullet under a
    bullet is "+".
    """
    section = section.strip().rstrip(".")
    if not section or (parent_section is not None and section == parent_section.strip().rstrip(".")):
        return "+" if parent_label in {"-", "+"} else "-"
    last = section.split(".")[-1].strip()
    if last in {"-", "+"}:
        return last
    if _ROMAN_RE.match(last):
        return f"{last}."
    if _DIGITS_RE.match(last):
        return f"{last}."
    if _LETTER_RE.match(last):
        return f"{last})"
    return last


def program_tree(*, plan: Plan) -> list[ItemNode]:
    """The body as a tree of nodes (children ordered by `order`, then creation)."""
    items = list(
        PlanTask.objects.filter(plan=plan)
        .select_related("lead_unit")
        .prefetch_related("coordinating_units")
        .order_by("order", "id")
    )
    children: dict[int | None, list[PlanTask]] = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)

    def build(parent: PlanTask | None, parent_label: str | None, depth: int) -> list[ItemNode]:
        nodes = []
        for item in children.get(parent.pk if parent else None, []):
            label = section_label(item.section, parent.section if parent else None, parent_label)
            node = ItemNode(item, label, depth)
            node.children = build(item, label, depth + 1)
            nodes.append(node)
        return nodes

    return build(None, None, 0)


def walk_tree(nodes: Sequence[ItemNode]) -> Iterator[ItemNode]:
    for node in nodes:
        yield node
        yield from walk_tree(node.children)


def next_item_order(*, plan: Plan, parent: PlanTask | None) -> int:
    last = (
        PlanTask.objects.filter(plan=plan, parent=parent).order_by("-order").values_list("order", flat=True)
    ).first()
    return (last or 0) + 10


# ------------------------------------------------------------------------------------------------ versions


def program_versions(*, plan: Plan) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(plan=plan).select_related("created_by").order_by("number")


@dataclass
class RowChange:
    key: str
    title: str
    url: str
    fields: list[tuple[str, str, str]]  # (column, before, after)


@dataclass
class AppendixDiff:
    number: str
    title: str
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[RowChange]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


_DETAIL_URLS = {
    "delegation": "delegations:delegation_detail",
    "conference": "conferences:conference_detail",
    "agreement": "agreements:agreement_detail",
}


def row_url(key: str) -> str:
    model, _, pk = key.partition(":")
    name = _DETAIL_URLS.get(model)
    return reverse(name, args=[int(pk)]) if name and pk.isdigit() else ""


def _row_title(row: dict[str, Any]) -> str:
    cells = row.get("cells", {})
    for column in SNAPSHOT_NAME_COLUMNS:
        if cells.get(column):
            return str(cells[column])
    return next((str(v) for v in cells.values() if v), row.get("key", ""))


# The name columns of a stored appendix snapshot: the appendices' Vietnamese headings, as they were saved.
SNAPSHOT_NAME_COLUMNS = ("Tên đoàn", "Tên/Chủ đề/Nội dung hội nghị, hội thảo", "Tên văn bản")
GROUP_FIELD = "Nhóm trong phụ lục"
# A record postponed or cancelled stays listed (with its status) but is out of the plan: a version that takes it
# out has removed it, one that resumes it has added it. Snapshots older than the status key count every row.
OUT_OF_PLAN = {"postponed": "Tạm hoãn", "cancelled": "Hủy"}


def _in_plan(appendix: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    rows = (appendix or {}).get("rows", [])
    return {r["key"]: r for r in rows if r.get("status", "") not in OUT_OF_PLAN}


def version_diff(before: dict[str, Any], after: dict[str, Any]) -> list[AppendixDiff]:
    """What changed between two snapshots, per appendix: rows added, removed, and changed (with the fields)."""
    old = {a["number"]: a for a in before.get("appendices", [])}
    new = {a["number"]: a for a in after.get("appendices", [])}
    result = []
    for number in sorted(set(old) | set(new)):
        a_rows, b_rows = _in_plan(old.get(number)), _in_plan(new.get(number))
        listed = {r["key"]: r for r in new.get(number, {}).get("rows", [])}
        title = (new.get(number) or old.get(number) or {}).get("title", "")
        added = [r | {"title": _row_title(r), "url": row_url(r["key"])} for k, r in b_rows.items() if k not in a_rows]
        removed = [
            r | {"title": _row_title(r), "url": row_url(k), "why": OUT_OF_PLAN.get(listed.get(k, {}).get("status", ""))}
            for k, r in a_rows.items()
            if k not in b_rows
        ]
        changed = []
        for key in (k for k in b_rows if k in a_rows):
            a, b = a_rows[key], b_rows[key]
            fields = []
            if a.get("group") != b.get("group"):
                fields.append((GROUP_FIELD, a.get("group", ""), b.get("group", "")))
            columns = list(dict.fromkeys([*a.get("cells", {}), *b.get("cells", {})]))
            for column in columns:
                x, y = a["cells"].get(column, ""), b["cells"].get(column, "")
                if x != y:
                    fields.append((column, x, y))
            if fields:
                changed.append(RowChange(key, _row_title(b), row_url(key), fields))
        result.append(AppendixDiff(number, title, added, removed, changed))
    return result


# ------------------------------------------------------------------------------------------------ tasks


@dataclass
class TaskSummary:
    total: int
    by_status: list[tuple[str, str, str, int]]  # (value, label, colour, count), "overdue" among them
    overdue: int


def task_summary(*, plan: Plan, today: dt.date | None = None) -> TaskSummary:
    """How many of the plan's tasks are in each status; overdue counted apart. A task is an item with a lead
    unit: headings and the body's descriptive items are not assignments."""
    leaves = PlanTask.objects.filter(plan=plan, lead_unit__isnull=False)
    counts = dict(leaves.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    overdue = leaves.filter(overdue_q(today)).count()
    rows = [(value, str(label), TaskStatus(value).colour, counts.get(value, 0)) for value, label in TaskStatus.choices]
    rows.append((OVERDUE[0], str(OVERDUE[1]), "danger", overdue))
    return TaskSummary(sum(counts.values()), rows, overdue)


def task_updates(*, task: PlanTask) -> QuerySet[TaskProgress]:
    return TaskProgress.objects.filter(task=task).select_related("unit", "author").order_by("-reported_on", "-id")


def regime_display(plan: Plan) -> str:
    """The plan's reporting regime in words ("báo cáo tháng trước ngày 20 hằng tháng; …")."""
    return describe_entries(plan.reporting or [])


def assigned_tasks(*, unit_id: int, today: dt.date | None = None) -> QuerySet[PlanTask]:
    """What a unit was assigned across all plans: open tasks it leads, overdue first, then by deadline."""
    today = today or timezone.localdate()
    return (
        PlanTask.objects.filter(lead_unit_id=unit_id, status__in=OPEN_TASK_STATUSES)
        .exclude(plan__status__in=[PlanStatus.DRAFT, PlanStatus.CONSOLIDATED])
        .select_related("plan")
        .annotate(late=Case(When(deadline__lt=today, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("late", F("deadline").asc(nulls_last=True), "plan_id", "order")
    )


# ------------------------------------------------------------------------------------------------ a plan's tasks

OVERDUE_FIRST = "late"  # the annotation that puts overdue tasks first


def _late_first(tasks: QuerySet[PlanTask], today: dt.date) -> QuerySet[PlanTask]:
    late = Case(
        When(overdue_q(today), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return tasks.annotate(**{OVERDUE_FIRST: late}).order_by(
        OVERDUE_FIRST, F("deadline").asc(nulls_last=True), "order", "id"
    )


@dataclass(frozen=True)
class TaskFilter:
    """The plan page's filters: lead unit (id), pillar, status (a TaskStatus value or "overdue")."""

    lead_unit: int | None = None
    pillar: str = ""
    status: str = ""

    @property
    def active(self) -> bool:
        return bool(self.lead_unit or self.pillar or self.status)


def plan_tasks(*, plan: Plan, filters: TaskFilter | None = None, today: dt.date | None = None) -> QuerySet[PlanTask]:
    """The plan's tasks (items with a lead unit), overdue first, then by deadline (none last), then body order."""
    today = today or timezone.localdate()
    filters = filters or TaskFilter()
    tasks = PlanTask.objects.filter(plan=plan, lead_unit__isnull=False)
    if filters.lead_unit:
        tasks = tasks.filter(lead_unit_id=filters.lead_unit)
    if filters.pillar:
        tasks = tasks.filter(pillar=filters.pillar)
    if filters.status == OVERDUE[0]:
        tasks = tasks.filter(overdue_q(today))
    elif filters.status:
        tasks = tasks.filter(status=filters.status)
    tasks = tasks.select_related("lead_unit").prefetch_related("coordinating_units")
    return _late_first(tasks, today)


@dataclass
class UnitRow:
    unit_id: int
    name: str
    counts: dict[str, int]  # status value (and "overdue") → tasks
    total: int

    @property
    def cells(self) -> list[tuple[str, str, int]]:
        """(status value, colour, count) in the order of UNIT_COLUMNS."""
        return [(value, colour, self.counts.get(value, 0)) for value, _, colour in UNIT_COLUMNS]


def tasks_by_unit(*, plan: Plan, today: dt.date | None = None) -> list[UnitRow]:
    """Per lead unit of the plan: how many of its tasks are in each status, and how many are overdue."""
    today = today or timezone.localdate()
    tasks = PlanTask.objects.filter(plan=plan, lead_unit__isnull=False).order_by()
    rows: dict[int, UnitRow] = {}
    for unit_id, name, status, n in tasks.values_list("lead_unit_id", "lead_unit__name", "status").annotate(
        n=Count("id")
    ):
        row = rows.setdefault(unit_id, UnitRow(unit_id, name, defaultdict(int), 0))
        row.counts[status] += n
        row.total += n
    for unit_id, n in tasks.filter(overdue_q(today)).values_list("lead_unit_id").annotate(n=Count("id")):
        rows[unit_id].counts[OVERDUE[0]] = n
    return sorted(rows.values(), key=lambda r: (-r.counts.get(OVERDUE[0], 0), r.name))


def plan_lead_units(*, plan: Plan) -> list[tuple[int, str]]:
    """(id, name) of the units that lead some task of the plan, by name: the unit filter's choices."""
    rows = (
        PlanTask.objects.filter(plan=plan, lead_unit__isnull=False)
        .order_by("lead_unit__name")
        .values_list("lead_unit_id", "lead_unit__name")
        .distinct()
    )
    return list(rows)


def plan_timeline(*, plan: Plan, limit: int = 15) -> list[TaskProgress]:
    """The latest entries of the progress timelines of all the plan's tasks, newest first."""
    entries = (
        TaskProgress.objects.filter(task__plan=plan)
        .select_related("task", "unit", "author")
        .order_by("-reported_on", "-id")
    )
    return list(entries[:limit])


def tasks_awaiting_confirmation(*, user: Any) -> QuerySet[PlanTask]:
    """Tasks reported done, waiting for the user to confirm: those of the plans the user follows up."""
    rule = Plan.coordinated_by(user)
    tasks = PlanTask.objects.filter(status=TaskStatus.REPORTED)
    if rule is not None:
        tasks = tasks.filter(plan__in=Plan.objects.filter(rule).values("pk"))
    return tasks.select_related("plan", "lead_unit").order_by("progress_on", "plan_id", "order", "id")


def implementation_plans_due(*, plans: QuerySet[Plan]) -> list[tuple[Plan, Any]]:
    """(plan, unit) for each recipient unit of a plan with `response_days` that has not yet issued its
    implementation plan (a child plan coordinated by that unit). Three queries whatever the number of plans."""
    plans = plans.filter(response_days__isnull=False, issued_on__isnull=False).exclude(response_days=0)
    by_pk = {p.pk: p for p in plans.prefetch_related(None).select_related(None)}
    if not by_pk:
        return []
    recipients = Plan.units.through.objects.filter(plan_id__in=by_pk).values_list("plan_id", "unit_id")
    done = set(
        Plan.objects.filter(parent_id__in=by_pk, coordinating_unit__isnull=False).values_list(
            "parent_id", "coordinating_unit_id"
        )
    )
    missing = [(plan_id, unit_id) for plan_id, unit_id in recipients if (plan_id, unit_id) not in done]
    units = Unit.objects.in_bulk({unit_id for _, unit_id in missing})
    result = [(by_pk[plan_id], units[unit_id]) for plan_id, unit_id in missing]
    return sorted(result, key=lambda pair: (pair[0].response_due or dt.date.max, pair[0].pk, pair[1].name))


# The columns of the table by unit: (status value or "overdue", short label, colour).
UNIT_COLUMNS: list[tuple[str, StrOrPromise, str]] = [
    (TaskStatus.NOT_STARTED, gettext_lazy("Chưa triển khai"), TaskStatus.NOT_STARTED.colour),
    (TaskStatus.IN_PROGRESS, gettext_lazy("Đang thực hiện"), TaskStatus.IN_PROGRESS.colour),
    (TaskStatus.REPORTED, gettext_lazy("Chờ xác nhận"), TaskStatus.REPORTED.colour),
    (TaskStatus.DONE, gettext_lazy("Hoàn thành"), TaskStatus.DONE.colour),
    (TaskStatus.CANCELLED, gettext_lazy("Không thực hiện"), TaskStatus.CANCELLED.colour),
    (OVERDUE[0], OVERDUE[1], "danger"),
]


def implementation_status(*, plan: Plan) -> list[tuple[Unit, Plan | None]]:
    """Each recipient unit of a plan that asks for implementation plans, with its plan (None: not yet issued)."""
    if not plan.response_days:
        return []
    children = {p.coordinating_unit_id: p for p in Plan.objects.filter(parent=plan, coordinating_unit__isnull=False)}
    return [(unit, children.get(unit.pk)) for unit in plan.units.order_by("name")]


def budget_appraisal_rows(plan: Plan) -> list[tuple[str, str, Decimal | None]]:
    """(source code, label, appraised amount) of the programme's appraisal by the finance department."""
    recorded = plan.budget_appraisal or {}
    return [
        (code, str(label), Decimal(recorded[code]) if code in recorded else None)
        for code, label in FundingSource.choices
    ]
