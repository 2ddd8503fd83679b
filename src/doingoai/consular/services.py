"""Workflows of the consular registries.

- Citizen case: mới tiếp nhận → đang xử lý → đã kết thúc (reopened when something new comes up).
- APEC card: dự thảo → đã nộp hồ sơ (eligibility checked, Decision 09/2023/QĐ-TTg) → đã cho phép / không cho
  phép → đã cấp thẻ → đã nộp lại thẻ; the holder leaving the post is recorded and the card must come back.
- Foreign press visit: dự thảo → đề nghị → đã chấp thuận → đã thực hiện · hủy.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.consular.eligibility import apec_eligibility_problems
from doingoai.consular.models import (
    ApecCardApplication,
    ApecStatus,
    CaseStatus,
    CitizenCase,
    ForeignPressVisit,
    PressVisitStatus,
)
from doingoai.core.choices import Role
from doingoai.core.workflow import Transition, Workflow, WorkflowError, apply_noted_transition, apply_transition

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})


def _not_future(day: dt.date, label: str) -> None:
    if day > timezone.localdate():
        raise WorkflowError(gettext("%(label)s không được sau ngày hôm nay.") % {"label": label})


# --------------------------------------------------------------------------------------------- citizen cases

C = CaseStatus
CASE_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("start", gettext_lazy("Bắt đầu xử lý"), (C.OPEN,), C.IN_PROGRESS, owner=True),
        Transition(
            "close", gettext_lazy("Kết thúc vụ việc"), (C.OPEN, C.IN_PROGRESS), C.CLOSED, owner=True, style="success"
        ),
        Transition("reopen", gettext_lazy("Mở lại"), (C.CLOSED,), C.IN_PROGRESS, owner=True, style="warning"),
    ]
}
CASE_WORKFLOW = Workflow(CASE_TRANSITIONS)


@CASE_WORKFLOW.step("start")
def citizen_case_start(*, citizencase: CitizenCase, by: Any) -> CitizenCase:
    """The unit (or the coordinator) starts working on a case it received."""
    return apply_transition(citizencase, CASE_TRANSITIONS["start"], by=by)


@CASE_WORKFLOW.step("close")
def citizen_case_close(*, citizencase: CitizenCase, by: Any, closed_on: dt.date, outcome: str) -> CitizenCase:
    """Close a case with what was done for the citizen."""
    if not outcome.strip():
        raise WorkflowError(gettext("Cần ghi kết quả xử lý."))
    _not_future(closed_on, gettext("Ngày kết thúc"))
    citizencase.refresh_from_db(fields=["opened_on"])
    if closed_on < citizencase.opened_on:
        raise WorkflowError(gettext("Ngày kết thúc không được trước ngày tiếp nhận."))
    return apply_transition(
        citizencase,
        CASE_TRANSITIONS["close"],
        by=by,
        changes={"closed_on": closed_on, "outcome": outcome.strip()},
        summary=f"Kết thúc vụ việc ngày {closed_on:%d/%m/%Y}",
    )


@CASE_WORKFLOW.step("reopen")
def citizen_case_reopen(*, citizencase: CitizenCase, by: Any, reason: str) -> CitizenCase:
    # Not apply_noted_transition: the closing date is cleared in the same step.
    return apply_transition(
        citizencase,
        CASE_TRANSITIONS["reopen"],
        by=by,
        changes={"status_note": reason, "closed_on": None},
        summary=f"Mở lại vụ việc: {reason}",
        data={"reason": reason},
    )


# --------------------------------------------------------------------------------------------- APEC cards

A = ApecStatus
APEC_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Nộp hồ sơ"),
            (A.DRAFT,),
            A.SUBMITTED,
            owner=True,
            help=gettext_lazy("Kiểm tra điều kiện theo Quyết định 09/2023/QĐ-TTg tại ngày nộp hồ sơ."),
        ),
        Transition("return_to_draft", gettext_lazy("Trả lại hồ sơ"), (A.SUBMITTED,), A.DRAFT, style="warning"),
        Transition(
            "approve",
            gettext_lazy("Cho phép sử dụng thẻ"),
            (A.SUBMITTED,),
            A.APPROVED,
            roles=LEADERS,
            help=gettext_lazy("Ghi số và ngày văn bản cho phép của Chủ tịch UBND tỉnh."),
        ),
        Transition("refuse", gettext_lazy("Không cho phép"), (A.SUBMITTED,), A.REFUSED, roles=LEADERS, style="danger"),
        Transition(
            "issue_card", gettext_lazy("Ghi nhận đã cấp thẻ"), (A.APPROVED,), A.CARD_ISSUED, owner=True, style="success"
        ),
        Transition(
            "record_left_post",
            gettext_lazy("Ghi nhận thôi giữ chức vụ"),
            (A.CARD_ISSUED,),
            None,
            owner=True,
            style="warning",
            help=gettext_lazy("Người được cấp thẻ thôi giữ chức vụ hoặc nghỉ việc: thẻ phải được nộp lại."),
        ),
        Transition("return_card", gettext_lazy("Ghi nhận đã nộp lại thẻ"), (A.CARD_ISSUED,), A.RETURNED, owner=True),
    ]
}
APEC_WORKFLOW = Workflow(APEC_TRANSITIONS)


@APEC_WORKFLOW.step("submit")
def apec_application_submit(
    *, apeccardapplication: ApecCardApplication, by: Any, submitted_on: dt.date
) -> ApecCardApplication:
    """Submit the file; refused with the reasons when Decision 09/2023/QĐ-TTg's conditions are not met that day."""
    _not_future(submitted_on, gettext("Ngày nộp hồ sơ"))
    app = apeccardapplication
    app.refresh_from_db()
    problems = apec_eligibility_problems(
        on=submitted_on,
        enterprise_established_on=app.enterprise_established_on,
        birth_date=app.birth_date,
        in_post_since=app.in_post_since,
    )
    if problems:
        raise WorkflowError(gettext("Hồ sơ chưa đủ điều kiện: ") + " ".join(problems.values()))
    return apply_transition(
        app,
        APEC_TRANSITIONS["submit"],
        by=by,
        changes={"submitted_on": submitted_on},
        summary=f"Nộp hồ sơ ngày {submitted_on:%d/%m/%Y}",
    )


