"""Numbers as the pages write them: 1.234.567,5 in Vietnamese, 1,234,567.5 in English (Babel). The public page
passes its own language; the other pages follow the interface's."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from doingoai.core.numbers import number_locale


def format_number(value: Decimal | int | float | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    locale = number_locale() if lang is None else "vi" if lang == "vi" else "en"
    return format_decimal(value, locale=locale, decimal_quantization=False)


def format_amount(value: Decimal | int | float | None, currency: str, lang: str | None = None) -> str:
    """ "1.250.000 USD"; empty when there is no amount."""
    return f"{format_number(value, lang)} {currency}" if value is not None else ""
