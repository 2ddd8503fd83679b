from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from doingoai.delegations import selectors
from doingoai.delegations.filters import OverlapFilterSet
from doingoai.delegations.models import Delegation


class OverlapListView(LoginRequiredMixin, View):
    """Delegations of different units to the same country or partner in overlapping months, a page at a time
    (thousands are flagged in a national year), filtered by country, unit and quarter."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            year = int(request.GET.get("year", ""))
        except ValueError:
            year = selectors.planning_year(user=request.user)  # overlaps matter while a year is being planned
        filterset = OverlapFilterSet(request.GET or None, queryset=Delegation.objects.all())
        in_use = filterset.is_bound and filterset.is_valid() and any(filterset.form.cleaned_data.values())
        page = selectors.delegation_overlap_page(
            year=year,
            user=request.user,
            rows=filterset.qs if in_use else None,
            number=request.GET.get("page", 1),
            others_shown=selectors.OTHERS_SHOWN,
        )
        years = range(timezone.localdate().year + 1, timezone.localdate().year - 6, -1)
        context = {"page": page, "groups": page.object_list, "year": year, "years": years, "filter": filterset}
        return render(request, "delegations/overlaps.html", context)
