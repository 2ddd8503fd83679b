"""Plans and their tasks.

Plan workflow: draft → consolidated → issued → (adjusted) → closed. The year's programme is consolidated by the
coordinator and issued by a leader, which freezes version 1 of its appendices; once a year, before its deadline
(30/3 by default), the coordinator opens the adjustment round and closing it records a new version. Any other
plan (a committee's, a notice, a letter) is usually issued elsewhere: its coordinating unit records it as issued.

Task workflow: not started → in progress → reported done → done (or cancelled). The lead unit's officers
report progress; the coordinating units add notes; the plan's coordinating unit returns, closes or cancels.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from doingoai.core import permissions, rules
from doingoai.core.choices import FundingSource, Role
from doingoai.core.i18n import vietnamese
from doingoai.core.models import Unit
from doingoai.core.services import object_create, object_delete, object_update, validation_message
from doingoai.core.uploads import check_upload, store_upload
from doingoai.core.workflow import (
    StepPermissionDenied,
    Transition,
    Workflow,
    WorkflowError,
    apply_noted_transition,
    apply_transition,
    record_event,
    save_tracked,
)
from doingoai.finance.currency import AmountError, decimal_of, stored_vnd, vnd
from doingoai.programs.models import (
    OPEN_TASK_STATUSES,
    Plan,
    PlanKind,
    PlanTask,
    PlanVersion,
    ProgressKind,
    TaskProgress,
)
from doingoai.programs.models import PlanStatus as S
from doingoai.programs.models import TaskStatus as T
from doingoai.programs.selectors import plan_snapshot

WRITERS = frozenset({Role.COORDINATOR, Role.ADMIN})
LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})
ISSUERS = frozenset({Role.LEADER})
NOBODY_BY_ROLE: frozenset[str] = frozenset()


def _plan_coordinator(user: Any, plan: Plan) -> bool:
    return plan.is_coordinated_by(user)


def _programme_coordinator(user: Any, plan: Plan) -> bool:
    return plan.kind == PlanKind.PROGRAM and plan.is_coordinated_by(user)


def _records_issue(user: Any, plan: Plan) -> bool:
    return plan.kind != PlanKind.PROGRAM and plan.is_coordinated_by(user)


PLAN_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Trình lãnh đạo"),
            (S.DRAFT,),
            S.CONSOLIDATED,
            roles=WRITERS,
            rule=_plan_coordinator,
            help=gettext_lazy("Đã tổng hợp đề xuất của các cơ quan, đơn vị; trình lãnh đạo tỉnh xem xét, ban hành."),
        ),
        Transition(
            "return_to_draft",
            gettext_lazy("Trả lại để chỉnh sửa"),
            (S.CONSOLIDATED,),
            S.DRAFT,
            roles=LEADERS,
            style="warning",
            help=gettext_lazy("Trả dự thảo về cơ quan theo dõi, kèm ý kiến."),
        ),
        Transition(
            "issue",
            gettext_lazy("Ban hành"),
            (S.CONSOLIDATED,),
            S.ISSUED,
            roles=ISSUERS,
            style="success",
            help=gettext_lazy(
                "Ghi số, ngày ban hành và người ký. Các phụ lục của Chương trình lúc ban hành được lưu thành "
                "phiên bản 1."
            ),
        ),
        Transition(
            "record_issue",
            gettext_lazy("Ghi nhận văn bản đã ban hành"),
            (S.DRAFT, S.CONSOLIDATED),
            S.ISSUED,
            roles=NOBODY_BY_ROLE,
            rule=_records_issue,
            style="success",
            help=gettext_lazy(
                "Văn bản đã được ban hành (Ban Chỉ đạo, UBND tỉnh, lãnh đạo tỉnh): ghi số, ngày và người ký để "
                "bắt đầu theo dõi các nhiệm vụ."
            ),
        ),
        Transition(
            "open_adjustment",
            gettext_lazy("Mở đợt điều chỉnh kế hoạch"),
            (S.ISSUED,),
            None,
            roles=NOBODY_BY_ROLE,
            rule=_programme_coordinator,
            style="warning",
            help=gettext_lazy(
                "Các cơ quan, đơn vị gửi đề xuất điều chỉnh kế hoạch đoàn ra, đoàn vào trước hạn (một lần trong năm)."
            ),
        ),
        Transition(
            "record_version",
            gettext_lazy("Chốt kế hoạch điều chỉnh"),
            (S.ISSUED,),
            S.ADJUSTED,
            roles=NOBODY_BY_ROLE,
            rule=_programme_coordinator,
            help=gettext_lazy("Lưu các phụ lục sau điều chỉnh thành phiên bản mới để so sánh với kế hoạch ban hành."),
        ),
        Transition(
            "appraise_budget",
            gettext_lazy("Thẩm định kinh phí"),
            (S.DRAFT, S.CONSOLIDATED, S.ISSUED, S.ADJUSTED),
            None,
            roles=frozenset({Role.FINANCE}),
            style="success",
            help=gettext_lazy(
                "Sở Tài chính ghi kinh phí thẩm định các hoạt động đối ngoại của năm theo từng nguồn kinh phí."
            ),
        ),
        Transition(
            "close",
            gettext_lazy("Kết thúc kế hoạch"),
            (S.ISSUED, S.ADJUSTED),
            S.CLOSED,
            roles=NOBODY_BY_ROLE,
            rule=_plan_coordinator,
            style="secondary",
            help=gettext_lazy("Kế hoạch đã hết thời gian thực hiện; các nhiệm vụ còn mở giữ nguyên để tổng kết."),
        ),
    ]
}
TRANSITIONS = PLAN_TRANSITIONS
WORKFLOW = Workflow(PLAN_TRANSITIONS)


def _lead_unit(user: Any, task: PlanTask) -> bool:
    unit_id = getattr(user, "unit_id", None)
    return permissions.role_of(user) == Role.UNIT_OFFICER and bool(unit_id) and task.lead_unit_id == unit_id


def _task_coordinator(user: Any, task: PlanTask) -> bool:
    return task.plan.is_coordinated_by(user)


def _reports(user: Any, task: PlanTask) -> bool:
    return _lead_unit(user, task) or _task_coordinator(user, task)


def _notes(user: Any, task: PlanTask) -> bool:
    unit_id = getattr(user, "unit_id", None)
    helping = unit_id is not None and task.coordinating_units.filter(pk=unit_id).exists()
    return _reports(user, task) or (permissions.role_of(user) == Role.UNIT_OFFICER and helping)


def _officer_scope(extra: str | None = None) -> Any:
    """Steps on tasks exist, for an officer, only on the tasks their unit leads (or helps, with `extra`) and
    on those of the plans their unit follows up: any other task is "not found"."""

    def scope(user: Any) -> Q | None:
        if permissions.role_of(user) != Role.UNIT_OFFICER:
            return None
        unit_id = getattr(user, "unit_id", None)
        rule = Q(lead_unit_id=unit_id) | Q(plan__coordinating_unit_id=unit_id)
        if extra:
            rule |= Q(**{extra: unit_id})
        return rule

    return scope


TASK_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "report_progress",
            gettext_lazy("Báo cáo tiến độ"),
            (T.NOT_STARTED, T.IN_PROGRESS),
            None,
            roles=WRITERS,
            rule=_reports,
            scope=_officer_scope(),
            help=gettext_lazy(
                "Cơ quan chủ trì báo cáo kết quả thực hiện; đánh dấu “đã hoàn thành” để cơ quan theo dõi xác nhận."
            ),
        ),
        Transition(
            "add_note",
            gettext_lazy("Góp ý kiến phối hợp"),
            OPEN_TASK_STATUSES,
            None,
            roles=WRITERS,
            rule=_notes,
            scope=_officer_scope("coordinating_units"),
            style="secondary",
            help=gettext_lazy("Cơ quan phối hợp ghi nhận phần việc của mình hoặc ý kiến về nhiệm vụ."),
        ),
        Transition(
            "close",
            gettext_lazy("Xác nhận hoàn thành"),
            OPEN_TASK_STATUSES,
            T.DONE,
            roles=WRITERS,
            rule=_task_coordinator,
            style="success",
            help=gettext_lazy("Cơ quan theo dõi kế hoạch xác nhận nhiệm vụ đã hoàn thành."),
        ),
        Transition(
            "return",
            gettext_lazy("Trả lại"),
            (T.REPORTED, T.DONE),
            T.IN_PROGRESS,
            roles=WRITERS,
            rule=_task_coordinator,
            style="warning",
            help=gettext_lazy("Nhiệm vụ chưa hoàn thành: trả lại cơ quan chủ trì kèm ý kiến."),
        ),
        Transition(
            "cancel",
            gettext_lazy("Không thực hiện"),
            OPEN_TASK_STATUSES,
            T.CANCELLED,
            roles=WRITERS,
            rule=_task_coordinator,
            style="danger",
            help=gettext_lazy("Nhiệm vụ không còn thực hiện (ghi rõ lý do)."),
        ),
        Transition(
            "reopen",
            gettext_lazy("Mở lại nhiệm vụ"),
            (T.CANCELLED,),
            T.IN_PROGRESS,
            roles=WRITERS,
            rule=_task_coordinator,
            style="secondary",
        ),
    ]
}
TASK_WORKFLOW = Workflow(TASK_TRANSITIONS)


# ----------------------------------------------------------------------------------------------------- plans


def _check_plan_values(values: Mapping[str, Any], *, obj: Plan | None = None, by: Any = None) -> None:
    kind = values.get("kind", obj.kind if obj else PlanKind.PROGRAM)
    year = values.get("year", obj.year if obj else None)
    if kind == PlanKind.PROGRAM and year:
        others = Plan.objects.filter(kind=PlanKind.PROGRAM, year=year)
        if obj is not None:
            others = others.exclude(pk=obj.pk)
        if others.exists():
            raise WorkflowError(
                gettext("Năm %(year)s đã có Chương trình hoạt động đối ngoại; hãy mở Chương trình đó để sửa.")
                % {"year": year}
            )
    parent = values.get("parent", obj.parent if obj else None)
    if parent is not None and by is not None and "parent" in values:
        if not Plan.objects.restrict(by, "view").filter(pk=parent.pk).exists():
            raise WorkflowError(gettext("Kế hoạch cấp trên không tồn tại hoặc không gửi đến đơn vị của bạn."))
    if parent is not None and obj is not None and obj.pk is not None:
        node: Plan | None = parent
        while node is not None:
            if node.pk == obj.pk:
                raise WorkflowError(gettext("Kế hoạch không thể triển khai chính nó hoặc kế hoạch triển khai nó."))
            node = node.parent


@transaction.atomic
def plan_create(*, by: Any, values: Mapping[str, Any]) -> Plan:
    """A new (draft) plan; a unit officer's plan is followed up by the officer's unit."""
    values = dict(values)
    if not permissions.can_create(by, Plan):
        raise StepPermissionDenied(gettext("Bạn không có quyền lập kế hoạch."))
    if permissions.role_of(by) == Role.UNIT_OFFICER:
        if values.get("kind", PlanKind.PROGRAM) == PlanKind.PROGRAM:
            raise WorkflowError(
                gettext(
                    "Chương trình hoạt động đối ngoại của tỉnh do cơ quan điều phối lập; đơn vị lập kế hoạch của mình "
                    "(kế hoạch triển khai, kế hoạch chuyên đề…)."
                )
            )
        values["coordinating_unit"] = by.unit
    if not values.get("coordinating_unit"):  # the province's coordinating unit follows up unless told otherwise
        values["coordinating_unit"] = Unit.objects.filter(is_coordinator=True).order_by("pk").first()
    _check_plan_values(values, by=by)
    return object_create(model=Plan, by=by, values=values)


@transaction.atomic
def plan_update(*, plan: Plan, by: Any, values: Mapping[str, Any], expected_version: int | None) -> Plan:
    values = dict(values)
    if permissions.role_of(by) == Role.UNIT_OFFICER:
        values.pop("coordinating_unit", None)  # an officer cannot hand the plan to another unit
        if values.get("kind", plan.kind) == PlanKind.PROGRAM and plan.kind != PlanKind.PROGRAM:
            raise WorkflowError(gettext("Chương trình hoạt động đối ngoại của tỉnh do cơ quan điều phối lập."))
    _check_plan_values(values, obj=plan, by=by)
    return object_update(obj=plan, by=by, values=values, expected_version=expected_version)


def program_create(*, year: int, by: Any, **fields: Any) -> Plan:
    """A new (draft) foreign-affairs programme for `year`."""
    return plan_create(by=by, values={"year": year, "kind": PlanKind.PROGRAM, **fields})


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


@transaction.atomic
def plan_from_document(
    *,
    by: Any,
    values: Mapping[str, Any],
    tasks: Sequence[Mapping[str, Any]],
    status: str,
    source: str,
    plan: Plan | None = None,
) -> tuple[Plan, dict[str, int]]:
    """A plan read from a document: created with its tasks, or, when it exists already (`plan`), completed: its
    empty fields are filled and the tasks it lacks are added; nothing it holds is overwritten.

    `tasks` in document order, each {key, parent_key, section, pillar, domain, text, lead_unit,
    coordinating_units, deadline, status_note, existing}: `parent_key` names an earlier task of the list,
    `existing` the task of `plan` it already is (skipped). Tasks are written while the plan is a draft, then
    the plan takes `status` (a new plan, or a draft one); an issued programme keeps version 1 of its appendices.
    Callers check who may import (the coordinator; the `import` command run by the administrator).
    """
    creating = plan is None
    if plan is None:
        plan = Plan(status=S.DRAFT)
        fill = {k: v for k, v in values.items() if not _empty(v)}
        _check_plan_values(fill)
    else:
        fill = {k: v for k, v in values.items() if not _empty(v) and _empty(getattr(plan, k))}
    for name, value in fill.items():
        setattr(plan, name, value)
    try:
        plan.full_clean()
    except ValidationError as exc:
        raise WorkflowError(validation_message(exc, Plan)) from exc
    if creating or fill:
        save_tracked(plan, by=by, reason=gettext_noop("Nhập từ văn bản"))
    by_key: dict[str, PlanTask] = {}
    created = 0
    orders: dict[int | None, int] = {}
    for spec in tasks:
        existing = spec.get("existing")
        if existing is not None:
            by_key[spec["key"]] = existing
            continue
        parent = by_key.get(spec.get("parent_key") or "")
        parent_id = parent.pk if parent else None
        if parent_id not in orders:
            last = PlanTask.objects.filter(plan=plan, parent=parent).aggregate(m=Max("order"))["m"]
            orders[parent_id] = last or 0
        orders[parent_id] += 10
        task = PlanTask(
            plan=plan,
            parent=parent,
            order=orders[parent_id],
            section=str(spec.get("section") or "")[:32],
            pillar=spec.get("pillar") or "general",
            domain=str(spec.get("domain") or "")[:128],
            text=spec["text"],
            lead_unit=spec.get("lead_unit"),
            deadline=spec.get("deadline"),
            status_note=spec.get("status_note") or "",
        )
        _check_task(task, from_document=True)
        try:
            task.full_clean(exclude=["plan", "parent", "lead_unit"])
        except ValidationError as exc:
            raise WorkflowError(
                gettext("Nhiệm vụ “%(task)s”: %(exc)s") % {"task": task, "exc": validation_message(exc, PlanTask)}
            ) from exc
        save_tracked(task, by=by, reason=gettext_noop("Nhập từ văn bản"))
        task.coordinating_units.set([u for u in spec.get("coordinating_units") or [] if u != task.lead_unit])
        by_key[spec["key"]] = task
        created += 1
    issued = False
    if status != plan.status and plan.status == S.DRAFT and status in (S.DRAFT, S.ISSUED):
        plan.status = status
        save_tracked(plan, by=by, reason=gettext_noop("Nhập từ văn bản đã ban hành"))
        issued = status == S.ISSUED
        if issued and plan.is_program:
            _new_version(plan=plan, by=by, note=f"Kế hoạch ban hành kèm Chương trình số {plan.number}")
    report = {"plan_created": int(creating), "fields_filled": len(fill) if not creating else 0, "tasks": created}
    what = gettext_noop("Tạo") if creating else gettext_noop("Bổ sung")  # stored summary: Vietnamese
    record_event(
        obj=plan,
        verb="imported",
        summary=f"{what} từ văn bản “{source}”: {created} nhiệm vụ mới"
        + (f", điền {len(fill)} thông tin còn trống" if fill and not creating else "")
        + (gettext_noop(", ghi nhận đã ban hành") if issued else ""),
        actor=by,
        data={"source": source, **report, "filled": sorted(fill) if not creating else []},
    )
    return plan, report


# ----------------------------------------------------------------------------------------------------- tasks


def _check_task(task: PlanTask, *, from_document: bool = False) -> None:
    plan = task.plan
    if task.parent_id is not None and task.parent is not None and task.parent.plan_id != plan.pk:
        raise WorkflowError(gettext("Mục cha phải thuộc cùng kế hoạch."))
    if task.deadline is not None and plan.issued_on is not None and task.deadline < plan.issued_on:
        raise WorkflowError(
            gettext("Thời hạn %(deadline)s trước ngày ban hành kế hoạch (%(issued_on)s).")
            % {"deadline": format(task.deadline, "%d/%m/%Y"), "issued_on": format(plan.issued_on, "%d/%m/%Y")}
        )
    if task.deadline is not None and not (plan.year - 1 <= task.deadline.year <= plan.last_year + 1):
        raise WorkflowError(
            gettext("Thời hạn %(deadline)s nằm ngoài thời gian của kế hoạch (%(period_display)s).")
            % {"deadline": format(task.deadline, "%d/%m/%Y"), "period_display": plan.period_display}
        )
    # Once a plan is issued every new task is an assignment: it names its lead unit (and keeps it). Items of the
    # body without one (purposes, headings, context) came with the document and stay as they are.
    issued = plan.status not in (S.DRAFT, S.CONSOLIDATED) and not from_document
    had_lead = task.pk is not None and PlanTask.objects.filter(pk=task.pk, lead_unit__isnull=False).exists()
    if issued and task.lead_unit_id is None and (task.pk is None or had_lead):
        raise WorkflowError(gettext("Kế hoạch đã ban hành: nhiệm vụ phải có cơ quan chủ trì."))


@transaction.atomic
def plan_task_create(
    *,
    plan: Plan,
    by: Any,
    text: str,
    parent: PlanTask | None = None,
    coordinating_units: list[Any] | None = None,
    **fields: Any,
) -> PlanTask:
    """Add a task to the plan's body (after its siblings unless `order` is given)."""
    values: dict[str, Any] = {"plan": plan, "parent": parent, "text": text, **fields}
    if coordinating_units:
        values["coordinating_units"] = coordinating_units
    return plan_task_save(by=by, values=values)


