"""Tables: sortable columns, links to the detail page, status badges."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import django_tables2 as tables
from django.db import models
from django.template.defaultfilters import date as date_filter
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # in Django, not its stubs
from django_tables2 import utils as tables_utils
from django_tables2.columns.base import library

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


class _DateCells:
    """A cell written as the library's template for dates writes it, `{{ value|date:format|default:default }}`,
    without compiling and rendering that template for every cell (~350 µs each, the dearest cell of a list)."""

    date_format: str

    def render(self, value: Any, bound_column: Any) -> SafeString:
        # The `date` filter expects local time (as the template's filter call converts), `default` is `or`.
        return conditional_escape(str(date_filter(template_localtime(value), self.date_format) or bound_column.default))


@library.register  # favoured over the library's own for a model's date fields (the library asks the last first)
class DateColumn(_DateCells, tables.DateColumn):
    def __init__(self, format: str | None = None, short: bool = True, *args: Any, **kwargs: Any) -> None:
        super().__init__(format, short, *args, **kwargs)
        self.date_format = format or ("SHORT_DATE_FORMAT" if short else "DATE_FORMAT")

    @classmethod
    def from_field(cls, field: Any, **kwargs: Any) -> Any:
        return None if isinstance(field, models.DateTimeField) else super().from_field(field, **kwargs)


@library.register
class DateTimeColumn(_DateCells, tables.DateTimeColumn):
    def __init__(self, format: str | None = None, short: bool = True, *args: Any, **kwargs: Any) -> None:
        super().__init__(format, short, *args, **kwargs)
        self.date_format = format or ("SHORT_DATETIME_FORMAT" if short else "DATETIME_FORMAT")


class SelectColumn(tables.CheckBoxColumn):
    """The tick box of a row, its attributes joined and escaped once per table instead of for every row (the
    library's cell cost ~170 µs, of which the row's own is its value)."""

    def render(self, value: Any, bound_column: Any, record: Any) -> SafeString:
        specific = self.attrs.get("td__input") or self.attrs.get("input") or {}
        if self.checked is not None or value is None or "value" in specific or any(map(callable, specific.values())):
            return super().render(value, bound_column, record)  # type: ignore[no-any-return]
        attrs = {"type": "checkbox", "name": bound_column.name} | specific  # the library's order, less the value
        parts = getattr(self, "_parts", None)
        if parts is None or parts[0] != attrs:
            keys = list(attrs)  # type and name first: the library writes the value after them
            head = tables_utils.AttributeDict({k: attrs[k] for k in keys[:2]}).as_html()
            tail = tables_utils.AttributeDict({k: attrs[k] for k in keys[2:]}).as_html()
            parts = self._parts = (attrs, head, tail)
        cell = " ".join(part for part in (parts[1], f'value="{conditional_escape(value)}"', parts[2]) if part)
        return mark_safe(f"<input {cell} />")  # noqa: S308 - the attributes by AttributeDict, the value escaped


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
