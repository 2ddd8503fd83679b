"""Numbers as the reader writes them: Vietnamese group thousands with dots and mark decimals with a comma
(1.234.567,5), English the other way round (1,234,567.5). Pages follow the interface's language; the official
documents are built under `core.i18n.in_vietnamese`, so they stay Vietnamese; stored text uses `vi_decimal`."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel.numbers import format_decimal, get_group_symbol, get_minus_sign_symbol
from django.utils import translation


def number_locale() -> str:
    """Babel's locale for the active language: "en" for the English interface, "vi" otherwise."""
    return "en" if (translation.get_language() or "vi").startswith("en") else "vi"


def vi_decimal(value: Decimal | int) -> str:
    """Every digit kept (no rounding), trailing zeros dropped: 25400.5000 → "25.400,5", 2.0 → "2" — always the
    Vietnamese way (stored text: history summaries)."""
    return str(format_decimal(value, locale="vi", decimal_quantization=False))


def local_decimal(value: Decimal | int | float) -> str:
    """As `vi_decimal`, in the active language: "25.400,5" in Vietnamese, "25,400.5" in English."""
    locale = number_locale()
    if type(value) is int or (isinstance(value, Decimal) and _whole(value)):
        return local_integer(int(value), locale)
    return str(format_decimal(value, locale=locale, decimal_quantization=False))


def local_integer(value: int, locale: str) -> str:
    """A whole number grouped by thousands as Babel writes it for `locale` (both group by threes), without
    Babel's per-call parsing of the locale and pattern: a totals page writes thousands of amounts."""
    group, minus = _symbols(locale)
    text = f"{abs(value):,}".replace(",", group)
    return minus + text if value < 0 else text


def _whole(value: Decimal) -> bool:
    # Babel writes a negative zero "-0": left to it.
    return value.is_finite() and value == value.to_integral() and not (value.is_zero() and value.is_signed())


@cache
def _symbols(locale: str) -> tuple[str, str]:
    return get_group_symbol(locale=locale), get_minus_sign_symbol(locale=locale)


def local_figure(value: float | int | None, digits: int = 1) -> str:
    """A figure of a table: whole numbers grouped, others rounded to `digits` decimals ("58,1" / "58.1"); "—" for
    none."""
    if value is None:
        return "—"
    if isinstance(value, int) or float(value).is_integer():
        return str(format_decimal(int(value), format="#,##0", locale=number_locale()))
    return str(format_decimal(value, format="#,##0." + "0" * digits, locale=number_locale()))
