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
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core import rules
from doingoai.core.choices import Role
from doingoai.core.deadlines import COORDINATOR, EVERYONE, UNIT, Deadline, DeadlineRule, due_dates, light_records
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


def _plain_url(model: Any) -> bool:
    return bool(model.get_absolute_url is BaseModel.get_absolute_url)


def _url_maker(model: Any) -> Callable[[Any], str]:
    """The detail page's address of a record of `model` from its id (`_plain_url`), reversed once:
    BaseModel.get_absolute_url with the record's id put in."""
    meta = model._meta
    marker = 987654321987
    prefix, _, suffix = reverse(f"{meta.app_label}:{meta.model_name}_detail", args=[marker]).partition(str(marker))
    return lambda pk: f"{prefix}{pk}{suffix}"


def _titler(rule: DeadlineRule) -> Callable[[Any, tuple[Any, ...]], str]:
    """The title of a record of `rule` from its id and the values of `rule.title_fields` (the rule declares that
    they go into its text as they are): the text written once with a placeholder per field, translated once."""
    names = rule.title_fields
    holders = [f"\x00{i}\x00" for i in range(len(names))]
    template = rule.title(SimpleNamespace(**dict(zip(names, holders, strict=True))))

    def title(pk: Any, values: tuple[Any, ...]) -> str:
        if not all(values):  # an empty value: the rule's own text (it may write something else)
            return rule.title(SimpleNamespace(pk=pk, **dict(zip(names, values, strict=True))))
        text = template
        for holder, value in zip(holders, values, strict=True):
            text = text.replace(holder, str(value))
        return text

    return title


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
    unit: Unit | None = None,
) -> list[DeadlineGroup]:
    """Page `page` of each group in `groups` (overdue: due before today; soon: from today to `soon`; later) of
    the deadlines `deadline_list(user=user, kinds=kinds, unit=unit)` gives (`unit`: only that unit's), ordered by
    due date, kind and record, each group with its total. Rules whose due date is a field (`DeadlineRule.sql_due`)
    are counted and read a page at a time by the database; those that declare `due_fields` are dated from those
    fields alone, and only the shown deadlines are built in full; the others as `deadline_list` does."""
    officer_unit = user.unit_id if role_of(user) == Role.UNIT_OFFICER else None
    wanted = per_page * page
    totals = dict.fromkeys(groups, 0)
    # (due, kind, id, deadline or (registry, rule) to build it from) of the candidates for each group's page
    entries: dict[str, list[tuple[dt.date, str, Any, Any]]] = {g: [] for g in groups}

    def keep(deadline: Deadline) -> bool:
        if kinds and deadline.kind not in kinds:
            return False
        if unit is not None and (deadline.unit is None or deadline.unit.pk != unit.pk):
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
        if built_by_default and unit is not None and not unit_path:
            built_by_default = False
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
        if unit is not None and unit_path:
            records = records.filter(**{f"{unit_path}_id": unit.pk})
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
            for pk, due in due_dates(rule, records.order_by()):  # sorted below
                if due is not None and (dated := _group_of(due, today, soon)) in totals:
                    totals[dated] += 1
                    entries[dated].append((due, rule.kind, pk, (registry, rule)))

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


# ------------------------------------------------------------------- the compliance page: overdue, unit by unit
# At national scale ~24,000 deadlines are overdue, of ~1,700 units: the compliance page shows per unit how many
# and the first few, and links to the deadline page filtered to the unit's overdue group for the rest.


@dataclass
class UnitOverdue:
    unit: Unit
    total: int
    first: list[Deadline]  # the first few, as the deadline page lists them (due date, kind, record)


def overdue_by_unit(*, user: Any, today: dt.date, first: int = 3) -> dict[int, UnitOverdue]:
    """Per unit id: of the deadlines `deadline_list(user=user, today=today)` gives that are overdue and one
    unit's, how many, and the first `first` in the order of the deadline page (due date, kind, record) — the
    first rows of `deadline_page(…, unit=unit, groups=(OVERDUE,))`. (`overdue_counts` with every unit's first
    rows made.)"""
    counts = overdue_counts(user=user, today=today, first=first)
    firsts = counts.first_rows(counts.totals)
    return {unit: UnitOverdue(counts.units[unit], total, firsts.get(unit, [])) for unit, total in counts.totals.items()}