@transaction.atomic
def plan_task_save(
    *, by: Any, values: Mapping[str, Any], task: PlanTask | None = None, expected_version: int | None = None
) -> PlanTask:
    """Create or update a task (web form, API, import): checked against its plan, written by its coordinators."""
    values = dict(values)
    plan = values.get("plan") or (task.plan if task else None)
    if plan is None:
        raise WorkflowError(gettext("Nhiệm vụ phải thuộc một kế hoạch."))
    if not plan.is_coordinated_by(by):
        raise StepPermissionDenied(gettext("Chỉ cơ quan theo dõi kế hoạch này mới thêm, sửa nhiệm vụ của kế hoạch."))
    if values.get("order") is None and task is None:
        last = PlanTask.objects.filter(plan=plan, parent=values.get("parent")).aggregate(m=Max("order"))["m"]
        values["order"] = (last or 0) + 10
    elif "order" in values and values["order"] is None:
        values.pop("order")
    probe = task if task is not None else PlanTask()
    for name in ("plan", "parent", "deadline", "lead_unit"):
        if name in values:
            setattr(probe, name, values[name])
    _check_task(probe)
    if task is None:
        return object_create(model=PlanTask, by=by, values=values)
    return object_update(obj=task, by=by, values=values, expected_version=expected_version)


