"""Template helpers of the reporting app: the inbox badge and report state badges."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from doingoai.core.numbers import local_figure
from doingoai.reporting.models import UnitReport
from doingoai.reporting.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: Any) -> int:
    request = context.get("request")
    return unread_count(user=getattr(request, "user", None))


@register.filter
def state_badge(report: UnitReport | None) -> str:
    if report is None:
        return ""
    return format_html(
        '<span class="badge text-bg-{} report-state" data-state="{}">{}</span>',
        report.state_colour,
        report.display_key(),
        report.state_label,
    )


@register.filter
def number_vi(value: Any) -> str:
    """1.234 and 12,5 in Vietnamese, 1,234 and 12.5 in English; "—" for none."""
    return local_figure(value)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def overdue_list(deadlines: list[Any]) -> SafeString:
    """A unit's overdue deadlines on the compliance page, one line each (link and due date), or a dash. Written
    here rather than by a template loop: at national scale the page lists ~24,000 of them. The same markup as the
    loop wrote (`html.escape` is what Django's `escape` applies; dates as `date:"d/m/Y"`)."""
    if not deadlines:
        return mark_safe('<span class="text-muted">—</span>')
    due = gettext("(hạn %(due)s)")
    dates: dict[Any, str] = {}
    lines = []
    for d in deadlines:
        if (text := dates.get(d.due)) is None:
            text = dates[d.due] = due % {"due": f"{d.due.day:02d}/{d.due.month:02d}/{d.due.year}"}
        lines.append(
            f'<div><a href="{escape(d.url)}">{escape(d.title)}</a> <span class="text-danger">{text}</span></div>'
        )
    return mark_safe("".join(lines))  # noqa: S308 (every value escaped)
