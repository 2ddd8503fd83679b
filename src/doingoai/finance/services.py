"""Every write of money and authority: estimate lines priced from the norms, the finance department's appraisal,
settlement after the activity, who decides a record, and delegation of an authority.

A record with a budget (`Budgeted`) declares in its app how the budget steps fit its workflow
(`BudgetSteps`: the statuses in which it is appraised and settled, the date it ended). The apps bind the steps
`appraise_budget`, `return_budget` and `settle` of their workflows to `budget_appraise`, `budget_return` and
`budget_settle`; web, API and demo call the same functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from doingoai.core.choices import FundingSource, Role
from doingoai.core.i18n import vietnamese_display
from doingoai.core.permissions import WRITE_ALL_ROLES, role_of
from doingoai.core.workflow import StepPermissionDenied, Transition, WorkflowError, apply_transition, record_event
from doingoai.finance.currency import (
    VND,
    AmountError,
    check_currency,
    decimal_of,
    stored_signed_vnd,
    stored_vnd,
    vnd,
)
from doingoai.finance.models import (
    NORM_FOR,
    ApprovalRule,
    Authority,
    AuthorityGrant,
    BudgetStatus,
    CostCategory,
    CostLine,
    Norm,
    record_q,
)
from doingoai.finance.steps import BudgetSteps

__all__ = ["BudgetSteps"]  # declared by the apps next to their workflows
EDITABLE = (BudgetStatus.NONE, BudgetStatus.PENDING, BudgetStatus.RETURNED)


def _owner_unit_id(record: Any) -> int | None:
    field = getattr(record, "owner_field", "")
    return getattr(record, f"{field}_id", None) if field else None


def may_edit_estimate(user: Any, record: Any) -> bool:
    """The record's unit and the coordinator edit the estimate until finance appraises it."""
    role = role_of(user)
    if record.budget_status not in EDITABLE or record.status in _steps(record).closed:
        return False
    if role in WRITE_ALL_ROLES:
        return True
    return role == Role.UNIT_OFFICER and user.unit_id is not None and _owner_unit_id(record) == user.unit_id


def _steps(record: Any) -> BudgetSteps:
    steps = getattr(type(record), "budget_steps", None)
    if steps is None:
        raise WorkflowError(gettext("Bản ghi này không có dự toán kinh phí."))
    return steps


def direction_of(record: Any) -> str:
    return str(getattr(record, "direction", "") or "")


# ------------------------------------------------------------------------------------------------ norms


def applicable_norms(*, record: Any, category: str, country: Any = None, on: dt.date | None = None) -> list[Norm]:
    """The norms that may price a line of `category` (for the country, when the norm is per country), in force
    on the day; those without a verified amount come last."""
    kind = NORM_FOR.get((direction_of(record), category))
    if kind is None:
        return []
    on = on or timezone.localdate()
    norms = Norm.objects.filter(kind=kind).select_related("country")
    per_country = norms.filter(country__isnull=False)
    if country is not None and per_country.filter(country=country).exists():
        norms = norms.filter(country=country)
    elif per_country.exists():
        norms = norms.filter(country__isnull=True)
    rows = [n for n in norms if n.applies_on(on)]
    return sorted(rows, key=lambda n: (n.amount is None, n.amount or 0, n.rank))


def _norm_check(line: CostLine) -> None:
    """Compare the unit price with the norm's ceiling (same currency only: a rate of the norm's currency is
    not known for a line in another one)."""
    norm = line.norm
    line.norm_amount = norm.amount if norm is not None else None
    line.over_norm = bool(
        norm is not None
        and norm.amount is not None
        and norm.currency == line.currency
        and line.unit_price > norm.amount
    )


# ------------------------------------------------------------------------------------------------ lines


def _totals(record: Any) -> None:
    """The record's totals from its lines, summed by the database."""
    sums = CostLine.objects.filter(record_q(record)).aggregate(
        estimate=Sum("amount_vnd"), appraised=Sum("appraised_vnd"), actual=Sum("actual_vnd")
    )
    changes: dict[str, Any] = {"estimate_vnd": sums["estimate"] or Decimal(0)}
    if record.budget_status != BudgetStatus.APPRAISED or sums["appraised"] is not None:
        changes["appraised_vnd"] = sums["appraised"] if record.budget_status != BudgetStatus.NONE else None
    changes["actual_vnd"] = sums["actual"]
    type(record)._default_manager.filter(pk=record.pk).update(**changes)
    for name, value in changes.items():
        setattr(record, name, value)


