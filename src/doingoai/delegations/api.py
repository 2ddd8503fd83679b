"""/api/delegations/ (api.registry)."""

from doingoai.api.registry import Figures, register
from doingoai.delegations import views

register(
    "delegations",
    list_view=views.DelegationListView,
    detail_view=views.DelegationDetailView,
    edit_view=views.DelegationEditView,
    delete_view=views.DelegationDeleteView,
    action_view=views.DelegationActionView,
    figures=Figures(appendix="1, 2", done_statuses=("done",), split_by="direction", region_field="countries__region"),
)
