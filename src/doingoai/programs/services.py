"""Programme workflow: draft → consolidated → issued → adjusted, and the yearly adjustment round of the plan.

The coordinator consolidates the units' proposals and submits the draft; a leader issues it (number, date,
signer), which freezes version 1 of the appendices. Once a year, before the programme's deadline (30/3 by
default), the coordinator opens the adjustment round; closing it records the adjusted plan as a new version.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from doingoai.core import rules
from doingoai.core.choices import Role
from doingoai.core.services import object_delete
from doingoai.core.workflow import (
    Transition,
    Workflow,
    WorkflowError,
    apply_noted_transition,
    apply_transition,
    record_event,
    save_tracked,
)
from doingoai.programs.models import PlanVersion, Program, ProgramItem
from doingoai.programs.models import ProgramStatus as S
from doingoai.programs.selectors import plan_snapshot

WRITERS = frozenset({Role.COORDINATOR, Role.ADMIN})
LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})
ISSUERS = frozenset({Role.LEADER})

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            "Trình lãnh đạo",
            (S.DRAFT,),
            S.CONSOLIDATED,
            roles=WRITERS,
            help="Đã tổng hợp đề xuất của các cơ quan, đơn vị; trình lãnh đạo tỉnh xem xét, ban hành.",
        ),
        Transition(
            "return_to_draft",
            "Trả lại để chỉnh sửa",
            (S.CONSOLIDATED,),
            S.DRAFT,
            roles=LEADERS,
            style="warning",
            help="Trả dự thảo về cơ quan điều phối, kèm ý kiến.",
        ),
        Transition(
            "issue",
            "Ban hành",
            (S.CONSOLIDATED,),
            S.ISSUED,
            roles=ISSUERS,
            style="success",
            help="Ghi số, ngày ban hành và người ký. Các phụ lục lúc ban hành được lưu thành phiên bản 1.",
        ),
        Transition(
            "open_adjustment",
            "Mở đợt điều chỉnh kế hoạch",
            (S.ISSUED,),
            None,
            roles=WRITERS,
            style="warning",
            help="Các cơ quan, đơn vị gửi đề xuất điều chỉnh kế hoạch đoàn ra, đoàn vào trước hạn (một lần trong năm).",
        ),
        Transition(
            "record_version",
            "Chốt kế hoạch điều chỉnh",
            (S.ISSUED,),
            S.ADJUSTED,
            roles=WRITERS,
            help="Lưu các phụ lục sau điều chỉnh thành phiên bản mới để so sánh với kế hoạch ban hành.",
        ),
    ]
}
WORKFLOW = Workflow(TRANSITIONS)


@transaction.atomic
def program_create(*, year: int, by: Any, **fields: Any) -> Program:
    """A new (draft) programme for `year`, with history and a business event."""
    if Program.objects.filter(year=year).exists():
        raise WorkflowError(f"Năm {year} đã có Chương trình hoạt động đối ngoại.")
    program = Program(year=year, **fields)
    save_tracked(program, by=by, reason="Tạo mới")
    record_event(obj=program, verb="created", summary=f"Tạo mới: {program}", actor=by)
    return program


@transaction.atomic
def program_item_create(
    *,
    program: Program,
    by: Any,
    text: str,
    parent: ProgramItem | None = None,
    coordinating_units: list[Any] | None = None,
    **fields: Any,
) -> ProgramItem:
    """Add a task to the programme's body (after its siblings unless `order` is given)."""
    if parent is not None and parent.program_id != program.pk:
        raise WorkflowError("Mục cha phải thuộc cùng Chương trình.")
    if "order" not in fields:
        last = ProgramItem.objects.filter(program=program, parent=parent).aggregate(m=Max("order"))["m"]
        fields["order"] = (last or 0) + 10
    item = ProgramItem(program=program, parent=parent, text=text, **fields)
    save_tracked(item, by=by, reason="Tạo mới")
    if coordinating_units:
        item.coordinating_units.set(coordinating_units)
    return item


@transaction.atomic
def program_item_delete(*, item: ProgramItem, by: Any) -> None:
    """Delete a task of the body; a task with sub-tasks is kept until they are deleted or moved."""
    children = item.children.count()
    if children:
        raise WorkflowError(
            f"Mục “{item}” còn {children} mục con; hãy xóa hoặc chuyển các mục con sang mục khác trước."
        )
    object_delete(obj=item, by=by)


