"""Demo money and authority: the province's competent authorities and their rules, who holds them (with one
delegation while the chairman is away), the estimates of the delegations and conferences, the finance
department's appraisals (one estimate sent back), the decisions at every tier, and the settlements of done trips.

Every write goes through `finance.services` and the registries' workflow services, as the user who would take the
step. The rules follow the shape of a province's regulation on unified management of foreign affairs (group A →
decided centrally and recorded; group B → the Party standing committee; trips abroad headed by a director → the
chairman; other trips abroad → the vice-chairman in charge; the rest → the chairman); they are demo data that an
administrator edits under Danh mục › Quy tắc thẩm quyền.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from doingoai.core.choices import DelegationGroup
from doingoai.core.models import User
from doingoai.finance import services
from doingoai.finance.models import (
    ApprovalRule,
    Authority,
    AuthorityGrant,
    AuthorityKind,
    BudgetStatus,
    CostCategory,
    CostLine,
    RuleTarget,
    record_q,
)

RULE_SOURCE = "Quy chế quản lý thống nhất các hoạt động đối ngoại của tỉnh (dữ liệu minh họa)"
# A rate of the kind a unit copies from the bank on the day it prices its trip (demo figure, not a quotation).
USD_RATE = Decimal("25400")


def build_authorities(builder: Any) -> None:
    """Authorities, rules, and their holders: the chairman (leader) and the vice-chairman (leader2); the chairman
    delegates his authority to the vice-chairman while away."""
    made = {
        kind: Authority.objects.get_or_create(name=name, defaults={"kind": kind, "level": level})[0]
        for kind, name, level in [
            (AuthorityKind.CENTRAL, "Bộ Chính trị, Ban Bí thư", 1),
            (AuthorityKind.PARTY_STANDING, "Ban Thường vụ Tỉnh ủy", 10),
            (AuthorityKind.CHAIRMAN, "Chủ tịch UBND tỉnh", 20),
            (AuthorityKind.VICE_CHAIRMAN, "Phó Chủ tịch UBND tỉnh phụ trách khối", 30),
            (AuthorityKind.UNIT_HEAD, "Thủ trưởng cơ quan, đơn vị (cán bộ thuộc quyền)", 40),
        ]
    }
    target = RuleTarget.DELEGATION
    rules: list[tuple[int, dict[str, Any]]] = [
        (10, {"group": DelegationGroup.CENTRAL_LEADERS, "authority": made[AuthorityKind.CENTRAL]}),
        (20, {"group": DelegationGroup.PROVINCIAL_LEADERS, "authority": made[AuthorityKind.PARTY_STANDING]}),
        (30, {"direction": "out", "head_rank": "Giám đốc", "authority": made[AuthorityKind.CHAIRMAN]}),
        (40, {"direction": "out", "authority": made[AuthorityKind.VICE_CHAIRMAN]}),
        (90, {"authority": made[AuthorityKind.CHAIRMAN]}),
    ]
    for priority, values in rules:
        ApprovalRule.objects.get_or_create(target=target, priority=priority, defaults={**values, "source": RULE_SOURCE})
    leader, vice = builder.leader, builder.users["leader2"]
    since = dt.date(builder.year - 1, 1, 1)
    for user, kind in [
        (leader, AuthorityKind.CHAIRMAN),
        (leader, AuthorityKind.PARTY_STANDING),  # records the standing committee's decisions for the province
        (vice, AuthorityKind.VICE_CHAIRMAN),
    ]:
        AuthorityGrant.objects.get_or_create(user=user, authority=made[kind], defaults={"valid_from": since})
    away = builder.today - dt.timedelta(days=40)
    services.authority_delegate(
        by=leader,
        authority=made[AuthorityKind.CHAIRMAN],
        to=vice,
        valid_from=away,
        valid_to=builder.today + dt.timedelta(days=20),
        basis=f"Văn bản số {builder.ref('{}/UBND-TH')} ngày {away:%d/%m/%Y} (Chủ tịch đi công tác dài ngày)",
    )
    builder.counts["workflow_steps"] += 1


def _lines(record: Any) -> list[dict[str, Any]]:
    """An estimate of the kind units send: outbound in USD at the day's rate, inbound in VND from the norms."""
    size = Decimal(max(getattr(record, "size", None) or 5, 1))
    days = Decimal(getattr(record, "duration_days", None) or 4)
    rate = {"currency": "USD", "rate": USD_RATE, "rate_date": record_rate_day(record)}
    if getattr(record, "direction", "") == "out":
        return [
            {"category": CostCategory.AIR_FARE, "quantity": size, "days": 1, "unit_price": "950", **rate},
            {"category": CostCategory.ALLOWANCE, "quantity": size, "days": days, "unit_price": "60", **rate},
            {
                "category": CostCategory.ACCOMMODATION,
                "quantity": size,
                "days": max(days - 1, Decimal(1)),
                "unit_price": "120",
                **rate,
            },
            {"category": CostCategory.VISA_INSURANCE, "quantity": size, "days": 1, "unit_price": "85", **rate},
            {"category": CostCategory.GIFTS, "quantity": 1, "days": 1, "unit_price": "6000000"},
        ]
    if getattr(record, "direction", "") == "in":
        return [
            {
                "category": CostCategory.ACCOMMODATION,
                "quantity": size,
                "days": max(days - 1, Decimal(1)),
                "unit_price": None,
            },
            {"category": CostCategory.MEALS, "quantity": size, "days": days, "unit_price": None},
            {"category": CostCategory.RECEPTION, "quantity": size + 4, "days": 1, "unit_price": None},
            {"category": CostCategory.TRANSPORT, "quantity": 1, "days": days, "unit_price": "3500000"},
            {"category": CostCategory.GIFTS, "quantity": 1, "days": 1, "unit_price": None},
        ]
    return [
        {"category": CostCategory.VENUE, "quantity": 1, "days": days, "unit_price": "25000000"},
        {"category": CostCategory.INTERPRETATION, "quantity": 6, "days": days, "unit_price": "1500000"},
        {"category": CostCategory.PRINTING, "quantity": 200, "days": 1, "unit_price": "45000"},
        {"category": CostCategory.RECEPTION, "quantity": 60, "days": 1, "unit_price": None},
    ]


