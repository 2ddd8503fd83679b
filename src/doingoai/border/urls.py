from django.urls import path

from doingoai.border import views

app_name = "border"

# Pages other than the registries' own (those come from registry.py).
urlpatterns = [
    path("markers/map/", views.BorderMarkerMapView.as_view(), name="bordermarker_map"),
    path("inspections/<int:pk>/photo/", views.MarkerInspectionPhotoView.as_view(), name="markerinspection_photo"),
]
