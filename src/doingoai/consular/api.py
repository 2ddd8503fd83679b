"""/api/citizen-cases/, /api/apec/ and /api/press/ (api.registry). Citizen-protection cases are personal data:
declared like the overseas Vietnamese (masked passport numbers and sensitive texts, logged reads, no delete)."""

from doingoai.api.registry import register
from doingoai.consular import views
from doingoai.persons.api import personal_data_api

personal_data_api(
    "citizen-cases",
    list_view=views.CitizenCaseListView,
    detail_view=views.CitizenCaseDetailView,
    edit_view=views.CitizenCaseEditView,
    action_view=views.CitizenCaseActionView,
)

register(
    "apec",
    list_view=views.ApecCardApplicationListView,
    detail_view=views.ApecCardApplicationDetailView,
    edit_view=views.ApecCardApplicationEditView,
    delete_view=views.ApecCardApplicationDeleteView,
    action_view=views.ApecCardApplicationActionView,
)
register(
    "press",
    list_view=views.ForeignPressVisitListView,
    detail_view=views.ForeignPressVisitDetailView,
    edit_view=views.ForeignPressVisitEditView,
    delete_view=views.ForeignPressVisitDeleteView,
    action_view=views.ForeignPressVisitActionView,
)
