"""Numbers as the pages write them: 1.234.567,5 in Vietnamese, 1,234,567.5 in English (Babel)."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal


def format_number(value: Decimal | int | float | None, lang: str = "vi") -> str:
    if value is None:
        return ""
    return format_decimal(value, locale="vi" if lang == "vi" else "en", decimal_quantization=False)


def format_amount(value: Decimal | int | float | None, currency: str, lang: str = "vi") -> str:
    """ "1.250.000 USD"; empty when there is no amount."""
    return f"{format_number(value, lang)} {currency}" if value is not None else ""