@APEC_WORKFLOW.step("return_to_draft")
def apec_application_return_to_draft(
    *, apeccardapplication: ApecCardApplication, by: Any, comment: str
) -> ApecCardApplication:
    return apply_noted_transition(
        apeccardapplication, APEC_TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment"
    )


@APEC_WORKFLOW.step("approve")
def apec_application_approve(
    *, apeccardapplication: ApecCardApplication, by: Any, decision_ref: str, decision_date: dt.date
) -> ApecCardApplication:
    if not decision_ref.strip():
        raise WorkflowError(gettext("Cần nhập số văn bản cho phép."))
    return apply_transition(
        apeccardapplication,
        APEC_TRANSITIONS["approve"],
        by=by,
        changes={"decision_ref": decision_ref.strip(), "decision_date": decision_date},
        summary=f"Cho phép sử dụng thẻ ABTC: văn bản số {decision_ref.strip()} ngày {decision_date:%d/%m/%Y}",
    )


@APEC_WORKFLOW.step("refuse")
def apec_application_refuse(
    *, apeccardapplication: ApecCardApplication, by: Any, decision_ref: str, decision_date: dt.date, reason: str
) -> ApecCardApplication:
    if not reason.strip():
        raise WorkflowError(gettext("Cần ghi lý do không cho phép."))
    return apply_transition(
        apeccardapplication,
        APEC_TRANSITIONS["refuse"],
        by=by,
        changes={"decision_ref": decision_ref.strip(), "decision_date": decision_date, "status_note": reason},
        summary=f"Không cho phép: {reason.strip()}",
    )


@APEC_WORKFLOW.step("issue_card")
def apec_application_issue_card(
    *,
    apeccardapplication: ApecCardApplication,
    by: Any,
    card_number: str,
    card_issued_on: dt.date,
    card_expires_on: dt.date,
) -> ApecCardApplication:
    if card_expires_on <= card_issued_on:
        raise WorkflowError(gettext("Ngày hết hạn thẻ phải sau ngày cấp thẻ."))
    return apply_transition(
        apeccardapplication,
        APEC_TRANSITIONS["issue_card"],
        by=by,
        changes={
            "card_number": card_number.strip(),
            "card_issued_on": card_issued_on,
            "card_expires_on": card_expires_on,
        },
        summary=f"Đã cấp thẻ ABTC ngày {card_issued_on:%d/%m/%Y}, giá trị đến {card_expires_on:%d/%m/%Y}",
    )