@transaction.atomic
def plan_task_delete(*, item: PlanTask, by: Any) -> None:
    """Delete a task; a task with sub-tasks is kept until they are deleted or moved."""
    children = item.children.count()
    if children:
        raise WorkflowError(
            gettext("Mục “%(item)s” còn %(children)s mục con; hãy xóa hoặc chuyển các mục con sang mục khác trước.")
            % {"item": item, "children": children}
        )
    if item.updates.filter(kind=ProgressKind.PROGRESS).exists():
        raise WorkflowError(
            gettext("Nhiệm vụ “%(item)s” đã có báo cáo tiến độ; hãy chuyển sang “Không thực hiện” thay vì xóa.")
            % {"item": item}
        )
    object_delete(obj=item, by=by)


def _attach(entry: TaskProgress, evidence: UploadedFile | None) -> None:
    if evidence:
        check_upload(evidence)
        store_upload(entry.evidence, evidence.name or "minh-chung", evidence)


def _check_report_date(reported_on: dt.date) -> None:
    if reported_on > timezone.localdate():
        raise WorkflowError(
            gettext("Ngày báo cáo %(reported_on)s chưa đến; không ghi tiến độ cho ngày tương lai.")
            % {"reported_on": format(reported_on, "%d/%m/%Y")}
        )