def _line_values(record: Any, values: Mapping[str, Any], line: CostLine) -> CostLine:
    category = str(values.get("category", line.category or ""))
    if category not in CostCategory.values:
        raise WorkflowError(gettext("Khoản chi “%(category)s” không có trong danh mục.") % {"category": category})
    line.category = category
    line.description = str(values.get("description", line.description) or "").strip()[:255]
    if "country" in values:
        line.country = values["country"]
    try:
        line.quantity = decimal_of(
            values.get("quantity", line.quantity), label=gettext("Số người (số lượng)"), allow_zero=False
        )
        line.days = decimal_of(values.get("days", line.days), label=gettext("Số ngày (số lần)"), allow_zero=False)
        if "norm" in values:
            line.norm = values["norm"]
        price = values.get("unit_price", line.unit_price if line.pk else None)
        if price in (None, "") and line.norm is None:
            norms = applicable_norms(record=record, category=category, country=line.country)
            line.norm = next((n for n in norms if n.amount is not None), None)
        if price in (None, ""):
            if line.norm is None or line.norm.amount is None:
                raise AmountError(gettext("Đơn giá: cần nhập (không có định mức để tính sẵn cho khoản chi này)."))
            price = line.norm.amount  # priced from the norm by default
            values = {**values, "currency": line.norm.currency}
        line.unit_price = decimal_of(price, label=gettext("Đơn giá"))
        line.currency = check_currency(str(values.get("currency", line.currency or VND)))
        if line.currency == VND:
            line.rate, line.rate_date = None, None
        else:
            rate = values.get("rate", line.rate)
            if rate in (None, ""):
                raise AmountError(
                    gettext("Tỷ giá: cần nhập tỷ giá %(currency)s/VND cho khoản chi bằng ngoại tệ.")
                    % {"currency": line.currency}
                )
            line.rate = decimal_of(rate, label=gettext("Tỷ giá"), allow_zero=False)
            line.rate_date = values.get("rate_date", line.rate_date) or None
            if line.rate_date is None:
                raise AmountError(gettext("Ngày tỷ giá: cần ghi ngày của tỷ giá đã dùng."))
    except AmountError as exc:
        raise WorkflowError(str(exc)) from None
    source = str(values.get("funding_source") or line.funding_source or getattr(record, "funding_source", ""))
    if source not in FundingSource.values:
        source = FundingSource.PROVINCE
    line.funding_source = source
    line.amount_vnd = vnd(line.quantity * line.days * line.unit_price * (line.rate or 1))
    if line.amount_vnd >= Decimal(10) ** 17:
        raise WorkflowError(gettext("Thành tiền quá lớn; hãy kiểm tra lại số lượng, đơn giá và tỷ giá."))
    _norm_check(line)
    return line


@transaction.atomic
def cost_line_save(*, record: Any, by: Any, values: Mapping[str, Any], line: CostLine | None = None) -> CostLine:
    """Add or change a line of the record's estimate; the totals follow."""
    record = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if not may_edit_estimate(by, record):
        if record.budget_status in (BudgetStatus.APPRAISED, BudgetStatus.SETTLED):
            raise WorkflowError(gettext("Dự toán đã được thẩm định; không sửa được nữa."))
        raise StepPermissionDenied(gettext("Chỉ đơn vị chủ trì và cơ quan điều phối sửa dự toán của bản ghi này."))
    new = line is None
    line = line or CostLine(record=record)
    if not new and (line.content_type_id, line.object_id) != (ContentType.objects.get_for_model(record).pk, record.pk):
        raise WorkflowError(gettext("Dòng dự toán không thuộc bản ghi này."))
    line = _line_values(record, values, line)
    if new:
        line.order = (CostLine.objects.filter(record_q(record)).count() + 1) * 10
    line.save()
    was = record.budget_status
    if was in (BudgetStatus.NONE, BudgetStatus.RETURNED):
        type(record)._default_manager.filter(pk=record.pk).update(budget_status=BudgetStatus.PENDING)
        record.budget_status = BudgetStatus.PENDING
    _totals(record)
    what = gettext_noop("Thêm") if new else gettext_noop("Sửa")  # the stored summary is Vietnamese
    record_event(
        obj=record,
        verb="estimate",
        summary=f"{what} dự toán: {vietnamese_display(line, 'category')} {stored_vnd(line.amount_vnd)}"
        + (gettext_noop(" (vượt định mức)") if line.over_norm else "")
        + (gettext_noop(" — gửi lại Sở Tài chính thẩm định") if was == BudgetStatus.RETURNED else ""),
        actor=by,
        data={"line": line.pk, "amount_vnd": str(line.amount_vnd), "over_norm": line.over_norm},
    )
    return line


