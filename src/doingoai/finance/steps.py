"""How a record's workflow takes its budget: the steps every `Budgeted` model adds to its transitions.

Kept apart from the services so that the domain apps' models and workflows can declare them without importing
the services' dependencies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core.choices import Role
from doingoai.core.permissions import WRITE_ALL_ROLES, role_of
from doingoai.core.workflow import Transition
from doingoai.finance.models import BudgetStatus


@dataclass(frozen=True)
class BudgetSteps:
    """How a record's workflow takes the budget: statuses in which finance appraises it and its unit settles it,
    and the field holding the day the activity ended."""

    appraisable: tuple[str, ...]
    settleable: tuple[str, ...]
    ended_on: tuple[str, ...]  # first non-empty field: the day the trip, conference or event ended
    decided: tuple[str, ...]  # statuses after the competent authority's decision (its approved amounts count)
    decide_verb: str = "approve"  # the step that records the decision
    # The tiers before the budget: (label, step verb, statuses in which the tier is done).
    path: tuple[tuple[StrOrPromise, str, tuple[str, ...]], ...] = ()
    closed: tuple[str, ...] = ("cancelled",)  # statuses in which the estimate is no longer edited

    def transitions(self) -> list[Transition]:
        return [
            Transition(
                "appraise_budget",
                gettext_lazy("Thẩm định kinh phí"),
                self.appraisable,
                None,
                roles=frozenset(),
                rule=_may_appraise,
                when=_waiting_for_appraisal,
                style="success",
                help=gettext_lazy("Sở Tài chính ghi kinh phí thẩm định (từng khoản hoặc tổng) và ý kiến."),
            ),
            Transition(
                "return_budget",
                gettext_lazy("Trả lại dự toán"),
                self.appraisable,
                None,
                roles=frozenset(),
                rule=_may_appraise,
                when=_waiting_for_appraisal,
                style="warning",
                help=gettext_lazy("Trả dự toán về đơn vị để sửa, kèm lý do."),
            ),
            Transition(
                "settle",
                gettext_lazy("Quyết toán kinh phí"),
                self.settleable,
                None,
                roles=frozenset(),
                rule=may_settle_user,
                when=_settleable,
                style="secondary",
                help=gettext_lazy("Ghi số tiền thực chi từng khoản sau khi hoạt động kết thúc."),
            ),
        ]


def _may_appraise(user: Any, obj: Any) -> bool:
    """Who: the finance department."""
    return role_of(user) == Role.FINANCE


def _waiting_for_appraisal(obj: Any) -> bool:
    """When: a state-budget estimate has been sent."""
    return bool(getattr(obj, "uses_state_budget", True)) and obj.budget_status == BudgetStatus.PENDING


def _settleable(obj: Any) -> bool:
    return obj.budget_status in (BudgetStatus.APPRAISED, BudgetStatus.PENDING) and bool(obj.estimate_vnd)


def may_settle_user(user: Any, obj: Any) -> bool:
    """Who: the record's unit (or the coordinator) settles its estimate."""
    role = role_of(user)
    if role in WRITE_ALL_ROLES:
        return True
    owner = getattr(obj, f"{obj.owner_field}_id", None) if getattr(obj, "owner_field", "") else None
    return role == Role.UNIT_OFFICER and owner is not None and owner == user.unit_id
