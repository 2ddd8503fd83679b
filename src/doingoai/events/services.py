"""Workflows of events, training courses and inspections.

Event and training course: proposed → planned (in the year's plan) → held → reported, or cancelled.
Inspection: proposed → planned (decision issued) → in progress → concluded, or cancelled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core.choices import Role
from doingoai.core.workflow import Transition, Workflow, WorkflowError, apply_noted_transition, apply_transition
from doingoai.events.models import Event, Inspection, TrainingCourse
from doingoai.events.models import EventStatus as E
from doingoai.events.models import InspectionStatus as N
from doingoai.events.models import TrainingStatus as T
from doingoai.finance import services as finance

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})


def _plan_transitions(s: Any, what: StrOrPromise) -> dict[str, Transition]:
    """The steps events and training courses share; `s` is the model's status choices."""
    return {
        t.name: t
        for t in [
            Transition(
                "submit",
                gettext_lazy("Gửi đề xuất"),
                (s.DRAFT,),
                s.PROPOSED,
                owner=True,
                help=format_lazy(gettext_lazy("Gửi đề xuất {what} tới cơ quan điều phối."), what=what),
            ),
            Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (s.PROPOSED,), s.DRAFT, style="warning"),
            Transition("accept", gettext_lazy("Đưa vào kế hoạch"), (s.PROPOSED,), s.PLANNED, style="success"),
            Transition("hold", gettext_lazy("Ghi nhận đã tổ chức"), (s.PLANNED,), s.HELD, owner=True, style="success"),
            Transition(
                "report", gettext_lazy("Nộp báo cáo kết quả"), (s.HELD,), s.REPORTED, owner=True, style="success"
            ),
            Transition(
                "cancel",
                gettext_lazy("Hủy"),
                (s.DRAFT, s.PROPOSED, s.PLANNED),
                s.CANCELLED,
                roles=LEADERS,
                style="danger",
            ),
        ]
    }


def _check_dates(start: dt.date, end: dt.date | None) -> None:
    if end and end < start:
        raise WorkflowError(gettext("Ngày kết thúc không được trước ngày bắt đầu."))


def _check_report(report: str) -> str:
    if not report.strip():
        raise WorkflowError(gettext("Báo cáo kết quả không được để trống."))
    return report.strip()


def _return(obj: Any, transitions: dict[str, Transition], by: Any, comment: str) -> Any:
    return apply_noted_transition(obj, transitions["return_to_draft"], by=by, note=comment, key="comment")


def _cancel(obj: Any, transitions: dict[str, Transition], by: Any, reason: str) -> Any:
    return apply_noted_transition(obj, transitions["cancel"], by=by, note=reason, key="reason")


# ------------------------------------------------------------------------------------------------ events

EVENT_TRANSITIONS = _plan_transitions(E, gettext_lazy("tổ chức sự kiện, giao lưu")) | {
    t.name: t for t in Event.budget_steps.transitions()
}
EVENT_WORKFLOW = Workflow(EVENT_TRANSITIONS)


@EVENT_WORKFLOW.step("submit")
def event_submit(*, event: Event, by: Any) -> Event:
    """The organising unit sends its proposal to the coordinator."""
    return apply_transition(event, EVENT_TRANSITIONS["submit"], by=by)


@EVENT_WORKFLOW.step("return_to_draft")
def event_return_to_draft(*, event: Event, by: Any, comment: str) -> Event:
    """Back to the unit with the coordinator's comment."""
    return _return(event, EVENT_TRANSITIONS, by, comment)


@EVENT_WORKFLOW.step("accept")
def event_accept(*, event: Event, by: Any) -> Event:
    """The coordinator puts the event into the year's plan."""
    return apply_transition(event, EVENT_TRANSITIONS["accept"], by=by)


@EVENT_WORKFLOW.step("hold")
def event_hold(
    *,
    event: Event,
    by: Any,
    start_date: dt.date,
    end_date: dt.date | None = None,
    participants_count: int | None = None,
) -> Event:
    """The event took place on these dates."""
    _check_dates(start_date, end_date)
    changes: dict[str, Any] = {"start_date": start_date, "end_date": end_date or start_date}
    if participants_count is not None:
        changes["participants_count"] = participants_count
    span = f"{start_date:%d/%m/%Y}" + (f" – {end_date:%d/%m/%Y}" if end_date and end_date != start_date else "")
    return apply_transition(
        event,
        EVENT_TRANSITIONS["hold"],
        by=by,
        changes=changes,
        summary=f"Đã tổ chức {span}",
        data={"start_date": start_date.isoformat()},
    )


