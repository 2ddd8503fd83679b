from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from doingoai import views
from doingoai.core.views import healthz

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("delegations/", include("doingoai.delegations.urls")),
    path("conferences/", include("doingoai.conferences.urls")),
    path("agreements/", include("doingoai.agreements.urls")),
    path("reports/", include("doingoai.reporting.urls")),
    path("programs/", include("doingoai.programs.urls")),
    path("anniversaries/", views.AnniversaryView.as_view(), name="anniversaries"),
    path("imports/", include("doingoai.imports.urls")),
    path("search/", include("doingoai.search.urls")),
    path("api/", include("doingoai.api.urls")),
    path("", include("doingoai.aid.urls")),
    path("", include("doingoai.events.urls")),
    path("", include("doingoai.dashboard.urls")),
    path("persons/", include("doingoai.persons.urls")),
    path("diaspora/", include("doingoai.diaspora.urls")),
    path("border/", include("doingoai.border.urls")),
    path("", include("doingoai.consular.urls")),
    path("", include("doingoai.core.urls")),
    path("admin/", admin.site.urls),
]
