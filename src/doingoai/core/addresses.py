"""Addresses of records, reversed once per URL name instead of once per record."""

from __future__ import annotations

from django.urls import get_script_prefix, get_urlconf, reverse

# A number no real id reaches and that no address contains by itself: reversed in its place, then replaced.
_STAND_IN = 987_654_321_987_654
_halves: dict[tuple[str, str, str | None], tuple[str, str] | None] = {}
_plain: dict[tuple[str, str, str | None], str] = {}


def reverse_name(name: str) -> str:
    """`reverse(name)` for an address without arguments, reversed once per name, script prefix and URL conf (the
    menu on every page reverses ~55 of them)."""
    key = (name, get_script_prefix(), get_urlconf())
    address = _plain.get(key)
    if address is None:
        address = reverse(name)
        if len(_plain) > 4096:
            _plain.clear()
        _plain[key] = address
    return address


def reverse_id(name: str, pk: object) -> str:
    """`reverse(name, args=[pk])` for an address whose one argument is an integer id (`<int:pk>`).

    Django's `reverse` walks the resolver's patterns for every call (~100 µs): a list page asks it for every row's
    link, the home page and search for every item. The address is reversed once per name (and script prefix and
    URL conf) with a stand-in id and cut there; any other argument, or a name whose address does not contain the
    stand-in exactly once, goes through `reverse`."""
    if type(pk) is not int or pk < 0:
        return reverse(name, args=[pk])
    key = (name, get_script_prefix(), get_urlconf())
    halves = _halves.get(key, False)
    if halves is False:
        address = reverse(name, args=[_STAND_IN])
        stand_in = str(_STAND_IN)
        halves = tuple(address.split(stand_in)) if address.count(stand_in) == 1 else None  # type: ignore[assignment]
        if len(_halves) > 4096:
            _halves.clear()
        _halves[key] = halves  # type: ignore[assignment]
    if halves is None:
        return reverse(name, args=[pk])
    return f"{halves[0]}{pk}{halves[1]}"  # type: ignore[index]
