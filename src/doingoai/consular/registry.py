"""Citizen protection (personal data), APEC Business Travel Card applications, foreign press visits."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.consular import filters, forms, services, tables
from doingoai.consular.models import ApecCardApplication, CitizenCase, ForeignPressVisit
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.registry import Access, Api, Menu, Registry, ReportFigure, Search, register
from doingoai.persons.registry import PersonsRegistry
from doingoai.persons.views import PersonalDataDetailView


class CitizenCaseDetailView(PersonalDataDetailView):
    consent_expected = False  # citizen protection rests on the law, not on the person's consent


@register
class CitizenCaseRegistry(PersonsRegistry):
    model = CitizenCase
    path = "consular/cases/"
    queryset = CitizenCase.objects.select_related("country", "recording_unit")
    form = forms.CitizenCaseForm
    filterset = filters.CitizenCaseFilterSet
    table = tables.CitizenCaseTable
    workflow = services.CASE_WORKFLOW
    step_forms = {"close": forms.CloseCaseForm, "reopen": ReasonForm}
    detail_view = CitizenCaseDetailView
    menu = Menu("consular", pgettext_lazy("menu", "Bảo hộ công dân"), order=30)
    # A sensitive case's kind is not indexed nor in its title: a search result (or a search by the kind) would
    # tell it to roles that may not see it; the record's page decides who sees it.
    search = Search(
        fields=["person_name", "country", "place", "status"],
        title=lambda case: case.search_title,
        extra_text=lambda case: "" if case.sensitive else case.get_kind_display(),
        personal_data=True,
        order=60,
    )
    api = PersonsRegistry.personal_api("citizen-cases")
    report = ReportFigure(
        gettext_lazy("Vụ việc bảo hộ công dân"),
        "closed_on",
        gettext_lazy("đã giải quyết xong"),
        received_on="opened_on",
        order=60,
    )


@register
class ApecCardApplicationRegistry(Registry):
    model = ApecCardApplication
    path = "consular/apec/"
    access = Access.PRIVATE
    queryset = ApecCardApplication.objects.select_related("receiving_unit").prefetch_related("countries")
    form = forms.ApecCardApplicationForm
    filterset = filters.ApecCardApplicationFilterSet
    table = tables.ApecCardApplicationTable
    workflow = services.APEC_WORKFLOW
    step_forms = {
        "submit": forms.SubmitApecForm,
        "return_to_draft": CommentForm,
        "approve": forms.ApecApproveForm,
        "refuse": forms.ApecRefuseForm,
        "issue_card": forms.IssueCardForm,
        "record_left_post": forms.LeftPostForm,
        "return_card": forms.CardReturnedForm,
    }
    detail_template = "consular/_apec_extra.html"
    menu = Menu("consular", pgettext_lazy("menu", "Thẻ ABTC (doanh nhân APEC)"), order=40)
    search = Search(
        fields=["applicant_name", "position", "enterprise", "countries", "receiving_unit", "status", "decision_ref"],
        personal_data=True,
        order=61,
    )
    api = Api("apec")
    report = ReportFigure(
        gettext_lazy("Hồ sơ thẻ đi lại của doanh nhân APEC (ABTC)"),
        "card_issued_on",
        gettext_lazy("đã cấp thẻ"),
        received_on="submitted_on",
        order=70,
    )

    def detail_context(self, obj: ApecCardApplication, request: Any) -> dict[str, Any]:
        return {"card_to_be_returned": obj.card_to_be_returned(), "rules": settings.DOINGOAI_RULES}


@register
class ForeignPressVisitRegistry(Registry):
    model = ForeignPressVisit
    path = "press/"
    queryset = ForeignPressVisit.objects.select_related("country", "host_unit")
    form = forms.ForeignPressVisitForm
    filterset = filters.ForeignPressVisitFilterSet
    table = tables.ForeignPressVisitTable
    workflow = services.PRESS_WORKFLOW
    step_forms = {
        "return_to_draft": CommentForm,
        "approve": forms.PressApproveForm,
        "complete": forms.PressReportForm,
        "cancel": ReasonForm,
    }
    menu = Menu("consular", pgettext_lazy("menu", "Phóng viên nước ngoài"), order=50)
    search = Search(
        fields=["outlet", "country", "journalists", "places", "topic", "host_unit", "approval_ref", "status", "note"],
        order=62,
    )
    api = Api("press")
    report = ReportFigure(
        gettext_lazy("Phóng viên nước ngoài đến hoạt động báo chí"),
        "start_date",
        gettext_lazy("đã đón"),
        done_statuses=("done",),
        order=80,
    )
