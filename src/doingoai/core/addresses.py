"""Addresses of records, reversed once per URL name instead of once per record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import get_script_prefix, get_urlconf, reverse

# A number no real id reaches and that no address contains by itself: reversed in its place, then replaced.
_STAND_IN = 987_654_321_987_654
_kept: dict[tuple[str, str, str, str | None], Any] = {}


def _once(kind: str, name: str, make: Callable[[], Any]) -> Any:
    """`make()`, kept per kind, URL name, script prefix and URL conf (what an address depends on)."""
    key = (kind, name, get_script_prefix(), get_urlconf())
    if key not in _kept:
        if len(_kept) > 4096:
            _kept.clear()
        _kept[key] = make()
    return _kept[key]


def reverse_name(name: str) -> str:
    """`reverse(name)` for an address without arguments, reversed once (the menu on every page shows ~55)."""
    return _once("plain", name, lambda: reverse(name))  # type: ignore[no-any-return]


def reverse_id(name: str, pk: object) -> str:
    """`reverse(name, args=[pk])` for an address whose one argument is an integer id (`<int:pk>`).

    Django's `reverse` walks the resolver's patterns for every call (~100 µs): a list page asks it for every row's
    link, the home page and search for every item. The address is reversed once per name (and script prefix and
    URL conf) with a stand-in id and cut there; any other argument, or a name whose address does not contain the
    stand-in exactly once, goes through `reverse`."""
    if type(pk) is not int or pk < 0:
        return reverse(name, args=[pk])
    halves = _once("id", name, lambda: _cut(reverse(name, args=[_STAND_IN])))
    if halves is None:
        return reverse(name, args=[pk])
    return f"{halves[0]}{pk}{halves[1]}"


def _cut(address: str) -> tuple[str, str] | None:
    """The address around the stand-in id, or None when it does not hold it exactly once."""
    head, found, tail = address.partition(str(_STAND_IN))
    return (head, tail) if found and str(_STAND_IN) not in tail else None
