"""Tables: sortable columns, links to the detail page, status badges."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import django_tables2 as tables
from django.utils.html import format_html
from django_tables2 import utils as tables_utils

from doingoai.core.choices import StatusChoices
from doingoai.core.models import AdministrativeUnit, Country, DiplomaticRelation, Partner, Unit

_library_signature = tables_utils.signature
_signatures: dict[tuple[Callable[..., Any], bool], tuple[tuple[str, ...], str | None]] = {}


def cached_signature(fn: Callable[..., Any]) -> tuple[tuple[str, ...], str | None]:
    """django-tables2's `signature` (the arguments a render method takes), kept per function.

    The library calls `inspect.signature` for every cell it renders (250 a page, ~10 % of a list's CPU) although a
    function's parameters never change. A bound method is keyed by its function (binding always drops the first
    parameter); any other callable is passed through uncached."""
    bound = inspect.ismethod(fn)
    function = fn.__func__ if bound else fn  # type: ignore[attr-defined]
    if not inspect.isfunction(function):
        return _library_signature(fn)  # type: ignore[no-any-return]
    key = (function, bound)
    found = _signatures.get(key)
    if found is None:
        if len(_signatures) > 4096:  # functions made per request (a lambda in a view) must not pile up
            _signatures.clear()
        found = _signatures[key] = _library_signature(fn)
    return found


tables_utils.signature = cached_signature  # call_with_appropriate looks it up in its module at each call


class StatusColumn(tables.Column):
    def render(self, value: Any, record: Any) -> str:
        return format_html(
            '<span class="badge text-bg-{}">{}</span>',
            StatusChoices.colours_for(type(record)).get(record.status, "secondary"),
            record.get_status_display(),
        )

    def value(self, record: Any, value: Any) -> str:
        return record.get_status_display()


class ManyColumn(tables.ManyToManyColumn):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("orderable", False)
        super().__init__(separator=", ", **kwargs)


class RegistryTable(tables.Table):
    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle mb-0"}
        per_page = 25


class UnitTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = Unit
        fields = ("name", "short_name", "kind", "parent", "is_coordinator", "active_to")


class PartnerTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = Partner
        fields = ("name", "kind", "country", "friendship_since", "mou_since")


class CountryTable(RegistryTable):
    name_vi = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = Country
        fields = ("code", "name_vi", "name_en", "region")


class DiplomaticRelationTable(RegistryTable):
    # The country's one Vietnamese name (Country.name_vi), as on every other page.
    name_vi = tables.Column(linkify=True, accessor="display_name", order_by=("name_vi",))

    class Meta(RegistryTable.Meta):
        model = DiplomaticRelation
        fields = ("code", "name_vi", "established_on", "confidence")


class AdministrativeUnitTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = AdministrativeUnit
        fields = ("name", "kind", "code", "province", "former_province")
