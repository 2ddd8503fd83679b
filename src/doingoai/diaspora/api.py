"""/api/diaspora-associations/ (api.registry). Overseas Vietnamese (personal data: masked contacts and logged
reads) are not served by the API."""

from doingoai.api.registry import register
from doingoai.diaspora import views

register(
    "diaspora-associations",
    list_view=views.DiasporaAssociationListView,
    detail_view=views.DiasporaAssociationDetailView,
    edit_view=views.DiasporaAssociationEditView,
    delete_view=views.DiasporaAssociationDeleteView,
)
