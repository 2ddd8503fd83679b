from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from doingoai.core import generic
from doingoai.core.workflow import Workflow
from doingoai.delegations import filters, forms, selectors, services, tables
from doingoai.delegations.models import Delegation

WORKFLOW = Workflow(services.TRANSITIONS, services.SERVICES)
BASE = Delegation.objects.select_related("proposing_unit").prefetch_related("countries", "partners__country")


class DelegationListView(generic.ObjectListView):
    queryset = BASE
    filterset_class = filters.DelegationFilterSet
    table_class = tables.DelegationTable
    extra_buttons_template = "delegations/_list_buttons.html"


class DelegationDetailView(generic.ObjectDetailView):
    queryset = BASE
    workflow = WORKFLOW
    extra_template = "delegations/_detail_extra.html"

    def extra_context(self, obj: Delegation) -> dict[str, Any]:
        return {
            "overlaps": selectors.delegation_overlaps(delegation=obj, user=self.request.user),
            "report_late": obj.is_report_late(),
        }


class DelegationEditView(generic.ObjectEditView):
    queryset = Delegation.objects.all()
    form_class = forms.DelegationForm


class DelegationDeleteView(generic.ObjectDeleteView):
    queryset = Delegation.objects.all()


class DelegationActionView(generic.ObjectActionView):
    queryset = Delegation.objects.all()
    workflow = WORKFLOW
    forms = {
        "approve": forms.ApproveForm,
        "complete": forms.CompleteForm,
        "report_result": forms.ReportForm,
        "postpone": forms.ReasonForm,
        "cancel": forms.ReasonForm,
        "return_to_draft": forms.CommentForm,
    }


class OverlapListView(LoginRequiredMixin, View):
    """Delegations of different units to the same country or partner in overlapping months."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            year = int(request.GET.get("year", ""))
        except ValueError:
            year = timezone.localdate().year
        groups = selectors.delegation_overlap_groups(year=year, user=request.user)
        years = range(timezone.localdate().year + 1, timezone.localdate().year - 6, -1)
        return render(request, "delegations/overlaps.html", {"groups": groups, "year": year, "years": years})
