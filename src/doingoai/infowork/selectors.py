"""Reads of the external-information work shared by pages, API, reports and the public page."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext

from doingoai.core.models import Partner
from doingoai.core.selectors import round_anniversaries
from doingoai.infowork.models import (
    Commemoration,
    FalseInfoCase,
    InfoProduct,
    InfoProductStatus,
    InfoProductVersion,
    Language,
    PressRelease,
    TranslationStatus,
)

ROUND_EVERY = 5  # "năm tròn, năm chẵn": every 5 years


@dataclass(frozen=True)
class Occurrence:
    """One commemoration falling in a year: what, when, how many years, and whether a greetings letter is due."""

    key: str  # stable: the source and the year ("commemoration-12-2027", "relation-LA-2027")
    kind: str  # a CommemorationKind value, or "diplomatic" / "sister"
    kind_label: str
    title: str
    date: dt.date
    years: int
    round: bool
    greetings: bool
    source: str
    country: Any = None
    partner: Any = None

    @property
    def task_text(self) -> str:
        """The plan task the calendar proposes for it."""
        if self.greetings and not self.round:
            return f"Gửi thư, điện mừng nhân dịp {self.title} ({self.date:%d/%m/%Y})"
        return f"Tổ chức các hoạt động kỷ niệm {self.years} năm {self.title} ({self.date:%d/%m/%Y})"


def _on(year: int, original: dt.date) -> dt.date:
    leap_day = (original.month, original.day) == (2, 29)
    return dt.date(year, original.month, 28 if leap_day and not calendar.isleap(year) else original.day)


def commemorations_for_year(
    *, year: int, round_only: bool = False, months: Collection[int] | None = None, relations: bool = True
) -> list[Occurrence]:
    """The days to mark in `year`: yearly days (national days, a partner's national day), round anniversaries
    (every 5 years) of the calendar's days, of diplomatic relations (`core.DiplomaticRelation`) and of
    friendship with partner localities (`Partner.friendship_since`), by date; with `months`, only the days of
    these months; `relations=False` leaves out the diplomatic relations (the calendar draws them itself)."""
    result: list[Occurrence] = []
    days = Commemoration.objects.select_related("country", "partner")
    partners = Partner.objects.filter(friendship_since__isnull=False).select_related("country")
    if months is not None:
        days = days.filter(date__month__in=months)
        partners = partners.filter(friendship_since__month__in=months)
    for c in days:
        years = year - c.date.year
        is_round = years > 0 and years % ROUND_EVERY == 0
        if years < 0 or not (is_round or (c.yearly and not round_only)):
            continue
        result.append(
            Occurrence(
                key=f"commemoration-{c.pk}-{year}",
                kind=c.kind,
                kind_label=c.get_kind_display(),
                title=c.title,
                date=_on(year, c.date),
                years=years,
                round=is_round,
                greetings=c.greetings,
                source=c.source,
                country=c.country,
                partner=c.partner,
            )
        )
    for a in round_anniversaries(year=year, every=ROUND_EVERY, months=months) if relations else ():
        result.append(
            Occurrence(
                key=f"relation-{a.relation.code}-{year}",
                kind="diplomatic",
                kind_label=gettext("Thiết lập quan hệ ngoại giao"),
                title=gettext("Ngày thiết lập quan hệ ngoại giao Việt Nam – %(country_name)s")
                % {"country_name": a.relation.country_name},
                date=a.date,
                years=a.years,
                round=True,
                greetings=True,
                source=gettext("Danh mục quan hệ ngoại giao"),
                country=a.relation.country,
            )
        )
    for p in partners:
        since = p.friendship_since
        years = year - since.year if since else 0
        if since and years > 0 and years % ROUND_EVERY == 0:
            result.append(
                Occurrence(
                    key=f"sister-{p.pk}-{year}",
                    kind="sister",
                    kind_label=gettext("Thiết lập quan hệ hữu nghị với địa phương đối tác"),
                    title=gettext("Ngày thiết lập quan hệ hữu nghị với %(p)s") % {"p": p.name},
                    date=_on(year, since),
                    years=years,
                    round=True,
                    greetings=True,
                    source=gettext("Danh mục đối tác"),
                    country=p.country,
                    partner=p,
                )
            )
    return sorted(result, key=lambda o: (o.date, o.title))


# ---------------------------------------------------------------------------------------- registries' reads


def infoproduct_list(*, user: Any) -> QuerySet[InfoProduct]:
    return InfoProduct.objects.restrict(user, "view").select_related("producing_unit")


def editorial_calendar(*, user: Any, start: dt.date, end: dt.date) -> list[InfoProduct]:
    """Products planned or published between two dates, as the editorial calendar shows them."""
    products = infoproduct_list(user=user).exclude(status=InfoProductStatus.CANCELLED).prefetch_related("versions")
    rows = [p for p in products if (day := p.published_on or p.planned_on) is not None and start <= day <= end]
    return sorted(rows, key=lambda p: (p.published_on or p.planned_on, p.pk))  # type: ignore[return-value]


def versions_of(product: InfoProduct) -> list[InfoProductVersion]:
    return list(product.versions.all())


def missing_languages(product: InfoProduct) -> list[tuple[str, str]]:
    have = set(product.versions.values_list("language", flat=True))
    return [(value, str(label)) for value, label in Language.choices if value not in have]


def falseinfocase_list(*, user: Any) -> QuerySet[FalseInfoCase]:
    return FalseInfoCase.objects.restrict(user, "view").select_related("handling_unit")


def pressrelease_list(*, user: Any) -> QuerySet[PressRelease]:
    return PressRelease.objects.restrict(user, "view").select_related("issuing_unit")


# ------------------------------------------------------------------------------------------- the public page


@dataclass(frozen=True)
class PublicItem:
    """A published product as the public page shows it in one language."""

    pk: int
    title: str
    summary: str
    link: str
    published_on: dt.date
    kind: str
    language: str


def public_products(*, language: str, limit: int = 50) -> list[PublicItem]:
    """Published products marked public, in `language` where a reviewed version in it exists: nothing else
    (no plan, draft, restricted case or unit-internal field) leaves the building."""
    reviewed = InfoProductVersion.objects.filter(language=language, translation_status=TranslationStatus.REVIEWED)
    products = (
        InfoProduct.objects.filter(status=InfoProductStatus.PUBLISHED, public=True, published_on__isnull=False)
        .filter(versions__in=reviewed)
        .prefetch_related(Prefetch("versions", queryset=reviewed, to_attr="in_language"))
        .distinct()
        .order_by("-published_on", "-pk")[:limit]
    )
    items = []
    for p in products:
        version = p.in_language[0]  # type: ignore[attr-defined]
        if p.published_on is None:  # excluded by the query; keeps the type checker sure
            continue
        items.append(
            PublicItem(
                pk=p.pk,
                title=version.title or p.title,
                summary=version.summary,
                link=version.link or p.link,
                published_on=p.published_on,
                kind=p.kind,
                language=language,
            )
        )
    return items
