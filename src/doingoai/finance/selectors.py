"""Reads of money and authority: a record's lines and approval path, and the year's totals by funding source,
unit, kind and quarter — summed by the database (one aggregate query per grouping and registry)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThan
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.core.choices import FundingSource, Role
from doingoai.core.models import BusinessEvent, Unit
from doingoai.core.permissions import role_of
from doingoai.core.registry import all_registries
from doingoai.finance.models import Budgeted, BudgetStatus, CostLine, record_q
from doingoai.finance.services import TARGETS, competent_rule

ZERO = Decimal(0)
MONEY: DecimalField = DecimalField(max_digits=18, decimal_places=0)


def budget_lines(record: Any) -> QuerySet[CostLine]:
    return CostLine.objects.filter(record_q(record)).select_related("norm", "country").order_by("order", "pk")


def budgeted_models() -> list[Any]:
    """The registries' models that carry a budget (delegations, conferences, events…)."""
    return [reg.model for reg in all_registries() if issubclass(reg.model, Budgeted)]


def awaiting_appraisal(*, user: Any) -> list[tuple[str, QuerySet]]:
    """(label, records) whose estimate waits for the finance department: state budget, in an appraisable
    status, estimate sent."""
    result = []
    for model in budgeted_models():
        rows = model._default_manager.restrict(user, "view").filter(
            budget_status=BudgetStatus.PENDING, status__in=model.budget_steps.appraisable
        )
        if any(f.name == "uses_state_budget" for f in model._meta.fields):
            rows = rows.filter(uses_state_budget=True)
        result.append((str(model._meta.verbose_name_plural).capitalize(), rows.order_by("pk")))
    return result


# ------------------------------------------------------------------------------------------- approval path


@dataclass
class Tier:
    label: str
    state: str  # "done", "waiting", "returned", "skipped", "pending"
    detail: str = ""
    holders: list[str] = field(default_factory=list)

    @property
    def colour(self) -> str:
        return {"done": "success", "waiting": "primary", "returned": "warning", "skipped": "light"}.get(
            self.state, "secondary"
        )

    @property
    def state_label(self) -> str:
        return {
            "done": gettext("Đã xong"),
            "waiting": gettext("Đang chờ"),
            "returned": gettext("Trả lại"),
            "skipped": gettext("Không cần"),
            "pending": gettext("Chưa đến"),
        }[self.state]


def _last_event(record: Any, verbs: tuple[str, ...]) -> BusinessEvent | None:
    return (
        BusinessEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk, verb__in=verbs
        )
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )


def _done(event: BusinessEvent | None) -> str:
    if event is None:
        return ""
    return f"{event.actor or 'hệ thống'}, {event.created_at:%d/%m/%Y}"


def _state(done: bool, reached: bool) -> str:
    return "done" if done else ("waiting" if reached else "pending")


def approval_path(record: Any) -> list[Tier]:
    """The tiers a record passes (unit proposes → coordinator appraises the content → finance appraises the
    budget when state budget is used → the competent authority decides), each with its state."""
    steps = type(record).budget_steps
    status = record.status
    tiers: list[Tier] = []
    reached = True
    for label, verb, after in steps.path:
        event = _last_event(record, (verb,))
        done = status in after
        state = "done" if done else ("waiting" if reached else "pending")
        tiers.append(Tier(label, state, _done(event) if done else ""))
        reached = reached and done
    if getattr(record, "uses_state_budget", False):
        budget = record.budget_status
        if budget in (BudgetStatus.APPRAISED, BudgetStatus.SETTLED):
            tier = Tier(
                gettext("Sở Tài chính thẩm định kinh phí"), "done", _done(_last_event(record, ("appraise_budget",)))
            )
        elif budget == BudgetStatus.RETURNED:
            tier = Tier(gettext("Sở Tài chính thẩm định kinh phí"), "returned", record.budget_note)
        elif budget == BudgetStatus.NONE:
            tier = Tier(gettext("Sở Tài chính thẩm định kinh phí"), "pending", gettext("Đơn vị chưa lập dự toán"))
        else:
            tier = Tier(gettext("Sở Tài chính thẩm định kinh phí"), "waiting" if reached else "pending")
        tiers.append(tier)
        reached = reached and tier.state == "done"
    else:
        tiers.append(
            Tier(gettext("Sở Tài chính thẩm định kinh phí"), "skipped", gettext("Không sử dụng ngân sách nhà nước"))
        )
    decided = status in steps.decided
    required = getattr(record, "required_authority", None)  # a conference: Decision 06/2020/QĐ-TTg (core.rules)
    if required is not None:
        ref = getattr(record, "permit_ref", "")
        detail = gettext("văn bản số %(ref)s") % {"ref": ref} if decided and ref else required.basis
        tiers.append(
            Tier(
                gettext("%(required)s cho phép (cơ quan điều phối ghi nhận)") % {"required": required.label},
                _state(decided, reached),
                detail,
            )
        )
        return tiers
    if record._meta.label_lower not in TARGETS:  # decided by the step in the path (an event put into the plan)
        return tiers
    rule = competent_rule(record)
    if rule is None:
        tiers.append(
            Tier(
                gettext("Cấp có thẩm quyền quyết định"),
                "done" if decided else "pending",
                gettext("Chưa có quy tắc thẩm quyền"),
            )
        )
        return tiers
    authority = rule.authority
    label = (
        gettext("%(authority)s quyết định") % {"authority": authority}
        if authority.decided_here
        else gettext("%(authority)s quyết định (ghi nhận tại đây)") % {"authority": authority}
    )
    if decided:
        ref = getattr(record, "decision_ref", "") or getattr(record, "permit_ref", "")
        detail = record.decided_by or _done(_last_event(record, (steps.decide_verb,)))
        tiers.append(Tier(label, "done", f"{detail}" + (gettext(" · số %(ref)s") % {"ref": ref} if ref else "")))
    else:
        holders = [str(g.user) + (gettext(
            " (ủy quyền đến %(valid_to)s)") % {"valid_to": format(g.valid_to, "%d/%m/%Y")} if g.delegated_by_id else "")
                   for g in authority.grants.select_related("user") if g.valid_on(timezone.localdate())]  # fmt: skip
        tiers.append(Tier(label, "waiting" if reached else "pending", rule.source, holders))
    return tiers


