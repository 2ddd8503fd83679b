"""`/api/`: the root (every endpoint), the registries declared in each app's api.py, figures, search, schema."""

from __future__ import annotations

from typing import Any

from django.urls import path
from rest_framework.routers import DefaultRouter

from doingoai.api import views
from doingoai.api.registry import registered, viewsets
from doingoai.api.viewsets import viewset_for

app_name = "api"

# Named addresses the root lists beside the registries.
EXTRA_ROOT = {"figures": "figures-index", "search": "search", "schema": "schema", "token": "token"}


class Router(DefaultRouter):
    include_format_suffixes = False

    def get_api_root_view(self, api_urls: Any = None) -> Any:
        root = {prefix: self.routes[0].name.format(basename=basename) for prefix, _, basename in self.registry}
        return self.APIRootView.as_view(api_root_dict=root | EXTRA_ROOT)


router = Router()
for spec in registered():
    router.register(spec.prefix, viewset_for(spec), basename=spec.prefix)
for prefix, viewset in viewsets().items():
    router.register(prefix, viewset, basename=prefix)

urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("figures/", views.FiguresIndexView.as_view(), name="figures-index"),
    path("figures/<int:year>/", views.FiguresView.as_view(), name="figures"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("token/", views.TokenView.as_view(), name="token"),
    *router.urls,
]
