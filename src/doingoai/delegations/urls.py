from django.urls import path

from doingoai.delegations import views

app_name = "delegations"

# Pages other than the registry's own (those come from registry.py).
urlpatterns = [
    path("overlaps/", views.OverlapListView.as_view(), name="overlaps"),
]
