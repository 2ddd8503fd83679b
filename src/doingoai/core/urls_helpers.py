"""One function that gives a registry its standard addresses."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path


def registry_urls(
    model_name: str, *, list_view: Any, detail: Any, edit: Any = None, delete: Any = None, action: Any = None
) -> list[URLPattern]:
    """list (/), add, <pk>/, <pk>/edit/, <pk>/delete/, <pk>/action/<name>/ named `<model>_<action>`."""
    urls = [
        path("", list_view.as_view(), name=f"{model_name}_list"),
        path("<int:pk>/", detail.as_view(), name=f"{model_name}_detail"),
    ]
    if edit is not None:
        urls += [
            path("add/", edit.as_view(), name=f"{model_name}_add"),
            path("<int:pk>/edit/", edit.as_view(), name=f"{model_name}_edit"),
        ]
    if delete is not None:
        urls.append(path("<int:pk>/delete/", delete.as_view(), name=f"{model_name}_delete"))
    if action is not None:
        urls.append(path("<int:pk>/action/<str:name>/", action.as_view(), name=f"{model_name}_action"))
    return urls
