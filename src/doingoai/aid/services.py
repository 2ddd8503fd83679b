"""Workflows of aid projects and investment opportunities.

Aid (ODA, concessional loans, foreign non-ODA aid under Decree 80/2020/NĐ-CP): proposed → appraised →
approved (decision number and date) → implementing → closed, or cancelled. An approved NGO aid that has not
started within settings.DOINGOAI_RULES["ngo_aid_start_months"] months is flagged (see selectors).

Investment opportunities (FDI catalogue): proposed → open (published) → in talks → awarded, or withdrawn.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext, gettext_lazy, gettext_noop

from doingoai.aid.models import AidProject, InvestmentOpportunity
from doingoai.aid.models import AidStatus as S
from doingoai.aid.models import InvestmentStatus as I
from doingoai.core.choices import Role
from doingoai.core.models import Partner
from doingoai.core.workflow import Transition, Workflow, WorkflowError, apply_noted_transition, apply_transition

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})
APPRAISERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.FINANCE})

AID_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Gửi đề xuất"),
            (S.DRAFT,),
            S.PROPOSED,
            owner=True,
            help=gettext_lazy("Gửi hồ sơ đề xuất tiếp nhận tới cơ quan điều phối."),
        ),
        Transition(
            "return_to_draft", gettext_lazy("Trả lại đơn vị"), (S.PROPOSED, S.APPRAISED), S.DRAFT, style="warning"
        ),
        Transition(
            "appraise",
            gettext_lazy("Ghi nhận thẩm định"),
            (S.PROPOSED,),
            S.APPRAISED,
            roles=APPRAISERS,
            help=gettext_lazy("Ý kiến thẩm định của cơ quan chủ trì thẩm định và các cơ quan liên quan."),
        ),
        Transition(
            "approve",
            gettext_lazy("Phê duyệt"),
            (S.APPRAISED,),
            S.APPROVED,
            roles=LEADERS,
            style="success",
            help=gettext_lazy(
                "Ghi số và ngày quyết định phê duyệt. Viện trợ phi chính phủ phải triển khai trong 6 tháng."
            ),
        ),
        Transition(
            "start",
            gettext_lazy("Bắt đầu triển khai"),
            (S.APPROVED,),
            S.IMPLEMENTING,
            owner=True,
            style="success",
        ),
        Transition("close", gettext_lazy("Kết thúc dự án"), (S.IMPLEMENTING,), S.CLOSED, owner=True, style="secondary"),
        Transition(
            "cancel",
            gettext_lazy("Hủy / thu hồi phê duyệt"),
            (S.DRAFT, S.PROPOSED, S.APPRAISED, S.APPROVED),
            S.CANCELLED,
            roles=LEADERS,
            style="danger",
            help=gettext_lazy(
                "Quyết định phê duyệt có thể bị thu hồi nếu viện trợ không được triển khai trong 6 tháng."
            ),
        ),
    ]
}
AID_WORKFLOW = Workflow(AID_TRANSITIONS)


@AID_WORKFLOW.step("submit")
def aid_project_submit(*, aidproject: AidProject, by: Any) -> AidProject:
    """The managing unit sends its proposal to the coordinator."""
    return apply_transition(aidproject, AID_TRANSITIONS["submit"], by=by)


@AID_WORKFLOW.step("return_to_draft")
def aid_project_return_to_draft(*, aidproject: AidProject, by: Any, comment: str) -> AidProject:
    """Back to the unit with the coordinator's comment."""
    return apply_noted_transition(aidproject, AID_TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment")


@AID_WORKFLOW.step("appraise")
def aid_project_appraise(*, aidproject: AidProject, by: Any, appraised_on: dt.date, appraisal_note: str) -> AidProject:
    """Record the appraisal (the finance department and the bodies consulted)."""
    if not appraisal_note.strip():
        raise WorkflowError(gettext("Cần ghi ý kiến thẩm định."))
    return apply_transition(
        aidproject,
        AID_TRANSITIONS["appraise"],
        by=by,
        changes={"appraised_on": appraised_on, "appraisal_note": appraisal_note.strip()},
        summary=f"Thẩm định ngày {appraised_on:%d/%m/%Y}",
        data={"appraised_on": appraised_on.isoformat()},
    )


@AID_WORKFLOW.step("approve")
def aid_project_approve(
    *, aidproject: AidProject, by: Any, approval_ref: str, approved_on: dt.date, approving_authority: str = ""
) -> AidProject:
    """Record the approval decision; from its date the 6-month start rule of NGO aid runs."""
    if not approval_ref.strip():
        raise WorkflowError(gettext("Cần nhập số quyết định phê duyệt."))
    changes: dict[str, Any] = {"approval_ref": approval_ref.strip(), "approved_on": approved_on}
    if approving_authority.strip():
        changes["approving_authority"] = approving_authority.strip()
    return apply_transition(
        aidproject,
        AID_TRANSITIONS["approve"],
        by=by,
        changes=changes,
        summary=f"Phê duyệt tại quyết định số {approval_ref.strip()} ngày {approved_on:%d/%m/%Y}",
        data={"approval_ref": approval_ref.strip(), "approved_on": approved_on.isoformat()},
    )


@AID_WORKFLOW.step("start")
def aid_project_start(*, aidproject: AidProject, by: Any, started_on: dt.date) -> AidProject:
    """The project starts implementing (the date the first activity or disbursement took place)."""
    aidproject.refresh_from_db(fields=["approved_on"])
    if aidproject.approved_on and started_on < aidproject.approved_on:
        raise WorkflowError(gettext("Ngày bắt đầu triển khai không được trước ngày phê duyệt."))
    return apply_transition(
        aidproject,
        AID_TRANSITIONS["start"],
        by=by,
        changes={"started_on": started_on},
        summary=f"Bắt đầu triển khai ngày {started_on:%d/%m/%Y}",
        data={"started_on": started_on.isoformat()},
    )


@AID_WORKFLOW.step("close")
def aid_project_close(*, aidproject: AidProject, by: Any, closed_on: dt.date, result: str) -> AidProject:
    """The project ends, with a summary of its results."""
    aidproject.refresh_from_db(fields=["started_on"])
    if aidproject.started_on and closed_on < aidproject.started_on:
        raise WorkflowError(gettext("Ngày kết thúc không được trước ngày bắt đầu triển khai."))
    if not result.strip():
        raise WorkflowError(gettext("Cần ghi kết quả thực hiện."))
    return apply_transition(
        aidproject,
        AID_TRANSITIONS["close"],
        by=by,
        changes={"closed_on": closed_on, "result": result.strip()},
        summary=f"Kết thúc ngày {closed_on:%d/%m/%Y}",
        data={"closed_on": closed_on.isoformat()},
    )


@AID_WORKFLOW.step("cancel")
def aid_project_cancel(*, aidproject: AidProject, by: Any, reason: str) -> AidProject:
    """Cancel a proposal or revoke an approval (Decree 80/2020/NĐ-CP: not implemented within 6 months)."""
    return apply_transition(
        aidproject,
        AID_TRANSITIONS["cancel"],
        by=by,
        changes={"status_note": reason},
        summary=f"Hủy/thu hồi: {reason}",
        data={"reason": reason},
    )


INVESTMENT_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Gửi đề xuất"),
            (I.DRAFT,),
            I.PROPOSED,
            owner=True,
            help=gettext_lazy("Đề xuất đưa dự án vào danh mục kêu gọi đầu tư của tỉnh."),
        ),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (I.PROPOSED,), I.DRAFT, style="warning"),
        Transition(
            "publish",
            gettext_lazy("Đưa vào danh mục kêu gọi"),
            (I.PROPOSED,),
            I.OPEN,
            style="success",
            help=gettext_lazy("Dự án vào danh mục kêu gọi đầu tư; chọn có công bố trên trang công khai hay không."),
        ),
        Transition("start_talks", gettext_lazy("Ghi nhận đàm phán với nhà đầu tư"), (I.OPEN,), I.IN_TALKS, owner=True),
        Transition("reopen", gettext_lazy("Mở lại kêu gọi đầu tư"), (I.IN_TALKS,), I.OPEN, owner=True, style="warning"),
        Transition(
            "award",
            gettext_lazy("Ghi nhận chấp thuận nhà đầu tư"),
            (I.OPEN, I.IN_TALKS),
            I.AWARDED,
            roles=LEADERS,
            style="success",
        ),
        Transition(
            "withdraw",
            gettext_lazy("Rút khỏi danh mục"),
            (I.PROPOSED, I.OPEN, I.IN_TALKS),
            I.WITHDRAWN,
            roles=LEADERS,
            style="danger",
        ),
    ]
}
INVESTMENT_WORKFLOW = Workflow(INVESTMENT_TRANSITIONS)


