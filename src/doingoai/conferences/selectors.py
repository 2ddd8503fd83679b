"""Reads of conferences shared by views, the home page and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from doingoai.conferences.deadlines import PERMIT, REPORT
from doingoai.conferences.models import Conference


def conference_list(*, user: Any) -> QuerySet[Conference]:
    return (
        Conference.objects.restrict(user, "view")
        .select_related("organising_unit")
        .prefetch_related("countries", "partners__country")
    )


def conferences_permit_late(*, user: Any, today: dt.date | None = None) -> list[Conference]:
    """Proposals still without a permit after their apply-by date (the declared rule as a query)."""
    records = conference_list(user=user).prefetch_related(None).filter(PERMIT.open())
    return list(PERMIT.overdue_in(records, today or timezone.localdate()))


def conferences_report_missing(*, user: Any) -> QuerySet[Conference]:
    return conference_list(user=user).filter(REPORT.open())
