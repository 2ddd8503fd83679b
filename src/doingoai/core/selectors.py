"""Reads shared by the home page, reports and documents."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection

from doingoai.core.models import Country, DiplomaticRelation, FormSubmission, Partner
from doingoai.reference import refdata


def form_submission_target(*, key: str, by: Any) -> Any:
    """The record a create form's submission `key` made for this user, or None (see services.create_once)."""
    row = FormSubmission.objects.filter(key=key, user=by).first()
    return row.target if row is not None else None


@dataclass(frozen=True)
class Anniversary:
    relation: DiplomaticRelation
    years: int
    date: dt.date


def round_anniversaries(*, year: int, every: int = 5) -> list[Anniversary]:
    """Diplomatic relations reaching a multiple of `every` years in `year` (5, 10, … 75)."""
    result = []
    for relation in DiplomaticRelation.objects.select_related("country").order_by("established_on"):
        years = year - relation.established_on.year
        if years > 0 and years % every == 0:
            established = relation.established_on
            leap_day = (established.month, established.day) == (2, 29)
            day = 28 if leap_day and not calendar.isleap(year) else established.day
            result.append(Anniversary(relation, years, dt.date(year, established.month, day)))
    return sorted(result, key=lambda a: a.date)


def reference_from_database() -> refdata.ReferenceData:
    """Countries, partners and diplomatic relations as the administrator keeps them, for the document extractor.

    Rows come in the order they were created, as `load_refdata` writes the CSV files' order, so an unedited
    database reads exactly like the shipped files. A table that is empty or not created yet (a fresh database
    before `migrate` or `load_refdata`) gives the shipped rows instead.
    """
    tables = {model._meta.db_table for model in (Country, Partner, DiplomaticRelation)}
    if not tables <= set(connection.introspection.table_names()):
        return refdata.shipped()
    countries = tuple(
        refdata.CountryRow(code=code, name_vi=name_vi, name_en=name_en, region=region, aliases=tuple(aliases))
        for code, name_vi, name_en, region, aliases in Country.objects.order_by("pk").values_list(
            "code", "name_vi", "name_en", "region", "aliases"
        )
    )
    partners = tuple(
        refdata.PartnerRow(
            name=name,
            country=country,
            kind=kind,
            aliases=tuple(aliases),
            friendship_since=friendship_since,
            mou_since=mou_since,
        )
        for name, country, kind, aliases, friendship_since, mou_since in Partner.objects.order_by("pk").values_list(
            "name", "country__code", "kind", "aliases", "friendship_since", "mou_since"
        )
    )
    relations = tuple(
        refdata.RelationRow(code=code, name_vi=name_vi, established_on=established_on, kind=kind, confidence=confidence)
        for code, name_vi, established_on, kind, confidence in DiplomaticRelation.objects.order_by("pk").values_list(
            "code", "name_vi", "established_on", "kind", "confidence"
        )
    )
    if countries and partners and relations:
        return refdata.ReferenceData(countries=countries, partners=partners, relations=relations)
    shipped = refdata.shipped()  # read from the files only when a table is empty
    return refdata.ReferenceData(
        countries=countries or shipped.countries,
        partners=partners or shipped.partners,
        relations=relations or shipped.relations,
    )


@dataclass(frozen=True)
class TimelineEntry:
    """One record of a partner's story (a delegation, an agreement, an aid project…)."""

    kind: str  # "agreements.agreement": the registry, for the kind filter
    kind_label: str
    day: dt.date | None  # None: only the year is known (a planned delegation)
    year: int | None
    title: str
    url: str
    status: str
    status_colour: str
    detail: str


def partner_timeline_kinds() -> list[tuple[str, str]]:
    """The kinds of records that can appear on a partner's timeline: every registry declaring `partner_link`."""
    from doingoai.core.registry import all_registries

    return [
        (f"{reg.app_label}.{reg.model_name}", str(reg.model._meta.verbose_name_plural))
        for reg in all_registries()
        if reg.partner_link is not None
    ]


def partner_timeline(*, partner: Partner, user: Any, year: int | None = None, kind: str = "") -> list[TimelineEntry]:
    """Every record linked to `partner` that `user` may read, newest first, from the registries' declarations
    (`Registry.partner_link`); `year` and `kind` narrow it."""
    from doingoai.core.choices import StatusChoices
    from doingoai.core.registry import all_registries

    entries = []
    for reg in all_registries():
        link = reg.partner_link
        key = f"{reg.app_label}.{reg.model_name}"
        if link is None or (kind and kind != key):
            continue
        colours = StatusChoices.colours_for(reg.model)
        records = reg.get_queryset().restrict(user, "view")  # type: ignore[attr-defined]
        records = records.filter(**{link.field: partner}).distinct().prefetch_related(*link.prefetch)
        for obj in records:
            day = next((d for d in (getattr(obj, name) for name in link.dates) if d), None)
            when = day.year if day else (getattr(obj, link.year) if link.year else None)
            if year and when != year:
                continue
            status = getattr(obj, "status", "")
            entries.append(
                TimelineEntry(
                    kind=key,
                    kind_label=str(reg.model._meta.verbose_name),
                    day=day,
                    year=when,
                    title=str(obj),
                    url=obj.get_absolute_url(),
                    status=obj.get_status_display() if status else "",
                    status_colour=colours.get(status, "secondary"),
                    detail=link.detail(obj) if link.detail else "",
                )
            )
    # Newest first; a record known only by its year sits at the year's end (not yet dated: still ahead).
    return sorted(entries, key=lambda e: (e.year or 0, e.day or dt.date((e.year or 1), 12, 31)), reverse=True)


@dataclass(frozen=True)
class PartnerRelation:
    """A milestone of the relation with a partner and its round anniversary, if `year` is one."""

    label: str
    since: dt.date
    years: int  # in the year asked about
    round: bool  # a multiple of 5 years


def partner_relations(*, partner: Partner, year: int) -> list[PartnerRelation]:
    """Friendship established, MOU signed, sister relation: when, and how many years in `year`."""
    result = []
    for name in ("friendship_since", "mou_since", "sister_since"):
        since = getattr(partner, name)
        if since:
            years = year - since.year
            label = str(Partner._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
            result.append(PartnerRelation(label, since, years, years > 0 and years % 5 == 0))
    return result
