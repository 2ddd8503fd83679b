"""Reads shared by the home page, reports and documents."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Value
from django.db.models.functions import ExtractYear, Mod

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


def round_anniversaries(*, year: int, every: int = 5, months: Collection[int] | None = None) -> list[Anniversary]:
    """Diplomatic relations reaching a multiple of `every` years in `year` (5, 10, … 75); with `months`, only
    those whose day falls in one of these months (a calendar's few weeks need not build all 190 relations)."""
    result = []
    # Only the relations of a round age are read and built with their countries (about one in `every`): the home
    # page asks on every visit.
    age = Value(year) - ExtractYear("established_on")
    relations = (
        DiplomaticRelation.objects.select_related("country")
        .alias(age=age, remainder=Mod(age, Value(every)))
        .filter(age__gt=0, remainder=0)
        .order_by("established_on")
    )
    if months is not None:
        relations = relations.filter(established_on__month__in=months)
    for relation in relations:
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