# ----------------------------------------------------------------------------------------------- totals


@dataclass
class Amounts:
    estimate: Decimal = ZERO
    appraised: Decimal = ZERO
    approved: Decimal = ZERO
    actual: Decimal = ZERO

    def add(self, row: dict[str, Any]) -> None:
        self.estimate += row["estimate"] or ZERO
        self.appraised += row["appraised"] or ZERO
        self.approved += row["approved"] or ZERO
        self.actual += row["actual"] or ZERO

    def as_dict(self) -> dict[str, str]:
        return {k: str(v) for k, v in vars(self).items()}


@dataclass
class BudgetTotals:
    year: int
    total: Amounts
    by_source: list[tuple[str, Amounts]]
    by_unit: list[tuple[str, Amounts]]
    by_kind: list[tuple[str, Amounts]]
    by_quarter: list[tuple[str, Amounts]]

    def as_dict(self) -> dict[str, Any]:
        def rows(items: list[tuple[str, Amounts]]) -> list[dict[str, str]]:
            return [{"label": label, **a.as_dict()} for label, a in items]

        return {
            "year": self.year,
            "total": self.total.as_dict(),
            "by_source": rows(self.by_source),
            "by_unit": rows(self.by_unit),
            "by_kind": rows(self.by_kind),
            "by_quarter": rows(self.by_quarter),
        }


def _records(model: Any, *, year: int, user: Any, plan_only: bool) -> QuerySet:
    """The year's budgeted records `user` may see (None: the server itself, as the programme's .docx command)."""
    manager = model._default_manager
    rows = (manager.all() if user is None else manager.restrict(user, "view")).filter(year=year)
    rows = rows.exclude(status="cancelled")
    if plan_only:
        rows = rows.exclude(status__in=("draft",))
    return rows.exclude(budget_status=BudgetStatus.NONE)


AMOUNTS = ("estimate", "appraised", "approved", "actual")  # the fields of Amounts, in order


def _four_zeros() -> list[Any]:
    return [0, 0, 0, 0]


def _as_read(amounts: dict[str, Any]) -> dict[str, Any]:
    """`amounts` read as the driver gives them, without Django's two converters per value (a national year's
    ~6,000 groups × 4 sums: a fifth of the totals' time): an int on SQLite (the amounts are whole đồng, stored
    as integers), a Decimal on PostgreSQL. `_money` makes each group's sum a Decimal."""
    return {name: ExpressionWrapper(expression, output_field=TextField()) for name, expression in amounts.items()}


def _by_estimate(item: tuple[Any, list[Any]]) -> Any:
    return -item[1][0]


