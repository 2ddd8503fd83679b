"""The calendar (`/calendar/`) and its iCal feed: delegations, conferences, signings, round anniversaries and
deadlines the user may see, each on its dates or, when only the planned month is known ("Quý II"), on its months."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.apps import apps as django_apps
from django.conf import settings
from django.db import connection, models
from django.db.models import Count, F, Q, QuerySet, Value, Window
from django.db.models.expressions import Combinable, CombinedExpression
from django.db.models.functions import Cast, Coalesce, Collate
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, gettext_lazy

from doingoai.agreements.models import REPORT_DUE, AgreementStatus
from doingoai.agreements.selectors import agreement_list
from doingoai.conferences.models import ConferenceStatus
from doingoai.conferences.selectors import conference_list
from doingoai.core import rules
from doingoai.core.deadlines import Deadline, DeadlineRule, due_dates
from doingoai.core.models import Country, Unit
from doingoai.core.registry import declared_rules
from doingoai.core.selectors import round_anniversaries
from doingoai.dashboard.selectors import list_link
from doingoai.delegations.models import RESULT_REPORT_DUE, DelegationStatus, Direction
from doingoai.delegations.selectors import delegation_list
from doingoai.documents import ical
from doingoai.documents.timeparse import format_months
from doingoai.infowork.selectors import commemorations_for_year


class CalendarKind(models.TextChoices):
    DELEGATION_OUT = "delegation_out", gettext_lazy("Đoàn ra")
    DELEGATION_IN = "delegation_in", gettext_lazy("Đoàn vào")
    CONFERENCE = "conference", gettext_lazy("Hội nghị, hội thảo")
    SIGNING = "signing", gettext_lazy("Ký thỏa thuận")
    ANNIVERSARY = "anniversary", gettext_lazy("Ngày kỷ niệm")
    DEADLINE = "deadline", gettext_lazy("Hạn chót")


@dataclass(frozen=True)
class CalendarEntry:
    """One thing on the calendar. `exact=False`: only the planned month(s) are known ("Quý II")."""

    uid: str
    kind: str
    title: str
    start: dt.date
    end: dt.date  # inclusive
    exact: bool = True
    months: tuple[int, ...] = ()
    url: str = ""
    unit_id: int | None = None
    unit_name: str = ""
    country_ids: frozenset[int] = field(default_factory=frozenset)
    countries: str = ""
    status: str = ""
    detail: str = ""

    @property
    def kind_label(self) -> str:
        return str(CalendarKind(self.kind).label)

    @property
    def year(self) -> int:
        return self.start.year

    def on(self, day: dt.date) -> bool:
        return self.exact and self.start <= day <= self.end

    def in_month(self, year: int, month: int) -> bool:
        if not self.exact:
            return self.start.year == year and month in self.months
        first, last = month_bounds(year, month)
        return self.start <= last and self.end >= first

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        if self.exact:
            return self.start <= end and self.end >= start
        return _months_overlap(self.year, self.months, start, end)


@dataclass(frozen=True)
class CalendarFilter:
    kinds: frozenset[str] = frozenset(CalendarKind.values)
    unit: Unit | None = None
    country: Country | None = None


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


@functools.lru_cache(maxsize=4096)
def _planned(year: int, month_mask: int) -> tuple[dt.date, dt.date, tuple[int, ...]]:
    """First and last day of the planned months (month m is bit m - 1) and the months; a month's thousands of
    planned records share a few dozen of these."""
    months = tuple(m for m in range(1, 13) if month_mask & 1 << (m - 1))
    first, _ = month_bounds(year, months[0])
    _, last = month_bounds(year, months[-1])
    return first, last, months


@functools.lru_cache(maxsize=4096)
def _months_overlap(year: int, months: tuple[int, ...], start: dt.date, end: dt.date) -> bool:
    return any(first <= end and last >= start for first, last in (month_bounds(year, m) for m in months))


@functools.lru_cache(maxsize=64)
def _masks_with(bits: int) -> frozenset[int]:
    """Every month_mask (12 bits) with one of `bits` set. A set, not a list: Django resolves each item of a list or
    tuple given to a lookup (2,048 calls per registry on the calendar), and `InSet` needs none of that."""
    return frozenset(mask for mask in range(1, 4096) if mask & bits)


def _planned_in(qs: QuerySet, start: dt.date, end: dt.date) -> tuple[QuerySet, Q]:
    """`qs`, and the test: a planned month (month_mask, month m is bit m - 1) of the record's year falls between
    `start` and `end` — the planned entries `CalendarEntry.overlaps` keeps, as a query. The masks are listed
    rather than tested bit by bit: the database then finds them in the index on (year, month_mask) instead of
    reading every row of the year (PostgreSQL read 16,000 table pages for a month's 3,400 delegations); the list
    goes as one parameter (`core.lookups.InSet`). On PostgreSQL the bits are tested: its plan for a list of 2,048
    masks took longer than the query, and the year's planned delegations are read from a covering index
    (delegations 0017); these queries read the month's records whole only for the few shown (`planned_window`)."""
    bits: dict[int, int] = {}
    month = start.replace(day=1)
    while month <= end:
        bits[month.year] = bits.get(month.year, 0) | 1 << (month.month - 1)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    touched = Q(pk__in=[])
    for year, mask in bits.items():
        # A whole year (the feed's range) is any planned month: no list of 4,095 masks.
        if mask == 4095:
            months = Q(month_mask__gt=0)
        elif connection.vendor == "postgresql":
            qs = qs.alias(**{f"cal_bits_{mask}": F("month_mask").bitand(mask)})
            months = Q(**{f"cal_bits_{mask}__gt": 0})
        else:
            months = Q(month_mask__in_set=_masks_with(mask))
        touched |= Q(year=year) & months
    return qs, touched


def _first_month_in(qs: QuerySet, start: dt.date, end: dt.date) -> tuple[QuerySet, Q]:
    """`qs` able to test, and the test: the first planned month of the record's year begins between `start` and
    `end` (a planned start, as `Conference.planned_start` reads it)."""
    firsts = []
    month = start.replace(day=1) if start.day == 1 else (start.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    while month <= end:
        firsts.append((month.year, month.month))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    aliases = {f"first_{y}_{m}": F("month_mask").bitand((1 << m) - 1) for y, m in firsts}
    test = Q(pk__in=[])
    for y, m in firsts:
        test |= Q(year=y, **{f"first_{y}_{m}": 1 << (m - 1)})  # month m set, none before it
    return qs.alias(**aliases), test


# Which entries a query reads: both (the feed, `calendar_entries`), only those on their dates, only planned ones.
BOTH, DATED, PLANNED = None, True, False


def _delegations_in(qs: QuerySet, start: dt.date, end: dt.date, exact: bool | None = BOTH) -> QuerySet:
    """The delegations of `qs` with an entry between `start` and `end` (at national scale, a few thousand of the
    years' 250,000): dated trips that overlap (begun at most a year before, or of the range's years), planned
    months that fall in it, result reports due in it. Each branch is one index's range (delegations 0010)."""
    years = list(range(start.year - 1, end.year + 1))
    days = dt.timedelta(days=RESULT_REPORT_DUE.days)
    wanted = Q(pk__in=[])
    if exact is not False:
        # Trips begun earlier and not over by `start`: found by their end (the start, read through an expression,
        # is no index for SQLite to prefer: its range covers a year of trips).
        qs = qs.alias(cal_began=Coalesce("actual_start", "actual_end"))
        wanted |= (
            Q(actual_start__range=(start, end))
            | Q(actual_end__gte=start, cal_began__lt=start)
            & (Q(cal_began__gte=start - dt.timedelta(days=366)) | Q(year__in=years))
            | Q(
                actual_end__range=(start - days, end - days),
                direction=Direction.OUT,
                status=DelegationStatus.DONE,
                result_reported_on__isnull=True,
            )
        )
    if exact is not True:
        qs, planned = _planned_in(qs, start, end)
        wanted |= Q(actual_start__isnull=True) & planned
    return qs.filter(wanted)


def _apply_days() -> tuple[int, int]:
    """The fewest and most days before a conference its permit is applied for (core.rules.conference_authority)."""
    rules_ = settings.DOINGOAI_RULES
    days = (int(rules_["conference_pm_apply_days"]), int(rules_["conference_chairman_apply_days"]))
    return min(days), max(days)


def _conferences_in(qs: QuerySet, start: dt.date, end: dt.date, exact: bool | None = BOTH) -> QuerySet:
    """The conferences of `qs` with an entry between `start` and `end`: held (or to start) in it — lasting at
    most a year, unless `days` says longer —, planned months in it, or a permit to apply for in it (the planned
    start, a date or the first planned month, 30 or 40 days later)."""
    qs = qs.alias(cal_day=Coalesce("held_on", "start_date"))
    wanted = Q(pk__in=[])
    if exact is not False:
        fewest, most = _apply_days()
        after, before = start + dt.timedelta(days=fewest), end + dt.timedelta(days=most)
        qs, planned_start = _first_month_in(qs, after, before)
        since = start - dt.timedelta(days=366)
        to_apply = Q(status__in=[ConferenceStatus.DRAFT, ConferenceStatus.PROPOSED])
        # The day is the held date, else the planned start: each branch one index's range (conferences 0005).
        # "Is null" goes through an expression: SQLite would take it for a narrow index range (all the conferences
        # not held), the planned months' index (year, status) is the narrow one.
        qs = qs.alias(cal_start=Coalesce("start_date", Value(dt.date.min, output_field=models.DateField())))
        # Begun up to a month before, or longer ago and lasting more than a month (a few): not the year's hundreds.
        month_ago = start - dt.timedelta(days=31)
        long_ago = Q(days__gt=31, cal_day__range=(since, end))
        wanted |= (
            Q(held_on__range=(month_ago, end))
            | Q(start_date__range=(month_ago, end), cal_day__range=(month_ago, end))
            | long_ago
            | Q(days__gt=366, cal_day__lte=end)
            | to_apply & Q(start_date__range=(after, before))
            | to_apply & Q(cal_start=dt.date.min) & planned_start
        )
    if exact is not True:
        qs, planned = _planned_in(qs, start, end)
        wanted |= Q(cal_day__isnull=True) & planned
    return qs.filter(wanted)


def _opinion_span() -> dt.timedelta:
    """The longest the opinions on an agreement can take (core.rules.opinions_due): N working days are at most N
    days, the weekends among them and every holiday of the settings (each once a year)."""
    days = int(settings.DOINGOAI_RULES["agreement_opinion_working_days"])
    return dt.timedelta(days=days + 2 * (days // 5 + 2) + len(settings.DOINGOAI_HOLIDAYS) + 1)


def _agreements_in(qs: QuerySet, start: dt.date, end: dt.date, exact: bool | None = BOTH) -> QuerySet:
    """The agreements of `qs` with an entry between `start` and `end`: signed in it, its report to the Prime
    Minister due in it, a planned signing in it, or opinions awaited."""
    days = dt.timedelta(days=REPORT_DUE.days)
    wanted = Q(pk__in=[])
    if exact is not False:
        wanted |= (
            Q(signed_on__range=(start, end))
            | Q(signed_on__range=(start - days, end - days), reported_on__isnull=True)
            | Q(status=AgreementStatus.CONSULTED, consulted_on__range=(start - _opinion_span(), end))
        )
    if exact is not True:
        qs, planned = _planned_in(qs, start, end)
        # Unsigned through an expression, as for conferences: the narrow index is (year, status).
        qs = qs.alias(cal_signed=Coalesce("signed_on", Value(dt.date.min, output_field=models.DateField())))
        wanted |= Q(cal_signed=dt.date.min, status__in=PLANNED_SIGNING) & planned
    return qs.filter(wanted)


PLANNED_SIGNING = (
    AgreementStatus.DRAFT,
    AgreementStatus.PROPOSED,
    AgreementStatus.CONSULTED,
    AgreementStatus.APPROVED,
)


def _delegations_planned(qs: QuerySet, kinds: frozenset[str]) -> tuple[QuerySet, Any, str] | None:
    """`planned_window`'s part for delegations: the planned trips `_delegation_items` gives for `kinds`, the kind's
    place in the calendar's order (outbound before inbound) and the title's field."""
    directions = [
        d
        for d, k in ((Direction.OUT, CalendarKind.DELEGATION_OUT), (Direction.IN, CalendarKind.DELEGATION_IN))
        if k in kinds
    ]
    if not directions:
        return None
    qs = qs.exclude(status=DelegationStatus.CANCELLED).filter(direction__in=directions)
    kind = models.Case(
        models.When(direction=Direction.OUT, then=Value(KIND_ORDER[CalendarKind.DELEGATION_OUT])),
        default=Value(KIND_ORDER[CalendarKind.DELEGATION_IN]),
    )
    return qs, kind, "name"


def _conferences_planned(qs: QuerySet, kinds: frozenset[str]) -> tuple[QuerySet, Any, str] | None:
    if CalendarKind.CONFERENCE not in kinds:
        return None
    return qs.exclude(status=ConferenceStatus.CANCELLED), Value(KIND_ORDER[CalendarKind.CONFERENCE]), "title"


def _agreements_planned(qs: QuerySet, kinds: frozenset[str]) -> tuple[QuerySet, Any, str] | None:
    # The narrowing query keeps only unsigned agreements of PLANNED_SIGNING; the title's prefix is the same for all.
    if CalendarKind.SIGNING not in kinds:
        return None
    return qs, Value(KIND_ORDER[CalendarKind.SIGNING]), "title"


class Item(NamedTuple):
    """One entry a record gives, without what all that record's entries share (address, unit, countries)."""

    uid: str
    kind: str
    title: str
    start: dt.date
    end: dt.date
    exact: bool = True
    months: tuple[int, ...] = ()
    detail: str = ""


def _texts() -> dict[Any, Any]:
    """The entries' wording, translated once per call rather than once per entry (thousands a month); the items
    keep what else they work out once per call beside it."""
    return {
        "planned": gettext("Thời gian dự kiến: %(time_text)s"),
        "report_due": gettext("Hạn báo cáo kết quả đoàn: %(d)s"),
        "report_days": gettext("Báo cáo kết quả trong %(report_days)s ngày sau khi về (%(actual_end)s)"),
        "place": gettext("Địa điểm: %(place)s"),
        "apply_by": gettext("Hạn xin phép hội nghị: %(c)s"),
        "apply_detail": gettext("Nộp hồ sơ trước %(apply_days)s ngày; cơ quan cho phép: %(authority)s"),
        "signing": gettext("Ký: %(a)s"),
        "planned_signing": gettext("Dự kiến ký: %(a)s"),
        "pm_report": gettext("Hạn báo cáo Thủ tướng sau khi ký: %(a)s"),
        "signed_on": gettext("Ký ngày %(signed_on)s"),
        "opinions": gettext("Hạn trả lời ý kiến về thỏa thuận: %(a)s"),
        "consulted_on": gettext("Gửi xin ý kiến ngày %(consulted_on)s"),
    }


def _delegation_items(d: Any, kinds: frozenset[str], texts: dict[Any, Any]) -> Iterator[Item]:
    """The trip (on its dates, else its planned months) and its result report's due date; `d` is a delegation
    or a light row of it (`_light_rows`)."""
    kind = CalendarKind.DELEGATION_OUT if d.direction == Direction.OUT else CalendarKind.DELEGATION_IN
    if kind in kinds and d.status != DelegationStatus.CANCELLED:
        planned = texts["planned"] % {"time_text": d.time_text} if d.time_text else ""
        if d.actual_start:
            end = max(d.actual_end or d.actual_start, d.actual_start)
            yield Item(f"delegation-{d.pk}", kind, d.name, d.actual_start, end, detail=planned)
        elif d.month_mask:
            first, last, months = _planned(d.year, d.month_mask)
            yield Item(f"delegation-{d.pk}", kind, d.name, first, last, False, months, planned)
    due = d.report_due
    if CalendarKind.DEADLINE in kinds and due and not d.result_reported_on:
        detail = texts["report_days"] % {
            "report_days": RESULT_REPORT_DUE.days,
            "actual_end": format(d.actual_end, "%d/%m/%Y"),
        }
        title = texts["report_due"] % {"d": d.name}
        yield Item(f"delegation-{d.pk}-report-due", CalendarKind.DEADLINE, title, due, due, detail=detail)


def _conference_items(c: Any, kinds: frozenset[str], texts: dict[Any, Any]) -> Iterator[Item]:
    """The conference (on its dates, else its planned months) and the day its permit is to be applied for."""
    if CalendarKind.CONFERENCE in kinds and c.status != ConferenceStatus.CANCELLED:
        day = c.held_on or c.start_date
        if day:
            last = day + dt.timedelta(days=max((c.days or 1) - 1, 0))
            place = texts["place"] % {"place": c.place} if c.place else ""
            yield Item(f"conference-{c.pk}", CalendarKind.CONFERENCE, c.title, day, last, detail=place)
        elif c.month_mask:
            first, last, months = _planned(c.year, c.month_mask)
            detail = texts["planned"] % {"time_text": c.time_text}
            yield Item(f"conference-{c.pk}", CalendarKind.CONFERENCE, c.title, first, last, False, months, detail)
    if CalendarKind.DEADLINE in kinds and c.status in (ConferenceStatus.DRAFT, ConferenceStatus.PROPOSED):
        # The authority (two of them, each with its translated label) worked out once per call rather than once
        # per conference.
        key = (c.has_foreign_high_level, c.sensitive_topics)
        authority = texts[key] if key in texts else texts.setdefault(key, c.required_authority)
        apply_by = c.apply_by
        if apply_by:
            detail = texts["apply_detail"] % {"apply_days": authority.apply_days, "authority": authority.label}
            title = texts["apply_by"] % {"c": c.title}
            yield Item(f"conference-{c.pk}-apply-by", CalendarKind.DEADLINE, title, apply_by, apply_by, detail=detail)


def _agreement_items(a: Any, kinds: frozenset[str], texts: dict[Any, Any]) -> Iterator[Item]:
    """The signing (on its day, else its planned months), the report to the Prime Minister and the opinions."""
    if CalendarKind.SIGNING in kinds:
        if a.signed_on:
            title = texts["signing"] % {"a": a.title}
            yield Item(
                f"agreement-{a.pk}", CalendarKind.SIGNING, title, a.signed_on, a.signed_on, detail=a.signing_level
            )
        elif a.status in PLANNED_SIGNING and a.month_mask:
            first, last, months = _planned(a.year, a.month_mask)
            title = texts["planned_signing"] % {"a": a.title}
            detail = texts["planned"] % {"time_text": a.time_text}
            yield Item(f"agreement-{a.pk}", CalendarKind.SIGNING, title, first, last, False, months, detail)
    if CalendarKind.DEADLINE in kinds:
        due = a.report_due
        if due and not a.reported_on:
            title = texts["pm_report"] % {"a": a.title}
            detail = texts["signed_on"] % {"signed_on": format(a.signed_on, "%d/%m/%Y")}
            yield Item(f"agreement-{a.pk}-report-due", CalendarKind.DEADLINE, title, due, due, detail=detail)
        if a.status == AgreementStatus.CONSULTED and a.consulted_on:
            due = a.opinions_due
            title = texts["opinions"] % {"a": a.title}
            detail = texts["consulted_on"] % {"consulted_on": format(a.consulted_on, "%d/%m/%Y")}
            yield Item(f"agreement-{a.pk}-opinions-due", CalendarKind.DEADLINE, title, due, due, detail=detail)


@dataclass(frozen=True)
class _Source:
    """A registry whose records give calendar entries: how to read them, narrow them and turn one into entries."""

    name: str
    records: Callable[..., QuerySet]  # the registry's selector: what the user may see
    narrow: Callable[[QuerySet, dt.date, dt.date, bool | None], QuerySet]
    items: Callable[[Any, frozenset[str], dict[Any, Any]], Iterator[Item]]
    kinds: frozenset[str]
    unit_field: str
    # What `items` reads of a record (model properties included: they are computed from these fields).
    fields: tuple[str, ...]
    prefetch: tuple[str, ...] = ("countries",)  # what `common` reads beside the selector's joins
    # The records of a narrowed query that give a planned entry for the kinds, their kind's place in the
    # calendar's order and their title's field (`planned_window`); None when none of its kinds is asked for.
    planned: Callable[[QuerySet, frozenset[str]], tuple[QuerySet, Any, str] | None] = lambda qs, kinds: None

    def queryset(self, *, user: Any, filters: CalendarFilter) -> QuerySet:
        qs = self.records(user=user)
        if self.name == "agreement":
            qs = qs.exclude(status=AgreementStatus.CANCELLED)
        if filters.unit is not None:
            qs = qs.filter(**{self.unit_field: filters.unit})
        if filters.country is not None:
            if self.name == "agreement":
                qs = qs.filter(country=filters.country)
            else:
                qs = qs.filter(countries=filters.country).distinct()
        return qs

    def common(self, obj: Any, url_of: Callable[[int], str], status_label: dict[str, str]) -> dict[str, Any]:
        """What every entry of the record shows beside its own date and title."""
        unit = getattr(obj, self.unit_field)
        if self.name == "agreement":
            ids = frozenset([obj.country_id]) if obj.country_id else frozenset()
            names = obj.country.name_vi if obj.country_id else ""
        else:
            ids, names = _countries_of(obj)
        return {
            "url": url_of(obj.pk),
            "unit_id": unit.pk,
            "unit_name": unit.name,
            "country_ids": ids,
            "countries": names,
            "status": status_label.get(obj.status, obj.status),
        }


SOURCES = (
    _Source(
        "delegation",
        delegation_list,
        _delegations_in,
        _delegation_items,
        frozenset({CalendarKind.DELEGATION_OUT, CalendarKind.DELEGATION_IN, CalendarKind.DEADLINE}),
        "proposing_unit",
        planned=_delegations_planned,
        fields=(
            "pk",
            "direction",
            "status",
            "year",
            "month_mask",
            "name",
            "time_text",
            "actual_start",
            "actual_end",
            "result_reported_on",
        ),
    ),
    _Source(
        "conference",
        conference_list,
        _conferences_in,
        _conference_items,
        frozenset({CalendarKind.CONFERENCE, CalendarKind.DEADLINE}),
        "organising_unit",
        planned=_conferences_planned,
        fields=(
            "pk",
            "status",
            "year",
            "month_mask",
            "title",
            "time_text",
            "held_on",
            "start_date",
            "days",
            "place",
            "has_foreign_high_level",
            "sensitive_topics",
        ),
    ),
    _Source(
        "agreement",
        agreement_list,
        _agreements_in,
        _agreement_items,
        frozenset({CalendarKind.SIGNING, CalendarKind.DEADLINE}),
        "proposing_unit",
        planned=_agreements_planned,
        fields=(
            "pk",
            "status",
            "year",
            "month_mask",
            "title",
            "time_text",
            "signing_level",
            "signed_on",
            "reported_on",
            "consulted_on",
        ),
        prefetch=(),  # its one country comes with the selector's joins
    ),
)
SOURCE = {source.name: source for source in SOURCES}


def _countries_of(obj: Any) -> tuple[frozenset[int], str]:
    countries = list(obj.countries.all())
    return frozenset(c.pk for c in countries), ", ".join(c.name_vi for c in countries)


def _row_helpers(qs: Any) -> tuple[Callable[[int], str], dict[str, str]]:
    """A record's detail address and its status's label, each worked out once per call rather than once per row
    (thousands of rows a month at national scale): the same text as `get_absolute_url` and `get_status_display`."""
    meta = qs.model._meta
    prefix = reverse(f"{meta.app_label}:{meta.model_name}_detail", args=[0]).removesuffix("0/")
    labels = {code: str(label) for code, label in meta.get_field("status").flatchoices}
    return (lambda pk: f"{prefix}{pk}/"), labels


def _record_entries(source: _Source, qs: QuerySet, kinds: frozenset[str]) -> list[CalendarEntry]:
    """Every entry of the records of `qs`, whole."""
    entries = []
    url_of, status_label = _row_helpers(qs)
    texts = _texts()
    for obj in qs:
        items = list(source.items(obj, kinds, texts))
        if items:
            common = source.common(obj, url_of, status_label)
            entries += [CalendarEntry(**item._asdict(), **common) for item in items]
    return entries


_ROW_CLASSES: dict[type, type] = {}


def _light_rows(qs: QuerySet, fields: tuple[str, ...]) -> Iterator[Any]:
    """The records of `qs` as `fields` alone, each an object that also answers the model's properties (`months`,
    `report_due`, `apply_by`…): the model's own rules, read from those fields, for a fraction of an instance's cost."""
    model = qs.model
    if model not in _ROW_CLASSES:
        props = {
            n: v for k in reversed(model.__mro__) for n, v in vars(k).items() if isinstance(v, property) and n != "pk"
        }
        _ROW_CLASSES[model] = type(f"{model.__name__}Row", (), props)
    row_class = _ROW_CLASSES[model]
    for values in qs.prefetch_related(None).order_by().values_list(*fields):
        row = row_class()
        row.__dict__.update(zip(fields, values, strict=True))
        yield row


def _reporting_entries(*, user: Any, start: dt.date, end: dt.date, unit: Unit | None) -> list[CalendarEntry]:
    """Due dates of the open reporting periods, when the reporting app is installed (it is optional here)."""
    if not django_apps.is_installed("doingoai.reporting"):
        return []
    from doingoai.reporting.models import PeriodStatus, ReportingPeriod

    periods = ReportingPeriod.objects.restrict(user, "view").filter(
        status=PeriodStatus.OPEN, due_date__range=(start, end)
    )
    if unit is not None:
        periods = periods.filter(units=unit)
    entries = []
    for period in periods.order_by("due_date", "pk"):
        try:
            url = period.get_absolute_url()
        except NoReverseMatch:
            url = ""
        entries.append(
            CalendarEntry(
                uid=f"reporting-period-{period.pk}-due",
                kind=CalendarKind.DEADLINE,
                title=gettext("Hạn nộp báo cáo: %(period)s") % {"period": period.label},
                start=period.due_date,
                end=period.due_date,
                url=url,
                detail=period.basis,
            )
        )
    return entries


# Declared deadlines (core.deadlines) that the functions above draw from their records, with more detail.
DRAWN_FROM_RECORDS = frozenset({"delegation_report", "conference_permit", "agreement_report", "agreement_opinions"})


def _deadlines_between(
    registry: Any, rule: DeadlineRule, user: Any, start: dt.date, end: dt.date
) -> Iterator[Deadline]:
    """`rule.deadlines(registry, user)` due between `start` and `end`. Where the due date is a field (plus days)
    the database keeps the rows due in the range; where it is computed from `due_fields`, those fields are read
    first and only the records due in the range are built (as reporting.deadlines.deadline_page does)."""
    if type(rule).deadlines is not DeadlineRule.deadlines:
        yield from (d for d in rule.deadlines(registry, user) if start <= d.due <= end)
        return
    records = rule.records(registry, user).order_by()
    sql = rule.sql_due()
    if sql is not None:
        field_name, days = sql
        shift = dt.timedelta(days=days)
        records = records.filter(**{f"{field_name}__range": (start - shift, end - shift)})
    elif rule.due_between is not None:
        records = rule.due_between(records, start, end)
    elif rule.due_fields:
        records = records.filter(
            pk__in=[pk for pk, due in due_dates(rule, records) if due is not None and start <= due <= end]
        )
    owner = getattr(registry.model, "owner_field", None)
    for obj in records:
        deadline = rule.deadline_of(obj, owner)
        if deadline is not None and start <= deadline.due <= end:
            yield deadline


def _declared_deadline_entries(*, user: Any, start: dt.date, end: dt.date, unit: Unit | None) -> list[CalendarEntry]:
    """Every other deadline the registries declare (plan tasks, implementation plans…), on its due date."""
    entries = []
    for registry, rule in declared_rules():
        if not rule.in_deadline_list or rule.kind in DRAWN_FROM_RECORDS:
            continue
        for deadline in _deadlines_between(registry, rule, user, start, end):
            if unit is not None and (deadline.unit is None or deadline.unit.pk != unit.pk):
                continue
            entries.append(
                CalendarEntry(
                    uid=deadline.key.replace(":", "-"),
                    kind=CalendarKind.DEADLINE,
                    title=gettext("Hạn: %(deadline)s") % {"deadline": deadline.title},
                    start=deadline.due,
                    end=deadline.due,
                    url=deadline.url,
                    unit_id=deadline.unit.pk if deadline.unit is not None else None,
                    unit_name=deadline.unit.name if deadline.unit is not None else "",
                    detail=deadline.kind_label,
                )
            )
    return entries


def _months_of(year: int, start: dt.date, end: dt.date) -> list[int]:
    """The months of `year` that the days `start`…`end` touch."""
    return list(range(start.month if start.year == year else 1, (end.month if end.year == year else 12) + 1))


def _other_entries(*, user: Any, start: dt.date, end: dt.date, filters: CalendarFilter) -> list[CalendarEntry]:
    """The entries that are not a registry record's (a few a month): round anniversaries and commemorations, the
    plan adjustment, reporting periods and the other deadlines the registries declare."""
    kinds, unit, country = filters.kinds, filters.unit, filters.country
    years = list(range(start.year, end.year + 1))
    entries: list[CalendarEntry] = []
    if CalendarKind.ANNIVERSARY in kinds and unit is None:
        for year in years:
            months = _months_of(year, start, end)
            for a in round_anniversaries(year=year, months=months):
                if country is not None and a.relation.country_id != country.pk:
                    continue
                entries.append(
                    CalendarEntry(
                        uid=f"anniversary-{a.relation.code}-{year}",
                        kind=CalendarKind.ANNIVERSARY,
                        title=gettext("Kỷ niệm %(years)s năm thiết lập quan hệ ngoại giao Việt Nam – %(country_name)s")
                        % {"years": a.years, "country_name": a.relation.country_name},
                        start=a.date,
                        end=a.date,
                        url=list_link("anniversaries", year=year),
                        country_ids=frozenset([a.relation.country_id]) if a.relation.country_id else frozenset(),
                        countries=a.relation.country_name,
                        detail=gettext("Thiết lập ngày %(established_on)s")
                        % {"established_on": format(a.relation.established_on, "%d/%m/%Y")},
                    )
                )
            # The commemorations calendar (infowork): national days, round anniversaries, partner friendships.
            for o in commemorations_for_year(year=year, months=months, relations=False):
                if country is not None and getattr(o.country, "pk", None) != country.pk:
                    continue
                entries.append(
                    CalendarEntry(
                        uid=o.key,
                        kind=CalendarKind.ANNIVERSARY,
                        title=gettext("Kỷ niệm %(years)s năm %(o)s") % {"years": o.years, "o": o.title}
                        if o.round
                        else o.title,
                        start=o.date,
                        end=o.date,
                        url=list_link("infowork:anniversaries", year=year),
                        country_ids=frozenset([o.country.pk]) if o.country else frozenset(),
                        countries=str(o.country.name_vi) if o.country else "",
                        detail=o.kind_label,
                    )
                )
    if CalendarKind.DEADLINE in kinds and unit is None and country is None:
        for year in years:
            day = rules.plan_adjustment_deadline(year)
            entries.append(
                CalendarEntry(
                    uid=f"plan-adjustment-{year}",
                    kind=CalendarKind.DEADLINE,
                    title=gettext("Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào năm %(year)s") % {"year": year},
                    start=day,
                    end=day,
                    url=list_link("delegations:delegation_list", year=year),
                    detail=gettext("Kế hoạch đoàn ra, đoàn vào được điều chỉnh một lần trong năm, trước hạn này"),
                )
            )
    if CalendarKind.DEADLINE in kinds and country is None:
        entries += _reporting_entries(user=user, start=start, end=end, unit=unit)
        entries += _declared_deadline_entries(user=user, start=start, end=end, unit=unit)
    return [e for e in entries if e.overlaps(start, end) and e.kind in kinds]


def sort_key(e: CalendarEntry | Item) -> tuple[Any, ...]:
    # The uid last: entries alike in all else keep one order whatever the order the database gave them in.
    return (e.start, not e.exact, KIND_ORDER[e.kind], e.title, e.uid)


def calendar_entries(
    *, user: Any, start: dt.date, end: dt.date, filters: CalendarFilter | None = None
) -> list[CalendarEntry]:
    """What the user may see between `start` and `end` (inclusive), sorted by date.

    Delegations, conferences and agreement signings by their actual dates or, while only planned, by their
    planned months; round anniversaries of diplomatic relations; open deadlines (result reports, conference
    permit applications, agreement reports and opinions, the plan adjustment, reporting periods, and every other
    deadline the registries declare: plan tasks, implementation plans).
    """
    filters = filters or CalendarFilter()
    entries: list[CalendarEntry] = []
    for source in SOURCES:
        if filters.kinds & source.kinds:
            qs = source.narrow(source.queryset(user=user, filters=filters), start, end, BOTH)
            entries += _record_entries(
                source, qs.prefetch_related(None).prefetch_related(*source.prefetch), filters.kinds
            )
    entries = [e for e in entries if e.overlaps(start, end) and e.kind in filters.kinds]
    entries += _other_entries(user=user, start=start, end=end, filters=filters)
    return sorted(entries, key=sort_key)


class EntryRef(NamedTuple):
    """An entry as `calendar_index` knows it: enough to sort, count and place it; `calendar_build` gives it whole."""

    item: Item
    source: str  # the registry whose record gives it ("delegation"…), or "" when `entry` is already whole
    pk: int
    entry: CalendarEntry | None = None

    @property
    def start(self) -> dt.date:
        return self.item.start

    @property
    def end(self) -> dt.date:
        return self.item.end

    @property
    def exact(self) -> bool:
        return self.item.exact

    @property
    def uid(self) -> str:
        return self.item.uid


def _overlaps(item: Item, start: dt.date, end: dt.date) -> bool:
    """`CalendarEntry.overlaps`, for an item."""
    if item.exact:
        return item.start <= end and item.end >= start
    return _months_overlap(item.start.year, item.months, start, end)


def calendar_index(
    *, user: Any, start: dt.date, end: dt.date, filters: CalendarFilter | None = None, exact: bool | None = BOTH
) -> list[EntryRef]:
    """The entries `calendar_entries` gives (only those on their dates with `exact=True`, only the planned ones
    with `exact=False`), in its order, each known by its date, kind and title alone: the registries' records
    are read as a few fields (`_light_rows`), so that a page can count a month's thousands of entries and build
    only those it shows (`calendar_build`)."""
    filters = filters or CalendarFilter()
    texts = _texts()
    refs: list[EntryRef] = []
    kinds = filters.kinds
    if exact is False:
        kinds = kinds - {CalendarKind.DEADLINE}  # a deadline has its day
    for source in SOURCES:
        if not kinds & source.kinds:
            continue
        qs = source.narrow(source.queryset(user=user, filters=filters), start, end, exact)
        for row in _light_rows(qs, source.fields):
            for item in source.items(row, kinds, texts):
                if (exact is None or item.exact == exact) and _overlaps(item, start, end):
                    refs.append(EntryRef(item, source.name, row.pk))
    if exact is not False:
        for e in _other_entries(user=user, start=start, end=end, filters=filters):
            item = Item(e.uid, e.kind, e.title, e.start, e.end, e.exact, e.months, e.detail)
            refs.append(EntryRef(item, "", 0, e))
    return sorted(refs, key=lambda r: sort_key(r.item))


def planned_window(
    *, user: Any, start: dt.date, end: dt.date, filters: CalendarFilter | None = None, offset: int = 0, limit: int
) -> tuple[int, list[EntryRef]]:
    """How many entries `calendar_index(exact=PLANNED)` gives, and its entries `offset`…`offset + limit` — without
    reading the others: the database counts them and gives each registry's first `offset + limit` in the calendar's
    order (at national scale a month has ~4,300 planned entries, of which the month grid shows 20).

    The order is `sort_key`'s: the year and first planned month (its lowest bit), the kind, the title by code point
    (SQLite's own comparison; PostgreSQL's "C" collation, whatever the database's), then the uid as text."""
    filters = filters or CalendarFilter()
    kinds = filters.kinds - {CalendarKind.DEADLINE}
    texts = _texts()
    postgresql = connection.vendor == "postgresql"
    total, refs = 0, []
    for source in SOURCES:
        if not kinds & source.kinds:
            continue
        planned = source.planned(source.narrow(source.queryset(user=user, filters=filters), start, end, PLANNED), kinds)
        if planned is None:
            continue
        qs, kind_order, title = planned
        if limit <= 0 or qs.query.distinct:
            total += qs.count()
        if limit <= 0:
            continue
        title_key = Collate(title, "C") if postgresql else F(title)
        uid_key = Cast("pk", models.CharField())
        qs = qs.alias(
            cal_first=CombinedExpression(F("month_mask"), Combinable.BITAND, F("month_mask") * -1),  # lowest bit
            cal_kind=kind_order,
            cal_title=title_key,
            cal_uid=Collate(uid_key, "C") if postgresql else uid_key,
        ).order_by("year", "cal_first", "cal_kind", "cal_title", "cal_uid")
        # The first ids, then their rows: the order needs only indexed columns (delegations 0017 covers them all),
        # so the thousands of candidates are sorted without reading their rows. The count comes in the same scan
        # (`COUNT(*) OVER ()`, taken before the LIMIT), except after a DISTINCT, which a window count precedes.
        first = qs.prefetch_related(None)
        if qs.query.distinct:
            first_ids = list(first.values_list("pk", flat=True)[: offset + limit])
        else:
            counted = list(
                first.annotate(cal_total=Window(Count("pk"))).values_list("pk", "cal_total")[: offset + limit]
            )
            first_ids = [pk for pk, _ in counted]
            total += counted[0][1] if counted else 0
        rows = source.records(user=user).filter(pk__in=first_ids)
        for row in _light_rows(rows, source.fields):
            for item in source.items(row, kinds, texts):
                if not item.exact and _overlaps(item, start, end):
                    refs.append(EntryRef(item, source.name, row.pk))
    refs.sort(key=lambda r: sort_key(r.item))
    return total, refs[offset : offset + limit]


def calendar_build(*, user: Any, refs: Iterable[EntryRef]) -> list[CalendarEntry]:
    """The entries of `refs` whole, in their order: one query per registry (its selector: the user's rights
    again). An entry whose record changed in between (dates moved, no longer visible) is left out."""
    refs = list(refs)
    wanted: dict[str, set[int]] = {}
    for ref in refs:
        if ref.entry is None:
            wanted.setdefault(ref.source, set()).add(ref.pk)
    built: dict[str, CalendarEntry] = {}
    for name, pks in wanted.items():
        source = SOURCE[name]
        qs = source.records(user=user).filter(pk__in=pks).prefetch_related(None).prefetch_related(*source.prefetch)
        built.update((e.uid, e) for e in _record_entries(source, qs, frozenset(CalendarKind.values)))
    result = []
    for ref in refs:
        entry = ref.entry or built.get(ref.uid)
        if entry is not None and entry.start == ref.start and entry.end == ref.end:
            result.append(entry)
    return result


KIND_ORDER = {kind: i for i, kind in enumerate(CalendarKind.values)}


def ical_event(entry: CalendarEntry, *, domain: str, absolute: Callable[[str], str]) -> ical.Event:
    """The feed's VEVENT for one calendar entry; an entry known only by month starts on the month's first day."""
    # Delegations and conferences say what they are; signings, anniversaries and deadlines say it in their title.
    tagged = entry.kind in (CalendarKind.DELEGATION_OUT, CalendarKind.DELEGATION_IN, CalendarKind.CONFERENCE)
    when = f"{format_months(entry.months)}/{entry.year}"
    if entry.exact:
        summary = f"[{entry.kind_label}] {entry.title}" if tagged else entry.title
        end = entry.end
    else:
        summary = f"[{entry.kind_label} – dự kiến {when}] {entry.title}" if tagged else f"{entry.title} ({when})"
        end = entry.start
    lines = [
        gettext("Trạng thái: %(status)s") % {"status": entry.status} if entry.status else "",
        gettext("Đơn vị: %(unit_name)s") % {"unit_name": entry.unit_name} if entry.unit_name else "",
        gettext("Nước: %(countries)s") % {"countries": entry.countries} if entry.countries else "",
        entry.detail,
    ]
    url = absolute(entry.url) if entry.url else ""
    return ical.Event(
        uid=f"{entry.uid}@{domain}",
        summary=summary,
        start=entry.start,
        end=end,
        description="\n".join(line for line in lines if line),
        url=url,
        categories=(entry.kind_label,),
        status="CONFIRMED" if entry.exact else "TENTATIVE",
    )
