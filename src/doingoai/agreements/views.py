from __future__ import annotations

from typing import Any

from doingoai.agreements import filters, forms, services, tables
from doingoai.agreements.models import Agreement
from doingoai.core import generic
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.workflow import Workflow

WORKFLOW = Workflow(services.TRANSITIONS, services.SERVICES)
# A partner is named with its country, so the country comes along.
BASE = Agreement.objects.select_related("proposing_unit", "country", "partner__country")


class AgreementListView(generic.ObjectListView):
    queryset = BASE
    filterset_class = filters.AgreementFilterSet
    table_class = tables.AgreementTable
    extra_buttons_template = "agreements/_list_buttons.html"


class AgreementDetailView(generic.ObjectDetailView):
    queryset = BASE
    workflow = WORKFLOW
    extra_template = "agreements/_detail_extra.html"

    def extra_context(self, obj: Agreement) -> dict[str, Any]:
        return {"report_late": obj.is_report_late()}


class AgreementEditView(generic.ObjectEditView):
    queryset = Agreement.objects.all()
    form_class = forms.AgreementForm


class AgreementDeleteView(generic.ObjectDeleteView):
    queryset = Agreement.objects.all()


class AgreementActionView(generic.ObjectActionView):
    queryset = Agreement.objects.all()
    workflow = WORKFLOW
    forms = {
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
