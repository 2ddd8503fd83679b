from django.urls import include, path

from doingoai.aid import views
from doingoai.core.urls_helpers import registry_urls

app_name = "aid"

urlpatterns = [
    path(
        "aid/",
        include(
            registry_urls(
                "aidproject",
                list_view=views.AidProjectListView,
                detail=views.AidProjectDetailView,
                edit=views.AidProjectEditView,
                delete=views.AidProjectDeleteView,
                action=views.AidProjectActionView,
            )
        ),
    ),
    path(
        "investment/",
        include(
            registry_urls(
                "investmentopportunity",
                list_view=views.InvestmentOpportunityListView,
                detail=views.InvestmentOpportunityDetailView,
                edit=views.InvestmentOpportunityEditView,
                delete=views.InvestmentOpportunityDeleteView,
                action=views.InvestmentOpportunityActionView,
            )
        ),
    ),
    path("public/investment/", views.PublicInvestmentView.as_view(), name="public_investment"),
]