@transaction.atomic
def cost_line_delete(*, line: CostLine, by: Any) -> None:
    record: Any = line.record
    record = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if not may_edit_estimate(by, record):
        raise StepPermissionDenied(gettext("Chỉ đơn vị chủ trì và cơ quan điều phối sửa dự toán khi chưa thẩm định."))
    summary = f"Xóa dòng dự toán: {line.get_category_display()} {stored_vnd(line.amount_vnd)}"
    line.delete()
    if not CostLine.objects.filter(record_q(record)).exists():
        type(record)._default_manager.filter(pk=record.pk).update(budget_status=BudgetStatus.NONE)
        record.budget_status = BudgetStatus.NONE
    _totals(record)
    record_event(obj=record, verb="estimate", summary=summary, actor=by)


# ---------------------------------------------------------------------------------------------- appraisal


def bind_budget_steps(workflow: Any, kwarg: str) -> None:
    """Bind the budget steps of a registry's workflow (`appraise_budget`, `return_budget`, `settle`, declared by
    `BudgetSteps.transitions()`) to the services below; `kwarg` names the record as the step views pass it
    ("delegation", "conference", "event")."""

    @workflow.step("appraise_budget")
    def appraise(*, by: Any, comment: str = "", total: Any = None, lines: Any = None, **record: Any) -> Any:
        return budget_appraise(record=record[kwarg], by=by, comment=comment, total=total, lines=lines)

    @workflow.step("return_budget")
    def return_(*, by: Any, reason: str, **record: Any) -> Any:
        return budget_return(record=record[kwarg], by=by, reason=reason)

    @workflow.step("settle")
    def settle(*, by: Any, actual: Any, notes: Any = None, **record: Any) -> Any:
        return budget_settle(record=record[kwarg], by=by, actual=actual, notes=notes)


def _budget_transition(record: Any, name: str) -> Transition:
    for transition in _steps(record).transitions():
        if transition.name == name:
            return transition
    raise WorkflowError(
        gettext("Không có bước %(name)s.") % {"name": name}
    )  # pragma: no cover - every Budgeted model declares them


def budget_appraise(
    *,
    record: Any,
    by: Any,
    comment: str = "",
    total: object = None,
    lines: Mapping[int, object] | None = None,
) -> Any:
    """Finance appraises the estimate: an amount per line (default: as estimated) or one total."""
    if not getattr(record, "uses_state_budget", True):
        raise WorkflowError(gettext("Bản ghi không sử dụng ngân sách nhà nước: không cần thẩm định kinh phí."))
    if record.budget_status != BudgetStatus.PENDING:
        raise WorkflowError(
            gettext("Kinh phí đang ở tình trạng “%(budget_status)s”: chưa có dự toán chờ thẩm định.")
            % {"budget_status": record.get_budget_status_display()}
        )
    rows = list(CostLine.objects.filter(record_q(record)).order_by("order", "pk"))
    if not rows:
        raise WorkflowError(gettext("Chưa có dự toán để thẩm định."))
    try:
        per_line = {
            int(k): decimal_of(v, label=gettext("Kinh phí thẩm định"))
            for k, v in (lines or {}).items()
            if v not in (None, "")
        }
        whole = decimal_of(total, label=gettext("Tổng kinh phí thẩm định")) if total not in (None, "") else None
    except (AmountError, ValueError) as exc:
        raise WorkflowError(str(exc)) from None
    unknown = set(per_line) - {row.pk for row in rows}
    if unknown:
        raise WorkflowError(gettext("Dòng dự toán không thuộc bản ghi này."))
    if whole is not None:  # one total: shared over the lines in proportion, so that sums by source stay true
        per_line = _shares(rows, vnd(whole))
    for row in rows:
        row.appraised_vnd = vnd(per_line.get(row.pk, row.amount_vnd))
        row.save(update_fields=["appraised_vnd", "updated_at"])
    appraised = sum((row.appraised_vnd or Decimal(0) for row in rows), Decimal(0))
    record = apply_transition(
        record,
        _budget_transition(record, "appraise_budget"),
        by=by,
        changes={
            "budget_status": BudgetStatus.APPRAISED,
            "appraised_vnd": appraised,
            "budget_note": comment.strip(),
            "appraised_on": timezone.localdate(),
        },
        summary=f"Thẩm định kinh phí: {stored_vnd(appraised)} (dự toán {stored_vnd(record.estimate_vnd)})"
        + (f". {comment.strip()}" if comment.strip() else ""),
        data={"appraised_vnd": str(appraised), "estimate_vnd": str(record.estimate_vnd), "comment": comment.strip()},
    )
    return record


