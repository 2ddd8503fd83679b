"""Select widgets whose options carry the other names of what they name (issue 16, item 15): a country is shown by
its one Vietnamese name (`Country.name_vi`) and found by any of its aliases ("Kazakhstan" finds Ca-dắc-xtan) —
the searchable selects (doingoai.js, Tom Select) search `data-aliases` beside the shown name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse


def with_aliases(option: dict[str, Any], value: Any) -> dict[str, Any]:
    """`option` with `data-aliases` from its model instance's `aliases` (a list of names)."""
    aliases = getattr(getattr(value, "instance", None), "aliases", None)
    if aliases:
        option["attrs"]["data-aliases"] = " | ".join(str(a) for a in aliases)
    return option


class AliasSelect(forms.Select):
    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return with_aliases(super().create_option(name, value, *args, **kwargs), value)


class AliasSelectMultiple(forms.SelectMultiple):
    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return with_aliases(super().create_option(name, value, *args, **kwargs), value)


class RemoteOptionsMixin:
    """A select over a list too long to send whole (the partners and units of a national deployment, issue 16 item
    10): it renders only the chosen options; the searchable select (doingoai.js, Tom Select) fetches the matching
    ones from `/partners/lookup/?format=json&q=…` as the user types (accent-insensitive, rights-respecting). The
    field still validates against its own queryset."""

    lookup: str = ""  # "partner" | "unit": the core lookup view's name

    def __init__(self, *args: Any, lookup: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lookup = lookup or self.lookup

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = {**(attrs or {}), "data-lookup": f"{reverse(f'core:{self.lookup}_lookup')}?format=json"}
        return super().get_context(name, value, attrs)  # type: ignore[misc]

    def optgroups(self, name: str, value: list[Any], attrs: dict[str, Any] | None = None) -> list[Any]:
        field = getattr(getattr(self, "choices", None), "field", None)
        empty = None if getattr(self, "allow_multiple_selected", False) else getattr(field, "empty_label", None) or ""
        return chosen_optgroups(self, name, value, attrs, empty)  # type: ignore[arg-type]


def chosen_optgroups(
    widget: forms.Select, name: str, value: list[Any], attrs: dict[str, Any] | None, empty: Any
) -> list[Any]:
    """The option groups of a select that sends only its empty option (`empty`, None for none) and the chosen ones:
    the lists too long to send whole (`RemoteSelect` here, the filters' `LookupSelect`)."""
    field = getattr(widget.choices, "field", None)
    chosen = [v for v in value if str(v).isdigit()]
    options: list[tuple[Any, Any]] = [] if empty is None else [("", empty)]
    if chosen and field is not None:
        options += [(obj.pk, field.label_from_instance(obj)) for obj in field.queryset.filter(pk__in=chosen)]
    return [
        (None, [widget.create_option(name, v, label, str(v) in value, i, attrs=attrs)], i)
        for i, (v, label) in enumerate(options)
    ]


class RemoteSelect(RemoteOptionsMixin, forms.Select):
    pass


class RemoteSelectMultiple(RemoteOptionsMixin, forms.SelectMultiple):
    pass
