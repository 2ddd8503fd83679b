from django.urls import include, path

from doingoai.core.urls_helpers import registry_urls
from doingoai.events import views

app_name = "events"

urlpatterns = [
    path(
        "events/",
        include(
            registry_urls(
                "event",
                list_view=views.EventListView,
                detail=views.EventDetailView,
                edit=views.EventEditView,
                delete=views.EventDeleteView,
                action=views.EventActionView,
            )
        ),
    ),
    path(
        "training/",
        include(
            registry_urls(
                "trainingcourse",
                list_view=views.TrainingCourseListView,
                detail=views.TrainingCourseDetailView,
                edit=views.TrainingCourseEditView,
                delete=views.TrainingCourseDeleteView,
                action=views.TrainingCourseActionView,
            )
        ),
    ),
    path(
        "inspections/",
        include(
            registry_urls(
                "inspection",
                list_view=views.InspectionListView,
                detail=views.InspectionDetailView,
                edit=views.InspectionEditView,
                delete=views.InspectionDeleteView,
                action=views.InspectionActionView,
            )
        ),
    ),
]