@transaction.atomic
@TASK_WORKFLOW.step("report_progress")
def task_report_progress(
    *,
    plantask: PlanTask,
    by: Any,
    text: str,
    reported_on: dt.date | None = None,
    percent: int | None = None,
    completed: bool = False,
    evidence: UploadedFile | None = None,
) -> PlanTask:
    """The lead unit reports what it did; `completed` asks the plan's coordinating unit to confirm."""
    reported_on = reported_on or timezone.localdate()
    _check_report_date(reported_on)
    if not text.strip():
        raise WorkflowError(gettext("Cần ghi kết quả thực hiện."))
    if percent is not None and not 0 <= percent <= 100:
        raise WorkflowError(gettext("Tiến độ tính theo phần trăm, từ 0 đến 100."))
    if completed and percent is None:
        percent = 100
    target = T.REPORTED if completed else T.IN_PROGRESS
    label = gettext_noop("báo cáo hoàn thành") if completed else gettext_noop("báo cáo tiến độ")  # stored
    task = apply_transition(
        plantask,
        TASK_TRANSITIONS["report_progress"],
        by=by,
        changes={
            "status": target,
            "progress": percent if percent is not None else plantask.progress,
            "progress_note": text.strip(),
            "progress_on": reported_on,
        },
        summary=f"{by} {label} ngày {reported_on:%d/%m/%Y}" + (f" ({percent}%)" if percent is not None else ""),
        data={"percent": percent, "completed": completed},
    )
    entry = TaskProgress(
        task=task,
        kind=ProgressKind.PROGRESS,
        reported_on=reported_on,
        text=text.strip(),
        percent=percent,
        unit=getattr(by, "unit", None),
        author=by if getattr(by, "pk", None) else None,
    )
    _attach(entry, evidence)
    entry.save()
    return task


