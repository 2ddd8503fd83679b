"""Reads of aid projects and investment opportunities shared by views, the home page and the public page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from doingoai.aid.models import AidKind, AidProject, AidStatus, InvestmentOpportunity, InvestmentStatus
from doingoai.core import rules


def aid_project_list(*, user: Any) -> QuerySet[AidProject]:
    return AidProject.objects.restrict(user, "view").select_related("managing_unit", "donor", "donor__country")


def aid_projects_start_late(*, user: Any, today: dt.date | None = None) -> list[AidProject]:
    """Approved NGO aid not started within the months of Decree 80/2020/NĐ-CP, oldest approval first."""
    today = today or timezone.localdate()
    return late_start(aid_project_list(user=user), today=today)


def late_start(queryset: QuerySet[AidProject], *, today: dt.date) -> list[AidProject]:
    """The rows of `queryset` that are approved NGO aid past their start deadline.

    The deadline adds calendar months (31/8 + 6 months = 28/2), which SQL cannot say portably, so the
    database narrows the rows to approvals at least five months old and Python decides.
    """
    months = int(settings.DOINGOAI_RULES["ngo_aid_start_months"])
    bound = rules.add_months(today, -max(months - 1, 0))
    candidates = queryset.filter(
        kind=AidKind.NGO, status=AidStatus.APPROVED, approved_on__isnull=False, approved_on__lt=bound
    ).order_by("approved_on", "id")
    return [a for a in candidates if a.is_start_late(today)]


def investment_opportunity_list(*, user: Any) -> QuerySet[InvestmentOpportunity]:
    return InvestmentOpportunity.objects.restrict(user, "view").select_related("managing_unit", "investor")


def public_investment_opportunities() -> QuerySet[InvestmentOpportunity]:
    """What the public page may show: published and still open to investors, nothing else."""
    return InvestmentOpportunity.objects.filter(public=True, status=InvestmentStatus.OPEN).order_by(
        "sector", "place", "title"
    )


def count_by(values: list[str]) -> list[tuple[str, int]]:
    """(value, count), most frequent first, then alphabetically."""
    return sorted(Counter(values).items(), key=lambda item: (-item[1], item[0]))
