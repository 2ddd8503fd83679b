from django.urls import include, path

from doingoai.border import views
from doingoai.core.urls_helpers import registry_urls

app_name = "border"

urlpatterns = [
    path("markers/map/", views.BorderMarkerMapView.as_view(), name="bordermarker_map"),
    path(
        "markers/",
        include(
            registry_urls(
                "bordermarker",
                list_view=views.BorderMarkerListView,
                detail=views.BorderMarkerDetailView,
                edit=views.BorderMarkerEditView,
                delete=views.BorderMarkerDeleteView,
            )
        ),
    ),
    path(
        "gates/",
        include(
            registry_urls(
                "bordergate",
                list_view=views.BorderGateListView,
                detail=views.BorderGateDetailView,
                edit=views.BorderGateEditView,
                delete=views.BorderGateDeleteView,
            )
        ),
    ),
    path("inspections/<int:pk>/photo/", views.MarkerInspectionPhotoView.as_view(), name="markerinspection_photo"),
    path(
        "inspections/",
        include(
            registry_urls(
                "markerinspection",
                list_view=views.MarkerInspectionListView,
                detail=views.MarkerInspectionDetailView,
                edit=views.MarkerInspectionEditView,
                delete=views.MarkerInspectionDeleteView,
            )
        ),
    ),
]
