"""Reads of agreements shared by views, the home page and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from doingoai.agreements.models import Agreement, AgreementStatus


def agreement_list(*, user: Any) -> QuerySet[Agreement]:
    return Agreement.objects.restrict(user, "view").select_related("proposing_unit", "country", "partner")


def agreements_report_late(*, user: Any, today: dt.date | None = None) -> list[Agreement]:
    """Signed agreements not reported to the Prime Minister within 15 days of signing."""
    today = today or timezone.localdate()
    qs = agreement_list(user=user).filter(signed_on__isnull=False, reported_on__isnull=True)
    return [a for a in qs.order_by("signed_on") if a.is_report_late(today)]


def agreements_opinions_overdue(*, user: Any, today: dt.date | None = None) -> list[Agreement]:
    """Consultations whose 7 working days have passed (the coordinator follows up)."""
    today = today or timezone.localdate()
    qs = agreement_list(user=user).filter(status=AgreementStatus.CONSULTED)
    return [a for a in qs if a.opinions_due and today > a.opinions_due]
