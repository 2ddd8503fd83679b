from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings

from doingoai.consular import filters, forms, services, tables
from doingoai.consular.models import ApecCardApplication, CitizenCase, ForeignPressVisit
from doingoai.core import generic
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.workflow import Workflow
from doingoai.persons.views import (
    PersonalDataDetailView,
    PersonalDataEditView,
    PersonalDataEraseView,
    PersonalDataExportView,
    PersonalDataListView,
)

# --- citizen protection cases (personal data: Decree 13/2023/NĐ-CP)

CASE_WORKFLOW = Workflow(services.CASE_TRANSITIONS, services.CASE_SERVICES)
CASES = CitizenCase.objects.select_related("country", "recording_unit")


class CitizenCaseListView(PersonalDataListView):
    queryset = CASES
    filterset_class = filters.CitizenCaseFilterSet
    table_class = tables.CitizenCaseTable


class CitizenCaseDetailView(PersonalDataDetailView):
    queryset = CASES
    workflow = CASE_WORKFLOW
    consent_expected = False


class CitizenCaseEditView(PersonalDataEditView):
    queryset = CitizenCase.objects.all()
    form_class = forms.CitizenCaseForm


class CitizenCaseActionView(generic.ObjectActionView):
    queryset = CitizenCase.objects.all()
    workflow = CASE_WORKFLOW
    forms = {"close": forms.CloseCaseForm, "reopen": ReasonForm}


class CitizenCaseExportView(PersonalDataExportView):
    queryset: ClassVar = CitizenCase.objects.all()


class CitizenCaseEraseView(PersonalDataEraseView):
    queryset: ClassVar = CitizenCase.objects.all()


# --- APEC Business Travel Card applications

APEC_WORKFLOW = Workflow(services.APEC_TRANSITIONS, services.APEC_SERVICES)
APPLICATIONS = ApecCardApplication.objects.select_related("receiving_unit").prefetch_related("countries")


class ApecCardApplicationListView(generic.ObjectListView):
    queryset = APPLICATIONS
    filterset_class = filters.ApecCardApplicationFilterSet
    table_class = tables.ApecCardApplicationTable


class ApecCardApplicationDetailView(generic.ObjectDetailView):
    queryset = APPLICATIONS
    workflow = APEC_WORKFLOW
    extra_template = "consular/_apec_extra.html"

    def extra_context(self, obj: ApecCardApplication) -> dict[str, Any]:
        return {"card_to_be_returned": obj.card_to_be_returned(), "rules": settings.DOINGOAI_RULES}


class ApecCardApplicationEditView(generic.ObjectEditView):
    queryset = ApecCardApplication.objects.all()
    form_class = forms.ApecCardApplicationForm


class ApecCardApplicationDeleteView(generic.ObjectDeleteView):
    queryset = ApecCardApplication.objects.all()


class ApecCardApplicationActionView(generic.ObjectActionView):
    queryset = ApecCardApplication.objects.all()
    workflow = APEC_WORKFLOW
    forms = {
        "submit": forms.SubmitApecForm,
        "return_to_draft": CommentForm,
        "approve": forms.ApecApproveForm,
        "refuse": forms.ApecRefuseForm,
        "issue_card": forms.IssueCardForm,
        "record_left_post": forms.LeftPostForm,
        "return_card": forms.CardReturnedForm,
    }


# --- foreign press visits

PRESS_WORKFLOW = Workflow(services.PRESS_TRANSITIONS, services.PRESS_SERVICES)
VISITS = ForeignPressVisit.objects.select_related("country", "host_unit")


class ForeignPressVisitListView(generic.ObjectListView):
    queryset = VISITS
    filterset_class = filters.ForeignPressVisitFilterSet
    table_class = tables.ForeignPressVisitTable


class ForeignPressVisitDetailView(generic.ObjectDetailView):
    queryset = VISITS
    workflow = PRESS_WORKFLOW


class ForeignPressVisitEditView(generic.ObjectEditView):
    queryset = ForeignPressVisit.objects.all()
    form_class = forms.ForeignPressVisitForm


class ForeignPressVisitDeleteView(generic.ObjectDeleteView):
    queryset = ForeignPressVisit.objects.all()


class ForeignPressVisitActionView(generic.ObjectActionView):
    queryset = ForeignPressVisit.objects.all()
    workflow = PRESS_WORKFLOW
    forms = {
        "return_to_draft": CommentForm,
        "approve": forms.PressApproveForm,
        "complete": forms.PressReportForm,
        "cancel": ReasonForm,
    }