@dataclass
class OverdueCounts:
    """How many overdue deadlines each unit has (`totals`, the units in `units`), and `first_rows(unit ids)`: the
    first few of the units asked, made on demand — the compliance page counts every unit and shows a page of
    them (~5,000 first rows for the 1,666 units of a national deployment, ~300 for a page of 100)."""

    totals: dict[int, int]
    units: dict[int, Unit]
    first_rows: Callable[[Iterable[int]], dict[int, list[Deadline]]]


def overdue_counts(*, user: Any, today: dt.date, first: int = 3) -> OverdueCounts:
    """`overdue_by_unit`'s counts, with its first rows made only for the units asked (`OverdueCounts`).

    Rules built the default way whose unit is a field and whose due date is a field plus days (`sql_due`) are
    counted by the database, which also picks each unit's first rows (a window per unit); those that declare
    `due_fields` are dated from those columns alone; the others are built as `deadline_list` builds them. Only
    the shown deadlines are made, from the columns of `title_fields` where the rule declares them."""
    officer_unit = user.unit_id if role_of(user) == Role.UNIT_OFFICER else None
    totals: Counter[int] = Counter()
    # Per unit: (due, kind, id, the deadline or what to make it from) of the candidates for its first rows.
    candidates: dict[int, list[tuple[dt.date, str, Any, Any]]] = defaultdict(list)
    # The rules whose records are counted by the database: (past records, due field, days after it, unit, how).
    ranked_later: list[tuple[QuerySet, str, dt.timedelta, str, Any]] = []

    def add(deadline: Deadline | None) -> None:
        if deadline is None or deadline.unit is None or not deadline.is_overdue(today):
            return
        if officer_unit is not None and deadline.unit.pk != officer_unit:
            return
        totals[deadline.unit.pk] += 1
        candidates[deadline.unit.pk].append((deadline.due, deadline.kind, _ident(deadline), deadline))

    for registry, rule in declared_rules():
        if not rule.in_deadline_list:
            continue
        owner = getattr(registry.model, "owner_field", None)
        default = type(rule).deadlines is DeadlineRule.deadlines
        unit_path = rule.unit_path(owner)
        sql = rule.sql_due() if default and unit_path else None
        light = default and unit_path and rule.due_fields and "__" not in unit_path and sql is None
        if sql is None and not light:
            built: Iterable[Deadline | None]
            if default:  # only the records past the rule, built as `DeadlineRule.deadlines` does
                built = (rule.deadline_of(obj, owner) for obj in rule.overdue_in(rule.records(registry, user), today))
            else:
                built = rule.deadlines(registry, user)
            for deadline in built:
                add(deadline)
            continue
        assert unit_path  # noqa: S101 (for mypy: both ways above need it)
        records = rule.records(registry, user).filter(**{f"{unit_path}__isnull": False})
        if officer_unit is not None:
            records = records.filter(**{f"{unit_path}_id": officer_unit})
        names = rule.title_fields if rule.title_fields and _plain_url(registry.model) else ()
        if sql is not None:
            field, days = sql
            shift = dt.timedelta(days=days)
            overdue_rows = records.filter(**{f"{field}__lt": today - shift}).order_by()
            # Counted per unit from the index; each unit's first rows are read when its row is shown (`first_rows`).
            for unit, count in (
                overdue_rows.values(f"{unit_path}_id").annotate(n=Count("pk")).values_list(f"{unit_path}_id", "n")
            ):
                totals[unit] += count
            ranked_later.append((overdue_rows, field, shift, unit_path, (registry, rule, _COLUMNS if names else None)))
        else:
            # The records the rule's query puts past (all open ones where it has none) as light records of the
            # columns the due date, the unit and the title read; each one's due date decides, as in deadline_list.
            past = rule.overdue_in(records.order_by(), today) if rule.overdue_query is not None else records
            read: Iterable[Any] = past
            if isinstance(past, QuerySet):
                read = light_records(past.order_by(), dict.fromkeys((unit_path, *rule.due_fields, *names)))
            for obj in read:
                if (due := rule.due_of(obj)) is not None and today > due:
                    unit = getattr(obj, f"{unit_path}_id")
                    totals[unit] += 1
                    candidates[unit].append((due, rule.kind, obj.pk, (registry, rule, obj if names else None)))
    for deadline in unit_report_deadlines(user, today):
        add(deadline)

    units = {unit.pk: unit for unit in light_records(Unit.objects.filter(pk__in_set=list(totals)), ("name", "kind"))}
    # A unit whose row could not be read (deleted since) has no row on the page.
    kept = {unit: total for unit, total in totals.items() if unit in units}

    def first_rows(asked: Iterable[int]) -> dict[int, list[Deadline]]:
        wanted = sorted({unit for unit in asked if unit in kept})
        chosen = {unit: list(candidates.get(unit, ())) for unit in wanted}
        for overdue_rows, field, shift, unit_path, how in ranked_later if wanted else ():
            # Each asked unit's first rows, ranked by the database: only columns an index holds (the titles are
            # read for the shown rows only).
            unit_id = F(f"{unit_path}_id")
            ranked = (
                overdue_rows.filter(**{f"{unit_path}_id__in": wanted})
                .annotate(_rank=Window(RowNumber(), partition_by=[unit_id], order_by=[F(field).asc(), F("pk").asc()]))
                .filter(_rank__lte=first)
                .values_list("pk", field, f"{unit_path}_id")
            )
            for pk, day, unit in ranked:
                chosen[unit].append((day + shift, how[1].kind, pk, how))
        return _made_first_rows(chosen, first, units)

    return OverdueCounts(kept, units, first_rows)


