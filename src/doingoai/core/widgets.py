"""Select widgets whose options carry the other names of what they name (issue 16, item 15): a country is shown by
its one Vietnamese name (`Country.name_vi`) and found by any of its aliases ("Kazakhstan" finds Ca-dắc-xtan) —
the searchable selects (doingoai.js, Tom Select) search `data-aliases` beside the shown name."""

from __future__ import annotations

from typing import Any

from django import forms


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
