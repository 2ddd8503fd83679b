from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from doingoai.delegations import selectors


class OverlapListView(LoginRequiredMixin, View):
    """Delegations of different units to the same country or partner in overlapping months."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            year = int(request.GET.get("year", ""))
        except ValueError:
            year = selectors.planning_year(user=request.user)  # overlaps matter while a year is being planned
        groups = selectors.delegation_overlap_groups(year=year, user=request.user)
        years = range(timezone.localdate().year + 1, timezone.localdate().year - 6, -1)
        return render(request, "delegations/overlaps.html", {"groups": groups, "year": year, "years": years})