@APEC_WORKFLOW.step("record_left_post")
def apec_application_record_left_post(
    *, apeccardapplication: ApecCardApplication, by: Any, left_post_on: dt.date
) -> ApecCardApplication:
    """The holder left the post: the card must be returned (shown as such until it is)."""
    _not_future(left_post_on, gettext("Ngày thôi giữ chức vụ"))
    return apply_transition(
        apeccardapplication,
        APEC_TRANSITIONS["record_left_post"],
        by=by,
        changes={"left_post_on": left_post_on},
        summary=f"Thôi giữ chức vụ ngày {left_post_on:%d/%m/%Y}: phải nộp lại thẻ",
    )


@APEC_WORKFLOW.step("return_card")
def apec_application_return_card(
    *, apeccardapplication: ApecCardApplication, by: Any, card_returned_on: dt.date
) -> ApecCardApplication:
    _not_future(card_returned_on, gettext("Ngày nộp lại thẻ"))
    return apply_transition(
        apeccardapplication,
        APEC_TRANSITIONS["return_card"],
        by=by,
        changes={"card_returned_on": card_returned_on},
        summary=f"Đã nộp lại thẻ ngày {card_returned_on:%d/%m/%Y}",
    )


# --------------------------------------------------------------------------------------------- press visits

P = PressVisitStatus
PRESS_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("submit", gettext_lazy("Gửi đề nghị"), (P.DRAFT,), P.PROPOSED, owner=True),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (P.PROPOSED,), P.DRAFT, style="warning"),
        Transition(
            "approve",
            gettext_lazy("Chấp thuận"),
            (P.PROPOSED,),
            P.APPROVED,
            roles=LEADERS,
            help=gettext_lazy("Chấp thuận chương trình tác nghiệp và cử cán bộ đi cùng."),
        ),
        Transition(
            "complete", gettext_lazy("Ghi nhận đã thực hiện"), (P.APPROVED,), P.DONE, owner=True, style="success"
        ),
        Transition(
            "cancel", gettext_lazy("Hủy"), (P.DRAFT, P.PROPOSED, P.APPROVED), P.CANCELLED, roles=LEADERS, style="danger"
        ),
    ]
}
PRESS_WORKFLOW = Workflow(PRESS_TRANSITIONS)


@PRESS_WORKFLOW.step("submit")
def press_visit_submit(*, foreignpressvisit: ForeignPressVisit, by: Any) -> ForeignPressVisit:
    return apply_transition(foreignpressvisit, PRESS_TRANSITIONS["submit"], by=by)


@PRESS_WORKFLOW.step("return_to_draft")
def press_visit_return_to_draft(*, foreignpressvisit: ForeignPressVisit, by: Any, comment: str) -> ForeignPressVisit:
    return apply_noted_transition(
        foreignpressvisit, PRESS_TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment"
    )


@PRESS_WORKFLOW.step("approve")
def press_visit_approve(
    *,
    foreignpressvisit: ForeignPressVisit,
    by: Any,
    approval_ref: str,
    approved_on: dt.date,
    accompanying_officer: str,
) -> ForeignPressVisit:
    """Agree to the reporting programme and name the officer who accompanies the journalists."""
    if not approval_ref.strip():
        raise WorkflowError(gettext("Cần nhập số văn bản chấp thuận."))
    if not accompanying_officer.strip():
        raise WorkflowError(gettext("Cần cử cán bộ đi cùng phóng viên."))
    return apply_transition(
        foreignpressvisit,
        PRESS_TRANSITIONS["approve"],
        by=by,
        changes={
            "approval_ref": approval_ref.strip(),
            "approved_on": approved_on,
            "accompanying_officer": accompanying_officer.strip(),
        },
        summary=f"Chấp thuận: văn bản số {approval_ref.strip()} ngày {approved_on:%d/%m/%Y}",
    )


@PRESS_WORKFLOW.step("complete")
def press_visit_complete(*, foreignpressvisit: ForeignPressVisit, by: Any, report: str) -> ForeignPressVisit:
    if not report.strip():
        raise WorkflowError(gettext("Cần ghi báo cáo kết quả."))
    foreignpressvisit.refresh_from_db(fields=["end_date"])
    if foreignpressvisit.end_date > timezone.localdate():
        raise WorkflowError(gettext("Chưa kết thúc chương trình tác nghiệp: chưa thể ghi nhận đã thực hiện."))
    return apply_transition(foreignpressvisit, PRESS_TRANSITIONS["complete"], by=by, changes={"report": report.strip()})


@PRESS_WORKFLOW.step("cancel")
def press_visit_cancel(*, foreignpressvisit: ForeignPressVisit, by: Any, reason: str) -> ForeignPressVisit:
    return apply_noted_transition(foreignpressvisit, PRESS_TRANSITIONS["cancel"], by=by, note=reason)
