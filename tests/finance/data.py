"""A province's competent authorities in tests: rules, holders, and a budget appraised by finance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from doingoai.core.choices import DelegationGroup
from doingoai.finance import services
from doingoai.finance.models import ApprovalRule, Authority, AuthorityGrant, AuthorityKind, CostCategory, RuleTarget


@dataclass
class Authorities:
    central: Authority
    party: Authority
    chairman: Authority
    vice: Authority
    unit_head: Authority


def make_authorities(users: dict[str, Any]) -> Authorities:
    """Group A → central (recorded); group B → the Party standing committee; departments' trips abroad headed by
    a director → the chairman; other trips abroad → a vice-chairman; inbound without state budget → the unit's
    head. The leader holds the chairman's and the standing committee's authority."""
    central = Authority.objects.create(name="Bộ Chính trị, Ban Bí thư", kind=AuthorityKind.CENTRAL, level=1)
    party = Authority.objects.create(name="Ban Thường vụ Tỉnh ủy", kind=AuthorityKind.PARTY_STANDING, level=10)
    chairman = Authority.objects.create(name="Chủ tịch UBND tỉnh", kind=AuthorityKind.CHAIRMAN, level=20)
    vice = Authority.objects.create(name="Phó Chủ tịch UBND tỉnh", kind=AuthorityKind.VICE_CHAIRMAN, level=30)
    head = Authority.objects.create(name="Thủ trưởng cơ quan, đơn vị", kind=AuthorityKind.UNIT_HEAD, level=40)
    d = RuleTarget.DELEGATION
    ApprovalRule.objects.create(target=d, group=DelegationGroup.CENTRAL_LEADERS, authority=central, priority=10)
    ApprovalRule.objects.create(target=d, group=DelegationGroup.PROVINCIAL_LEADERS, authority=party, priority=20)
    ApprovalRule.objects.create(target=d, direction="out", head_rank="Giám đốc", authority=chairman, priority=30)
    ApprovalRule.objects.create(target=d, direction="out", authority=vice, priority=40)
    ApprovalRule.objects.create(target=d, direction="in", state_budget=False, authority=head, priority=50)
    ApprovalRule.objects.create(target=d, authority=chairman, priority=90)
    AuthorityGrant.objects.create(user=users["leader"], authority=chairman, valid_from=dt.date(2020, 1, 1))
    AuthorityGrant.objects.create(user=users["leader"], authority=party, valid_from=dt.date(2020, 1, 1))
    return Authorities(central, party, chairman, vice, head)


def appraise(record: Any, users: dict[str, Any], amount: int = 10_000_000) -> Any:
    """One estimate line entered by the coordinator and appraised as estimated by finance."""
    services.cost_line_save(
        record=record,
        by=users["coordinator"],
        values={"category": CostCategory.OTHER, "quantity": "1", "days": "1", "unit_price": str(amount)},
    )
    record.refresh_from_db()
    return services.budget_appraise(record=record, by=users["finance"], comment="Phù hợp")
