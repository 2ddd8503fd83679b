from __future__ import annotations

from typing import Any

from django.utils import timezone

from doingoai.conferences import filters, forms, services, tables
from doingoai.conferences.models import Conference
from doingoai.core import generic
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.workflow import Workflow

WORKFLOW = Workflow(services.TRANSITIONS, services.SERVICES)
BASE = Conference.objects.select_related("organising_unit").prefetch_related("countries", "partners__country")


class ConferenceListView(generic.ObjectListView):
    queryset = BASE
    filterset_class = filters.ConferenceFilterSet
    table_class = tables.ConferenceTable
    extra_buttons_template = "conferences/_list_buttons.html"


class ConferenceDetailView(generic.ObjectDetailView):
    queryset = BASE
    workflow = WORKFLOW
    extra_template = "conferences/_detail_extra.html"

    def extra_context(self, obj: Conference) -> dict[str, Any]:
        return {"authority": obj.required_authority, "today": timezone.localdate()}


class ConferenceEditView(generic.ObjectEditView):
    queryset = Conference.objects.all()
    form_class = forms.ConferenceForm


class ConferenceDeleteView(generic.ObjectDeleteView):
    queryset = Conference.objects.all()


class ConferenceActionView(generic.ObjectActionView):
    queryset = Conference.objects.all()
    workflow = WORKFLOW
    forms = {
        "permit": forms.PermitForm,
        "hold": forms.HoldForm,
        "report": forms.ReportForm,
        "postpone": ReasonForm,
        "cancel": ReasonForm,
        "return_to_draft": CommentForm,
    }
