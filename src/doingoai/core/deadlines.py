"""Deadlines, declared once per registry (`Registry.deadlines`) from the rules kept in settings.

A registry declares each of its deadlines as a `DeadlineRule`: which records still owe something (`open`), when
it is due (`due`, or `after=DaysAfter(field, rule)` for "N days after a date"), what to call it, who must act,
and — for home pages at national scale — the rule written as a query (`overdue_query`; derived for `after`).
The deadline list and reminders (`reporting.deadlines`), the home page's "late" lists, the calendar and the
record's own lateness flags all read these declarations (`core.registry.declared_rules()`), so a rule is
written in one place.

A deadline is never stored: it is computed from its record, so it cannot disagree with the registry and
disappears when the work is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.base import ModelState
from django_stubs_ext import StrOrPromise

if TYPE_CHECKING:
    from doingoai.core.registry import Registry

# Who must act: the unit that owns the record, the coordinating agency, or everyone.
UNIT = "unit"
COORDINATOR = "coordinator"
EVERYONE = "everyone"
# Reminder stages (reporting.models.ReminderStage has the same values).
UPCOMING = "upcoming"
OVERDUE = "overdue"


@dataclass(frozen=True)
class Deadline:
    """One thing still to be done by a date."""

    kind: str
    key: str  # stable: "<kind>:<id>", the reminders' identity
    title: str
    due: dt.date
    unit: Any  # the unit that must act (None: not one unit's)
    url: str
    responsible: str = UNIT
    # Some deadlines have nothing to fulfil after the day (the plan adjustment round simply closes).
    remind_overdue: bool = True
    kind_label: str = ""

    def days_left(self, today: dt.date) -> int:
        return (self.due - today).days

    def is_overdue(self, today: dt.date) -> bool:
        return today > self.due and self.remind_overdue

    def stage(self, today: dt.date, days_before: int | None = None) -> str | None:
        """ "upcoming" from N days before the due date to the due date itself, "overdue" after it, else None."""
        days_before = settings.DOINGOAI_REMINDER_DAYS_BEFORE if days_before is None else days_before
        if today > self.due:
            return OVERDUE if self.remind_overdue else None
        if (self.due - today).days <= days_before:
            return UPCOMING
        return None


@dataclass(frozen=True)
class DaysAfter:
    """Due N days after a date of the record, N being `settings.DOINGOAI_RULES[rule]` (15 days after return…)."""

    field: str
    rule: str

    @property
    def days(self) -> int:
        return int(settings.DOINGOAI_RULES[self.rule])

    def due(self, obj: Any) -> dt.date | None:
        start = getattr(obj, self.field)
        return start + dt.timedelta(days=self.days) if start else None

    def overdue(self, queryset: QuerySet, today: dt.date) -> QuerySet:
        """The same rule as a query: the date is more than N days before today (oldest first)."""
        before = today - dt.timedelta(days=self.days)
        return queryset.filter(**{f"{self.field}__lt": before}).order_by(self.field, "pk")


@dataclass(frozen=True)
class DeadlineRule:
    kind: str  # "delegation_report"
    label: StrOrPromise  # the kind, in lists: "Báo cáo kết quả đoàn ra"
    heading: StrOrPromise  # the home page's list of overdue records: "Đoàn ra chưa báo cáo kết quả sau 15 ngày"
    open: Callable[[], Q]  # the records that still owe it
    title: Callable[[Any], str]
    after: DaysAfter | None = None
    due: Callable[[Any], dt.date | None] | None = None  # when not `after`
    # The overdue records as a query (national scale); default: `after`'s, else computed row by row.
    overdue_query: Callable[[QuerySet, dt.date], QuerySet | list[Any]] | None = None
    responsible: str = UNIT
    in_deadline_list: bool = True  # False: shown as late on the home page only (no date to remind of)
    unit: Callable[[Any], Any] | None = None  # the unit that must act, when not the model's `owner_field`
    # For the deadline list at national scale (reporting.deadlines.deadline_page): the due date is this date
    # field of the record (`due` stays what every other reader uses; a test checks both agree), or `due` reads
    # only `due_fields`, so a light first pass can date every open record before the shown ones are built.
    due_field: str | None = None
    due_fields: tuple[str, ...] = ()
    # The due date from the values of `due_fields`, in their order (the function the model's own property calls),
    # so that the first pass reads plain columns instead of records (~3,400 proposed conferences at national
    # scale: 30 → 12 ms).
    due_from: Callable[..., dt.date | None] | None = None
    unit_field: str | None = None  # the field `unit` reads, so that a unit officer's filter is a query
    # The record's columns `title` reads (with `due_fields`), so that a long list (the compliance page's first
    # overdue deadlines of ~1,700 units) reads only those. Where the due date is a field plus days (`sql_due`),
    # each is put in the text as it is (a %-format): the title is written once per rule and each record's values
    # put in.
    title_fields: tuple[str, ...] = ()
    # The open records due between two days (both included) as a query, where the due date is no single field
    # (`due_fields` read in Python otherwise: every open record of the registry, for the calendar's month).
    due_between: Callable[[QuerySet, dt.date, dt.date], QuerySet] | None = None

    def __post_init__(self) -> None:
        if self.due_from is not None and not self.due_fields:
            raise ValueError(f"{self.kind}: due_from reads the columns named in due_fields, and none are named")

    def sql_due(self) -> tuple[str, int] | None:
        """(date field, days added) when the due date is a field of the record plus a fixed number of days."""
        if self.after is not None:
            return self.after.field, self.after.days
        return (self.due_field, 0) if self.due_field else None

    def unit_path(self, owner: str | None) -> str | None:
        """The field naming the unit that must act, for a query (None: only known from the record)."""
        if self.unit is not None:
            return self.unit_field
        return owner or None

    def due_of(self, obj: Any) -> dt.date | None:
        if self.after is not None:
            return self.after.due(obj)
        if self.due is not None:
            return self.due(obj)
        return getattr(obj, self.due_field) if self.due_field else None

    def records(self, registry: Registry, user: Any) -> QuerySet:
        # The pages' joins, without their prefetches: a deadline needs the record's name, address and unit.
        records = registry.get_queryset().prefetch_related(None)
        return records.restrict(user, "view").filter(self.open())  # type: ignore[attr-defined]

    def unit_of(self, obj: Any, owner: str | None) -> Any:
        if self.unit is not None:
            return self.unit(obj)
        return getattr(obj, owner) if owner else None

    def deadlines(self, registry: Registry, user: Any) -> Iterator[Deadline]:
        owner = getattr(registry.model, "owner_field", None)
        for obj in self.records(registry, user):
            deadline = self.deadline_of(obj, owner)
            if deadline is not None:
                yield deadline

    def deadline_of(self, obj: Any, owner: str | None) -> Deadline | None:
        due = self.due_of(obj)
        if due is None:
            return None
        return Deadline(
            self.kind,
            f"{self.kind}:{obj.pk}",
            self.title(obj),
            due,
            self.unit_of(obj, owner),
            obj.get_absolute_url(),
            responsible=self.responsible,
            kind_label=str(self.label),
        )

    def overdue(self, registry: Registry, user: Any, today: dt.date) -> QuerySet | list[Any]:
        """The records past this deadline that `user` may see, oldest first where the rule is a query."""
        return self.overdue_in(self.records(registry, user), today)

    def overdue_in(self, records: QuerySet, today: dt.date) -> QuerySet | list[Any]:
        """The rows of `records` (already restricted to the user and `open`) past this deadline."""
        if self.overdue_query is not None:
            return self.overdue_query(records, today)
        if self.after is not None:
            return self.after.overdue(records, today)
        return [obj for obj in records if (due := self.due_of(obj)) is not None and today > due]


def due_dates(rule: DeadlineRule, records: QuerySet) -> Iterator[tuple[Any, dt.date | None]]:
    """(id, due date) of each of `records`, dated from the rule's `due_fields` alone: by `due_from` over the
    columns where the rule declares it, else through light records and `due_of`."""
    if rule.due_from is not None:
        rows = records.select_related(None).values_list("pk", *rule.due_fields).iterator(chunk_size=2000)
        due_from = rule.due_from
        for pk, *values in rows:
            yield pk, due_from(*values)
    else:
        for obj in light_records(records, rule.due_fields):
            yield obj.pk, rule.due_of(obj)


def light_records(records: QuerySet, names: Iterable[str]) -> Iterator[Any]:
    """`records.only("pk", *names)` without a model `__init__` per row (thousands of conferences or agreements at
    national scale: a third of the deadline page's time; the calendar reads them too). Each row's columns are put
    straight into a new instance's `__dict__`, as `Model.from_db` leaves them; a field not read is deferred as with
    `only()` (reading it loads it). Signals on instance creation are not sent: these instances are only read from."""
    model = records.model
    attnames = [model._meta.pk.attname, *(model._meta.get_field(name).attname for name in names)]
    db = records.db
    for row in records.select_related(None).values_list(*attnames).iterator(chunk_size=2000):
        obj = object.__new__(model)
        obj.__dict__.update(zip(attnames, row, strict=True))
        obj._state = ModelState()
        obj._state.adding, obj._state.db = False, db
        yield obj