def _made_first_rows(
    candidates: dict[int, list[tuple[dt.date, str, Any, Any]]], first: int, units: dict[int, Unit]
) -> dict[int, list[Deadline]]:
    """Each unit's first `first` candidates (`overdue_counts`) made into deadlines: built in full, or from their
    light record, or from the title columns read now for these rows only."""
    shown = {unit: sorted(rows, key=lambda e: (e[0], e[1], e[2]))[:first] for unit, rows in candidates.items()}
    built_in_full = _build(
        (due, kind, pk, how[:2]) for rows in shown.values() for due, kind, pk, how in rows if _in_full(how)
    )
    columns: dict[str, tuple[Any, DeadlineRule, list[Any]]] = {}
    for rows in shown.values():
        for _, kind, pk, how in rows:
            if not isinstance(how, Deadline) and how[2] is _COLUMNS:
                columns.setdefault(kind, (how[0], how[1], []))[2].append(pk)
    # The title columns of the shown rows, one query per rule (ids read with the rights).
    values = {
        (kind, pk): tuple(rest)
        for kind, (registry, rule, pks) in columns.items()
        for pk, *rest in registry.model._default_manager.filter(pk__in_set=pks)
        .order_by()
        .values_list("pk", *rule.title_fields)
    }
    urls: dict[str, Callable[[Any], str]] = {}
    titles: dict[str, Callable[[Any, tuple[Any, ...]], str]] = {}
    labels: dict[str, str] = {}  # each kind's label translated once, not once per deadline

    def made(unit: int, due: dt.date, kind: str, pk: Any, how: Any) -> Deadline | None:
        if isinstance(how, Deadline):
            return how
        if _in_full(how):
            return built_in_full.get((kind, pk))
        registry, rule, source = how
        if kind not in urls:
            urls[kind], labels[kind] = _url_maker(registry.model), str(rule.label)
        if source is not _COLUMNS:  # a light record
            text = rule.title(source)
        elif (row := values.get((kind, pk))) is None:
            return None  # deleted between the two reads
        else:
            text = (titles.get(kind) or titles.setdefault(kind, _titler(rule)))(pk, row)
        return Deadline(
            kind,
            f"{kind}:{pk}",
            text,
            due,
            units[unit],
            urls[kind](pk),
            responsible=rule.responsible,
            kind_label=labels[kind],
        )

    # A record changed between the two reads (due date cleared, deleted) is left out of the first rows.
    return {unit: [d for e in rows if (d := made(unit, *e)) is not None] for unit, rows in shown.items()}


_COLUMNS = object()  # a candidate whose title is made from the columns of its rule's `title_fields`


def _in_full(how: Any) -> bool:
    """A candidate to build from its full record (`_build`): no columns to make it from."""
    return not isinstance(how, Deadline) and how[2] is None
