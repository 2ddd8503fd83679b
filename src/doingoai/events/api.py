"""/api/events/, /api/training/, /api/inspections/ (api.registry)."""

from doingoai.api.registry import Figures, register
from doingoai.events import views

register(
    "events",
    list_view=views.EventListView,
    detail_view=views.EventDetailView,
    edit_view=views.EventEditView,
    delete_view=views.EventDeleteView,
    action_view=views.EventActionView,
    figures=Figures(done_statuses=("held", "reported"), region_field="countries__region"),
)
register(
    "training",
    list_view=views.TrainingCourseListView,
    detail_view=views.TrainingCourseDetailView,
    edit_view=views.TrainingCourseEditView,
    delete_view=views.TrainingCourseDeleteView,
    action_view=views.TrainingCourseActionView,
    figures=Figures(done_statuses=("held", "reported")),
)
register(
    "inspections",
    list_view=views.InspectionListView,
    detail_view=views.InspectionDetailView,
    edit_view=views.InspectionEditView,
    delete_view=views.InspectionDeleteView,
    action_view=views.InspectionActionView,
    figures=Figures(done_statuses=("concluded",)),
)
