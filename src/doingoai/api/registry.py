"""What the REST API serves: every registry whose declaration (`registry.py`) has `api = Api(...)`.

The API uses exactly the declaration's queryset, filters, form, workflow, step forms and services — the same
rights and the same writes as the web pages, without going through the web's views::

    api = Api(
        "delegations",                          # /api/delegations/
        figures=Figures(appendix="1, 2", done_statuses=("done",), split_by="direction",
                        region_field="countries__region"),   # optional: in /api/figures/{year}/
    )

- a registry with a `form` is writable: POST/PUT/PATCH validate with the form (Vietnamese messages per field)
  and save with `Registry.create/update` (stale `version` refused with 409); DELETE uses `Registry.delete`
  when the registry is `deletable`; its workflow's steps are `POST /api/<prefix>/{id}/actions/{step}/`, and on
  many records at once `POST /api/<prefix>/bulk/{step}/` with `{"ids": [...]}` (core.bulk: per-id results).
- `Api(read_only=True)`: list and retrieve only.
- `exclude=("field", ...)`: model fields never sent (`search_text`, `month_mask` never are anyway).
- `serializer_class`, `on_retrieve(obj, user)`, `on_list(rows, user)`, `mask(obj, data, user, detail)`: for
  registries of persons (the access log and masked contacts of Decree 13/2023).

Rows are always `restrict(user, "view"|"change"|"delete")`-ed, so another unit's draft is a 404 here too.
Records whose pages are not registries (unit reports) join with `register_viewset`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from doingoai.core.registry import Api, Figures, Registry, all_registries

__all__ = ["ApiSpec", "Figures", "register_viewset", "registered", "viewsets"]


@dataclass(frozen=True)
class ApiSpec:
    """A registry as the API sees it: its declaration and its `Api` options."""

    registry: Registry
    options: Api

    @property
    def prefix(self) -> str:
        return self.options.prefix

    @property
    def model(self) -> type[models.Model]:
        return self.registry.model

    @property
    def queryset(self) -> models.QuerySet:
        return self.registry.get_queryset()

    @property
    def filterset_class(self) -> Any:
        return self.registry.filterset

    @property
    def form_class(self) -> Any:
        return None if self.options.read_only else self.registry.form

    @property
    def deletable(self) -> bool:
        return self.form_class is not None and self.registry.deletable and self.options.delete

    @property
    def workflow(self) -> Any:
        return self.registry.workflow

    @property
    def step_forms(self) -> dict[str, Any]:
        return dict(self.registry.step_forms)

    @property
    def exclude(self) -> tuple[str, ...]:
        return self.options.exclude

    @property
    def serializer_class(self) -> Any:
        return self.options.serializer_class

    @property
    def on_retrieve(self) -> Callable[[Any, Any], None] | None:
        return self.options.on_retrieve

    @property
    def on_list(self) -> Callable[[list[Any], Any], None] | None:
        return self.options.on_list

    @property
    def mask(self) -> Callable[[Any, dict[str, Any], Any, bool], dict[str, Any]] | None:
        return self.options.mask

    @property
    def figures(self) -> Figures | None:
        return self.options.figures


# Hand-written viewsets of records whose web pages are not the generic registry views (reporting): prefix → class.
_VIEWSETS: dict[str, Any] = {}


def register_viewset(prefix: str, viewset: Any) -> Any:
    """Serve a hand-written viewset at `/api/<prefix>/` (listed in the API root, covered by the URL matrix).
    The viewset applies the rights itself (`restrict(user, …)` in `get_queryset`)."""
    _VIEWSETS[prefix] = viewset
    return viewset


def viewsets() -> dict[str, Any]:
    return dict(_VIEWSETS)


def registered() -> list[ApiSpec]:
    """Every registry declared with `api = Api(...)`."""
    return [ApiSpec(registry=r, options=r.api) for r in all_registries() if r.api is not None]