def _shares(rows: list[CostLine], whole: Decimal) -> dict[int, Decimal]:
    """`whole` shared over the lines in proportion to their amounts, to the đồng; the last line takes the rest."""
    base = sum((row.amount_vnd for row in rows), Decimal(0))
    shares: dict[int, Decimal] = {}
    for row in rows[:-1]:
        shares[row.pk] = vnd(whole * row.amount_vnd / base) if base else Decimal(0)
    shares[rows[-1].pk] = whole - sum(shares.values(), Decimal(0))
    return shares


def budget_return(*, record: Any, by: Any, reason: str) -> Any:
    """Finance sends the estimate back to the unit with the reason; the unit's next change sends it again."""
    if not reason.strip():
        raise WorkflowError(gettext("Cần ghi lý do trả lại dự toán."))
    if record.budget_status != BudgetStatus.PENDING:
        raise WorkflowError(
            gettext("Kinh phí đang ở tình trạng “%(budget_status)s”: không có dự toán để trả lại.")
            % {"budget_status": record.get_budget_status_display()}
        )
    return apply_transition(
        record,
        _budget_transition(record, "return_budget"),
        by=by,
        changes={"budget_status": BudgetStatus.RETURNED, "budget_note": reason.strip()},
        summary=f"Trả lại dự toán: {reason.strip()}",
        data={"reason": reason.strip()},
    )


def ended_on(record: Any) -> dt.date | None:
    for name in _steps(record).ended_on:
        value = getattr(record, name, None)
        if value:
            return value
    return None


def budget_settle(*, record: Any, by: Any, actual: Mapping[int, object], notes: Mapping[int, str] | None = None) -> Any:
    """After the activity: what each line actually cost (VND); the totals and differences follow."""
    if record.budget_status not in (BudgetStatus.APPRAISED, BudgetStatus.PENDING) or not record.estimate_vnd:
        state = record.get_budget_status_display()
        raise WorkflowError(
            gettext("Kinh phí đang ở tình trạng “%(state)s”: không có dự toán để quyết toán.") % {"state": state}
        )
    end = ended_on(record)
    today = timezone.localdate()
    if end is None or end > today:
        raise WorkflowError(
            gettext(
                "Chỉ quyết toán sau khi hoạt động đã kết thúc (chưa có ngày kết thúc thực tế hoặc ngày đó chưa đến)."
            )
        )
    rows = {row.pk: row for row in CostLine.objects.filter(record_q(record))}
    if not rows:
        raise WorkflowError(gettext("Chưa có dự toán để quyết toán."))
    try:
        amounts = {
            int(k): decimal_of(v, label=gettext("Số tiền thực chi")) for k, v in actual.items() if v not in (None, "")
        }
    except (AmountError, ValueError) as exc:
        raise WorkflowError(str(exc)) from None
    if set(amounts) - set(rows):
        raise WorkflowError(gettext("Dòng dự toán không thuộc bản ghi này."))
    if not amounts:
        raise WorkflowError(gettext("Cần ghi số tiền thực chi của ít nhất một khoản."))
    for pk, row in rows.items():
        row.actual_vnd = vnd(amounts[pk]) if pk in amounts else Decimal(0)
        row.actual_note = (notes or {}).get(pk, row.actual_note)[:255]
        row.save(update_fields=["actual_vnd", "actual_note", "updated_at"])
    spent = sum((row.actual_vnd or Decimal(0) for row in rows.values()), Decimal(0))
    base = record.appraised_vnd if record.appraised_vnd is not None else record.estimate_vnd
    return apply_transition(
        record,
        _budget_transition(record, "settle"),
        by=by,
        changes={"budget_status": BudgetStatus.SETTLED, "actual_vnd": spent, "settled_on": today},
        summary=f"Quyết toán: thực chi {stored_vnd(spent)}, "
        f"chênh lệch {stored_signed_vnd(spent - base)} so với mức duyệt",
        data={"actual_vnd": str(spent), "base_vnd": str(base)},
    )


