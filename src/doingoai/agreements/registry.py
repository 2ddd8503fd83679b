"""Thỏa thuận quốc tế (Phụ lục 4): the registry's one declaration."""

from __future__ import annotations

from typing import Any

from doingoai.agreements import deadlines, filters, forms, services, tables
from doingoai.agreements.models import Agreement
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.registry import Api, Figures, Menu, Registry, Search, register


@register
class AgreementRegistry(Registry):
    model = Agreement
    # A partner is named with its country, so the country comes along.
    queryset = Agreement.objects.select_related("proposing_unit", "country", "partner__country")
    form = forms.AgreementForm
    filterset = filters.AgreementFilterSet
    table = tables.AgreementTable
    workflow = services.WORKFLOW
    step_forms = {
        "return_to_draft": CommentForm,
        "consult": forms.ConsultForm,
        "approve": forms.ApproveForm,
        "sign": forms.SignForm,
        "record_report": forms.ReportForm,
        "bring_into_force": forms.EffectiveForm,
        "expire": forms.EndForm,
        "terminate": forms.TerminateForm,
        "cancel": ReasonForm,
    }
    deadlines = [deadlines.PM_REPORT, deadlines.OPINIONS]
    detail_template = "agreements/_detail_extra.html"
    list_buttons_template = "agreements/_list_buttons.html"
    menu = Menu("plan", "Thỏa thuận", order=40, title="Thỏa thuận quốc tế")
    search = Search(
        fields=[
            "title",
            "type",
            "capacity",
            "country",
            "partner",
            "partner_text",
            "signing_level",
            "approving_authority",
            "proposing_unit",
            "approval_ref",
            "time_text",
            "status",
            "note",
        ],
        order=30,
    )
    api = Api(
        "agreements",
        figures=Figures(
            appendix="4",
            done_statuses=("signed", "in_force", "expired", "terminated"),
            planned_statuses=("proposed", "consulted", "approved", "signed", "in_force", "expired", "terminated"),
            region_field="country__region",
        ),
    )

    def detail_context(self, obj: Agreement, request: Any) -> dict[str, Any]:
        return {"report_late": obj.is_report_late()}
