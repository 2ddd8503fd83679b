"""Template helpers of the reporting app: the inbox badge and report state badges."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.utils.formats import localize
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


@register.simple_tag
def compliance_rows(rows: list[Any], deadlines_url: str) -> SafeString:
    """The rows of the compliance page's table, one per unit, written here rather than by a template loop: at
    national scale ~1,700 units have an overdue deadline (a loop took ~180 ms). Every value escaped as the
    template's autoescape does (`html.escape` is what Django's `escape` applies); figures localised as `{{ }}`
    does (`localize`), counts as `number_vi`; each text translated once for the page, not once per row.

    A unit's overdue deadlines: the first few (`row.overdue_first`, one line each: link and due date) and, when
    there are more, a link to all of them on the deadline page (`deadlines_url`: its address); or a dash."""
    rate_label = escape(gettext("Tỷ lệ đúng hạn"))
    no_rate = f'<span class="text-muted small">{escape(gettext("chưa có kết quả"))}</span>'
    due_text = gettext("(hạn %(due)s)")
    all_text = gettext("Xem tất cả %(count)s hạn quá hạn của đơn vị")
    url = escape(deadlines_url)  # with the query `urlencode` would write: "group=overdue&unit=<id>", escaped
    dates: dict[Any, str] = {}
    lines = []
    for row in rows:
        name = escape(str(row.unit.name))
        rate = row.rate
        if rate is None:
            rate_cell = no_rate
        else:
            colour = "bg-success" if rate >= 80 else "bg-warning" if rate >= 50 else "bg-danger"
            rate_cell = (
                '<div class="d-flex align-items-center gap-2"><div class="progress flex-grow-1" role="progressbar" '
                f'aria-label="{rate_label}" aria-valuenow="{escape(str(localize(rate)))}" aria-valuemin="0" '
                f'aria-valuemax="100" style="height: .6rem"><div class="progress-bar {colour}" '
                f'style="width: {int(rate)}%"></div></div>'
                f'<span class="stat-num small">{escape(number_vi(rate))}%</span></div>'
            )
        latest = row.latest
        latest_cell = ""
        if latest:
            link = f'<a href="{escape(latest.get_absolute_url())}">{escape(str(latest.period.label))}</a>'
            latest_cell = f"{link} {state_badge(latest)}"
        count = escape(_figure(row.overdue))
        overdue = f'<span class="text-danger fw-semibold">{count}</span>' if row.overdue else "0"
        if row.overdue_first:
            cell = "".join(_overdue_line(d, due_text, dates) for d in row.overdue_first)
        else:
            cell = '<span class="text-muted">—</span>'
        if row.overdue > len(row.overdue_first):
            text = escape(all_text % {"count": _figure(row.overdue)})
            href = f"{url}?group=overdue&amp;unit={int(row.unit.pk)}"
            cell += f'<div class="overdue-all"><a href="{href}">{text} »</a></div>'
        lines.append(
            f'<tr data-unit="{name}"><td>{name}</td><td class="text-center stat-num">{row.counted}</td>'
            f'<td class="text-center stat-num">{row.on_time}</td><td class="text-center stat-num">{row.late}</td>'
            f'<td class="text-center stat-num">{row.missing}</td><td class="rate">{rate_cell}</td>'
            f'<td class="small">{latest_cell}</td><td class="text-center stat-num overdue-count">{overdue}</td>'
            f'<td class="small overdue">{cell}</td></tr>'
        )
    return mark_safe("\n".join(lines))  # noqa: S308 (every value escaped)


def _overdue_line(deadline: Any, due_text: str, dates: dict[Any, str]) -> str:
    """One overdue deadline: its link and its due date (as `date:"d/m/Y"`), the date's text made once per day."""
    due = deadline.due
    if (text := dates.get(due)) is None:
        text = dates[due] = escape(due_text % {"due": f"{due.day:02d}/{due.month:02d}/{due.year}"})
    link = f'<a href="{escape(deadline.url)}">{escape(deadline.title)}</a>'
    return f'<div>{link} <span class="text-danger">{text}</span></div>'


def _figure(value: int) -> str:
    return str(value) if 0 <= value < 1000 else local_figure(value)  # babel's grouping only where there is one
