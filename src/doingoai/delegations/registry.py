"""Đoàn ra, đoàn vào (Phụ lục 1, 2): the registry's one declaration."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, pgettext_lazy

from doingoai.core.choices import FundingSource
from doingoai.core.registry import Api, Figures, MenuLink, PartnerLink, Registry, Search, menu_links, register
from doingoai.delegations import deadlines, filters, forms, selectors, services, tables
from doingoai.delegations.models import Delegation, DelegationGroup, Direction
from doingoai.finance import forms as finance_forms


@register
class DelegationRegistry(Registry):
    model = Delegation
    partner_link = PartnerLink("partners", dates=("actual_start",))
    queryset = Delegation.objects.select_related("proposing_unit").prefetch_related("countries", "partners__country")
    form = forms.DelegationForm
    filterset = filters.DelegationFilterSet
    table = tables.DelegationTable
    workflow = services.WORKFLOW
    step_forms = {
        "approve": forms.ApproveForm,
        "complete": forms.CompleteForm,
        "report_result": forms.ReportForm,
        "postpone": forms.ReasonForm,
        "cancel": forms.ReasonForm,
        "return_to_draft": forms.CommentForm,
        "return_for_review": forms.ReasonForm,
        "appraise_budget": finance_forms.AppraiseForm,
        "return_budget": finance_forms.ReturnBudgetForm,
        "settle": finance_forms.SettleForm,
    }
    deadlines = [deadlines.RESULT_REPORT]
    detail_template = "delegations/_detail_extra.html"
    list_buttons_template = "delegations/_list_buttons.html"
    search = Search(
        fields=[
            "name",
            "direction",
            "capacity",
            "head",
            "composition",
            "countries",
            "partners",
            "partner_text",
            "purpose",
            "time_text",
            "proposing_unit",
            "decision_ref",
            "status",
            "note",
        ],
        order=10,
    )
    api = Api(
        "delegations",
        figures=Figures(
            appendix="1, 2", done_statuses=("done",), split_by="direction", region_field="countries__region"
        ),
    )

    def detail_context(self, obj: Delegation, request: Any) -> dict[str, Any]:
        return {
            "overlaps": selectors.delegation_overlaps(delegation=obj, user=request.user),
            "report_late": obj.is_report_late(),
        }

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "year": 2027,
            "direction": Direction.OUT,
            "group": DelegationGroup.DEPARTMENTS,
            "name": f"Đoàn khảo sát hợp tác số {n}",
            "partner_text": gettext("Chính quyền tỉnh đối tác"),
            "time_text": gettext("Quý II"),
            "funding_source": FundingSource.PROVINCE,
            "uses_state_budget": True,
            "proposing_unit": unit,
        }


menu_links(
    MenuLink("plan", pgettext_lazy("menu", "Đoàn ra"), "delegations:delegation_list", order=20, query="direction=out"),
    MenuLink("plan", pgettext_lazy("menu", "Đoàn vào"), "delegations:delegation_list", order=21, query="direction=in"),
    MenuLink("follow", pgettext_lazy("menu", "Đoàn có thể kết hợp"), "delegations:overlaps", order=40),
)