# ---------------------------------------------------------------------------------------------- authority


TARGETS = {"delegations.delegation": "delegation"}


def competent_rule(record: Any) -> ApprovalRule | None:
    """The first rule (by priority) that fits the record (kept on the record for the request: the page asks it
    for each of its steps)."""
    if hasattr(record, "_competent_rule"):
        return record._competent_rule  # type: ignore[no-any-return]
    record._competent_rule = rule = _first_rule(record)
    return rule


def _first_rule(record: Any) -> ApprovalRule | None:
    target = TARGETS.get(record._meta.label_lower)
    if target is None:
        return None
    facts = {
        "target": target,
        "direction": direction_of(record),
        "group": str(getattr(record, "group", "") or ""),
        "state_budget": bool(getattr(record, "uses_state_budget", False)),
        "head": str(getattr(record, "head", "") or ""),
    }
    for rule in ApprovalRule.objects.filter(target=target).select_related("authority").order_by("priority", "pk"):
        if rule.matches(**facts):
            return rule
    return None


def _rule_q(rule: ApprovalRule) -> Q:
    q = Q()
    if rule.direction:
        q &= Q(direction=rule.direction)
    if rule.group:
        q &= Q(group=rule.group)
    if rule.state_budget is not None:
        q &= Q(uses_state_budget=rule.state_budget)
    if rule.head_rank:
        q &= Q(head__istartswith=rule.head_rank.strip())
    return q


def decidable_q(user: Any, target: str = "delegation") -> Q:
    """The records (of `target`) whose deciding step is the user's: those whose first matching rule names an
    authority the user holds today (for a unit head, of the unit's own records); for a central authority, the
    coordinator's, who records the decision. A filter, so that lists stay one query at national scale."""
    today = timezone.localdate()
    role = role_of(user)
    grants = (
        [g for g in AuthorityGrant.objects.filter(user=user) if g.valid_on(today)] if getattr(user, "pk", None) else []
    )
    result = Q(pk__in=[])
    earlier = Q()
    for rule in ApprovalRule.objects.filter(target=target).select_related("authority").order_by("priority", "pk"):
        match = _rule_q(rule) & ~earlier if earlier.children else _rule_q(rule)
        authority = rule.authority
        if not authority.decided_here:
            if role in WRITE_ALL_ROLES:
                result |= match
        else:
            for grant in grants:
                if grant.authority_id != authority.pk:
                    continue
                if authority.kind == "unit_head":
                    unit_id = grant.unit_id or getattr(user, "unit_id", None)
                    result |= match & Q(proposing_unit_id=unit_id)
                else:
                    result |= match
        rule_q = _rule_q(rule)
        earlier = (earlier | rule_q) if earlier.children else rule_q
        if not rule_q.children:  # a catch-all rule: no later rule applies
            break
    return result


def holder_grant(user: Any, authority: Authority, record: Any, on: dt.date | None = None) -> AuthorityGrant | None:
    """The user's grant of `authority` valid on the day (a unit head's only for the unit's own records)."""
    if not getattr(user, "pk", None):
        return None
    on = on or timezone.localdate()
    for grant in AuthorityGrant.objects.filter(user=user, authority=authority).select_related("delegated_by"):
        if not grant.valid_on(on):
            continue
        unit_id = grant.unit_id or (user.unit_id if authority.kind == "unit_head" else None)
        if authority.kind == "unit_head" and unit_id != _owner_unit_id(record):
            continue
        return grant
    return None


def decides(user: Any, record: Any) -> bool:
    """May `user` take the deciding step on `record`? The holder of the competent tier; for a tier decided
    centrally, the coordinator records the decision that arrived."""
    rule = competent_rule(record)
    if rule is None:
        return False
    if not rule.authority.decided_here:
        return role_of(user) in WRITE_ALL_ROLES
    return holder_grant(user, rule.authority, record) is not None


