"""Vietnamese number display (1.234.567,5) through Babel, as DESIGN.md asks."""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal
from django import template

register = template.Library()


@register.filter
def vi_number(value: Any) -> str:
    if value is None or value == "":
        return ""
    return format_decimal(value, locale="vi")