def _money(value: Any) -> Decimal:
    # A float only if an amount was stored with decimals (never through the forms: whole đồng): as Django reads it.
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _amounts(decided: tuple[str, ...]) -> dict[str, Any]:
    return {
        "estimate": Coalesce(Sum("estimate_vnd"), Value(ZERO), output_field=MONEY),
        "appraised": Coalesce(Sum("appraised_vnd"), Value(ZERO), output_field=MONEY),
        "approved": Coalesce(
            Sum(Case(When(status__in=decided, then=F("appraised_vnd")), default=Value(ZERO), output_field=MONEY)),
            Value(ZERO),
            output_field=MONEY,
        ),
        "actual": Coalesce(Sum("actual_vnd"), Value(ZERO), output_field=MONEY),
    }


def _by_source(year: int, user: Any, only: Callable[[Any], Q] | None = None) -> dict[str, Amounts]:
    """The year's lines summed by funding source, across every budgeted registry, in one query (`only`: a further
    condition on each model's records): a part per registry, joined by UNION ALL, so that each reads its records'
    lines from the covering index on (content type, record, source, amounts) instead of OR-ing the registries'
    lines by rowid."""
    parts = []
    for model in budgeted_models():
        records = _records(model, year=year, user=user, plan_only=True)
        if only is not None:
            records = records.filter(only(model))
        decided = records.filter(status__in=model.budget_steps.decided).values("pk")
        sums = {
            "estimate": Coalesce(Sum("amount_vnd"), Value(ZERO), output_field=MONEY),
            "appraised": Coalesce(Sum("appraised_vnd"), Value(ZERO), output_field=MONEY),
            "approved": Coalesce(
                Sum(
                    Case(When(object_id__in=decided, then=F("appraised_vnd")), default=Value(ZERO), output_field=MONEY)
                ),
                Value(ZERO),
                output_field=MONEY,
            ),
            "actual": Coalesce(Sum("actual_vnd"), Value(ZERO), output_field=MONEY),
        }
        lines = CostLine.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=records.values("pk")
        )
        parts.append(lines.values("funding_source").annotate(**sums).order_by())
    result: dict[str, Amounts] = defaultdict(Amounts)
    if parts:
        for row in parts[0].union(*parts[1:], all=True):
            result[row["funding_source"]].add(row)
    return result


def _sorted_sources(by_source: dict[str, Amounts]) -> list[tuple[str, Amounts]]:
    sources = dict(FundingSource.choices)
    return [(str(sources.get(k, k)), v) for k, v in sorted(by_source.items(), key=lambda kv: -kv[1].estimate)]


def budget_by_source(
    *, year: int, user: Any, only: Callable[[Any], Q] | None = None, add: dict[str, Amounts] | None = None
) -> tuple[Amounts, list[tuple[str, Amounts]]]:
    """(total, by funding source) of the year: one query (the dashboard's chart). `add`: amounts by funding
    source summed elsewhere (the dashboard's stored sums), with the lines of the records `only` selects (per
    model) summed here, or none."""
    if add is None:
        by_source = _by_source(year, user, only)
    else:
        by_source = _by_source(year, user, only) if only is not None else {}
    for source, amounts in (add or {}).items():
        by_source.setdefault(source, Amounts()).add(vars(amounts))
    total = Amounts()
    for amounts in by_source.values():
        total.add(vars(amounts))
    return total, _sorted_sources(by_source)


# The year's cost lines by funding source as the database keeps them summed: `dashboard.counts` maintains them
# with triggers and registers its reader here when the application starts (`DashboardConfig.ready`), since
# finance sits below the dashboard and may not import it. Empty: summed from the lines every time.
StoredBudget = Callable[..., dict[str, Amounts]]
STORED_BUDGET: list[StoredBudget] = []


def budget_by_source_of(*, year: int, user: Any) -> tuple[Amounts, list[tuple[str, Amounts]]]:
    """`budget_by_source` from the stored sums where the user's rights allow: a user who sees every budgeted
    record (or None: the server itself) reads them alone; a unit officer reads them without the statuses units
    keep private (`hidden=True`), plus its own unit's private records summed from their lines; anyone else, and
    every user when nothing is stored, has the lines summed. The lines of a national year are ~41,000: on
    PostgreSQL their sum took ~100 ms of CPU (spread over parallel workers)."""
    if not STORED_BUDGET:
        return budget_by_source(year=year, user=user)
    stored = STORED_BUDGET[0]
    if user is None or all(m.permission_q(user, "view") is None for m in budgeted_models()):
        return budget_by_source(year=year, user=user, add=stored(year=year))
    if role_of(user) == Role.UNIT_OFFICER and user.unit_id:

        def own_private(model: Any) -> Q:
            return Q(**{f"{model.owner_field}_id": user.unit_id, "status__in": model.private_statuses})

        return budget_by_source(year=year, user=user, only=own_private, add=stored(year=year, hidden=True))
    return budget_by_source(year=year, user=user)