@WORKFLOW.step("submit")
def program_submit(*, program: Program, by: Any) -> Program:
    """The coordinator submits the consolidated draft to the provincial leaders."""
    return apply_transition(program, TRANSITIONS["submit"], by=by)


@WORKFLOW.step("return_to_draft")
def program_return_to_draft(*, program: Program, by: Any, comment: str) -> Program:
    """The draft goes back to the coordinator with the leaders' comments."""
    return apply_noted_transition(program, TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment")


NUMBER_RE = re.compile(r"^\s*\d+\s*/\s*\S+")


def _new_version(*, program: Program, by: Any, note: str) -> PlanVersion:
    last = program.versions.aggregate(m=Max("number"))["m"] or 0
    return PlanVersion.objects.create(
        program=program,
        number=last + 1,
        note=note[:500],
        snapshot=plan_snapshot(year=program.year),
        created_by=by if getattr(by, "pk", None) else None,
    )


@transaction.atomic
@WORKFLOW.step("issue")
def program_issue(
    *,
    program: Program,
    by: Any,
    number: str,
    issued_on: dt.date,
    signer_name: str,
    signer_position: str = "Phó Chủ tịch",
) -> Program:
    """A leader issues the programme: number ("818/CTr-UBND"), date and signer; version 1 of the plan is kept."""
    number = re.sub(r"\s*/\s*", "/", number.strip())
    if not NUMBER_RE.match(number):
        raise WorkflowError("Số văn bản cần có dạng số/ký hiệu, ví dụ: 818/CTr-UBND.")
    if not signer_name.strip():
        raise WorkflowError("Cần nhập họ tên người ký.")
    program = apply_transition(
        program,
        TRANSITIONS["issue"],
        by=by,
        changes={
            "number": number,
            "issued_on": issued_on,
            "signer_name": signer_name.strip(),
            "signer_position": signer_position.strip() or "Phó Chủ tịch",
        },
        summary=f"Ban hành Chương trình số {number} ngày {issued_on:%d/%m/%Y}",
        data={"number": number, "issued_on": issued_on.isoformat()},
    )
    _new_version(program=program, by=by, note=f"Kế hoạch ban hành kèm Chương trình số {number}")
    return program


@WORKFLOW.step("open_adjustment")
def program_open_adjustment(
    *, program: Program, by: Any, deadline: dt.date | None = None, today: dt.date | None = None
) -> Program:
    """Open the yearly adjustment round of the delegation plan; refused after the deadline or a second time."""
    today = today or timezone.localdate()
    program = Program.objects.get(pk=program.pk)  # decide on the stored state, not on a stale copy
    deadline = deadline or program.adjustment_deadline or rules.plan_adjustment_deadline(program.year)
    if program.adjustment_opened_on is not None:
        raise WorkflowError(f"Đợt điều chỉnh đã được mở ngày {program.adjustment_opened_on:%d/%m/%Y}.")
    if today > deadline:
        raise WorkflowError(
            f"Đã quá hạn điều chỉnh kế hoạch ({deadline:%d/%m/%Y}); kế hoạch chỉ điều chỉnh một lần, trước hạn."
        )
    return apply_transition(
        program,
        TRANSITIONS["open_adjustment"],
        by=by,
        changes={"adjustment_opened_on": today, "adjustment_deadline": deadline},
        summary=f"Mở đợt điều chỉnh kế hoạch đoàn ra, đoàn vào; hạn gửi đề xuất {deadline:%d/%m/%Y}",
        data={"deadline": deadline.isoformat()},
    )


@transaction.atomic
@WORKFLOW.step("record_version")
def program_record_version(*, program: Program, by: Any, note: str = "") -> Program:
    """Close the adjustment round: the appendices as they are now become a new version of the plan."""
    program = Program.objects.get(pk=program.pk)
    if program.adjustment_opened_on is None:
        raise WorkflowError("Chưa mở đợt điều chỉnh kế hoạch.")
    program = apply_transition(program, TRANSITIONS["record_version"], by=by, summary="Chốt kế hoạch điều chỉnh")
    version = _new_version(program=program, by=by, note=note.strip() or "Kế hoạch sau điều chỉnh")
    record_event(
        obj=program,
        verb="version",
        summary=f"Lưu phiên bản {version.number} của kế hoạch ({version.row_count} dòng)",
        actor=by,
        data={"version": version.number},
    )
    return program
