"""Writes of the Lao border cooperation registries: the steps of each record and the meeting with its points.

A unit writes a record as a draft and reports it (Gửi báo cáo); the coordinator may return it to the unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from doingoai.core import services as core_services
from doingoai.core.adminunits import local_communes_q
from doingoai.core.choices import PartnerKind, Role
from doingoai.core.models import AdministrativeUnit, AdminUnitKind, Country, Partner
from doingoai.core.workflow import Transition, Workflow, WorkflowError, apply_noted_transition, apply_transition
from doingoai.laocoop.models import (
    LAO_LOCALITIES,
    ActionStatus,
    AssistanceProject,
    AssistanceStatus,
    BorderMeeting,
    MeetingAction,
    MeetingStatus,
    SeasonStatus,
    TwinningActivity,
    TwinningPair,
    TwinningStatus,
)
from doingoai.reference import vnunits

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})


def _report_workflow(draft: str, reported: str) -> Workflow:
    return Workflow(
        [
            Transition("report", gettext("Gửi báo cáo"), (draft,), reported, owner=True, style="success"),
            Transition("return_to_draft", gettext("Trả lại đơn vị"), (reported,), draft, style="warning"),
        ]
    )


def _bind_report(workflow: Workflow, name: str) -> None:
    """Bind the two common steps of a reported record, its keyword named after the model (`twinningactivity`)."""

    def report(*, by: Any, **kwargs: Any) -> Any:
        return apply_transition(kwargs[name], workflow["report"], by=by)

    def return_to_draft(*, by: Any, comment: str, **kwargs: Any) -> Any:
        return apply_noted_transition(kwargs[name], workflow["return_to_draft"], by=by, note=comment, key="comment")

    report.__doc__ = "The unit reports its record: every unit reads it from now on."
    return_to_draft.__doc__ = "The coordinator returns a reported record to its unit, with a comment."
    workflow.step("report")(report)
    workflow.step("return_to_draft")(return_to_draft)


# --- twinned pairs
T = TwinningStatus
TWINNING_WORKFLOW = Workflow(
    [
        Transition("report", gettext_lazy("Gửi báo cáo"), (T.DRAFT,), T.ACTIVE, owner=True, style="success"),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (T.ACTIVE,), T.DRAFT, style="warning"),
        Transition("pause", gettext_lazy("Tạm ngừng"), (T.ACTIVE,), T.PAUSED, owner=True, style="warning"),
        Transition("resume", gettext_lazy("Duy trì trở lại"), (T.PAUSED,), T.ACTIVE, owner=True),
        Transition("end", gettext_lazy("Chấm dứt kết nghĩa"), (T.ACTIVE, T.PAUSED), T.ENDED, style="danger"),
    ]
)
_bind_report(TWINNING_WORKFLOW, "twinningpair")


@TWINNING_WORKFLOW.step("pause")
def twinning_pair_pause(*, twinningpair: TwinningPair, by: Any, reason: str) -> TwinningPair:
    """Activities stop for a while (a village moved, a road cut): the reason is kept."""
    return apply_noted_transition(twinningpair, TWINNING_WORKFLOW["pause"], by=by, note=reason)


@TWINNING_WORKFLOW.step("resume")
def twinning_pair_resume(*, twinningpair: TwinningPair, by: Any) -> TwinningPair:
    return apply_transition(twinningpair, TWINNING_WORKFLOW["resume"], by=by)


@TWINNING_WORKFLOW.step("end")
def twinning_pair_end(*, twinningpair: TwinningPair, by: Any, reason: str) -> TwinningPair:
    return apply_noted_transition(twinningpair, TWINNING_WORKFLOW["end"], by=by, note=reason)


ACTIVITY_WORKFLOW = _report_workflow(TwinningActivity.Status.DRAFT, TwinningActivity.Status.REPORTED)
_bind_report(ACTIVITY_WORKFLOW, "twinningactivity")

SEASON_WORKFLOW = _report_workflow(SeasonStatus.DRAFT, SeasonStatus.REPORTED)
_bind_report(SEASON_WORKFLOW, "remainsseason")


# --- border meetings and the points agreed there
M = MeetingStatus
MEETING_WORKFLOW = Workflow(
    [
        Transition(
            "report", gettext_lazy("Gửi báo cáo"), (M.DRAFT,), M.HELD, owner=True, style="success",
            help=gettext_lazy("Các nội dung đã thống nhất chuyển sang theo dõi thực hiện."),
        ),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (M.HELD,), M.DRAFT, style="warning"),
        Transition("cancel", gettext_lazy("Hủy"), (M.DRAFT,), M.CANCELLED, owner=True, style="danger"),
    ]
)  # fmt: skip


@MEETING_WORKFLOW.step("report")
def border_meeting_report(*, bordermeeting: BorderMeeting, by: Any) -> BorderMeeting:
    """The host unit reports the meeting; its draft points become follow-up actions in the same transaction."""
    bordermeeting.refresh_from_db(fields=["held_on"])
    if bordermeeting.held_on is None:
        raise WorkflowError(gettext("Cần ghi ngày tổ chức trước khi gửi báo cáo cuộc hội đàm, gặp gỡ."))
    with transaction.atomic():
        meeting = apply_transition(bordermeeting, MEETING_WORKFLOW["report"], by=by)
        for action in meeting.actions.filter(status=ActionStatus.DRAFT):
            apply_transition(
                action, ACTION_WORKFLOW["assign"], by=by, summary=gettext_noop("Theo dõi thực hiện sau hội đàm")
            )
    return meeting


@MEETING_WORKFLOW.step("return_to_draft")
def border_meeting_return_to_draft(*, bordermeeting: BorderMeeting, by: Any, comment: str) -> BorderMeeting:
    return apply_noted_transition(
        bordermeeting, MEETING_WORKFLOW["return_to_draft"], by=by, note=comment, key="comment"
    )


@MEETING_WORKFLOW.step("cancel")
def border_meeting_cancel(*, bordermeeting: BorderMeeting, by: Any, reason: str) -> BorderMeeting:
    return apply_noted_transition(bordermeeting, MEETING_WORKFLOW["cancel"], by=by, note=reason)


A = ActionStatus
ACTION_WORKFLOW = Workflow(
    [
        Transition("assign", gettext_lazy("Giao thực hiện"), (A.DRAFT,), A.OPEN, owner=True),
        Transition("complete", gettext_lazy("Báo cáo hoàn thành"), (A.OPEN,), A.DONE, owner=True, style="success"),
        Transition("drop", gettext_lazy("Không thực hiện"), (A.OPEN,), A.DROPPED, style="danger"),
        Transition("reopen", gettext_lazy("Mở lại"), (A.DONE, A.DROPPED), A.OPEN, style="warning"),
    ]
)


@ACTION_WORKFLOW.step("assign")
def meeting_action_assign(*, meetingaction: MeetingAction, by: Any) -> MeetingAction:
    """The point is followed up from now on (its due date counts in the deadlines)."""
    return apply_transition(meetingaction, ACTION_WORKFLOW["assign"], by=by)


@ACTION_WORKFLOW.step("complete")
def meeting_action_complete(*, meetingaction: MeetingAction, by: Any, done_on: dt.date, result: str) -> MeetingAction:
    """The unit in charge reports the point carried out, with the date and what was done."""
    return apply_transition(
        meetingaction,
        ACTION_WORKFLOW["complete"],
        by=by,
        changes={"done_on": done_on, "result": result},
        summary=f"Hoàn thành ngày {done_on:%d/%m/%Y}",
        data={"done_on": done_on.isoformat()},
    )


@ACTION_WORKFLOW.step("drop")
def meeting_action_drop(*, meetingaction: MeetingAction, by: Any, reason: str) -> MeetingAction:
    return apply_noted_transition(meetingaction, ACTION_WORKFLOW["drop"], by=by, note=reason)


@ACTION_WORKFLOW.step("reopen")
def meeting_action_reopen(*, meetingaction: MeetingAction, by: Any, comment: str) -> MeetingAction:
    return apply_transition(
        meetingaction, ACTION_WORKFLOW["reopen"], by=by, changes={"done_on": None}, summary=f"Mở lại: {comment}"
    )


def agreed_points(text: str) -> list[str]:
    """One point a line; list marks ("-", "+", "1.", "a)") and blank lines dropped."""
    points = []
    for line in (text or "").splitlines():
        point = line.strip().lstrip("-+•*").strip()
        head, _, rest = point.partition(" ")
        if rest and head[-1:] in ".)" and head[:-1].isalnum() and len(head) <= 4:
            point = rest.strip()
        if point:
            points.append(point)
    return points


@transaction.atomic
def border_meeting_create(
    *, by: Any, values: Mapping[str, Any], points: str = "", points_due_on: dt.date | None = None
) -> BorderMeeting:
    """Record a border meeting and, in the same transaction, one draft follow-up action per agreed point in the
    charge of the host unit (reassignable); they are followed up once the meeting is reported."""
    if points_due_on and values.get("held_on") and points_due_on < values["held_on"]:
        raise WorkflowError(gettext("Hạn thực hiện các nội dung đã thống nhất không được trước ngày hội đàm."))
    meeting: BorderMeeting = core_services.object_create(model=BorderMeeting, by=by, values=values)
    for text in agreed_points(points):
        core_services.object_create(
            model=MeetingAction,
            by=by,
            values={"meeting": meeting, "text": text, "owner_unit": meeting.host_unit, "due_on": points_due_on},
        )
    return meeting


# --- the province's assistance projects in Laos
P = AssistanceStatus
ASSISTANCE_WORKFLOW = Workflow(
    [
        Transition("submit", gettext_lazy("Gửi đề xuất"), (P.DRAFT,), P.PROPOSED, owner=True),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (P.PROPOSED,), P.DRAFT, style="warning"),
        Transition("approve", gettext_lazy("Phê duyệt"), (P.PROPOSED,), P.APPROVED, roles=LEADERS, style="success"),
        Transition("start", gettext_lazy("Bắt đầu thực hiện"), (P.APPROVED,), P.IMPLEMENTING, owner=True),
        Transition(
            "hand_over",
            gettext_lazy("Ghi nhận đã bàn giao"),
            (P.IMPLEMENTING,),
            P.HANDED_OVER,
            owner=True,
            style="success",
        ),
        Transition(
            "cancel", gettext_lazy("Hủy"), (P.DRAFT, P.PROPOSED, P.APPROVED), P.CANCELLED, roles=LEADERS, style="danger"
        ),
    ]
)


@ASSISTANCE_WORKFLOW.step("submit")
def assistance_project_submit(*, assistanceproject: AssistanceProject, by: Any) -> AssistanceProject:
    """The unit sends its proposal to the coordinator."""
    return apply_transition(assistanceproject, ASSISTANCE_WORKFLOW["submit"], by=by)


@ASSISTANCE_WORKFLOW.step("return_to_draft")
def assistance_project_return_to_draft(
    *, assistanceproject: AssistanceProject, by: Any, comment: str
) -> AssistanceProject:
    return apply_noted_transition(
        assistanceproject, ASSISTANCE_WORKFLOW["return_to_draft"], by=by, note=comment, key="comment"
    )


@ASSISTANCE_WORKFLOW.step("approve")
def assistance_project_approve(
    *, assistanceproject: AssistanceProject, by: Any, decision_ref: str
) -> AssistanceProject:
    """Leaders approve the project; the decision's number is kept."""
    return apply_transition(
        assistanceproject,
        ASSISTANCE_WORKFLOW["approve"],
        by=by,
        changes={"decision_ref": decision_ref},
        summary=f"Phê duyệt theo {decision_ref}",
        data={"decision_ref": decision_ref},
    )


