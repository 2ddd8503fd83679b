from django.urls import path

from doingoai.aid import views

app_name = "aid"

# Pages other than the registries' own (those come from registry.py).
urlpatterns = [
    path("public/investment/", views.PublicInvestmentView.as_view(), name="public_investment"),
]