@INVESTMENT_WORKFLOW.step("submit")
def investment_opportunity_submit(*, investmentopportunity: InvestmentOpportunity, by: Any) -> InvestmentOpportunity:
    """The managing unit proposes the project for the catalogue."""
    return apply_transition(investmentopportunity, INVESTMENT_TRANSITIONS["submit"], by=by)


@INVESTMENT_WORKFLOW.step("return_to_draft")
def investment_opportunity_return_to_draft(
    *, investmentopportunity: InvestmentOpportunity, by: Any, comment: str
) -> InvestmentOpportunity:
    """Back to the unit with the coordinator's comment."""
    return apply_noted_transition(
        investmentopportunity, INVESTMENT_TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment"
    )


@INVESTMENT_WORKFLOW.step("publish")
def investment_opportunity_publish(
    *, investmentopportunity: InvestmentOpportunity, by: Any, public: bool = True
) -> InvestmentOpportunity:
    """Open the project to investors; `public` puts it on the public page as well."""
    return apply_transition(
        investmentopportunity,
        INVESTMENT_TRANSITIONS["publish"],
        by=by,
        changes={"public": public},
        summary=gettext_noop("Đưa vào danh mục kêu gọi đầu tư")
        + (gettext_noop(", công bố công khai") if public else gettext_noop(" (không công bố công khai)")),
        data={"public": public},
    )


