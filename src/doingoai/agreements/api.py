"""/api/agreements/ (api.registry)."""

from doingoai.agreements import views
from doingoai.api.registry import Figures, register

register(
    "agreements",
    list_view=views.AgreementListView,
    detail_view=views.AgreementDetailView,
    edit_view=views.AgreementEditView,
    delete_view=views.AgreementDeleteView,
    action_view=views.AgreementActionView,
    figures=Figures(
        appendix="4",
        done_statuses=("signed", "in_force", "expired", "terminated"),
        planned_statuses=("proposed", "consulted", "approved", "signed", "in_force", "expired", "terminated"),
        region_field="country__region",
    ),
)
