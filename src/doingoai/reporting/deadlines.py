"""Every deadline of the work, tracked the same way: one computed `Deadline` per thing still to be done.

The registries declare theirs (`Registry.deadlines`, see `core.deadlines`): a delegation back without its result
report, a conference not yet permitted, a signed agreement not yet reported, a consultation waiting for
opinions. This module adds the two that are not a registry's — a unit's periodic report not yet sent and the
yearly plan adjustment — and gathers them all for a user (an officer: its own unit's; province-level roles:
all) or for the system. What is stored is only what was *sent* about a deadline (`ReminderSent`, one row per
deadline, stage and due date) — that is what makes reminders exactly-once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core import rules
from doingoai.core.choices import Role
from doingoai.core.deadlines import COORDINATOR, EVERYONE, UNIT, Deadline, DeadlineRule, light_records
from doingoai.core.models import BaseModel, Unit
from doingoai.core.permissions import role_of
from doingoai.core.registry import declared_rules
from doingoai.reporting.models import PeriodStatus, ReportStatus, UnitReport

__all__ = ["COORDINATOR", "EVERYONE", "UNIT", "Deadline", "deadline_list", "kind_labels"]

OWN_KIND_LABELS = {
    "unit_report": gettext_lazy("Báo cáo định kỳ"),
    "plan_adjustment": gettext_lazy("Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào"),
}


def kind_labels() -> dict[str, str]:
    """Every kind of deadline in the list, with its label."""
    declared = {rule.kind: str(rule.label) for _, rule in declared_rules() if rule.in_deadline_list}
    return {kind: str(label) for kind, label in OWN_KIND_LABELS.items()} | declared


def _restricted(model: Any, user: Any) -> Any:
    return model.objects.restrict(user, "view")


def unit_report_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """Reports of open periods that the unit has still to send (drafts, and returned ones to send again)."""
    reports = (
        UnitReport.objects.restrict(user, "view")
        .filter(period__status=PeriodStatus.OPEN, status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED])
        .select_related("period", "unit")
    )
    for r in reports:
        again = gettext(" (nộp lại)") if r.status == ReportStatus.RETURNED else ""
        yield Deadline(
            "unit_report",
            f"unit_report:{r.pk}",
            gettext("Báo cáo %(period)s%(again)s") % {"period": r.period.label, "again": again},
            r.period.due_date,
            r.unit,
            r.get_absolute_url(),
            kind_label=str(OWN_KIND_LABELS["unit_report"]),
        )


def registry_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """The deadlines the registries declare (core.deadlines)."""
    for registry, rule in declared_rules():
        if rule.in_deadline_list:
            yield from rule.deadlines(registry, user)


def plan_adjustment_deadlines(user: Any, today: dt.date) -> Iterator[Deadline]:
    """The yearly adjustment round of this year's delegation plan (30/3 unless the settings say otherwise)."""
    if role_of(user) is None:
        return
    due = rules.plan_adjustment_deadline(today.year)
    if today > due:
        return  # the round is closed: nothing left to do or to remind about until next year
    yield Deadline(
        "plan_adjustment",
        f"plan_adjustment:{today.year}",
        gettext("Điều chỉnh kế hoạch đoàn ra, đoàn vào năm %(year)s") % {"year": today.year},
        due,
        None,
        f"{reverse('delegations:delegation_list')}?year={today.year}",
        responsible=EVERYONE,
        remind_overdue=False,
        kind_label=str(OWN_KIND_LABELS["plan_adjustment"]),
    )


SOURCES: list[Callable[[Any, dt.date], Iterator[Deadline]]] = [
    unit_report_deadlines,
    registry_deadlines,
    plan_adjustment_deadlines,
]


