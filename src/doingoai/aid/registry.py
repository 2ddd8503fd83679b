"""ODA, preferential loans, foreign NGO aid, and projects calling for investment: one declaration each."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.aid import deadlines, filters, forms, services, tables
from doingoai.aid.formatting import format_amount
from doingoai.aid.models import AidProject, InvestmentOpportunity
from doingoai.aid.views import NumbersDetailView
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.registry import (
    Api,
    Menu,
    MenuLink,
    PartnerLink,
    Registry,
    ReportFigure,
    Search,
    menu_links,
    register,
)


@register
class AidProjectRegistry(Registry):
    model = AidProject
    partner_link = PartnerLink("donor", dates=("started_on", "approved_on", "start_date"))
    path = "aid/"
    queryset = AidProject.objects.select_related("managing_unit", "donor", "donor__country")
    form = forms.AidProjectForm
    filterset = filters.AidProjectFilterSet
    table = tables.AidProjectTable
    workflow = services.AID_WORKFLOW
    step_forms = {
        "return_to_draft": CommentForm,
        "appraise": forms.AppraiseForm,
        "approve": forms.AidApproveForm,
        "start": forms.StartForm,
        "close": forms.CloseForm,
        "cancel": ReasonForm,
    }
    detail_view = NumbersDetailView
    deadlines = [deadlines.START]
    detail_template = "aid/_aidproject_extra.html"
    menu = Menu("cooperation", pgettext_lazy("menu", "ODA, vốn vay ưu đãi, viện trợ phi chính phủ"), order=10)
    search = Search(
        fields=[
            "title", "kind", "donor", "donor_text", "sector", "objectives", "place", "managing_unit",
            "approval_ref", "status", "note",
        ],
        order=30,
    )  # fmt: skip
    api = Api("aid")
    report = ReportFigure(
        gettext_lazy("Dự án ODA, vốn vay ưu đãi, viện trợ phi chính phủ nước ngoài"),
        "approved_on",
        gettext_lazy("đã phê duyệt"),
        done_statuses=("approved", "implementing", "closed"),
        order=10,
    )

    def detail_context(self, obj: AidProject, request: Any) -> dict[str, Any]:
        return {"start_late": obj.is_start_late(), "amount_text": format_amount(obj.amount, obj.currency)}


@register
class InvestmentOpportunityRegistry(Registry):
    model = InvestmentOpportunity
    partner_link = PartnerLink("investor", dates=("decision_date",))
    path = "investment/"
    queryset = InvestmentOpportunity.objects.select_related("managing_unit", "investor")
    form = forms.InvestmentOpportunityForm
    filterset = filters.InvestmentOpportunityFilterSet
    table = tables.InvestmentOpportunityTable
    workflow = services.INVESTMENT_WORKFLOW
    step_forms = {
        "return_to_draft": CommentForm,
        "publish": forms.PublishForm,
        "start_talks": forms.TalksForm,
        "reopen": ReasonForm,
        "award": forms.AwardForm,
        "withdraw": ReasonForm,
    }
    detail_view = NumbersDetailView
    detail_template = "aid/_investmentopportunity_extra.html"
    menu = Menu("cooperation", pgettext_lazy("menu", "Dự án kêu gọi đầu tư"), order=20)
    search = Search(
        fields=[
            "title", "title_en", "sector", "place", "scale", "description", "investor", "investor_text",
            "managing_unit", "status", "note",
        ],
        order=31,
    )  # fmt: skip
    api = Api("investment")
    report = ReportFigure(
        gettext_lazy("Dự án kêu gọi đầu tư nước ngoài"),
        "decision_date",
        gettext_lazy("đã có nhà đầu tư"),
        done_statuses=("awarded",),
        order=20,
    )

    def detail_context(self, obj: InvestmentOpportunity, request: Any) -> dict[str, Any]:
        return {"on_public_page": obj.public and obj.status == "open"}


menu_links(
    MenuLink(
        "cooperation",
        pgettext_lazy("menu", "Trang công khai cơ hội đầu tư"),
        "aid:public_investment",
        order=90,
        divider_before=True,
    )
)
