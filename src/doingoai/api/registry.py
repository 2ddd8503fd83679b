"""What the REST API serves: each registry declares itself in its app's `api.py`.

A registry joins the API with one declaration in `src/doingoai/<things>/api.py` (found automatically at
start-up). It names the registry's own web views, so the API uses exactly their queryset, filters, form,
workflow and step forms — the same rights and the same services as the web pages::

    from doingoai.api.registry import Figures, register
    from doingoai.delegations import views

    register(
        "delegations",                          # /api/delegations/
        list_view=views.DelegationListView,     # queryset + filterset_class (filters like the list)
        detail_view=views.DelegationDetailView, # optional: its queryset for single records
        edit_view=views.DelegationEditView,     # create/update: the view's get_form() validates, its
                                                #   save_form() saves (core.services.object_save by default)
        delete_view=views.DelegationDeleteView, # optional: DELETE through the view's delete_object()
        action_view=views.DelegationActionView, # optional: workflow + step forms →
                                                #   POST /api/delegations/{id}/actions/{step}/
        figures=Figures(appendix="1, 2", done_statuses=("done",), split_by="direction",
                        region_field="countries__region"),   # optional: in /api/figures/{year}/
    )

Options:
- `read_only=True` (or no `edit_view`): list and retrieve only.
- `exclude=("field", ...)`: model fields never sent (personal data, internal columns); `search_text`,
  `month_mask` are never sent anyway.
- `serializer_class`: a DRF serializer replacing the generated read serializer.
- `on_retrieve`: callable `(obj, user) -> None` run on every retrieve (e.g. the access log that Decree
  13/2023 asks for personal data).
- `on_list`: callable `(objects, user) -> None` run with the rows of every list page sent.
- `mask`: callable `(obj, data, user, detail) -> data` applied to every record sent (`detail` is False in
  lists): hides what the user's role does not need (masked contacts of persons).
- `figures`: a `Figures` for registries with a plan year (`year`, `month_mask`, `status`), so the year's
  figures (planned vs done per quarter, counts by status, per region) include them.

Rows are always `restrict(user, "view"|"change"|"delete")`-ed, so another unit's draft is a 404 here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Figures:
    """How a plan registry counts in `/api/figures/{year}/`."""

    appendix: str = ""  # "1, 2" (Phụ lục 1 đoàn ra, Phụ lục 2 đoàn vào), "3", "4", or "" when none
    done_statuses: tuple[str, ...] = ()  # statuses that count as carried out
    # Statuses that count as planned; None: every status except draft, proposed and cancelled.
    planned_statuses: tuple[str, ...] | None = None
    split_by: str | None = None  # a choice field that splits the counts (e.g. "direction")
    region_field: str | None = None  # path to Country.region (e.g. "countries__region", "country__region")


@dataclass(frozen=True)
class ApiSpec:
    prefix: str
    list_view: Any
    detail_view: Any = None
    edit_view: Any = None
    delete_view: Any = None
    action_view: Any = None
    read_only: bool = False
    exclude: tuple[str, ...] = ()
    serializer_class: Any = None
    on_retrieve: Callable[[Any, Any], None] | None = None
    on_list: Callable[[list[Any], Any], None] | None = None
    mask: Callable[[Any, dict[str, Any], Any, bool], dict[str, Any]] | None = None
    figures: Figures | None = None

    @property
    def model(self) -> type[models.Model]:
        return self.list_view.queryset.model

    @property
    def queryset(self) -> models.QuerySet:
        return (self.detail_view or self.list_view).queryset

    @property
    def filterset_class(self) -> Any:
        return getattr(self.list_view, "filterset_class", None)

    @property
    def form_class(self) -> Any:
        return None if self.read_only or self.edit_view is None else self.edit_view.form_class

    @property
    def workflow(self) -> Any:
        return getattr(self.action_view, "workflow", None) if self.action_view else None

    @property
    def step_forms(self) -> dict[str, Any]:
        return dict(getattr(self.action_view, "forms", {}) or {}) if self.action_view else {}


_REGISTRY: dict[str, ApiSpec] = {}
# Hand-written viewsets of records whose web pages are not the generic registry views (reporting): prefix → class.
_VIEWSETS: dict[str, Any] = {}


def register_viewset(prefix: str, viewset: Any) -> Any:
    """Serve a hand-written viewset at `/api/<prefix>/` (listed in the API root, covered by the URL matrix).
    The viewset applies the rights itself (`restrict(user, …)` in `get_queryset`)."""
    _VIEWSETS[prefix] = viewset
    return viewset


def viewsets() -> dict[str, Any]:
    return dict(_VIEWSETS)


def register(
    prefix: str,
    *,
    list_view: Any,
    detail_view: Any = None,
    edit_view: Any = None,
    delete_view: Any = None,
    action_view: Any = None,
    read_only: bool = False,
    exclude: tuple[str, ...] = (),
    serializer_class: Any = None,
    on_retrieve: Callable[[Any, Any], None] | None = None,
    on_list: Callable[[list[Any], Any], None] | None = None,
    mask: Callable[[Any, dict[str, Any], Any, bool], dict[str, Any]] | None = None,
    figures: Figures | None = None,
) -> ApiSpec:
    """Declare `/api/<prefix>/` (see the module docstring). Returns the declaration."""
    if not hasattr(list_view.queryset, "restrict"):
        raise TypeError(f"{prefix}: the list view's queryset must be a RestrictedQuerySet (BaseModel).")
    spec = ApiSpec(
        prefix=prefix,
        list_view=list_view,
        detail_view=detail_view,
        edit_view=edit_view,
        delete_view=delete_view,
        action_view=action_view,
        read_only=read_only,
        exclude=tuple(exclude),
        serializer_class=serializer_class,
        on_retrieve=on_retrieve,
        on_list=on_list,
        mask=mask,
        figures=figures,
    )
    _REGISTRY[prefix] = spec
    return spec


def registered() -> list[ApiSpec]:
    return list(_REGISTRY.values())
