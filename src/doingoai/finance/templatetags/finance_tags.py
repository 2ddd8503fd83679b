"""Amounts as the reader writes them: 1.234.567 đ in Vietnamese, 1,234,567 VND in English; foreign amounts with
their currency."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from doingoai.core.numbers import local_decimal
from doingoai.finance.currency import format_amount, format_vnd, signed_vnd

register = template.Library()


@register.filter
def vnd(value: Any) -> str:
    """1234567 → "1.234.567 đ" ("1,234,567 VND" in English); empty for no amount."""
    return "" if value in (None, "") else format_vnd(Decimal(value))


@register.filter
def vnd_signed(value: Any) -> str:
    return "" if value in (None, "") else signed_vnd(Decimal(value))


@register.filter
def money(value: Any, currency: str) -> str:
    return format_amount(None if value in (None, "") else Decimal(value), currency)


@register.filter
def plain_number(value: Any) -> str:
    """A number without trailing zeros, in the reader's format: 2.0 → "2", 2.5 → "2,5" / "2.5", 25400 → "25.400" /
    "25,400"."""
    if value in (None, ""):
        return ""
    return local_decimal(Decimal(value))


@register.filter
def label_lower(obj: Any) -> str:
    """ "delegations.delegation": the record's model, as the budget page's address names it."""
    return str(obj._meta.label_lower)


@register.filter
def sum_numbers(values: Any) -> Decimal:
    return sum((Decimal(str(v)) for v in values or []), Decimal(0))