@INVESTMENT_WORKFLOW.step("start_talks")
def investment_opportunity_start_talks(
    *,
    investmentopportunity: InvestmentOpportunity,
    by: Any,
    investor: Partner | None = None,
    investor_text: str = "",
) -> InvestmentOpportunity:
    """An investor has come forward; the opportunity leaves the public page while talks go on."""
    name = investor.name if investor else investor_text.strip()
    if not name:
        raise WorkflowError(gettext("Cần chọn hoặc ghi tên nhà đầu tư."))
    return apply_transition(
        investmentopportunity,
        INVESTMENT_TRANSITIONS["start_talks"],
        by=by,
        changes={"investor": investor, "investor_text": investor_text.strip()},
        summary=f"Đàm phán với nhà đầu tư {name}",
        data={"investor": name},
    )


@INVESTMENT_WORKFLOW.step("reopen")
def investment_opportunity_reopen(
    *, investmentopportunity: InvestmentOpportunity, by: Any, reason: str
) -> InvestmentOpportunity:
    """Talks ended without agreement: back in the catalogue."""
    return apply_noted_transition(
        investmentopportunity, INVESTMENT_TRANSITIONS["reopen"], by=by, note=reason, key="reason"
    )


@INVESTMENT_WORKFLOW.step("award")
def investment_opportunity_award(
    *,
    investmentopportunity: InvestmentOpportunity,
    by: Any,
    decision_ref: str,
    decision_date: dt.date,
    investor: Partner | None = None,
    investor_text: str = "",
) -> InvestmentOpportunity:
    """Record the decision approving the investor (investment policy approval)."""
    if not decision_ref.strip():
        raise WorkflowError(gettext("Cần nhập số quyết định chấp thuận nhà đầu tư."))
    investmentopportunity.refresh_from_db(fields=["investor", "investor_text"])
    investor = investor or investmentopportunity.investor
    investor_text = investor_text.strip() or investmentopportunity.investor_text
    name = investor.name if investor else investor_text
    if not name:
        raise WorkflowError(gettext("Cần chọn hoặc ghi tên nhà đầu tư."))
    return apply_transition(
        investmentopportunity,
        INVESTMENT_TRANSITIONS["award"],
        by=by,
        changes={
            "investor": investor,
            "investor_text": investor_text,
            "decision_ref": decision_ref.strip(),
            "decision_date": decision_date,
        },
        summary=f"Chấp thuận nhà đầu tư {name} tại quyết định số {decision_ref.strip()} ngày {decision_date:%d/%m/%Y}",
        data={"investor": name, "decision_ref": decision_ref.strip(), "decision_date": decision_date.isoformat()},
    )


@INVESTMENT_WORKFLOW.step("withdraw")
def investment_opportunity_withdraw(
    *, investmentopportunity: InvestmentOpportunity, by: Any, reason: str
) -> InvestmentOpportunity:
    """Take the project out of the catalogue (and off the public page)."""
    return apply_noted_transition(
        investmentopportunity, INVESTMENT_TRANSITIONS["withdraw"], by=by, note=reason, key="reason"
    )
