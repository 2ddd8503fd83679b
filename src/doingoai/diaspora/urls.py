from django.urls import include, path

from doingoai.core.urls_helpers import registry_urls
from doingoai.diaspora import views

app_name = "diaspora"

urlpatterns = [
    path(
        "associations/",
        include(
            registry_urls(
                "diasporaassociation",
                list_view=views.DiasporaAssociationListView,
                detail=views.DiasporaAssociationDetailView,
                edit=views.DiasporaAssociationEditView,
                delete=views.DiasporaAssociationDeleteView,
            )
        ),
    ),
    path("<int:pk>/export/", views.OverseasVietnameseExportView.as_view(), name="overseasvietnamese_export"),
    path("<int:pk>/erase/", views.OverseasVietnameseEraseView.as_view(), name="overseasvietnamese_erase"),
    *registry_urls(
        "overseasvietnamese",
        list_view=views.OverseasVietnameseListView,
        detail=views.OverseasVietnameseDetailView,
        edit=views.OverseasVietnameseEditView,
    ),
]
