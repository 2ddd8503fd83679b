"""Reads of conferences shared by views, the home page and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from doingoai.conferences.models import Conference, ConferenceStatus


def conference_list(*, user: Any) -> QuerySet[Conference]:
    return (
        Conference.objects.restrict(user, "view")
        .select_related("organising_unit")
        .prefetch_related("countries", "partners__country")
    )


def conferences_permit_late(*, user: Any, today: dt.date | None = None) -> list[Conference]:
    """Proposals still without a permit after their apply-by date (30 or 40 days before the start)."""
    today = today or timezone.localdate()
    # The apply-by date is computed per record; its countries and partners are not needed for that.
    qs = conference_list(user=user).prefetch_related(None).filter(status=ConferenceStatus.PROPOSED)
    return [c for c in qs if c.apply_by and today > c.apply_by]


def conferences_report_missing(*, user: Any) -> QuerySet[Conference]:
    return conference_list(user=user).filter(status=ConferenceStatus.HELD)