def refusal(user: Any, record: Any) -> str:
    """Why `user` does not decide `record`: the tier that does (a rule, not the record's state)."""
    rule = competent_rule(record)
    if rule is None:
        return gettext(
            "Chưa có quy tắc thẩm quyền quyết định cho bản ghi này; quản trị viên bổ sung tại "
            "Danh mục › Quy tắc thẩm quyền."
        )
    if not rule.authority.decided_here:
        return gettext("Thuộc thẩm quyền của %(authority)s: cơ quan điều phối ghi nhận quyết định.") % {
            "authority": rule.authority
        }
    return gettext(
        "Bạn không có quyền quyết định: bản ghi thuộc thẩm quyền của %(authority)s, bạn không giữ thẩm quyền này."
    ) % {"authority": rule.authority}


def _require_appraisal(record: Any) -> None:
    if getattr(record, "uses_state_budget", False) and record.budget_status not in (
        BudgetStatus.APPRAISED,
        BudgetStatus.SETTLED,
    ):
        raise WorkflowError(
            gettext("Sử dụng ngân sách nhà nước: cần Sở Tài chính thẩm định kinh phí trước khi quyết định.")
        )


def decision_changes(record: Any, by: Any) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(changes, event data, summary suffix) of a decision by `by`, refused with the reason when `by` does not
    hold the tier or the budget is not appraised."""
    rule = competent_rule(record)
    if rule is None:
        raise WorkflowError(
            gettext(
                "Chưa có quy tắc thẩm quyền quyết định cho bản ghi này; quản trị viên bổ sung tại "
                "Danh mục › Quy tắc thẩm quyền."
            )
        )
    authority = rule.authority
    if not authority.decided_here:
        if role_of(by) not in WRITE_ALL_ROLES:
            raise StepPermissionDenied(f"Thuộc thẩm quyền của {authority}: cơ quan điều phối ghi nhận quyết định.")
        _require_appraisal(record)
        return (
            {"authority": authority, "decided_by": str(authority)},
            {"authority": authority.name, "recorded_by": str(by)},
            f" ({authority}; ghi nhận bởi {by})",
        )
    grant = holder_grant(by, authority, record)
    if grant is None:
        raise StepPermissionDenied(
            f"Bạn không có quyền quyết định: bản ghi thuộc thẩm quyền của {authority}, bạn không giữ thẩm quyền này."
        )
    _require_appraisal(record)
    how = f", theo ủy quyền của {grant.delegated_by} ({grant.basis})" if grant.delegated_by_id else ""
    who = f"{by.get_full_name() or by}"
    return (
        {"authority": authority, "decided_by": f"{who} — {authority}{how}"[:255]},
        {"authority": authority.name, "grant": grant.pk, "delegated_by": str(grant.delegated_by or "")},
        f" ({authority}{how})",
    )


def holds_any(user: Any) -> bool:
    """Does the user hold an authority in their own right today (and may delegate it)?"""
    today = timezone.localdate()
    grants = AuthorityGrant.objects.filter(user=user, delegated_by__isnull=True) if getattr(user, "pk", None) else []
    return role_of(user) == Role.ADMIN or any(g.valid_on(today) for g in grants)


@transaction.atomic
def authority_delegate(
    *, by: Any, authority: Authority, to: Any, valid_from: dt.date, valid_to: dt.date, basis: str
) -> AuthorityGrant:
    """A holder delegates the tier to a named person for a period (or the administrator records it)."""
    if valid_to < valid_from:
        raise WorkflowError(gettext("Ngày kết thúc ủy quyền không được trước ngày bắt đầu."))
    if not basis.strip():
        raise WorkflowError(gettext("Cần ghi văn bản ủy quyền (số, ngày)."))
    own = AuthorityGrant.objects.filter(user=by, authority=authority, delegated_by__isnull=True)
    if role_of(by) != Role.ADMIN and not any(g.valid_on(valid_from) for g in own):
        raise StepPermissionDenied(
            gettext("Bạn không giữ thẩm quyền “%(authority)s” để ủy quyền.") % {"authority": authority}
        )
    grant = AuthorityGrant.objects.create(
        user=to, authority=authority, valid_from=valid_from, valid_to=valid_to, delegated_by=by, basis=basis.strip()
    )
    record_event(
        obj=grant,
        verb="delegate",
        summary=f"{by} ủy quyền “{authority}” cho {to} từ {valid_from:%d/%m/%Y} đến {valid_to:%d/%m/%Y} "
        f"({basis.strip()})",
        actor=by,
    )
    return grant