@EVENT_WORKFLOW.step("report")
def event_report(*, event: Event, by: Any, report: str) -> Event:
    """The report on the event's results."""
    return apply_transition(
        event,
        EVENT_TRANSITIONS["report"],
        by=by,
        changes={"report": _check_report(report), "reported_on": timezone.localdate()},
    )


@EVENT_WORKFLOW.step("cancel")
def event_cancel(*, event: Event, by: Any, reason: str) -> Event:
    """The event will not take place."""
    return _cancel(event, EVENT_TRANSITIONS, by, reason)


# -------------------------------------------------------------------------------------- training courses

TRAINING_TRANSITIONS = _plan_transitions(T, gettext_lazy("mở lớp tập huấn, bồi dưỡng"))
TRAINING_WORKFLOW = Workflow(TRAINING_TRANSITIONS)


@TRAINING_WORKFLOW.step("submit")
def training_course_submit(*, trainingcourse: TrainingCourse, by: Any) -> TrainingCourse:
    """The organising unit sends its proposal to the coordinator."""
    return apply_transition(trainingcourse, TRAINING_TRANSITIONS["submit"], by=by)


@TRAINING_WORKFLOW.step("return_to_draft")
def training_course_return_to_draft(*, trainingcourse: TrainingCourse, by: Any, comment: str) -> TrainingCourse:
    """Back to the unit with the coordinator's comment."""
    return _return(trainingcourse, TRAINING_TRANSITIONS, by, comment)


@TRAINING_WORKFLOW.step("accept")
def training_course_accept(*, trainingcourse: TrainingCourse, by: Any) -> TrainingCourse:
    """The coordinator puts the course into the year's plan."""
    return apply_transition(trainingcourse, TRAINING_TRANSITIONS["accept"], by=by)


@TRAINING_WORKFLOW.step("hold")
def training_course_hold(
    *,
    trainingcourse: TrainingCourse,
    by: Any,
    start_date: dt.date,
    trainees_count: int,
    end_date: dt.date | None = None,
) -> TrainingCourse:
    """The course took place, with its dates and the number of trainees who attended."""
    _check_dates(start_date, end_date)
    return apply_transition(
        trainingcourse,
        TRAINING_TRANSITIONS["hold"],
        by=by,
        changes={"start_date": start_date, "end_date": end_date or start_date, "trainees_count": trainees_count},
        summary=f"Đã tổ chức từ {start_date:%d/%m/%Y}, {trainees_count} học viên",
        data={"start_date": start_date.isoformat(), "trainees_count": trainees_count},
    )


@TRAINING_WORKFLOW.step("report")
def training_course_report(*, trainingcourse: TrainingCourse, by: Any, report: str) -> TrainingCourse:
    """The report on the course's results."""
    return apply_transition(
        trainingcourse,
        TRAINING_TRANSITIONS["report"],
        by=by,
        changes={"report": _check_report(report), "reported_on": timezone.localdate()},
    )


@TRAINING_WORKFLOW.step("cancel")
def training_course_cancel(*, trainingcourse: TrainingCourse, by: Any, reason: str) -> TrainingCourse:
    """The course will not take place."""
    return _cancel(trainingcourse, TRAINING_TRANSITIONS, by, reason)


# ------------------------------------------------------------------------------------------- inspections

INSPECTION_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Gửi đề xuất"),
            (N.DRAFT,),
            N.PROPOSED,
            owner=True,
            help=gettext_lazy("Đề xuất cuộc thanh tra, kiểm tra vào kế hoạch."),
        ),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (N.PROPOSED,), N.DRAFT, style="warning"),
        Transition(
            "decide",
            gettext_lazy("Ghi nhận quyết định thanh tra, kiểm tra"),
            (N.PROPOSED,),
            N.PLANNED,
            roles=LEADERS,
            style="success",
        ),
        Transition("start", gettext_lazy("Bắt đầu thanh tra, kiểm tra"), (N.PLANNED,), N.IN_PROGRESS, owner=True),
        Transition(
            "conclude", gettext_lazy("Ban hành kết luận"), (N.IN_PROGRESS,), N.CONCLUDED, owner=True, style="success"
        ),
        Transition(
            "cancel",
            gettext_lazy("Hủy"),
            (N.DRAFT, N.PROPOSED, N.PLANNED, N.IN_PROGRESS),
            N.CANCELLED,
            roles=LEADERS,
            style="danger",
        ),
    ]
}
INSPECTION_WORKFLOW = Workflow(INSPECTION_TRANSITIONS)


