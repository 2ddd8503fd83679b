"""Small template helpers for forms and Vietnamese number display."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.template.base import render_value_in_context
from django.template.loader import render_to_string
from django.templatetags.l10n import unlocalize
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def is_wide(bound_field: Any) -> bool:
    """Text areas and multi-selects take the whole row of a two-column form."""
    return isinstance(bound_field.field.widget, forms.Textarea | forms.SelectMultiple)


@register.filter
def is_checkbox(bound_field: Any) -> bool:
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.simple_tag
def record_heading(meta: Any, query: Any) -> str:
    """The name of a new record, following the list it was started from ("đoàn ra" from Đoàn ra)."""
    from doingoai.core.registry import registry_for

    reg = registry_for(meta.model)
    return reg.heading(query) if reg is not None else str(meta.verbose_name)


@register.simple_tag
def active_filters(query: Any) -> int:
    """How many filters of a list are in use (paging, sorting and export are not filters)."""
    return sum(1 for key, values in query.lists() if key not in ("page", "sort", "export") and any(values))


@register.simple_tag
def nav_menu(menu: Any) -> SafeString:
    """The top menu's entries (core/_menu.html), rendered once per menu: core.registry keeps one `UserMenu` per
    language and visibility, and every page a user opens shows the same ~55 entries, whose template loops were a
    third of a small page's rendering."""
    if menu.html is None:
        menu.html = render_to_string("core/_menu.html", {"MENU": menu})
    return menu.html  # type: ignore[no-any-return]


@register.simple_tag(takes_context=True)
def table_rows(context: template.Context, table: Any) -> str:
    """The rows of a django-tables2 table, as its template would write them, rendered in Python.

    The library's template renders every cell through template tags (attributes, localisation, escaping): at
    national scale that was most of a list page's time. Cells are still localised and escaped the same way
    (`render_value_in_context`); the `<td>` attributes of a column do not depend on the row in our tables, so
    they are computed once per column.
    """
    td_attrs: dict[str, str] = {}
    rows = []
    for row in table.paginated_rows:
        cells = []
        for column, cell in row.items():
            attrs = td_attrs.get(column.name)
            if attrs is None:
                attrs = td_attrs[column.name] = column.attrs["td"].as_html()
            if column.localize is not None:
                cell = localize(cell) if column.localize else unlocalize(cell)
            cells.append(f"<td {attrs}>{render_value_in_context(cell, context)}</td>")
        rows.append(f"<tr {row.attrs.as_html()}>{''.join(cells)}</tr>")
    return mark_safe("\n".join(rows))  # noqa: S308 - every cell went through render_value_in_context (escaped)