@transaction.atomic
@TASK_WORKFLOW.step("add_note")
def task_add_note(*, plantask: PlanTask, by: Any, text: str, evidence: UploadedFile | None = None) -> PlanTask:
    """A coordinating unit's note on the task (its part of the work, or a remark); the status is unchanged."""
    if not text.strip():
        raise WorkflowError(gettext("Cần ghi nội dung ý kiến."))
    task = apply_transition(
        plantask, TASK_TRANSITIONS["add_note"], by=by, summary=f"{by} góp ý kiến phối hợp", data={"text": text[:200]}
    )
    entry = TaskProgress(
        task=task,
        kind=ProgressKind.NOTE,
        text=text.strip(),
        unit=getattr(by, "unit", None),
        author=by if getattr(by, "pk", None) else None,
    )
    _attach(entry, evidence)
    entry.save()
    return task


def _review(task: PlanTask, name: str, *, by: Any, comment: str, required: bool) -> PlanTask:
    comment = comment.strip()
    if required and not comment:
        raise WorkflowError(gettext("Cần ghi ý kiến (lý do) cho bước này."))
    transition = TASK_TRANSITIONS[name]
    changes: dict[str, Any] = {"status_note": comment}
    if name == "close":
        changes["progress"] = 100
    task = apply_transition(
        task,
        transition,
        by=by,
        changes=changes,
        summary=f"{vietnamese(transition.label)}" + (f": {comment}" if comment else ""),
        data={"comment": comment},
    )
    if comment or name != "reopen":
        TaskProgress.objects.create(
            task=task,
            kind=ProgressKind.REVIEW,
            text=f"{vietnamese(transition.label)}" + (f": {comment}" if comment else ""),
            unit=getattr(by, "unit", None),
            author=by if getattr(by, "pk", None) else None,
        )
    return task


