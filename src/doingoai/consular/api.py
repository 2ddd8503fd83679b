"""/api/apec/ and /api/press/ (api.registry). Citizen-protection cases (personal data: masked contacts and
logged reads) are not served by the API."""

from doingoai.api.registry import register
from doingoai.consular import views

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