def record_rate_day(record: Any) -> dt.date:
    created = getattr(record, "created_at", None)
    return created.date() if created else dt.date.today()  # noqa: DTZ011 - demo: the day the estimate was made


def estimate(builder: Any, record: Any, by: User, *, over_norm: bool = False) -> Any:
    """The unit's estimate; a line whose price is left empty is priced from the norms (else a typical price).
    `over_norm`: the unit priced the rooms above the ceiling (the estimate finance sends back)."""
    for values in _lines(record):
        if values["unit_price"] is None:
            norms = services.applicable_norms(record=record, category=values["category"])
            priced = [n for n in norms if n.amount is not None and n.currency == "VND"]
            values = {**values, "unit_price": None if priced else "1500000"}
            if priced:  # a middle guest class, as most delegations are
                norm = priced[len(priced) // 2]
                values["norm"] = norm
                values["unit_price"] = norm.amount
                if over_norm and values["category"] == CostCategory.ACCOMMODATION:
                    values["unit_price"] = (norm.amount or Decimal(0)) * Decimal("1.3")
        services.cost_line_save(record=record, by=by, values=values)
    record.refresh_from_db()
    return record


def appraise(builder: Any, record: Any, *, cut: bool = False) -> Any:
    """Finance appraises: as estimated, or with the air fares and gifts cut by a tenth."""
    finance = builder.users["finance"]
    lines = {}
    if cut:
        for line in CostLine.objects.filter(record_q(record)):
            keep = line.category not in (CostCategory.AIR_FARE, CostCategory.GIFTS)
            lines[line.pk] = line.amount_vnd if keep else (line.amount_vnd * Decimal("0.9")).quantize(Decimal(1))
    comment = "Đề nghị đơn vị tiết kiệm chi vé máy bay, quà tặng theo định mức." if cut else "Phù hợp định mức, chế độ."
    record = builder.step(
        services.budget_appraise,
        record=record,
        by=finance,
        comment=comment,
        lines=lines or None,
    )
    return record


def return_estimate(builder: Any, record: Any) -> Any:
    return builder.step(
        services.budget_return,
        record=record,
        by=builder.users["finance"],
        reason="Tiền thuê chỗ ở vượt định mức; đề nghị đơn vị tính lại theo mức chi hiện hành và bổ sung tỷ giá.",
    )


def decider(builder: Any, record: Any) -> User:
    """Who takes the deciding step on the record: the coordinator records a central decision; else the
    holder of the competent tier (the vice-chairman under delegation when he holds it)."""
    rule = services.competent_rule(record)
    if rule is None or not rule.authority.decided_here:
        return builder.coordinator
    holders = [
        u for u in (builder.leader, builder.users["leader2"]) if services.holder_grant(u, rule.authority, record)
    ]
    if len(holders) > 1 and builder.rng.random() < 0.25:  # now and then the vice-chairman, by delegation
        return holders[1]
    return holders[0] if holders else builder.leader


def settle(builder: Any, record: Any, by: User) -> Any:
    """After the trip: each line cost between 88 % and 103 % of what was appraised."""
    actual = {}
    for line in CostLine.objects.filter(record_q(record)):
        base = line.appraised_vnd if line.appraised_vnd is not None else line.amount_vnd
        share = Decimal(builder.rng.randint(88, 103)) / 100
        actual[line.pk] = (base * share).quantize(Decimal(1000))
    return builder.step(services.budget_settle, record=record, by=by, actual=actual)


def is_pending(record: Any) -> bool:
    return record.budget_status == BudgetStatus.PENDING
