"""Reads of agreements shared by views, the home page and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.db.models import QuerySet
from django.utils import timezone

from doingoai.agreements.deadlines import OPINIONS, PM_REPORT
from doingoai.agreements.models import Agreement, AgreementAction


def agreement_list(*, user: Any) -> QuerySet[Agreement]:
    return Agreement.objects.restrict(user, "view").select_related("proposing_unit", "country", "partner__country")


def agreements_report_late(*, user: Any, today: dt.date | None = None) -> QuerySet[Agreement]:
    """Signed agreements not reported to the Prime Minister in time (the declared rule as a query), oldest first."""
    rows = PM_REPORT.overdue_in(agreement_list(user=user).filter(PM_REPORT.open()), today or timezone.localdate())
    return cast(QuerySet[Agreement], rows)


def agreements_opinions_overdue(*, user: Any, today: dt.date | None = None) -> list[Agreement]:
    """Consultations whose 7 working days have passed (the coordinator follows up)."""
    rows = OPINIONS.overdue_in(agreement_list(user=user).filter(OPINIONS.open()), today or timezone.localdate())
    return list(rows)


def agreement_actions(*, agreement: Agreement, user: Any) -> QuerySet[AgreementAction]:
    """The follow-up actions of an agreement that `user` may read, by due date."""
    return (
        AgreementAction.objects.restrict(user, "view")
        .filter(agreement=agreement)
        .select_related("owner_unit")
        .order_by("due_on", "pk")
    )
