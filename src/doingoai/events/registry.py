"""Foreign-affairs events and exchanges, training courses, inspections: one declaration each."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.registry import Api, Figures, Menu, PartnerLink, Registry, ReportFigure, Search, register
from doingoai.events import filters, forms, services, tables
from doingoai.events.models import Event, Inspection, TrainingCourse
from doingoai.finance import forms as finance_forms


@register
class EventRegistry(Registry):
    model = Event
    partner_link = PartnerLink("partners", dates=("start_date",))
    path = "events/"
    queryset = Event.objects.select_related("organising_unit").prefetch_related("countries")
    form = forms.EventForm
    filterset = filters.EventFilterSet
    table = tables.EventTable
    workflow = services.EVENT_WORKFLOW
    step_forms = {
        "return_to_draft": CommentForm,
        "hold": forms.EventHoldForm,
        "report": forms.ReportForm,
        "cancel": ReasonForm,
        "appraise_budget": finance_forms.AppraiseForm,
        "return_budget": finance_forms.ReturnBudgetForm,
        "settle": finance_forms.SettleForm,
    }
    detail_template = "events/_event_extra.html"
    menu = Menu("cooperation", pgettext_lazy("menu", "Sự kiện, giao lưu đối ngoại"), order=30)
    search = Search(
        fields=[
            "title", "kind", "partner_text", "partners", "countries", "place", "participants", "organising_unit",
            "time_text", "status", "note",
        ],
        order=32,
    )  # fmt: skip
    api = Api("events", figures=Figures(done_statuses=("held", "reported"), region_field="countries__region"))
    report = ReportFigure(
        gettext_lazy("Sự kiện, hoạt động giao lưu đối ngoại"),
        "start_date",
        gettext_lazy("đã tổ chức"),
        order=30,
        plan_kinds=("information",),
    )

    def detail_context(self, obj: Event, request: Any) -> dict[str, Any]:
        # The friendship associations that link this event (`friendship.FriendshipAssociation.events`, declared
        # there: events does not import the friendship app).
        linked = getattr(obj, "friendship_associations", None)
        if linked is None:
            return {}
        associations = linked.restrict(request.user, "view").select_related("country").order_by("name", "pk")
        return {"friendship_associations": associations}

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "year": 2027,
            "title": f"Giao lưu văn hóa hữu nghị số {n}",
            "time_text": gettext("Tháng 10"),
            "organising_unit": unit,
        }


@register
class TrainingCourseRegistry(Registry):
    model = TrainingCourse
    path = "training/"
    queryset = TrainingCourse.objects.select_related("organising_unit")
    form = forms.TrainingCourseForm
    filterset = filters.TrainingCourseFilterSet
    table = tables.TrainingCourseTable
    workflow = services.TRAINING_WORKFLOW
    step_forms = {
        "return_to_draft": CommentForm,
        "hold": forms.TrainingHoldForm,
        "report": forms.ReportForm,
        "cancel": ReasonForm,
    }
    detail_template = "events/_planned_extra.html"
    menu = Menu("cooperation", pgettext_lazy("menu", "Tập huấn, bồi dưỡng"), order=40)
    search = Search(
        fields=[
            "title",
            "topic",
            "audience",
            "place",
            "partner_text",
            "organising_unit",
            "time_text",
            "status",
            "note",
        ],
        order=33,
    )
    api = Api("training", figures=Figures(done_statuses=("held", "reported")))
    report = ReportFigure(
        gettext_lazy("Lớp tập huấn, bồi dưỡng nghiệp vụ đối ngoại"), "start_date", gettext_lazy("đã tổ chức"), order=40
    )

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "year": 2027,
            "title": f"Lớp bồi dưỡng lễ tân đối ngoại số {n}",
            "time_text": gettext("Quý II"),
            "organising_unit": unit,
        }


@register
class InspectionRegistry(Registry):
    model = Inspection
    path = "inspections/"
    queryset = Inspection.objects.select_related("inspecting_unit", "inspected_unit")
    form = forms.InspectionForm
    filterset = filters.InspectionFilterSet
    table = tables.InspectionTable
    workflow = services.INSPECTION_WORKFLOW
    step_forms = {
        "return_to_draft": CommentForm,
        "decide": forms.DecideForm,
        "start": forms.InspectionStartForm,
        "conclude": forms.ConcludeForm,
        "cancel": ReasonForm,
    }
    detail_template = "events/_planned_extra.html"
    menu = Menu("cooperation", pgettext_lazy("menu", "Thanh tra, kiểm tra"), order=50)
    search = Search(
        fields=[
            "title", "inspecting_unit", "inspected_unit", "domain", "scope", "decision_ref", "findings",
            "conclusion_ref", "status", "note",
        ],
        order=34,
    )  # fmt: skip
    api = Api("inspections", figures=Figures(done_statuses=("concluded",)))
    report = ReportFigure(
        gettext_lazy("Thanh tra, kiểm tra công tác đối ngoại"), "concluded_on", gettext_lazy("đã kết luận"), order=50
    )