def deadline_list(
    *, user: Any, today: dt.date | None = None, kinds: set[str] | None = None, unit: Unit | None = None
) -> list[Deadline]:
    """Open deadlines this user may see, soonest first; an officer sees only its own unit's (and the plan's)."""
    today = today or timezone.localdate()
    officer_unit = user.unit_id if role_of(user) == Role.UNIT_OFFICER else None
    result = []
    for source in SOURCES:
        for deadline in source(user, today):
            if kinds and deadline.kind not in kinds:
                continue
            if officer_unit is not None and deadline.unit is not None and deadline.unit.pk != officer_unit:
                continue
            if unit is not None and (deadline.unit is None or deadline.unit.pk != unit.pk):
                continue
            result.append(deadline)
    return sorted(result, key=lambda d: (d.due, d.key))


def overdue_unit_deadlines(*, user: Any, today: dt.date) -> list[Deadline]:
    """The deadlines of `deadline_list(user=user, today=today)` that are overdue and one unit's, in its order.

    At national scale they number ~24,000 (the compliance page lists them by unit). For a rule built the default
    way whose unit is the record's owner and which declares `title_fields`, only the overdue records are read,
    as columns: their values (due date a field plus days: `sql_due`) or light records of the columns its due
    date and title read (`due_fields`, `title_fields`); the others' overdue records are built as
    `DeadlineRule.deadlines` builds them, and rules of their own as `deadline_list` does."""
    officer_unit = user.unit_id if role_of(user) == Role.UNIT_OFFICER else None
    result: list[Deadline] = []
    read: list[tuple[Any, DeadlineRule, str, list[tuple[Any, dt.date, int, str]]]] = []
    for registry, rule in declared_rules():
        if not rule.in_deadline_list:
            continue
        owner = getattr(registry.model, "owner_field", None)
        default = type(rule).deadlines is DeadlineRule.deadlines
        if default and rule.unit is None and owner and rule.title_fields and _plain_url(registry.model):
            records = rule.records(registry, user).filter(**{f"{owner}__isnull": False})
            if officer_unit is not None:
                records = records.filter(**{f"{owner}_id": officer_unit})
            if (rows := _overdue_rows(rule, owner, records, today)) is not None:
                read.append((registry, rule, owner, rows))
                continue
        built: Iterable[Deadline | None]
        if default:
            # Only the records past the rule (its query where it has one), built as `DeadlineRule.deadlines` does.
            built = (rule.deadline_of(obj, owner) for obj in rule.overdue_in(rule.records(registry, user), today))
        else:
            built = rule.deadlines(registry, user)
        result += [d for d in built if d is not None and d.unit is not None and d.is_overdue(today)]
    result += [d for d in unit_report_deadlines(user, today) if d.unit is not None and d.is_overdue(today)]
    if officer_unit is not None:
        result = [d for d in result if d.unit.pk == officer_unit]
    units = Unit.objects.in_bulk({row[2] for *_, rows in read for row in rows})
    for registry, rule, _, rows in read:
        meta = registry.model._meta
        # The detail page's address, reversed once: BaseModel.get_absolute_url with the record's id put in.
        marker = 987654321987
        prefix, _, suffix = reverse(f"{meta.app_label}:{meta.model_name}_detail", args=[marker]).partition(str(marker))
        label = str(rule.label)
        result += [
            Deadline(
                rule.kind,
                f"{rule.kind}:{pk}",
                title,
                due,
                units[unit_id],
                f"{prefix}{pk}{suffix}",
                responsible=rule.responsible,
                kind_label=label,
            )
            for pk, due, unit_id, title in rows
        ]
    return sorted(result, key=lambda d: (d.due, d.key))


def _plain_url(model: Any) -> bool:
    return bool(model.get_absolute_url is BaseModel.get_absolute_url)


