"""Conference workflow (Decision 06/2020/QĐ-TTg): proposed → permitted → held → reported."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.conferences.models import Conference
from doingoai.conferences.models import ConferenceStatus as S
from doingoai.core.choices import Role
from doingoai.core.i18n import vietnamese
from doingoai.core.workflow import Transition, Workflow, WorkflowError, apply_noted_transition, apply_transition
from doingoai.finance import services as finance

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Gửi đề xuất"),
            (S.DRAFT,),
            S.PROPOSED,
            owner=True,
            help=gettext_lazy("Gửi đề xuất tổ chức hội nghị, hội thảo tới cơ quan điều phối."),
        ),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (S.PROPOSED,), S.DRAFT, style="warning"),
        Transition(
            "permit",
            gettext_lazy("Ghi nhận cho phép"),
            (S.PROPOSED, S.POSTPONED),
            S.PERMITTED,
            roles=LEADERS,
            help=gettext_lazy("Ghi số và ngày văn bản cho phép của cấp có thẩm quyền."),
        ),
        Transition("hold", gettext_lazy("Ghi nhận đã tổ chức"), (S.PERMITTED,), S.HELD, owner=True, style="success"),
        Transition("report", gettext_lazy("Nộp báo cáo kết quả"), (S.HELD,), S.REPORTED, owner=True, style="success"),
        Transition(
            "postpone", gettext_lazy("Tạm hoãn"), (S.PROPOSED, S.PERMITTED), S.POSTPONED, roles=LEADERS, style="warning"
        ),
        Transition(
            "cancel",
            gettext_lazy("Hủy"),
            (S.DRAFT, S.PROPOSED, S.PERMITTED, S.POSTPONED),
            S.CANCELLED,
            roles=LEADERS,
            style="danger",
        ),
        *Conference.budget_steps.transitions(),
    ]
}
WORKFLOW = Workflow(TRANSITIONS)


@WORKFLOW.step("submit")
def conference_submit(*, conference: Conference, by: Any) -> Conference:
    """The organising unit sends its proposal to the coordinator."""
    return apply_transition(conference, TRANSITIONS["submit"], by=by)


@WORKFLOW.step("return_to_draft")
def conference_return_to_draft(*, conference: Conference, by: Any, comment: str) -> Conference:
    return apply_noted_transition(conference, TRANSITIONS["return_to_draft"], by=by, note=comment, key="comment")


@WORKFLOW.step("permit")
def conference_permit(
    *, conference: Conference, by: Any, permit_ref: str, permit_date: dt.date, applied_on: dt.date | None = None
) -> Conference:
    """Record the permit of the competent authority (the Prime Minister or the provincial chairman)."""
    if not permit_ref.strip():
        raise WorkflowError(gettext("Cần nhập số văn bản cho phép."))
    authority = conference.required_authority
    changes: dict[str, Any] = {"permit_ref": permit_ref.strip(), "permit_date": permit_date}
    if applied_on:
        changes["applied_on"] = applied_on
    return apply_transition(
        conference,
        TRANSITIONS["permit"],
        by=by,
        changes=changes,
        summary=f"{vietnamese(authority.label)} cho phép tại văn bản số {permit_ref.strip()} "
        f"ngày {permit_date:%d/%m/%Y}",
        data={"permit_ref": permit_ref.strip(), "permit_date": permit_date.isoformat(), "authority": authority.code},
    )


@WORKFLOW.step("hold")
def conference_hold(*, conference: Conference, by: Any, held_on: dt.date) -> Conference:
    return apply_transition(
        conference,
        TRANSITIONS["hold"],
        by=by,
        changes={"held_on": held_on},
        summary=f"Đã tổ chức ngày {held_on:%d/%m/%Y}",
        data={"held_on": held_on.isoformat()},
    )


@WORKFLOW.step("report")
def conference_report(*, conference: Conference, by: Any, report: str) -> Conference:
    """The report after the event (Decision 06/2020/QĐ-TTg)."""
    if not report.strip():
        raise WorkflowError(gettext("Báo cáo kết quả không được để trống."))
    return apply_transition(
        conference,
        TRANSITIONS["report"],
        by=by,
        changes={"report": report.strip(), "reported_on": timezone.localdate()},
    )


@WORKFLOW.step("postpone")
def conference_postpone(*, conference: Conference, by: Any, reason: str) -> Conference:
    return apply_noted_transition(conference, TRANSITIONS["postpone"], by=by, note=reason, key="reason")


@WORKFLOW.step("cancel")
def conference_cancel(*, conference: Conference, by: Any, reason: str) -> Conference:
    return apply_noted_transition(conference, TRANSITIONS["cancel"], by=by, note=reason, key="reason")


finance.bind_budget_steps(WORKFLOW, "conference")  # appraise_budget, return_budget, settle
