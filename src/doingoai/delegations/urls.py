from django.urls import path

from doingoai.core.urls_helpers import registry_urls
from doingoai.delegations import views

app_name = "delegations"

urlpatterns = [
    path("overlaps/", views.OverlapListView.as_view(), name="overlaps"),
    *registry_urls(
        "delegation",
        list_view=views.DelegationListView,
        detail=views.DelegationDetailView,
        edit=views.DelegationEditView,
        delete=views.DelegationDeleteView,
        action=views.DelegationActionView,
    ),
]
