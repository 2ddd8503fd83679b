"""`/search/?q=…`: the search page, its htmx partial (live results), and one registry's full list."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from doingoai.search.registry import spec_for
from doingoai.search.selectors import search, searchable
from doingoai.search.services import search_results_record_reads

PER_GROUP = 5
PER_PAGE = 25
MAX_QUERY = 200


class SearchView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        text = request.GET.get("q", "")[:MAX_QUERY]
        registry = request.GET.get("registry") or None
        spec = spec_for(registry) if registry else None
        if spec is not None and spec not in searchable(request.user):
            spec = None
        try:
            page = max(1, int(request.GET.get("page", 1)))
        except ValueError:
            page = 1
        if spec is not None:
            results = search(
                user=request.user, text=text, registry=spec.key, per_group=PER_PAGE, offset=(page - 1) * PER_PAGE
            )
        else:
            results = search(user=request.user, text=text, per_group=PER_GROUP)
        search_results_record_reads(results=results, by=request.user)
        group = results.groups[0] if spec is not None and results.groups else None
        ctx = {
            "q": text,
            "results": results,
            "spec": spec,
            "group": group,
            "page": page,
            "has_next": bool(group and group.count > page * PER_PAGE),
            "per_group": PER_GROUP,
        }
        htmx = getattr(request, "htmx", None)
        template = "search/_results.html" if htmx and not htmx.boosted else "search/search.html"
        return render(request, template, ctx)
