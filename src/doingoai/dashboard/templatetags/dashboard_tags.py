"""Numbers on the dashboard in the reader's format through Babel: 1.234.567,5 in Vietnamese, 1,234,567.5 in English."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from babel.numbers import format_decimal
from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from doingoai.core.numbers import local_integer, number_locale

register = template.Library()


@register.filter
def vi_number(value: Any) -> str:
    if value is None or value == "":
        return ""
    if type(value) is int:  # the dashboard's ~800 counts: Babel parses its pattern on every call
        return local_integer(value, number_locale())
    return format_decimal(value, locale=number_locale())


@register.simple_tag
def calendar_entries(entries: Iterable[Any]) -> SafeString:
    """The calendar's entries as blocks (list, day and planned views), drawn here rather than by an included
    template: the month page draws a hundred of them, and an include cost ~0.15 ms each."""
    out = []
    for e in entries:
        span = ""
        if e.exact and e.end != e.start:
            span = f'<span class="text-nowrap">· {e.start:%d/%m}–{e.end:%d/%m/%Y}</span>'
        title = format_html('<a href="{}" class="link-dark">{}</a>', e.url, e.title) if e.url else escape(e.title)
        small = " ".join(  # spaced as the template's lines were: "Lào · Đã phê duyệt"
            format_html(markup, value)
            for markup, value in (
                ("<span>{}</span>", e.unit_name),
                ("<span>· {}</span>", e.countries),
                ("<span>· {}</span>", e.status),
                ('<span class="text-body-secondary">· {}</span>', e.detail),
            )
            if value
        )
        out.append(
            f'<div class="cal-item kind-{escape(e.kind)} mb-1"><span class="fw-semibold">{escape(e.kind_label)}</span> '
            f'{span} · {title}<div class="small">{small}</div></div>'
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


@register.simple_tag
def calendar_links(entries: Iterable[Any]) -> SafeString:
    """A month grid cell's entries, one link each (its title, and its kind and unit on hover)."""
    return format_html_join(
        "",
        '<a class="cal-item kind-{}" href="{}" title="{}: {}{}">{}</a>',
        (
            (e.kind, e.url or "#", e.kind_label, e.title, f" — {e.unit_name}" if e.unit_name else "", e.title)
            for e in entries
        ),
    )
