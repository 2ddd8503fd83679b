"""/api/aid/ and /api/investment/ (api.registry)."""

from doingoai.aid import views
from doingoai.api.registry import register

register(
    "aid",
    list_view=views.AidProjectListView,
    detail_view=views.AidProjectDetailView,
    edit_view=views.AidProjectEditView,
    delete_view=views.AidProjectDeleteView,
    action_view=views.AidProjectActionView,
)
register(
    "investment",
    list_view=views.InvestmentOpportunityListView,
    detail_view=views.InvestmentOpportunityDetailView,
    edit_view=views.InvestmentOpportunityEditView,
    delete_view=views.InvestmentOpportunityDeleteView,
    action_view=views.InvestmentOpportunityActionView,
)
