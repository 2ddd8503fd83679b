"""/api/border-markers/, /api/border-gates/, /api/marker-inspections/ (api.registry). Inspections are saved and
deleted through the border services (the marker's status follows its latest inspection), as on the web."""

from doingoai.api.registry import register
from doingoai.border import views

register(
    "border-markers",
    list_view=views.BorderMarkerListView,
    detail_view=views.BorderMarkerDetailView,
    edit_view=views.BorderMarkerEditView,
    delete_view=views.BorderMarkerDeleteView,
)
register(
    "border-gates",
    list_view=views.BorderGateListView,
    detail_view=views.BorderGateDetailView,
    edit_view=views.BorderGateEditView,
    delete_view=views.BorderGateDeleteView,
)
register(
    "marker-inspections",
    list_view=views.MarkerInspectionListView,
    detail_view=views.MarkerInspectionDetailView,
    edit_view=views.MarkerInspectionEditView,
    delete_view=views.MarkerInspectionDeleteView,
)