def _overdue_rows(
    rule: DeadlineRule, owner: str, records: Any, today: dt.date
) -> list[tuple[Any, dt.date, int, str]] | None:
    """(id, due date, unit id, title) of `records` past `rule`, read as columns; None: the rule cannot be."""
    names = rule.title_fields
    if (sql := rule.sql_due()) is not None:
        field, days = sql
        shift = dt.timedelta(days=days)
        past = records.filter(**{f"{field}__lt": today - shift}).order_by()
        # The title written once with a placeholder per field (translated once, not once per record): the rule
        # declares that its fields go into its text as they are.
        holders = [f"\x00{i}\x00" for i in range(len(names))]
        template = rule.title(SimpleNamespace(**dict(zip(names, holders, strict=True))))
        rows = []
        for pk, day, unit_id, *values in past.values_list("pk", field, f"{owner}_id", *names):
            if all(values):
                title = template
                for holder, value in zip(holders, values, strict=True):
                    title = title.replace(holder, str(value))
            else:  # an empty value: the rule's own text (it may write something else)
                title = rule.title(SimpleNamespace(pk=pk, **dict(zip(names, values, strict=True))))
            rows.append((pk, day + shift, unit_id, title))
        return rows
    if rule.due_fields:
        # Light records: the columns the due date and the title read, of the records the rule's query puts past.
        light = records.select_related(None).only("pk", owner, *rule.due_fields, *names)
        rows = []
        for obj in rule.overdue_in(light, today):
            due = rule.due_of(obj)
            if due is not None and today > due:
                rows.append((obj.pk, due, getattr(obj, f"{owner}_id"), rule.title(obj)))
        return rows
    return None


# ------------------------------------------------------------------------------------ the page, one part at a time
# At national scale the open deadlines number tens of thousands (every outbound delegation back without its
# report over ten years): the page shows each group's first rows and its total, and pages through a group. The
# same deadlines as `deadline_list`, ordered by due date, kind and record.
OVERDUE, SOON, LATER = "overdue", "soon", "later"
GROUPS = (OVERDUE, SOON, LATER)


@dataclass
class DeadlineGroup:
    name: str
    total: int
    deadlines: list[Deadline]
    first: int  # position of the first shown (1-based)


def _group_of(due: dt.date, today: dt.date, soon: dt.date) -> str:
    return OVERDUE if due < today else SOON if due <= soon else LATER


