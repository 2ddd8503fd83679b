"""Amounts as the reader writes them: 1.234.567 đ in Vietnamese, 1,234,567 VND in English; foreign amounts with
their currency."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from doingoai.core.filters import escape_text
from doingoai.core.numbers import local_decimal
from doingoai.finance.currency import format_amount, format_vnd, signed_vnd, vnd_formatter

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


@register.simple_tag
def totals_rows(rows: Any) -> SafeString:
    """The body rows of a totals table (finance/_totals_table.html): a label and its four amounts per row, written
    here rather than by a template loop, as the table by unit of a national year has ~850 rows (35 ms of
    template work; `format_html` per row was still 12 ms, f-strings over escaped pieces are a third of that)."""
    amount = vnd_formatter()
    cells = '</td><td class="text-end stat-num">'
    return mark_safe(  # noqa: S308 - the label and every amount escaped (escape_text, as format_html does)
        "\n".join(
            f"<tr><td>{escape_text(label)}{cells}{escape_text(amount(a.estimate))}{cells}"
            f"{escape_text(amount(a.appraised))}{cells}{escape_text(amount(a.approved))}{cells}"
            f"{escape_text(amount(a.actual))}</td></tr>"
            for label, a in rows
        )
    )
