"""Hội nghị, hội thảo quốc tế (Phụ lục 3): the registry's one declaration."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.conferences import deadlines, filters, forms, services, tables
from doingoai.conferences.models import Conference
from doingoai.core.choices import FundingSource
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.registry import Api, Figures, Menu, PartnerLink, Registry, Search, register
from doingoai.finance import forms as finance_forms


@register
class ConferenceRegistry(Registry):
    model = Conference
    partner_link = PartnerLink("partners", dates=("start_date",))
    queryset = Conference.objects.select_related("organising_unit").prefetch_related("countries", "partners__country")
    form = forms.ConferenceForm
    filterset = filters.ConferenceFilterSet
    table = tables.ConferenceTable
    workflow = services.WORKFLOW
    step_forms = {
        "permit": forms.PermitForm,
        "hold": forms.HoldForm,
        "report": forms.ReportForm,
        "postpone": ReasonForm,
        "cancel": ReasonForm,
        "return_to_draft": CommentForm,
        "appraise_budget": finance_forms.AppraiseForm,
        "return_budget": finance_forms.ReturnBudgetForm,
        "settle": finance_forms.SettleForm,
    }
    deadlines = [deadlines.PERMIT, deadlines.REPORT]
    detail_template = "conferences/_detail_extra.html"
    list_buttons_template = "conferences/_list_buttons.html"
    menu = Menu("plan", pgettext_lazy("menu", "Hội nghị"), order=30, title=gettext_lazy("Hội nghị, hội thảo quốc tế"))
    search = Search(
        fields=[
            "title",
            "partner_text",
            "partners",
            "countries",
            "place",
            "time_text",
            "organising_unit",
            "permitting_authority_text",
            "permit_ref",
            "status",
            "note",
        ],
        order=20,
    )
    api = Api(
        "conferences",
        figures=Figures(
            appendix="3",
            done_statuses=("held", "reported"),
            planned_statuses=("proposed", "permitted", "held", "reported", "postponed"),
            region_field="countries__region",
        ),
    )

    def detail_context(self, obj: Conference, request: Any) -> dict[str, Any]:
        return {"authority": obj.required_authority, "today": timezone.localdate()}

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "year": 2027,
            "title": f"Hội thảo hợp tác phát triển số {n}",
            "time_text": gettext("Tháng 9"),
            "funding_source": FundingSource.PROVINCE,
            "organising_unit": unit,
        }
