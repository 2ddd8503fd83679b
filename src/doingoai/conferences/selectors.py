"""Reads of conferences shared by views, the home page and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from doingoai.conferences.filters import PM_REQUIRED
from doingoai.conferences.models import Conference, ConferenceStatus


def conference_list(*, user: Any) -> QuerySet[Conference]:
    return (
        Conference.objects.restrict(user, "view")
        .select_related("organising_unit")
        .prefetch_related("countries", "partners__country")
    )


def conferences_permit_late(*, user: Any, today: dt.date | None = None) -> list[Conference]:
    """Proposals still without a permit after their apply-by date (30 or 40 days before the start): the
    Conference.apply_by rule written as a query (the start date, or the first planned month, before today plus
    the lead time of the authority that permits)."""
    today = today or timezone.localdate()
    rules = settings.DOINGOAI_RULES
    late = Q()
    annotations = {}
    for name, authority, days in (
        ("pm", PM_REQUIRED, int(rules["conference_pm_apply_days"])),
        ("chairman", ~PM_REQUIRED, int(rules["conference_chairman_apply_days"])),
    ):
        horizon = today + dt.timedelta(days=days)
        last_month = horizon.month if horizon.day > 1 else horizon.month - 1
        annotations[f"early_{name}"] = F("month_mask").bitand((1 << last_month) - 1)  # months 1..last_month
        by_months = Q(start_date__isnull=True) & (
            Q(year__lt=horizon.year, month_mask__gt=0) | Q(year=horizon.year, **{f"early_{name}__gt": 0})
        )
        late |= authority & (Q(start_date__lt=horizon) | by_months)
    qs = (
        conference_list(user=user)
        .prefetch_related(None)
        .filter(status=ConferenceStatus.PROPOSED)
        .annotate(**annotations)
        .filter(late)
    )
    return list(qs)


def conferences_report_missing(*, user: Any) -> QuerySet[Conference]:
    return conference_list(user=user).filter(status=ConferenceStatus.HELD)
