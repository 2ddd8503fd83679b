"""The workflow of tổ chức nước ngoài: draft → proposed → approved → done, or cancelled."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from doingoai.core.choices import Role
from doingoai.core.workflow import Transition, Workflow, apply_noted_transition, apply_transition
from doingoai.foreignorgs.models import ForeignOrganisation
from doingoai.foreignorgs.models import ForeignOrganisationStatus as S

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})

WORKFLOW = Workflow(
    [
        Transition("submit", gettext_lazy("Gửi cơ quan điều phối"), (S.DRAFT,), S.PROPOSED, owner=True),
        Transition("return_to_draft", gettext_lazy("Trả lại đơn vị"), (S.PROPOSED,), S.DRAFT, style="warning"),
        Transition(
            "approve",
            gettext_lazy("Xác nhận đang hoạt động"),
            (S.PROPOSED,),
            S.APPROVED,
            roles=LEADERS,
            style="success",
        ),
        Transition(
            "complete",
            gettext_lazy("Ghi nhận kết thúc hoạt động"),
            (S.APPROVED,),
            S.DONE,
            owner=True,
            style="secondary",
        ),
        Transition(
            "cancel", gettext_lazy("Hủy"), (S.DRAFT, S.PROPOSED, S.APPROVED), S.CANCELLED, roles=LEADERS, style="danger"
        ),
    ]
)


@WORKFLOW.step("submit")
def foreignorganisation_submit(*, foreignorganisation: ForeignOrganisation, by: Any) -> ForeignOrganisation:
    """The unit sends its draft to the coordinator."""
    return apply_transition(foreignorganisation, WORKFLOW["submit"], by=by)


@WORKFLOW.step("return_to_draft")
def foreignorganisation_return_to_draft(
    *, foreignorganisation: ForeignOrganisation, by: Any, comment: str
) -> ForeignOrganisation:
    return apply_noted_transition(foreignorganisation, WORKFLOW["return_to_draft"], by=by, note=comment, key="comment")


@WORKFLOW.step("approve")
def foreignorganisation_approve(*, foreignorganisation: ForeignOrganisation, by: Any) -> ForeignOrganisation:
    return apply_transition(foreignorganisation, WORKFLOW["approve"], by=by)


@WORKFLOW.step("complete")
def foreignorganisation_complete(*, foreignorganisation: ForeignOrganisation, by: Any) -> ForeignOrganisation:
    return apply_transition(foreignorganisation, WORKFLOW["complete"], by=by)


@WORKFLOW.step("cancel")
def foreignorganisation_cancel(
    *, foreignorganisation: ForeignOrganisation, by: Any, reason: str
) -> ForeignOrganisation:
    return apply_noted_transition(foreignorganisation, WORKFLOW["cancel"], by=by, note=reason, key="reason")
