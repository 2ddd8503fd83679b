"""Reads of agreements shared by views, the home page and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from doingoai.agreements.models import Agreement, AgreementStatus


def agreement_list(*, user: Any) -> QuerySet[Agreement]:
    return Agreement.objects.restrict(user, "view").select_related("proposing_unit", "country", "partner__country")


def agreements_report_late(*, user: Any, today: dt.date | None = None) -> QuerySet[Agreement]:
    """Signed agreements not reported to the Prime Minister within 15 days of signing (`is_report_late` as a
    query), oldest first."""
    today = today or timezone.localdate()
    signed_before = today - dt.timedelta(days=int(settings.DOINGOAI_RULES["agreement_report_days"]))
    return (
        agreement_list(user=user)
        .filter(signed_on__lt=signed_before, reported_on__isnull=True)
        .order_by("signed_on", "pk")
    )


def agreements_opinions_overdue(*, user: Any, today: dt.date | None = None) -> list[Agreement]:
    """Consultations whose 7 working days have passed (the coordinator follows up)."""
    today = today or timezone.localdate()
    # Working days are never fewer than calendar days: only consultations older than that can be overdue.
    days = int(settings.DOINGOAI_RULES["agreement_opinion_working_days"])
    qs = agreement_list(user=user).filter(
        status=AgreementStatus.CONSULTED, consulted_on__lt=today - dt.timedelta(days=days)
    )
    return [a for a in qs if a.opinions_due and today > a.opinions_due]
