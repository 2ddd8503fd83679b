"""Numbers as Vietnamese write them — dots group thousands, a comma marks decimals (1.234.567,5) — for pages,
documents and exports alike."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal


def vi_decimal(value: Decimal | int) -> str:
    """Every digit kept (no rounding), trailing zeros dropped: 25400.5000 → "25.400,5", 2.0 → "2"."""
    return str(format_decimal(value, locale="vi", decimal_quantization=False))
