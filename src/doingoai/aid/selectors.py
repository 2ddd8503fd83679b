"""Reads of aid projects and investment opportunities shared by views, the home page and the public page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from doingoai.aid.deadlines import START
from doingoai.aid.models import AidProject, InvestmentOpportunity, InvestmentStatus


def aid_project_list(*, user: Any) -> QuerySet[AidProject]:
    return AidProject.objects.restrict(user, "view").select_related("managing_unit", "donor", "donor__country")


def aid_projects_start_late(*, user: Any, today: dt.date | None = None) -> list[AidProject]:
    """Approved NGO aid not started within the months of Decree 80/2020/NĐ-CP, oldest approval first."""
    records = aid_project_list(user=user).filter(START.open())
    return list(START.overdue_in(records, today or timezone.localdate()))


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