@INSPECTION_WORKFLOW.step("submit")
def inspection_submit(*, inspection: Inspection, by: Any) -> Inspection:
    """The inspecting unit proposes the inspection for the plan."""
    return apply_transition(inspection, INSPECTION_TRANSITIONS["submit"], by=by)


@INSPECTION_WORKFLOW.step("return_to_draft")
def inspection_return_to_draft(*, inspection: Inspection, by: Any, comment: str) -> Inspection:
    """Back to the unit with the coordinator's comment."""
    return _return(inspection, INSPECTION_TRANSITIONS, by, comment)


@INSPECTION_WORKFLOW.step("decide")
def inspection_decide(*, inspection: Inspection, by: Any, decision_ref: str, decision_date: dt.date) -> Inspection:
    """Record the decision ordering the inspection."""
    if not decision_ref.strip():
        raise WorkflowError(gettext("Cần nhập số quyết định thanh tra, kiểm tra."))
    return apply_transition(
        inspection,
        INSPECTION_TRANSITIONS["decide"],
        by=by,
        changes={"decision_ref": decision_ref.strip(), "decision_date": decision_date},
        summary=f"Quyết định số {decision_ref.strip()} ngày {decision_date:%d/%m/%Y}",
        data={"decision_ref": decision_ref.strip(), "decision_date": decision_date.isoformat()},
    )


@INSPECTION_WORKFLOW.step("start")
def inspection_start(*, inspection: Inspection, by: Any, actual_start: dt.date) -> Inspection:
    """The inspection team starts work at the inspected unit."""
    inspection.refresh_from_db(fields=["decision_date"])
    if inspection.decision_date and actual_start < inspection.decision_date:
        raise WorkflowError(gettext("Ngày bắt đầu không được trước ngày quyết định."))
    return apply_transition(
        inspection,
        INSPECTION_TRANSITIONS["start"],
        by=by,
        changes={"actual_start": actual_start},
        summary=f"Bắt đầu ngày {actual_start:%d/%m/%Y}",
        data={"actual_start": actual_start.isoformat()},
    )


@INSPECTION_WORKFLOW.step("conclude")
def inspection_conclude(
    *,
    inspection: Inspection,
    by: Any,
    actual_end: dt.date,
    findings: str,
    conclusion_ref: str,
    concluded_on: dt.date,
) -> Inspection:
    """The conclusion is issued, with the findings."""
    inspection.refresh_from_db(fields=["actual_start"])
    if inspection.actual_start and actual_end < inspection.actual_start:
        raise WorkflowError(gettext("Ngày kết thúc không được trước ngày bắt đầu."))
    if concluded_on < actual_end:
        raise WorkflowError(gettext("Ngày kết luận không được trước ngày kết thúc thanh tra, kiểm tra."))
    if not findings.strip():
        raise WorkflowError(gettext("Cần ghi kết quả, phát hiện."))
    if not conclusion_ref.strip():
        raise WorkflowError(gettext("Cần nhập số kết luận."))
    return apply_transition(
        inspection,
        INSPECTION_TRANSITIONS["conclude"],
        by=by,
        changes={
            "actual_end": actual_end,
            "findings": findings.strip(),
            "conclusion_ref": conclusion_ref.strip(),
            "concluded_on": concluded_on,
        },
        summary=f"Kết luận số {conclusion_ref.strip()} ngày {concluded_on:%d/%m/%Y}",
        data={"conclusion_ref": conclusion_ref.strip(), "concluded_on": concluded_on.isoformat()},
    )


@INSPECTION_WORKFLOW.step("cancel")
def inspection_cancel(*, inspection: Inspection, by: Any, reason: str) -> Inspection:
    """The inspection is called off."""
    return _cancel(inspection, INSPECTION_TRANSITIONS, by, reason)


finance.bind_budget_steps(EVENT_WORKFLOW, "event")  # appraise_budget, return_budget, settle