@ASSISTANCE_WORKFLOW.step("start")
def assistance_project_start(*, assistanceproject: AssistanceProject, by: Any) -> AssistanceProject:
    return apply_transition(assistanceproject, ASSISTANCE_WORKFLOW["start"], by=by)


@ASSISTANCE_WORKFLOW.step("hand_over")
def assistance_project_hand_over(
    *, assistanceproject: AssistanceProject, by: Any, handed_over_on: dt.date
) -> AssistanceProject:
    """The work is handed over to the Lao side (the ceremony's date)."""
    return apply_transition(
        assistanceproject,
        ASSISTANCE_WORKFLOW["hand_over"],
        by=by,
        changes={"handed_over_on": handed_over_on},
        summary=f"Bàn giao ngày {handed_over_on:%d/%m/%Y}",
        data={"handed_over_on": handed_over_on.isoformat()},
    )


@ASSISTANCE_WORKFLOW.step("cancel")
def assistance_project_cancel(*, assistanceproject: AssistanceProject, by: Any, reason: str) -> AssistanceProject:
    return apply_noted_transition(assistanceproject, ASSISTANCE_WORKFLOW["cancel"], by=by, note=reason)


def example_references() -> tuple[AdministrativeUnit, Partner]:
    """A commune of the province and a facing Lao province for the registries' examples (demo, generated tests):
    the loaded reference rows, or the same real rows made when `load_refdata` has not run (a test database)."""
    commune = AdministrativeUnit.objects.filter(local_communes_q()).order_by("code").first()
    if commune is None:
        unit = vnunits.lookup(gettext("xã Mường Típ, Nghệ An"))[0]
        province, _ = AdministrativeUnit.objects.get_or_create(
            kind=AdminUnitKind.PROVINCE, code=unit.province_code, defaults={"name": unit.province_name}
        )
        commune, _ = AdministrativeUnit.objects.get_or_create(
            kind=unit.kind, code=unit.code, defaults={"name": unit.name, "province": province}
        )
    lao = Partner.objects.filter(**LAO_LOCALITIES).order_by("name").first()
    if lao is None:
        laos, _ = Country.objects.get_or_create(code="LA", defaults={"name_vi": gettext("Lào"), "region": "lao"})
        lao, _ = Partner.objects.get_or_create(name="Hủa Phăn", country=laos, defaults={"kind": PartnerKind.LOCALITY})
    return commune, lao
