"""The workflow of hội hữu nghị: draft → proposed → approved → done, or cancelled."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from doingoai.core.choices import Role
from doingoai.core.workflow import Transition, Workflow, apply_noted_transition, apply_transition
from doingoai.friendship.models import AssociationStatus as S
from doingoai.friendship.models import FriendshipAssociation

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
            gettext_lazy("Ghi nhận giải thể, sáp nhập"),
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
def friendshipassociation_submit(*, friendshipassociation: FriendshipAssociation, by: Any) -> FriendshipAssociation:
    """The unit sends its draft to the coordinator."""
    return apply_transition(friendshipassociation, WORKFLOW["submit"], by=by)


@WORKFLOW.step("return_to_draft")
def friendshipassociation_return_to_draft(
    *, friendshipassociation: FriendshipAssociation, by: Any, comment: str
) -> FriendshipAssociation:
    return apply_noted_transition(
        friendshipassociation, WORKFLOW["return_to_draft"], by=by, note=comment, key="comment"
    )


@WORKFLOW.step("approve")
def friendshipassociation_approve(*, friendshipassociation: FriendshipAssociation, by: Any) -> FriendshipAssociation:
    return apply_transition(friendshipassociation, WORKFLOW["approve"], by=by)


@WORKFLOW.step("complete")
def friendshipassociation_complete(*, friendshipassociation: FriendshipAssociation, by: Any) -> FriendshipAssociation:
    return apply_transition(friendshipassociation, WORKFLOW["complete"], by=by)


@WORKFLOW.step("cancel")
def friendshipassociation_cancel(
    *, friendshipassociation: FriendshipAssociation, by: Any, reason: str
) -> FriendshipAssociation:
    return apply_noted_transition(friendshipassociation, WORKFLOW["cancel"], by=by, note=reason, key="reason")
