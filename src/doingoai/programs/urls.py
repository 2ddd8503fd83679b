from django.urls import include, path

from doingoai.core.urls_helpers import registry_urls
from doingoai.programs import views

app_name = "programs"

urlpatterns = [
    path("export/", views.ProgramExportView.as_view(), name="export"),
    path("<int:pk>/versions/", views.ProgramVersionsView.as_view(), name="program_versions"),
    path(
        "items/",
        include(
            registry_urls(
                "programitem",
                list_view=views.ProgramItemListView,
                detail=views.ProgramItemDetailView,
                edit=views.ProgramItemEditView,
                delete=views.ProgramItemDeleteView,
            )
        ),
    ),
    *registry_urls(
        "program",
        list_view=views.ProgramListView,
        detail=views.ProgramDetailView,
        edit=views.ProgramEditView,
        delete=views.ProgramDeleteView,
        action=views.ProgramActionView,
    ),
]
