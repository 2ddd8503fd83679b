"""Agreement workflow (Law 70/2020/QH14, arts. 18–19; Decree 64/2021/NĐ-CP).

proposed → consulted (opinions due in 7 working days) → approved → signed (report to the Prime Minister within
15 days) → in force → expired / terminated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.agreements.models import ActionStatus, Agreement, AgreementAction
from doingoai.agreements.models import AgreementStatus as S
from doingoai.core.choices import Role
from doingoai.core.workflow import Transition, Workflow, WorkflowError, apply_noted_transition, apply_transition

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("submit", gettext_lazy("Gửi đề xuất"), (S.DRAFT,), S.PROPOSED, owner=True),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (S.PROPOSED,), S.DRAFT, style="warning"),
        Transition(
            "consult",
            gettext_lazy("Gửi xin ý kiến"),
            (S.PROPOSED,),
            S.CONSULTED,
            help=gettext_lazy("Gửi lấy ý kiến Bộ Ngoại giao và cơ quan liên quan (trả lời trong 7 ngày làm việc)."),
        ),
        Transition(
            "approve",
            gettext_lazy("Phê duyệt"),
            (S.CONSULTED,),
            S.APPROVED,
            roles=LEADERS,
            help=gettext_lazy("Chủ tịch UBND tỉnh quyết định ký kết."),
        ),
        Transition(
            "sign",
            gettext_lazy("Ghi nhận đã ký"),
            (S.APPROVED,),
            S.SIGNED,
            owner=True,
            style="success",
            help=gettext_lazy("Sau khi ký phải báo cáo Thủ tướng, đồng gửi Bộ Ngoại giao trong 15 ngày."),
        ),
        Transition(
            "record_report", gettext_lazy("Ghi nhận đã báo cáo Thủ tướng"), (S.SIGNED, S.IN_FORCE), None, owner=True
        ),
        Transition(
            "review",
            gettext_lazy("Ghi nhận đã rà soát"),
            (S.SIGNED, S.IN_FORCE),
            None,
            owner=True,
            help=gettext_lazy(
                "Rà soát kết quả thực hiện trước khi hết hiệu lực; kiến nghị gia hạn, ký mới hoặc chấm dứt."
            ),
        ),
        Transition("bring_into_force", gettext_lazy("Có hiệu lực"), (S.SIGNED,), S.IN_FORCE, style="success"),
        Transition("expire", gettext_lazy("Hết hiệu lực"), (S.IN_FORCE,), S.EXPIRED, style="secondary"),
        Transition(
            "terminate", gettext_lazy("Chấm dứt"), (S.SIGNED, S.IN_FORCE), S.TERMINATED, roles=LEADERS, style="danger"
        ),
        Transition(
            "cancel",
            gettext_lazy("Hủy"),
            (S.DRAFT, S.PROPOSED, S.CONSULTED, S.APPROVED),
            S.CANCELLED,
            roles=LEADERS,
            style="danger",
        ),
    ]
}
WORKFLOW = Workflow(TRANSITIONS)


@WORKFLOW.step("submit")
def agreement_submit(*, agreement: Agreement, by: Any) -> Agreement:
    """The proposing unit sends its draft agreement to the coordinator."""
    return apply_transition(agreement, TRANSITIONS["submit"], by=by)


@WORKFLOW.step("return_to_draft")
def agreement_return_to_draft(*, agreement: Agreement, by: Any, comment: str) -> Agreement:
    return apply_noted_transition(agreement, TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment")


@WORKFLOW.step("consult")
def agreement_consult(*, agreement: Agreement, by: Any, consulted_on: dt.date, consulted_bodies: str) -> Agreement:
    """Ask the Ministry of Foreign Affairs and related bodies for their written opinion."""
    agreement = apply_transition(
        agreement,
        TRANSITIONS["consult"],
        by=by,
        changes={"consulted_on": consulted_on, "consulted_bodies": consulted_bodies.strip()},
        summary=f"Gửi xin ý kiến {consulted_bodies.strip()} ngày {consulted_on:%d/%m/%Y}",
        data={"consulted_on": consulted_on.isoformat()},
    )
    return agreement


@WORKFLOW.step("approve")
def agreement_approve(*, agreement: Agreement, by: Any, approval_ref: str, approved_on: dt.date) -> Agreement:
    if not approval_ref.strip():
        raise WorkflowError(gettext("Cần nhập số văn bản phê duyệt."))
    return apply_transition(
        agreement,
        TRANSITIONS["approve"],
        by=by,
        changes={"approval_ref": approval_ref.strip(), "approved_on": approved_on},
        summary=f"Phê duyệt tại văn bản số {approval_ref.strip()} ngày {approved_on:%d/%m/%Y}",
        data={"approval_ref": approval_ref.strip(), "approved_on": approved_on.isoformat()},
    )


@WORKFLOW.step("sign")
def agreement_sign(
    *,
    agreement: Agreement,
    by: Any,
    signed_on: dt.date,
    valid_until: dt.date | None = None,
    review_on: dt.date | None = None,
) -> Agreement:
    if valid_until and valid_until < signed_on:
        raise WorkflowError(gettext("Ngày hết hiệu lực không được trước ngày ký."))
    if review_on and review_on < signed_on:
        raise WorkflowError(gettext("Ngày rà soát không được trước ngày ký."))
    if review_on and valid_until and review_on > valid_until:
        raise WorkflowError(gettext("Ngày rà soát phải trước ngày hết hiệu lực."))
    return apply_transition(
        agreement,
        TRANSITIONS["sign"],
        by=by,
        changes={"signed_on": signed_on, "valid_until": valid_until, "review_on": review_on},
        summary=f"Đã ký ngày {signed_on:%d/%m/%Y}",
        data={"signed_on": signed_on.isoformat()},
    )


@WORKFLOW.step("record_report")
def agreement_record_report(*, agreement: Agreement, by: Any, reported_on: dt.date) -> Agreement:
    """The report to the Prime Minister (copy to the Ministry) was sent; keeps the status as it is."""
    agreement.refresh_from_db(fields=["signed_on"])
    if agreement.signed_on and reported_on < agreement.signed_on:
        raise WorkflowError(gettext("Ngày báo cáo không được trước ngày ký."))
    return apply_transition(
        agreement,
        TRANSITIONS["record_report"],
        by=by,
        changes={"reported_on": reported_on},
        summary=f"Đã báo cáo Thủ tướng ngày {reported_on:%d/%m/%Y}",
        data={"reported_on": reported_on.isoformat()},
    )


@WORKFLOW.step("review")
def agreement_review(*, agreement: Agreement, by: Any, reviewed_on: dt.date, review_result: str) -> Agreement:
    """The review before expiry is done: its result and recommendation (extend, new agreement, end) are kept."""
    agreement.refresh_from_db(fields=["signed_on"])
    if agreement.signed_on and reviewed_on < agreement.signed_on:
        raise WorkflowError(gettext("Ngày rà soát không được trước ngày ký."))
    if not review_result.strip():
        raise WorkflowError(gettext("Cần ghi kết quả rà soát."))
    return apply_transition(
        agreement,
        TRANSITIONS["review"],
        by=by,
        changes={"reviewed_on": reviewed_on, "review_result": review_result},
        summary=f"Đã rà soát ngày {reviewed_on:%d/%m/%Y}: {review_result}"[:500],
        data={"reviewed_on": reviewed_on.isoformat()},
    )


@WORKFLOW.step("bring_into_force")
def agreement_bring_into_force(*, agreement: Agreement, by: Any, effective_on: dt.date) -> Agreement:
    return apply_transition(
        agreement,
        TRANSITIONS["bring_into_force"],
        by=by,
        changes={"effective_on": effective_on},
        summary=f"Có hiệu lực từ {effective_on:%d/%m/%Y}",
    )


@WORKFLOW.step("expire")
def agreement_expire(*, agreement: Agreement, by: Any, ended_on: dt.date) -> Agreement:
    return apply_transition(
        agreement,
        TRANSITIONS["expire"],
        by=by,
        changes={"ended_on": ended_on},
        summary=f"Hết hiệu lực từ {ended_on:%d/%m/%Y}",
    )


@WORKFLOW.step("terminate")
def agreement_terminate(*, agreement: Agreement, by: Any, ended_on: dt.date, reason: str) -> Agreement:
    return apply_transition(
        agreement,
        TRANSITIONS["terminate"],
        by=by,
        changes={"ended_on": ended_on, "status_note": reason},
        summary=f"Chấm dứt từ {ended_on:%d/%m/%Y}: {reason}",
        data={"reason": reason},
    )


@WORKFLOW.step("cancel")
def agreement_cancel(*, agreement: Agreement, by: Any, reason: str) -> Agreement:
    return apply_noted_transition(agreement, TRANSITIONS["cancel"], by=by, note=reason, key="reason")


# --- follow-up actions of an agreement: draft → open (followed, with its deadline) → done, or cancelled

ACTION_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Đưa vào theo dõi"),
            (ActionStatus.DRAFT,),
            ActionStatus.OPEN,
            owner=True,
            help=gettext_lazy("Từ nay việc được theo dõi theo hạn hoàn thành và được nhắc hạn."),
        ),
        Transition(
            "complete",
            gettext_lazy("Ghi nhận hoàn thành"),
            (ActionStatus.OPEN,),
            ActionStatus.DONE,
            owner=True,
            style="success",
        ),
        Transition(
            "reopen", gettext_lazy("Mở lại"), (ActionStatus.DONE,), ActionStatus.OPEN, owner=True, style="warning"
        ),
        Transition(
            "cancel",
            gettext_lazy("Hủy"),
            (ActionStatus.DRAFT, ActionStatus.OPEN),
            ActionStatus.CANCELLED,
            roles=LEADERS,
            style="danger",
        ),
    ]
}
ACTION_WORKFLOW = Workflow(ACTION_TRANSITIONS)


@ACTION_WORKFLOW.step("submit")
def agreement_action_submit(*, agreementaction: AgreementAction, by: Any) -> Any:
    """The action is followed from now on: its due date feeds the deadlines and reminders."""
    return apply_transition(agreementaction, ACTION_TRANSITIONS["submit"], by=by)


@ACTION_WORKFLOW.step("complete")
def agreement_action_complete(*, agreementaction: AgreementAction, by: Any, done_on: dt.date, result: str) -> Any:
    """The unit in charge reports the action done, with its result: the deadline and its reminders stop."""
    if done_on > timezone.localdate():
        raise WorkflowError(gettext("Ngày hoàn thành không được sau ngày hôm nay."))
    if not result.strip():
        raise WorkflowError(gettext("Cần ghi kết quả thực hiện."))
    return apply_transition(
        agreementaction,
        ACTION_TRANSITIONS["complete"],
        by=by,
        changes={"done_on": done_on, "result": result},
        summary=f"Hoàn thành ngày {done_on:%d/%m/%Y}",
        data={"done_on": done_on.isoformat()},
    )


@ACTION_WORKFLOW.step("reopen")
def agreement_action_reopen(*, agreementaction: AgreementAction, by: Any, comment: str) -> Any:
    """Not done after all: the action is open again (its deadline comes back)."""
    return apply_transition(
        agreementaction,
        ACTION_TRANSITIONS["reopen"],
        by=by,
        changes={"done_on": None, "status_note": comment},
        summary=f"Mở lại: {comment}",
        data={"comment": comment},
    )


@ACTION_WORKFLOW.step("cancel")
def agreement_action_cancel(*, agreementaction: AgreementAction, by: Any, reason: str) -> Any:
    return apply_noted_transition(agreementaction, ACTION_TRANSITIONS["cancel"], by=by, note=reason)
