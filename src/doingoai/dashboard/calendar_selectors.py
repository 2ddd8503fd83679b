"""The calendar (`/calendar/`) and its iCal feed: delegations, conferences, signings, round anniversaries and
deadlines the user may see, each on its dates or, when only the planned month is known ("Quý II"), on its months."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps as django_apps
from django.conf import settings
from django.db import models
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, gettext_lazy

from doingoai.agreements.models import REPORT_DUE, AgreementStatus
from doingoai.agreements.selectors import agreement_list
from doingoai.conferences.models import ConferenceStatus
from doingoai.conferences.selectors import conference_list
from doingoai.core import rules
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
        return any(first <= end and last >= start for first, last in (month_bounds(self.year, m) for m in self.months))


@dataclass(frozen=True)
class CalendarFilter:
    kinds: frozenset[str] = frozenset(CalendarKind.values)
    unit: Unit | None = None
    country: Country | None = None


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _planned(year: int, months: list[int]) -> tuple[dt.date, dt.date, tuple[int, ...]]:
    first, _ = month_bounds(year, months[0])
    _, last = month_bounds(year, months[-1])
    return first, last, tuple(months)


def _planned_in(qs: QuerySet, start: dt.date, end: dt.date) -> tuple[QuerySet, Q]:
    """`qs` able to test, and the test: a planned month (month_mask, month m is bit m - 1) of the record's year
    falls between `start` and `end` — the planned entries `CalendarEntry.overlaps` keeps, as a query."""
    bits: dict[int, int] = {}
    month = start.replace(day=1)
    while month <= end:
        bits[month.year] = bits.get(month.year, 0) | 1 << (month.month - 1)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    touched = Q(pk__in=[])
    for year in bits:
        touched |= Q(year=year, **{f"cal_months_{year}__gt": 0})
    return qs.alias(**{f"cal_months_{year}": F("month_mask").bitand(mask) for year, mask in bits.items()}), touched


def _delegations_in(qs: QuerySet, start: dt.date, end: dt.date) -> QuerySet:
    """The delegations of `qs` with an entry between `start` and `end` (at national scale, a few hundred of the
    years' 50,000): dated trips that overlap, planned months that fall in it, result reports due in it."""
    qs, planned = _planned_in(qs, start, end)
    days = dt.timedelta(days=RESULT_REPORT_DUE.days)
    return qs.filter(
        (Q(actual_start__lte=end) & (Q(actual_start__gte=start) | Q(actual_end__gte=start)))
        | (Q(actual_start__isnull=True) & planned)
        | Q(actual_end__range=(start - days, end - days), result_reported_on__isnull=True)
    )


def _conferences_in(qs: QuerySet, start: dt.date, end: dt.date) -> QuerySet:
    """The conferences of `qs` with an entry between `start` and `end`: held (or to start) in it — lasting at
    most a year, unless `days` says longer —, planned months in it, or a permit still to apply for."""
    qs, planned = _planned_in(qs.alias(cal_day=Coalesce("held_on", "start_date")), start, end)
    return qs.filter(
        (Q(cal_day__lte=end) & (Q(cal_day__gte=start - dt.timedelta(days=366)) | Q(days__gt=366)))
        | (Q(held_on__isnull=True, start_date__isnull=True) & planned)
        | Q(status__in=[ConferenceStatus.DRAFT, ConferenceStatus.PROPOSED])
    )


def _agreements_in(qs: QuerySet, start: dt.date, end: dt.date) -> QuerySet:
    """The agreements of `qs` with an entry between `start` and `end`: signed in it, its report to the Prime
    Minister due in it, a planned signing in it, or opinions awaited."""
    qs, planned = _planned_in(qs, start, end)
    days = dt.timedelta(days=REPORT_DUE.days)
    return qs.filter(
        Q(signed_on__range=(start, end))
        | Q(signed_on__range=(start - days, end - days), reported_on__isnull=True)
        | (Q(signed_on__isnull=True, status__in=PLANNED_SIGNING) & planned)
        | Q(status=AgreementStatus.CONSULTED)
    )


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


def _delegation_entries(qs: Any, kinds: frozenset[str]) -> list[CalendarEntry]:
    entries = []
    url_of, status_label = _row_helpers(qs)
    report_days = int(settings.DOINGOAI_RULES["delegation_report_days"])
    for d in qs:
        ids, names = _countries_of(d)
        common = {
            "url": url_of(d.pk),
            "unit_id": d.proposing_unit_id,
            "unit_name": d.proposing_unit.name,
            "country_ids": ids,
            "countries": names,
            "status": status_label.get(d.status, d.status),
        }
        kind = CalendarKind.DELEGATION_OUT if d.direction == Direction.OUT else CalendarKind.DELEGATION_IN
        if kind in kinds and d.status != DelegationStatus.CANCELLED:
            if d.actual_start:
                entry = CalendarEntry(
                    uid=f"delegation-{d.pk}",
                    kind=kind,
                    title=d.name,
                    start=d.actual_start,
                    end=max(d.actual_end or d.actual_start, d.actual_start),
                    detail=gettext("Thời gian dự kiến: %(time_text)s") % {"time_text": d.time_text}
                    if d.time_text
                    else "",
                    **common,
                )
                entries.append(entry)
            elif d.months:
                first, last, months = _planned(d.year, d.months)
                entries.append(
                    CalendarEntry(
                        uid=f"delegation-{d.pk}",
                        kind=kind,
                        title=d.name,
                        start=first,
                        end=last,
                        exact=False,
                        months=months,
                        detail=gettext("Thời gian dự kiến: %(time_text)s") % {"time_text": d.time_text},
                        **common,
                    )
                )
        due = d.report_due
        if CalendarKind.DEADLINE in kinds and due and not d.result_reported_on:
            entries.append(
                CalendarEntry(
                    uid=f"delegation-{d.pk}-report-due",
                    kind=CalendarKind.DEADLINE,
                    title=gettext("Hạn báo cáo kết quả đoàn: %(d)s") % {"d": d.name},
                    start=due,
                    end=due,
                    detail=gettext("Báo cáo kết quả trong %(report_days)s ngày sau khi về (%(actual_end)s)")
                    % {"report_days": report_days, "actual_end": format(d.actual_end, "%d/%m/%Y")},
                    **common,
                )
            )
    return entries


def _conference_entries(qs: Any, kinds: frozenset[str]) -> list[CalendarEntry]:
    entries = []
    url_of, status_label = _row_helpers(qs)
    for c in qs:
        ids, names = _countries_of(c)
        common = {
            "url": url_of(c.pk),
            "unit_id": c.organising_unit_id,
            "unit_name": c.organising_unit.name,
            "country_ids": ids,
            "countries": names,
            "status": status_label.get(c.status, c.status),
        }
        if CalendarKind.CONFERENCE in kinds and c.status != ConferenceStatus.CANCELLED:
            day = c.held_on or c.start_date
            place = gettext("Địa điểm: %(place)s") % {"place": c.place} if c.place else ""
            if day:
                last = day + dt.timedelta(days=max((c.days or 1) - 1, 0))
                entries.append(
                    CalendarEntry(
                        uid=f"conference-{c.pk}",
                        kind=CalendarKind.CONFERENCE,
                        title=c.title,
                        start=day,
                        end=last,
                        detail=place,
                        **common,
                    )
                )
            elif c.months:
                first, last, months = _planned(c.year, c.months)
                entries.append(
                    CalendarEntry(
                        uid=f"conference-{c.pk}",
                        kind=CalendarKind.CONFERENCE,
                        title=c.title,
                        start=first,
                        end=last,
                        exact=False,
                        months=months,
                        detail=gettext("Thời gian dự kiến: %(time_text)s") % {"time_text": c.time_text},
                        **common,
                    )
                )
        apply_by = c.apply_by
        if (
            CalendarKind.DEADLINE in kinds
            and apply_by
            and c.status in (ConferenceStatus.DRAFT, ConferenceStatus.PROPOSED)
        ):
            authority = c.required_authority
            entries.append(
                CalendarEntry(
                    uid=f"conference-{c.pk}-apply-by",
                    kind=CalendarKind.DEADLINE,
                    title=gettext("Hạn xin phép hội nghị: %(c)s") % {"c": c.title},
                    start=apply_by,
                    end=apply_by,
                    detail=gettext("Nộp hồ sơ trước %(apply_days)s ngày; cơ quan cho phép: %(authority)s")
                    % {"apply_days": authority.apply_days, "authority": authority.label},
                    **common,
                )
            )
    return entries


PLANNED_SIGNING = (
    AgreementStatus.DRAFT,
    AgreementStatus.PROPOSED,
    AgreementStatus.CONSULTED,
    AgreementStatus.APPROVED,
)


def _agreement_entries(qs: Any, kinds: frozenset[str]) -> list[CalendarEntry]:
    entries = []
    url_of, status_label = _row_helpers(qs)
    for a in qs:
        common = {
            "url": url_of(a.pk),
            "unit_id": a.proposing_unit_id,
            "unit_name": a.proposing_unit.name,
            "country_ids": frozenset([a.country_id]) if a.country_id else frozenset(),
            "countries": a.country.name_vi if a.country_id else "",
            "status": status_label.get(a.status, a.status),
        }
        if CalendarKind.SIGNING in kinds:
            if a.signed_on:
                entries.append(
                    CalendarEntry(
                        uid=f"agreement-{a.pk}",
                        kind=CalendarKind.SIGNING,
                        title=gettext("Ký: %(a)s") % {"a": a.title},
                        start=a.signed_on,
                        end=a.signed_on,
                        detail=a.signing_level,
                        **common,
                    )
                )
            elif a.status in PLANNED_SIGNING and a.months:
                first, last, months = _planned(a.year, a.months)
                entries.append(
                    CalendarEntry(
                        uid=f"agreement-{a.pk}",
                        kind=CalendarKind.SIGNING,
                        title=gettext("Dự kiến ký: %(a)s") % {"a": a.title},
                        start=first,
                        end=last,
                        exact=False,
                        months=months,
                        detail=gettext("Thời gian dự kiến: %(time_text)s") % {"time_text": a.time_text},
                        **common,
                    )
                )
        if CalendarKind.DEADLINE in kinds:
            if a.report_due and not a.reported_on:
                entries.append(
                    CalendarEntry(
                        uid=f"agreement-{a.pk}-report-due",
                        kind=CalendarKind.DEADLINE,
                        title=gettext("Hạn báo cáo Thủ tướng sau khi ký: %(a)s") % {"a": a.title},
                        start=a.report_due,
                        end=a.report_due,
                        detail=gettext("Ký ngày %(signed_on)s") % {"signed_on": format(a.signed_on, "%d/%m/%Y")},
                        **common,
                    )
                )
            if a.status == AgreementStatus.CONSULTED and a.opinions_due:
                entries.append(
                    CalendarEntry(
                        uid=f"agreement-{a.pk}-opinions-due",
                        kind=CalendarKind.DEADLINE,
                        title=gettext("Hạn trả lời ý kiến về thỏa thuận: %(a)s") % {"a": a.title},
                        start=a.opinions_due,
                        end=a.opinions_due,
                        detail=gettext("Gửi xin ý kiến ngày %(consulted_on)s")
                        % {"consulted_on": format(a.consulted_on, "%d/%m/%Y")},
                        **common,
                    )
                )
    return entries


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


def _declared_deadline_entries(*, user: Any, start: dt.date, end: dt.date, unit: Unit | None) -> list[CalendarEntry]:
    """Every other deadline the registries declare (plan tasks, implementation plans…), on its due date."""
    entries = []
    for registry, rule in declared_rules():
        if not rule.in_deadline_list or rule.kind in DRAWN_FROM_RECORDS:
            continue
        for deadline in rule.deadlines(registry, user):
            if not start <= deadline.due <= end:
                continue
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
    kinds, unit, country = filters.kinds, filters.unit, filters.country
    years = list(range(start.year, end.year + 1))
    entries: list[CalendarEntry] = []
    # Records dated in the range, planned in one of its years, or with a deadline that may fall in it.
    around = Q(year__in=[*years, start.year - 1])

    if kinds & {CalendarKind.DELEGATION_OUT, CalendarKind.DELEGATION_IN, CalendarKind.DEADLINE}:
        delegations = delegation_list(user=user).filter(
            around | Q(actual_start__lte=end, actual_start__gte=start - dt.timedelta(days=366))
        )
        if unit is not None:
            delegations = delegations.filter(proposing_unit=unit)
        if country is not None:
            delegations = delegations.filter(countries=country).distinct()
        entries += _delegation_entries(_delegations_in(delegations, start, end), kinds)
    if kinds & {CalendarKind.CONFERENCE, CalendarKind.DEADLINE}:
        conferences = conference_list(user=user).filter(
            around | Q(held_on__range=(start, end)) | Q(start_date__range=(start, end))
        )
        if unit is not None:
            conferences = conferences.filter(organising_unit=unit)
        if country is not None:
            conferences = conferences.filter(countries=country).distinct()
        entries += _conference_entries(_conferences_in(conferences, start, end), kinds)
    if kinds & {CalendarKind.SIGNING, CalendarKind.DEADLINE}:
        agreements = (
            agreement_list(user=user)
            .exclude(status=AgreementStatus.CANCELLED)
            .filter(
                around | Q(signed_on__range=(start - dt.timedelta(days=31), end)) | Q(status=AgreementStatus.CONSULTED)
            )
        )
        if unit is not None:
            agreements = agreements.filter(proposing_unit=unit)
        if country is not None:
            agreements = agreements.filter(country=country)
        entries += _agreement_entries(_agreements_in(agreements, start, end), kinds)
    if CalendarKind.ANNIVERSARY in kinds and unit is None:
        for year in years:
            for a in round_anniversaries(year=year):
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
            for o in commemorations_for_year(year=year):
                if o.kind == "diplomatic" or (country is not None and getattr(o.country, "pk", None) != country.pk):
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
    entries = [e for e in entries if e.overlaps(start, end) and e.kind in kinds]
    return sorted(entries, key=lambda e: (e.start, not e.exact, KIND_ORDER[e.kind], e.title))


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
