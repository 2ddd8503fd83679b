from __future__ import annotations

from doingoai.core import generic
from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.workflow import Workflow
from doingoai.events import filters, forms, services, tables
from doingoai.events.models import Event, Inspection, TrainingCourse

EVENT_WORKFLOW = Workflow(services.EVENT_TRANSITIONS, services.EVENT_SERVICES)
TRAINING_WORKFLOW = Workflow(services.TRAINING_TRANSITIONS, services.TRAINING_SERVICES)
INSPECTION_WORKFLOW = Workflow(services.INSPECTION_TRANSITIONS, services.INSPECTION_SERVICES)


class EventListView(generic.ObjectListView):
    queryset = Event.objects.select_related("organising_unit").prefetch_related("countries")
    filterset_class = filters.EventFilterSet
    table_class = tables.EventTable


class EventDetailView(generic.ObjectDetailView):
    queryset = Event.objects.select_related("organising_unit")
    workflow = EVENT_WORKFLOW
    extra_template = "events/_planned_extra.html"


class EventEditView(generic.ObjectEditView):
    queryset = Event.objects.all()
    form_class = forms.EventForm


class EventDeleteView(generic.ObjectDeleteView):
    queryset = Event.objects.all()


class EventActionView(generic.ObjectActionView):
    queryset = Event.objects.all()
    workflow = EVENT_WORKFLOW
    forms = {
        "return_to_draft": CommentForm,
        "hold": forms.EventHoldForm,
        "report": forms.ReportForm,
        "cancel": ReasonForm,
    }


class TrainingCourseListView(generic.ObjectListView):
    queryset = TrainingCourse.objects.select_related("organising_unit")
    filterset_class = filters.TrainingCourseFilterSet
    table_class = tables.TrainingCourseTable


class TrainingCourseDetailView(generic.ObjectDetailView):
    queryset = TrainingCourse.objects.select_related("organising_unit")
    workflow = TRAINING_WORKFLOW
    extra_template = "events/_planned_extra.html"


class TrainingCourseEditView(generic.ObjectEditView):
    queryset = TrainingCourse.objects.all()
    form_class = forms.TrainingCourseForm


class TrainingCourseDeleteView(generic.ObjectDeleteView):
    queryset = TrainingCourse.objects.all()


class TrainingCourseActionView(generic.ObjectActionView):
    queryset = TrainingCourse.objects.all()
    workflow = TRAINING_WORKFLOW
    forms = {
        "return_to_draft": CommentForm,
        "hold": forms.TrainingHoldForm,
        "report": forms.ReportForm,
        "cancel": ReasonForm,
    }


class InspectionListView(generic.ObjectListView):
    queryset = Inspection.objects.select_related("inspecting_unit", "inspected_unit")
    filterset_class = filters.InspectionFilterSet
    table_class = tables.InspectionTable


class InspectionDetailView(generic.ObjectDetailView):
    queryset = Inspection.objects.select_related("inspecting_unit", "inspected_unit")
    workflow = INSPECTION_WORKFLOW
    extra_template = "events/_planned_extra.html"


class InspectionEditView(generic.ObjectEditView):
    queryset = Inspection.objects.all()
    form_class = forms.InspectionForm


class InspectionDeleteView(generic.ObjectDeleteView):
    queryset = Inspection.objects.all()


class InspectionActionView(generic.ObjectActionView):
    queryset = Inspection.objects.all()
    workflow = INSPECTION_WORKFLOW
    forms = {
        "return_to_draft": CommentForm,
        "decide": forms.DecideForm,
        "start": forms.InspectionStartForm,
        "conclude": forms.ConcludeForm,
        "cancel": ReasonForm,
    }
