from django.urls import path

from doingoai.finance import views

app_name = "finance"

# Pages other than the registries' own (those come from registry.py).
urlpatterns = [
    path("budget/<str:label>/<int:pk>/", views.BudgetView.as_view(), name="budget"),
    path("totals/", views.TotalsView.as_view(), name="totals"),
    path("delegate/", views.DelegateView.as_view(), name="delegate"),
]
