from django.urls import path

from doingoai.core import views
from doingoai.core.models import Partner, Unit

app_name = "core"

# Pages other than the reference registries' own (those come from reference_registry.py).
urlpatterns = [
    path("units/lookup/", views.LookupView.as_view(model=Unit), name="unit_lookup"),
    path("partners/lookup/", views.LookupView.as_view(model=Partner), name="partner_lookup"),
    path("exports/<int:pk>/", views.ListExportView.as_view(), name="listexport_detail"),
    path("exports/<int:pk>/status/", views.ListExportView.as_view(partial=True), name="listexport_status"),
    path("exports/<int:pk>/download/", views.ListExportDownloadView.as_view(), name="listexport_download"),
]
