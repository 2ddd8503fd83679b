"""Reads of the Lao border cooperation registries shared by the pages, the API and the demo."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.db.models import QuerySet, Sum

from doingoai.core.models import AdministrativeUnit
from doingoai.laocoop.models import MeetingAction, RemainsSeason, TwinningActivity, TwinningPair


def twinning_activities_by_year(*, pair: TwinningPair, user: Any) -> list[tuple[int, list[TwinningActivity]]]:
    """The pair's activities grouped by year, the latest year first."""
    rows = TwinningActivity.objects.restrict(user, "view").filter(pair=pair).order_by("-held_on", "-id")
    return [(year, list(items)) for year, items in groupby(rows, key=lambda a: a.held_on.year)]


def meeting_actions(*, meeting: Any, user: Any) -> QuerySet[MeetingAction]:
    return MeetingAction.objects.restrict(user, "view").filter(meeting=meeting).select_related("owner_unit")


def remains_totals(records: QuerySet[RemainsSeason]) -> dict[str, int]:
    """Remains found, repatriated and identified over the given seasons."""
    sums = records.order_by().aggregate(
        found=Sum("remains_found"), repatriated=Sum("remains_repatriated"), identified=Sum("identified")
    )
    return {k: v or 0 for k, v in sums.items()}


def twinning_pairs_of(*, commune: AdministrativeUnit, user: Any) -> QuerySet[TwinningPair]:
    return TwinningPair.objects.restrict(user, "view").filter(vn_commune=commune)
