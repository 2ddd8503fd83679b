"""Reads shared by the home page, reports and documents."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from doingoai.core.models import DiplomaticRelation


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
