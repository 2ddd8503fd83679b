"""Small template helpers for forms and Vietnamese number display."""

from __future__ import annotations

from typing import Any

from django import forms, template

register = template.Library()


@register.filter
def is_wide(bound_field: Any) -> bool:
    """Text areas and multi-selects take the whole row of a two-column form."""
    return isinstance(bound_field.field.widget, forms.Textarea | forms.SelectMultiple)


@register.filter
def is_checkbox(bound_field: Any) -> bool:
    return isinstance(bound_field.field.widget, forms.CheckboxInput)
