"""/api/conferences/ (api.registry)."""

from doingoai.api.registry import Figures, register
from doingoai.conferences import views

register(
    "conferences",
    list_view=views.ConferenceListView,
    detail_view=views.ConferenceDetailView,
    edit_view=views.ConferenceEditView,
    delete_view=views.ConferenceDeleteView,
    action_view=views.ConferenceActionView,
    figures=Figures(
        appendix="3",
        done_statuses=("held", "reported"),
        planned_statuses=("proposed", "permitted", "held", "reported", "postponed"),
        region_field="countries__region",
    ),
)