def deadline_page(
    *,
    user: Any,
    today: dt.date,
    soon: dt.date,
    kinds: set[str] | None = None,
    groups: tuple[str, ...] = GROUPS,
    page: int = 1,
    per_page: int = 50,
) -> list[DeadlineGroup]:
    """Page `page` of each group in `groups` (overdue: due before today; soon: from today to `soon`; later) of
    the deadlines `deadline_list(user=user, kinds=kinds)` gives, ordered by due date, kind and record, each group
    with its total. Rules whose due date is a field (`DeadlineRule.sql_due`) are counted and read a page at a
    time by the database; those that declare `due_fields` are dated from those fields alone, and only the shown
    deadlines are built in full; the others as `deadline_list` does."""
    officer_unit = user.unit_id if role_of(user) == Role.UNIT_OFFICER else None
    wanted = per_page * page
    totals = dict.fromkeys(groups, 0)
    # (due, kind, id, deadline or (registry, rule) to build it from) of the candidates for each group's page
    entries: dict[str, list[tuple[dt.date, str, Any, Any]]] = {g: [] for g in groups}

    def keep(deadline: Deadline) -> bool:
        if kinds and deadline.kind not in kinds:
            return False
        return officer_unit is None or deadline.unit is None or deadline.unit.pk == officer_unit

    for registry, rule in declared_rules():
        if not rule.in_deadline_list or (kinds and rule.kind not in kinds):
            continue
        owner = getattr(registry.model, "owner_field", None)
        built_by_default = type(rule).deadlines is DeadlineRule.deadlines
        unit_path = rule.unit_path(owner)
        if built_by_default and officer_unit is not None and rule.unit is not None and not unit_path:
            built_by_default = False  # the unit is known only from the record: as deadline_list
        sql = rule.sql_due() if built_by_default else None
        if sql is None and not (built_by_default and rule.due_fields):
            for deadline in rule.deadlines(registry, user):
                if keep(deadline) and (found := _deadline_group(deadline, today, soon)) is not None and found in totals:
                    totals[found] += 1
                    entries[found].append((deadline.due, deadline.kind, _ident(deadline), deadline))
            continue
        records = rule.records(registry, user)
        if officer_unit is not None and unit_path:
            records = records.filter(Q(**{f"{unit_path}_id": officer_unit}) | Q(**{f"{unit_path}__isnull": True}))
        if sql is not None:
            field, days = sql
            shift = dt.timedelta(days=days)
            conditions = {
                OVERDUE: Q(**{f"{field}__lt": today - shift}),
                SOON: Q(**{f"{field}__gte": today - shift, f"{field}__lte": soon - shift}),
                LATER: Q(**{f"{field}__gt": soon - shift}),
            }
            counted = records.order_by().aggregate(
                **{g: Count("pk", filter=conditions[g]) for g in groups}  # type: ignore[arg-type]
            )
            for group in groups:
                totals[group] += counted[group]
                if counted[group]:
                    rows = records.filter(conditions[group]).order_by(field, "pk").values_list(field, "pk")
                    entries[group] += [(day + shift, rule.kind, pk, (registry, rule)) for day, pk in rows[:wanted]]
        else:
            for obj in light_records(records.order_by(), rule.due_fields):  # sorted below
                due = rule.due_of(obj)
                if due is not None and (dated := _group_of(due, today, soon)) in totals:
                    totals[dated] += 1
                    entries[dated].append((due, rule.kind, obj.pk, (registry, rule)))

    for source in (unit_report_deadlines, plan_adjustment_deadlines):
        for deadline in source(user, today):
            if keep(deadline) and (found := _deadline_group(deadline, today, soon)) is not None and found in totals:
                totals[found] += 1
                entries[found].append((deadline.due, deadline.kind, _ident(deadline), deadline))

    shown: dict[str, list[tuple[dt.date, str, Any, Any]]] = {}
    for group in groups:
        ordered = sorted(entries[group], key=lambda e: (e[0], e[1], e[2]))
        shown[group] = ordered[per_page * (page - 1) : wanted]
    built = _build(e for rows in shown.values() for e in rows if not isinstance(e[3], Deadline))
    return [
        DeadlineGroup(
            group,
            totals[group],
            # A record changed between the two reads (due date cleared) is left out of this page.
            [d for e in shown[group] if (d := e[3] if isinstance(e[3], Deadline) else built.get((e[1], e[2])))],
            per_page * (page - 1) + 1,
        )
        for group in groups
    ]


def _deadline_group(deadline: Deadline, today: dt.date, soon: dt.date) -> str | None:
    """The group `DeadlineListView` has always put a deadline in (an overdue one that is not reminded: none)."""
    if deadline.is_overdue(today):
        return OVERDUE
    if today <= deadline.due <= soon:
        return SOON
    return LATER if deadline.due > soon else None


def _ident(deadline: Deadline) -> Any:
    """The record's id where the key is "<kind>:<id>" (ordered as numbers, as the rows read by the database)."""
    tail = deadline.key.partition(":")[2]
    return int(tail) if tail.isdigit() else tail


def _build(entries: Iterator[tuple[dt.date, str, Any, Any]]) -> dict[tuple[str, Any], Deadline]:
    """The shown deadlines in full, one query per rule: the records read as `DeadlineRule.deadlines` reads them."""
    by_rule: dict[str, tuple[Any, Any, list[Any]]] = {}
    for _, kind, pk, (registry, rule) in entries:
        by_rule.setdefault(kind, (registry, rule, []))[2].append(pk)
    built = {}
    for kind, (registry, rule, pks) in by_rule.items():
        owner = getattr(registry.model, "owner_field", None)
        for obj in registry.get_queryset().prefetch_related(None).filter(pk__in=pks):  # ids read with the rights
            deadline = rule.deadline_of(obj, owner)
            if deadline is not None:
                built[(kind, obj.pk)] = deadline
    return built
