"""Thỏa thuận quốc tế (Phụ lục 4): the registry's one declaration."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.agreements import deadlines, filters, forms, selectors, services, tables
from doingoai.agreements.models import ActionStatus, Agreement, AgreementAction, AgreementStatus
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.registry import Api, Figures, Menu, PartnerLink, Registry, ReportFigure, Search, register


def _timeline_detail(agreement: Agreement) -> str:
    """Validity and follow-up of an agreement, in one line of the partner's timeline."""
    actions = list(agreement.actions.all())
    open_ = [a for a in actions if a.status == ActionStatus.OPEN]
    late = [a for a in open_ if a.is_late()]
    parts = [agreement.validity]
    if actions:
        parts.append(
            gettext("%(actions_count)s việc triển khai, %(open_count)s đang thực hiện")
            % {"actions_count": len(actions), "open_count": len(open_)}
            + (gettext(", %(late_count)s quá hạn") % {"late_count": len(late)} if late else "")
        )
    return " · ".join(p for p in parts if p)


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
        "review": forms.ReviewForm,
        "bring_into_force": forms.EffectiveForm,
        "expire": forms.EndForm,
        "terminate": forms.TerminateForm,
        "cancel": ReasonForm,
    }
    deadlines = [deadlines.PM_REPORT, deadlines.OPINIONS, deadlines.REVIEW]
    detail_template = "agreements/_detail_extra.html"
    list_buttons_template = "agreements/_list_buttons.html"
    menu = Menu("plan", pgettext_lazy("menu", "Thỏa thuận"), order=40, title=gettext_lazy("Thỏa thuận quốc tế"))
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

    partner_link = PartnerLink(
        "partner", dates=("signed_on", "approved_on"), detail=_timeline_detail, prefetch=("actions",)
    )

    def detail_context(self, obj: Agreement, request: Any) -> dict[str, Any]:
        return {
            "report_late": obj.is_report_late(),
            "actions_list": selectors.agreement_actions(agreement=obj, user=request.user),
            "can_add_action": obj.status in (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE),
            "review_pending": bool(
                obj.review_due
                and not obj.reviewed_on
                and obj.status in (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)
            ),
            "today": timezone.localdate(),
        }


@register
class AgreementActionRegistry(Registry):
    model = AgreementAction
    path = "actions/"
    queryset = AgreementAction.objects.select_related("agreement", "owner_unit")
    form = forms.AgreementActionForm
    filterset = filters.AgreementActionFilterSet
    table = tables.AgreementActionTable
    workflow = services.ACTION_WORKFLOW
    step_forms = {"complete": forms.CompleteForm, "reopen": CommentForm, "cancel": ReasonForm}
    deadlines = [deadlines.ACTION]
    menu = Menu("cooperation", pgettext_lazy("menu", "Việc triển khai thỏa thuận"), order=15)
    search = Search(fields=["title", "agreement", "owner_unit", "result", "note"], order=31)
    api = Api("agreement-actions")
    report = ReportFigure(
        gettext_lazy("Việc triển khai thỏa thuận quốc tế"),
        "done_on",
        gettext_lazy("đã hoàn thành"),
        done_statuses=("done",),
    )

    def form_initial(self, request: Any) -> dict[str, Any]:
        agreement = request.GET.get("agreement", "")
        return {"agreement": int(agreement)} if agreement.isdigit() else {}
