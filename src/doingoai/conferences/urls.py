from doingoai.conferences import views
from doingoai.core.urls_helpers import registry_urls

app_name = "conferences"

urlpatterns = registry_urls(
    "conference",
    list_view=views.ConferenceListView,
    detail=views.ConferenceDetailView,
    edit=views.ConferenceEditView,
    delete=views.ConferenceDeleteView,
    action=views.ConferenceActionView,
)
