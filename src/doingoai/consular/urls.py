"""/consular/cases/, /consular/apec/ and /press/: included at the site root, so one namespace holds all three."""

from django.urls import include, path

from doingoai.consular import views
from doingoai.core.urls_helpers import registry_urls

app_name = "consular"

urlpatterns = [
    path(
        "consular/cases/",
        include(
            [
                path("<int:pk>/export/", views.CitizenCaseExportView.as_view(), name="citizencase_export"),
                path("<int:pk>/erase/", views.CitizenCaseEraseView.as_view(), name="citizencase_erase"),
                *registry_urls(
                    "citizencase",
                    list_view=views.CitizenCaseListView,
                    detail=views.CitizenCaseDetailView,
                    edit=views.CitizenCaseEditView,
                    action=views.CitizenCaseActionView,
                ),
            ]
        ),
    ),
    path(
        "consular/apec/",
        include(
            registry_urls(
                "apeccardapplication",
                list_view=views.ApecCardApplicationListView,
                detail=views.ApecCardApplicationDetailView,
                edit=views.ApecCardApplicationEditView,
                delete=views.ApecCardApplicationDeleteView,
                action=views.ApecCardApplicationActionView,
            )
        ),
    ),
    path(
        "press/",
        include(
            registry_urls(
                "foreignpressvisit",
                list_view=views.ForeignPressVisitListView,
                detail=views.ForeignPressVisitDetailView,
                edit=views.ForeignPressVisitEditView,
                delete=views.ForeignPressVisitDeleteView,
                action=views.ForeignPressVisitActionView,
            )
        ),
    ),
]
