"""Delegation workflow: proposed → in plan → approved → done · postponed · cancelled."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from doingoai.core.choices import Role
from doingoai.core.workflow import Transition, Workflow, WorkflowError, apply_noted_transition, apply_transition
from doingoai.delegations.models import Delegation
from doingoai.delegations.models import DelegationStatus as S
from doingoai.finance import services as finance

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})
ACTIVE = (S.DRAFT, S.PROPOSED, S.IN_PLAN, S.APPROVED, S.POSTPONED)

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Gửi đề xuất"),
            (S.DRAFT,),
            S.PROPOSED,
            owner=True,
            help=gettext_lazy("Gửi đề xuất tới cơ quan điều phối để tổng hợp vào kế hoạch."),
        ),
        Transition(
            "return_to_draft",
            gettext_lazy("Trả lại đơn vị"),
            (S.PROPOSED,),
            S.DRAFT,
            style="warning",
            help=gettext_lazy("Trả đề xuất về đơn vị để chỉnh sửa, kèm ý kiến."),
        ),
        Transition("include_in_plan", gettext_lazy("Đưa vào kế hoạch"), (S.PROPOSED,), S.IN_PLAN),
        Transition(
            "approve",
            gettext_lazy("Phê duyệt"),
            (S.IN_PLAN,),
            S.APPROVED,
            roles=frozenset(),  # the holder of the competent tier only (rules as data: finance.ApprovalRule)
            rule=finance.decides,
            refusal=finance.refusal,
            help=gettext_lazy(
                "Cấp có thẩm quyền quyết định cho phép đoàn: ghi số và ngày quyết định. Với đoàn thuộc thẩm quyền "
                "Trung ương, cơ quan điều phối ghi nhận quyết định đã có."
            ),
        ),
        Transition(
            "return_for_review",
            gettext_lazy("Trả lại để xem xét"),
            (S.IN_PLAN,),
            S.PROPOSED,
            roles=frozenset(),
            rule=finance.decides,
            refusal=finance.refusal,
            style="warning",
            help=gettext_lazy("Cấp có thẩm quyền trả đề xuất về cơ quan điều phối, kèm lý do."),
        ),
        *Delegation.budget_steps.transitions(),
        Transition(
            "complete", gettext_lazy("Ghi nhận đã thực hiện"), (S.APPROVED,), S.DONE, owner=True, style="success"
        ),
        Transition("report_result", gettext_lazy("Nộp báo cáo kết quả"), (S.DONE,), None, owner=True, style="success"),
        Transition(
            "postpone", gettext_lazy("Tạm hoãn"), (S.IN_PLAN, S.APPROVED), S.POSTPONED, roles=LEADERS, style="warning"
        ),
        Transition("resume", gettext_lazy("Đưa lại vào kế hoạch"), (S.POSTPONED,), S.IN_PLAN),
        Transition("cancel", gettext_lazy("Hủy"), ACTIVE, S.CANCELLED, roles=LEADERS, style="danger"),
    ]
}
WORKFLOW = Workflow(TRANSITIONS)


@WORKFLOW.step("submit")
def delegation_submit(*, delegation: Delegation, by: Any) -> Delegation:
    """A unit sends its draft to the coordinator."""
    return apply_transition(delegation, TRANSITIONS["submit"], by=by)


@WORKFLOW.step("return_to_draft")
def delegation_return_to_draft(*, delegation: Delegation, by: Any, comment: str) -> Delegation:
    """The coordinator sends a proposal back to its unit with a comment."""
    return apply_noted_transition(delegation, TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment")


@WORKFLOW.step("include_in_plan")
def delegation_include_in_plan(*, delegation: Delegation, by: Any) -> Delegation:
    """The coordinator puts a proposal into the year's plan (Phụ lục 1, 2)."""
    return apply_transition(delegation, TRANSITIONS["include_in_plan"], by=by)


@WORKFLOW.step("approve")
def delegation_approve(*, delegation: Delegation, by: Any, decision_ref: str, decision_date: dt.date) -> Delegation:
    """The competent authority decides to send/receive the delegation (after finance's appraisal when it uses
    the state budget); the decision number and date, and who decided by which authority, are recorded."""
    changes, data, how = finance.decision_changes(delegation, by)  # who decides first: "not yours" before typos
    if not decision_ref.strip():
        raise WorkflowError(gettext("Cần nhập số quyết định."))
    if decision_date > timezone.localdate():
        raise WorkflowError(
            gettext("Ngày quyết định %(decision_date)s chưa đến.")
            % {"decision_date": format(decision_date, "%d/%m/%Y")}
        )
    return apply_transition(
        delegation,
        TRANSITIONS["approve"],
        by=by,
        changes={"decision_ref": decision_ref.strip(), "decision_date": decision_date, **changes},
        summary=f"Phê duyệt theo Quyết định số {decision_ref.strip()} ngày {decision_date:%d/%m/%Y}{how}",
        data={"decision_ref": decision_ref.strip(), "decision_date": decision_date.isoformat(), **data},
    )


@WORKFLOW.step("return_for_review")
def delegation_return_for_review(*, delegation: Delegation, by: Any, reason: str) -> Delegation:
    """The competent authority sends the proposal back to the coordinator with its reason."""
    return apply_noted_transition(delegation, TRANSITIONS["return_for_review"], by=by, note=reason, key="reason")


@WORKFLOW.step("complete")
def delegation_complete(
    *, delegation: Delegation, by: Any, actual_start: dt.date, actual_end: dt.date, result_report: str = ""
) -> Delegation:
    """Record that the delegation took place; the result report may come now or later (15 days)."""
    if actual_end < actual_start:
        raise WorkflowError(gettext("Ngày kết thúc không được trước ngày bắt đầu."))
    changes: dict[str, Any] = {"actual_start": actual_start, "actual_end": actual_end}
    if result_report.strip():
        changes |= {"result_report": result_report.strip(), "result_reported_on": timezone.localdate()}
    return apply_transition(
        delegation,
        TRANSITIONS["complete"],
        by=by,
        changes=changes,
        summary=f"Đã thực hiện từ {actual_start:%d/%m/%Y} đến {actual_end:%d/%m/%Y}",
        data={"actual_start": actual_start.isoformat(), "actual_end": actual_end.isoformat()},
    )


@WORKFLOW.step("report_result")
def delegation_report_result(*, delegation: Delegation, by: Any, result_report: str) -> Delegation:
    """The unit files the report on results after return."""
    if not result_report.strip():
        raise WorkflowError(gettext("Báo cáo kết quả không được để trống."))
    return apply_transition(
        delegation,
        TRANSITIONS["report_result"],
        by=by,
        changes={"result_report": result_report.strip(), "result_reported_on": timezone.localdate()},
        summary=gettext_noop("Nộp báo cáo kết quả"),
    )


@WORKFLOW.step("postpone")
def delegation_postpone(*, delegation: Delegation, by: Any, reason: str) -> Delegation:
    return apply_noted_transition(delegation, TRANSITIONS["postpone"], by=by, note=reason, key="reason")


@WORKFLOW.step("resume")
def delegation_resume(*, delegation: Delegation, by: Any) -> Delegation:
    return apply_transition(delegation, TRANSITIONS["resume"], by=by)


@WORKFLOW.step("cancel")
def delegation_cancel(*, delegation: Delegation, by: Any, reason: str) -> Delegation:
    return apply_noted_transition(delegation, TRANSITIONS["cancel"], by=by, note=reason, key="reason")


finance.bind_budget_steps(WORKFLOW, "delegation")  # appraise_budget, return_budget, settle