def budget_totals(*, year: int, user: Any) -> BudgetTotals:
    """The year's estimate, appraised, approved (appraised amounts of decided records) and spent amounts, by
    funding source (from the lines), by unit, by kind of record (outbound, inbound, conference, event) and by
    quarter of the planned time. A fixed number of queries: one grouped by unit, direction and quarter per
    budgeted registry, one over the lines, one for the units' names."""
    # The sums of each group as a list of the four amounts (a national year groups ~6,000 rows: built as
    # Amounts once per group at the end, not added field by field for each row).
    by_unit: dict[int, list[Any]] = defaultdict(_four_zeros)
    by_kind: dict[str, list[Any]] = defaultdict(_four_zeros)
    by_quarter: dict[int, list[Any]] = defaultdict(_four_zeros)
    for model in budgeted_models():
        records = _records(model, year=year, user=user, plan_only=True)
        owner = f"{model.owner_field}_id"
        has_direction = any(f.name == "direction" for f in model._meta.fields)
        groups = [owner, "quarter", *(["direction"] if has_direction else [])]
        amounts = _as_read(_amounts(model.budget_steps.decided))
        rows = records.annotate(quarter=quarter_of_mask()).values(*groups).annotate(**amounts)
        label = model._meta.label_lower
        for unit, quarter, *rest in rows.values_list(*groups, *amounts).order_by():
            direction, sums = (rest[0], rest[1:]) if has_direction else (None, rest)
            kind = f"{label}:{direction}" if has_direction else label
            for target in (by_unit[unit], by_quarter[quarter], by_kind[kind]):
                for i, amount in enumerate(sums):
                    target[i] += amount
    total = Amounts()
    for sums in by_quarter.values():
        total.add(dict(zip(AMOUNTS, map(_money, sums), strict=True)))
    units = dict(Unit.objects.filter(pk__in=list(by_unit)).values_list("pk", "name"))
    labels = kind_labels()
    return BudgetTotals(
        year=year,
        total=total,
        by_source=budget_by_source_of(year=year, user=user)[1],
        by_unit=[(units.get(k, "—"), Amounts(*map(_money, v))) for k, v in sorted(by_unit.items(), key=_by_estimate)],
        by_kind=[(labels.get(k, k), Amounts(*map(_money, v))) for k, v in sorted(by_kind.items())],
        by_quarter=[
            (gettext("Chưa xác định") if q == 0 else gettext("Quý %(q)s") % {"q": q}, Amounts(*map(_money, v)))
            for q, v in sorted(by_quarter.items())
        ],
    )


def quarter_of_mask() -> Case:
    """The quarter of the first planned month (bit m-1 of month_mask is month m); 0 when no month is known. The
    cases are tried in order, so the first quarter with a planned month wins."""
    whens = []
    for quarter in (1, 2, 3, 4):
        bits = sum(1 << (m - 1) for m in range(quarter * 3 - 2, quarter * 3 + 1))
        whens.append(When(GreaterThan(F("month_mask").bitand(bits), 0), then=Value(quarter)))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def kind_labels() -> dict[str, str]:
    """Labels of the kinds in `budget_totals` (a model label, with the direction for delegations)."""
    labels: dict[str, str] = {}
    for model in budgeted_models():
        label = model._meta.label_lower
        direction = next((f for f in model._meta.fields if f.name == "direction"), None)
        if direction is not None:
            for value, text in direction.choices or []:
                labels[f"{label}:{value}"] = str(text)
        labels[label] = str(model._meta.verbose_name_plural).capitalize()
    return labels


def budget_records(*, year: int, user: Any) -> list[dict[str, Any]]:
    """Every record of the year with a budget the user may see: kind, name, unit, status and amounts."""
    labels = kind_labels()
    rows: list[dict[str, Any]] = []
    for model in budgeted_models():
        owner = model.owner_field
        names = {f.name for f in model._meta.fields}
        name = "name" if "name" in names else "title"
        has_direction = "direction" in names
        statuses = dict(model._meta.get_field("status").choices or [])
        fields = ["pk", name, f"{owner}__name", "status", "budget_status", "estimate_vnd", "appraised_vnd",
                  "actual_vnd", *(["direction"] if has_direction else [])]  # fmt: skip
        for row in _records(model, year=year, user=user, plan_only=True).order_by("pk").values(*fields):
            key = model._meta.label_lower + (f":{row['direction']}" if has_direction else "")
            rows.append(
                row
                | {
                    "kind": labels.get(key, key),
                    "name": row[name],
                    "unit": row[f"{owner}__name"],
                    "status": str(statuses.get(row["status"], row["status"])),
                }
            )
    return rows