@TASK_WORKFLOW.step("close")
def task_close(*, plantask: PlanTask, by: Any, comment: str = "") -> PlanTask:
    return _review(plantask, "close", by=by, comment=comment, required=False)


@TASK_WORKFLOW.step("return")
def task_return(*, plantask: PlanTask, by: Any, comment: str) -> PlanTask:
    return _review(plantask, "return", by=by, comment=comment, required=True)


@TASK_WORKFLOW.step("cancel")
def task_cancel(*, plantask: PlanTask, by: Any, comment: str) -> PlanTask:
    return _review(plantask, "cancel", by=by, comment=comment, required=True)


@TASK_WORKFLOW.step("reopen")
def task_reopen(*, plantask: PlanTask, by: Any, comment: str = "") -> PlanTask:
    return _review(plantask, "reopen", by=by, comment=comment, required=False)


# ------------------------------------------------------------------------------------------- plan workflow


@WORKFLOW.step("submit")
def program_submit(*, plan: Plan, by: Any) -> Plan:
    """The coordinator submits the consolidated draft to the provincial leaders."""
    return apply_transition(plan, TRANSITIONS["submit"], by=by)


@WORKFLOW.step("return_to_draft")
def program_return_to_draft(*, plan: Plan, by: Any, comment: str) -> Plan:
    """The draft goes back to the coordinator with the leaders' comments."""
    return apply_noted_transition(plan, TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment")


# "818/CTr-UBND" (state bodies) or "25-KH/BCĐ" (Party bodies and their committees number with a dash).
NUMBER_RE = re.compile(r"^\s*\d+\s*(/\s*\S+|-\S+/\S+)")


def _new_version(*, plan: Plan, by: Any, note: str) -> PlanVersion:
    last = plan.versions.aggregate(m=Max("number"))["m"] or 0
    return PlanVersion.objects.create(
        plan=plan,
        number=last + 1,
        note=note[:500],
        snapshot=plan_snapshot(year=plan.year),
        created_by=by if getattr(by, "pk", None) else None,
    )


def _issue(
    plan: Plan,
    name: str,
    *,
    by: Any,
    number: str,
    issued_on: dt.date,
    signer_name: str,
    signer_position: str,
) -> Plan:
    number = re.sub(r"\s*/\s*", "/", number.strip())
    if not NUMBER_RE.match(number):
        raise WorkflowError(gettext("Số văn bản cần có dạng số/ký hiệu, ví dụ: 818/CTr-UBND hoặc 25-KH/BCĐ."))
    if not signer_name.strip():
        raise WorkflowError(gettext("Cần nhập họ tên người ký."))
    if issued_on > timezone.localdate():
        raise WorkflowError(
            gettext("Ngày ban hành %(issued_on)s chưa đến.") % {"issued_on": format(issued_on, "%d/%m/%Y")}
        )
    if not plan.year - 2 <= issued_on.year <= plan.last_year:
        raise WorkflowError(
            gettext("Ngày ban hành %(issued_on)s không hợp với thời gian của kế hoạch (%(period_display)s).")
            % {"issued_on": format(issued_on, "%d/%m/%Y"), "period_display": plan.period_display}
        )
    late = plan.tasks.filter(deadline__lt=issued_on).order_by("deadline").first()
    if late is not None:
        raise WorkflowError(
            gettext("Nhiệm vụ “%(late)s” có thời hạn %(deadline)s, trước ngày ban hành %(issued_on)s.")
            % {"late": late, "deadline": format(late.deadline, "%d/%m/%Y"), "issued_on": format(issued_on, "%d/%m/%Y")}
        )
    what = gettext_noop("Chương trình") if plan.is_program else gettext_noop("văn bản")  # stored summary
    plan = apply_transition(
        plan,
        TRANSITIONS[name],
        by=by,
        changes={
            "number": number,
            "issued_on": issued_on,
            "signer_name": signer_name.strip(),
            "signer_position": signer_position.strip() or gettext_noop("Phó Chủ tịch"),  # printed on the document
        },
        summary=f"Ban hành {what} số {number} ngày {issued_on:%d/%m/%Y}",
        data={"number": number, "issued_on": issued_on.isoformat()},
    )
    if plan.is_program:
        _new_version(plan=plan, by=by, note=f"Kế hoạch ban hành kèm Chương trình số {number}")
    return plan


@transaction.atomic
@WORKFLOW.step("issue")
def program_issue(
    *,
    plan: Plan,
    by: Any,
    number: str,
    issued_on: dt.date,
    signer_name: str,
    signer_position: str = "Phó Chủ tịch",
) -> Plan:
    """A leader issues the plan: number ("818/CTr-UBND"), date and signer; a programme's version 1 is kept."""
    return _issue(
        plan,
        "issue",
        by=by,
        number=number,
        issued_on=issued_on,
        signer_name=signer_name,
        signer_position=signer_position,
    )


@transaction.atomic
@WORKFLOW.step("record_issue")
def plan_record_issue(
    *,
    plan: Plan,
    by: Any,
    number: str,
    issued_on: dt.date,
    signer_name: str,
    signer_position: str = "Phó Chủ tịch",
) -> Plan:
    """The plan's coordinating unit records a plan issued elsewhere (a committee's, a notice, a letter)."""
    return _issue(
        plan,
        "record_issue",
        by=by,
        number=number,
        issued_on=issued_on,
        signer_name=signer_name,
        signer_position=signer_position,
    )


@transaction.atomic
@WORKFLOW.step("appraise_budget")
def plan_appraise_budget(*, plan: Plan, by: Any, amounts: Mapping[str, Any], comment: str = "") -> Plan:
    """The finance department appraises the year's budget of the programme, by funding source (VND)."""
    if not plan.is_program:
        raise WorkflowError(gettext("Sở Tài chính thẩm định kinh phí của Chương trình hoạt động đối ngoại năm."))
    try:
        appraised = {
            str(source): str(
                vnd(decimal_of(value, label=gettext("Nguồn “%(label)s”") % {"label": FundingSource(source).label}))
            )
            for source, value in (amounts or {}).items()
            if value not in (None, "")
        }
    except ValueError as exc:  # AmountError, or a funding source that does not exist
        message = str(exc) if isinstance(exc, AmountError) else gettext("Nguồn kinh phí không có trong danh mục.")
        raise WorkflowError(message) from None
    if not appraised:
        raise WorkflowError(gettext("Cần ghi kinh phí thẩm định của ít nhất một nguồn."))
    total = sum((Decimal(v) for v in appraised.values()), Decimal(0))
    return apply_transition(
        plan,
        TRANSITIONS["appraise_budget"],
        by=by,
        changes={
            "budget_appraisal": appraised,
            "budget_appraised_on": timezone.localdate(),
            "budget_note": comment.strip(),
        },
        summary=f"Sở Tài chính thẩm định kinh phí năm {plan.year}: {stored_vnd(total)}"
        + (f". {comment.strip()}" if comment.strip() else ""),
        data={"amounts": appraised, "comment": comment.strip()},
    )


@WORKFLOW.step("close")
def plan_close(*, plan: Plan, by: Any, comment: str = "") -> Plan:
    """The plan's period is over: it leaves the lists of running plans; its open tasks stay for the review."""
    open_tasks = plan.tasks.filter(status__in=OPEN_TASK_STATUSES).count()
    note = comment.strip() or (f"Còn {open_tasks} nhiệm vụ chưa hoàn thành." if open_tasks else "")
    return apply_transition(
        plan,
        TRANSITIONS["close"],
        by=by,
        changes={"status_note": note},
        summary=gettext_noop("Kết thúc kế hoạch") + (f": {note}" if note else ""),
    )


@WORKFLOW.step("open_adjustment")
def program_open_adjustment(
    *, plan: Plan, by: Any, deadline: dt.date | None = None, today: dt.date | None = None
) -> Plan:
    """Open the yearly adjustment round of the delegation plan; refused after the deadline or a second time."""
    today = today or timezone.localdate()
    plan = Plan.objects.get(pk=plan.pk)  # decide on the stored state, not on a stale copy
    deadline = deadline or plan.adjustment_deadline or rules.plan_adjustment_deadline(plan.year)
    if plan.adjustment_opened_on is not None:
        raise WorkflowError(
            gettext("Đợt điều chỉnh đã được mở ngày %(adjustment_opened_on)s.")
            % {"adjustment_opened_on": format(plan.adjustment_opened_on, "%d/%m/%Y")}
        )
    if today > deadline:
        raise WorkflowError(
            gettext("Đã quá hạn điều chỉnh kế hoạch (%(deadline)s); kế hoạch chỉ điều chỉnh một lần, trước hạn.")
            % {"deadline": format(deadline, "%d/%m/%Y")}
        )
    return apply_transition(
        plan,
        TRANSITIONS["open_adjustment"],
        by=by,
        changes={"adjustment_opened_on": today, "adjustment_deadline": deadline},
        summary=f"Mở đợt điều chỉnh kế hoạch đoàn ra, đoàn vào; hạn gửi đề xuất {deadline:%d/%m/%Y}",
        data={"deadline": deadline.isoformat()},
    )


@transaction.atomic
@WORKFLOW.step("record_version")
def program_record_version(*, plan: Plan, by: Any, note: str = "") -> Plan:
    """Close the adjustment round: the appendices as they are now become a new version of the plan."""
    plan = Plan.objects.get(pk=plan.pk)
    if plan.adjustment_opened_on is None:
        raise WorkflowError(gettext("Chưa mở đợt điều chỉnh kế hoạch."))
    plan = apply_transition(
        plan, TRANSITIONS["record_version"], by=by, summary=gettext_noop("Chốt kế hoạch điều chỉnh")
    )
    version = _new_version(plan=plan, by=by, note=note.strip() or gettext_noop("Kế hoạch sau điều chỉnh"))
    record_event(
        obj=plan,
        verb="version",
        summary=f"Lưu phiên bản {version.number} của kế hoạch ({version.row_count} dòng)",
        actor=by,
        data={"version": version.number},
    )
    return plan
