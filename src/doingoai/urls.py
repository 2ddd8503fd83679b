"""The site's pages: the root pages here, then every app's pages under its `url_prefix` (apps.py) — the
registries' pages from their declarations (`registry.py`) and the app's own `urls.py`."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.decorators.cache import cache_page
from django.views.i18n import JavaScriptCatalog, set_language

from doingoai import views
from doingoai.core.registry import app_urlpatterns
from doingoai.core.views import healthz

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    # The scripts' messages (djangojs catalogue), cached per language: the page asks for ?l=<its language>, so a
    # browser's cached copy is never the other language's.
    path(
        "i18n/js/", cache_page(24 * 3600, key_prefix="jsi18n")(JavaScriptCatalog.as_view()), name="javascript_catalog"
    ),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("anniversaries/", views.AnniversaryView.as_view(), name="anniversaries"),
    *app_urlpatterns(),
    path("admin/", admin.site.urls),
]

# Django's error pages, as JSON `{"detail": …}` for the API's addresses.
handler400 = "doingoai.api.exceptions.bad_request"
handler403 = "doingoai.api.exceptions.permission_denied"
handler404 = "doingoai.api.exceptions.page_not_found"
handler500 = "doingoai.api.exceptions.server_error"
