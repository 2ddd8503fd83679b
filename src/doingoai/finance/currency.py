"""Currencies an estimate line may be priced in, and exact VND amounts.

Amounts are `Decimal` end to end (never floats): a line's VND amount is quantity × days × unit price × rate,
rounded half up to the đồng. Shown in the reader's format: 1.234.567 đ (Vietnamese), 1,234,567 VND (English).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel.numbers import format_decimal
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core.i18n import in_vietnamese
from doingoai.core.numbers import local_decimal, local_integer, number_locale

VND = "VND"

# ISO 4217 codes of the currencies the province's trips and guests use (norms are in USD and VND).
CURRENCIES: dict[str, StrOrPromise] = {
    "VND": gettext_lazy("Đồng Việt Nam"),
    "USD": gettext_lazy("Đô la Mỹ"),
    "EUR": gettext_lazy("Euro"),
    "JPY": gettext_lazy("Yên Nhật"),
    "KRW": gettext_lazy("Won Hàn Quốc"),
    "CNY": gettext_lazy("Nhân dân tệ"),
    "LAK": gettext_lazy("Kíp Lào"),
    "THB": gettext_lazy("Baht Thái"),
    "KHR": gettext_lazy("Riel Campuchia"),
    "SGD": gettext_lazy("Đô la Singapore"),
    "MYR": gettext_lazy("Ringgit Malaysia"),
    "IDR": gettext_lazy("Rupiah Indonesia"),
    "PHP": gettext_lazy("Peso Philippines"),
    "MMK": gettext_lazy("Kyat Myanmar"),
    "TWD": gettext_lazy("Đô la Đài Loan"),
    "HKD": gettext_lazy("Đô la Hồng Kông"),
    "INR": gettext_lazy("Rupee Ấn Độ"),
    "GBP": gettext_lazy("Bảng Anh"),
    "CHF": gettext_lazy("Franc Thụy Sĩ"),
    "RUB": gettext_lazy("Rúp Nga"),
    "AUD": gettext_lazy("Đô la Úc"),
    "NZD": gettext_lazy("Đô la New Zealand"),
    "CAD": gettext_lazy("Đô la Canada"),
    "CZK": gettext_lazy("Koruna Séc"),
    "PLN": gettext_lazy("Złoty Ba Lan"),
    "HUF": gettext_lazy("Forint Hungary"),
    "SEK": gettext_lazy("Krona Thụy Điển"),
    "AED": gettext_lazy("Dirham UAE"),
    "CUP": gettext_lazy("Peso Cuba"),
}
CURRENCY_CHOICES = [(code, format_lazy("{} — {}", code, name)) for code, name in CURRENCIES.items()]


class AmountError(ValueError):
    """A Vietnamese message naming what is wrong with an amount."""


def decimal_of(value: object, *, label: str, allow_zero: bool = True) -> Decimal:
    """`value` as a non-negative exact decimal: "1.234.567", "1234567", "12,5" (Vietnamese decimal comma) or a
    number — in English "1,234,567" and "12.5", as the English pages show amounts; anything else raises
    AmountError naming `label`."""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        if isinstance(value, float):  # floats are refused as input; the API and forms hand over text or Decimal
            value = str(value)
        else:
            raise AmountError(gettext("%(label)s: cần nhập một số.") % {"label": label})
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    else:
        text = str(value).strip().replace(" ", "").replace("\u00a0", "")
        if number_locale() == "en":  # English writing: commas group thousands, the dot marks decimals
            text = text.replace(",", "")
        elif "," in text:  # Vietnamese writing: dots group thousands, the comma marks decimals (1.234,5 → 1234.5)
            text = text.replace(".", "").replace(",", ".", 1) if text.count(",") == 1 else "?"
        elif text.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", text):
            text = text.replace(".", "")  # 1.234.567, 1.500 (thousands); a lone 60.10 stays a decimal
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise AmountError(
                gettext("%(label)s: “%(value)s” không phải là số.") % {"label": label, "value": value}
            ) from None
    if not number.is_finite():
        raise AmountError(gettext("%(label)s: “%(value)s” không phải là số.") % {"label": label, "value": value})
    if number < 0:
        raise AmountError(gettext("%(label)s không được âm.") % {"label": label})
    if not allow_zero and number == 0:
        raise AmountError(gettext("%(label)s phải lớn hơn 0.") % {"label": label})
    return number


def check_currency(code: str) -> str:
    code = (code or "").strip().upper()
    if code not in CURRENCIES:
        raise AmountError(
            gettext("Đơn vị tiền tệ “%(code)s” không có trong danh mục (ví dụ: VND, USD, EUR, LAK).") % {"code": code}
        )
    return code


def vnd(amount: Decimal) -> Decimal:
    """Rounded to the đồng, half up."""
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def format_vnd(amount: Decimal | int | None, *, unit: bool = True) -> str:
    """1234567 → "1.234.567 đ" in Vietnamese, "1,234,567 VND" in English."""
    return vnd_formatter(unit=unit)(amount)


def vnd_formatter(*, unit: bool = True) -> Callable[[Decimal | int | None], str]:
    """`format_vnd` with the active language looked up once: for a table of thousands of amounts."""
    language = get_language() or "vi"
    locale = "en" if language.startswith("en") else "vi"
    pattern = _with_unit(language) if unit else "%(text)s"

    def format_one(amount: Decimal | int | None) -> str:
        if amount is None:
            return ""
        rounded = vnd(Decimal(amount))
        text = local_integer(int(rounded), locale) if rounded or not rounded.is_signed() else local_decimal(rounded)
        return pattern % {"text": text}

    return format_one


@cache
def _with_unit(language: str) -> str:
    """The unit's format ("%(text)s đ") in `language`, the active one when called: translated once per language,
    as a totals page writes thousands of amounts."""
    return gettext("%(text)s đ")


def signed_vnd(amount: Decimal) -> str:
    """A difference: "+1.000 đ", "-1.000 đ", "0 đ"."""
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    return sign + format_vnd(abs(amount))


def format_amount(amount: Decimal | None, currency: str) -> str:
    """A foreign amount with two decimals unless whole: 1.234,50 USD (Vietnamese), 1,234.50 USD (English)."""
    if amount is None:
        return ""
    if currency == VND:
        return format_vnd(amount)
    rounded = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    pattern = "#,##0" if rounded == rounded.to_integral_value() else "#,##0.00"
    return f"{format_decimal(rounded, format=pattern, locale=number_locale())} {currency}"


# History summaries are stored as written, in Vietnamese: their amounts too, whoever records them.
stored_vnd = in_vietnamese(format_vnd)
stored_signed_vnd = in_vietnamese(signed_vnd)
