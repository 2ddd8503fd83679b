"""Numbers on the dashboard in the reader's format through Babel: 1.234.567,5 in Vietnamese, 1,234,567.5 in English."""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal
from django import template

from doingoai.core.numbers import number_locale

register = template.Library()


@register.filter
def vi_number(value: Any) -> str:
    if value is None or value == "":
        return ""
    return format_decimal(value, locale=number_locale())
