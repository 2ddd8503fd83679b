"""A partner's story: every record linked to a partner, read from the registries' `partner_link` declarations
(so core never imports a domain app), and the relation's round anniversaries. A module of its own: it reads the
registry, which the generic views under it import, while `core.selectors` stays below both."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from doingoai.core.models import Partner
from doingoai.core.registry import all_registries


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
    return [
        (f"{reg.app_label}.{reg.model_name}", str(reg.model._meta.verbose_name_plural))
        for reg in all_registries()
        if reg.partner_link is not None
    ]


def partner_timeline(*, partner: Partner, user: Any, year: int | None = None, kind: str = "") -> list[TimelineEntry]:
    """Every record linked to `partner` that `user` may read, newest first, from the registries' declarations
    (`Registry.partner_link`); `year` and `kind` narrow it."""
    from doingoai.core.choices import StatusChoices

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
