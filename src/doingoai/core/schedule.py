"""Reporting regimes as data: "monthly:20, semiannual:06-15, annual:12-15" or the extract contract's entries
[{"period": "semiannual", "due": "06-15", "days_after": null, "to": "…"}]. A plan keeps its regime in this shape;
`reporting.schedule` turns an entry into a period with its due date."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.utils.translation import gettext, gettext_lazy

from doingoai.core.choices import PeriodKind

KIND_WORDS = {
    PeriodKind.MONTHLY: gettext_lazy("báo cáo tháng"),
    PeriodKind.QUARTERLY: gettext_lazy("báo cáo quý"),
    PeriodKind.SEMIANNUAL: gettext_lazy("báo cáo 6 tháng"),
    PeriodKind.ANNUAL: gettext_lazy("báo cáo năm"),
    PeriodKind.ADHOC: gettext_lazy("báo cáo đột xuất"),
}


@dataclass(frozen=True)
class ScheduleEntry:
    period: str
    due: str | None = None  # "DD" (monthly) or "MM-DD"
    days_after: int | None = None
    to: str = ""

    def describe(self) -> str:
        words = str(KIND_WORDS.get(self.period, self.period))  # type: ignore[call-overload]
        if self.due and "-" in self.due:
            month, day = self.due.split("-")
            return gettext("%(words)s trước ngày %(day)s/%(month)s") % {
                "words": words,
                "day": int(day),
                "month": int(month),
            }
        if self.due:
            return gettext("%(words)s trước ngày %(due)s hằng tháng") % {"words": words, "due": int(self.due)}
        if self.days_after is not None:
            return gettext("%(words)s trong %(days_after)s ngày sau kỳ báo cáo") % {
                "words": words,
                "days_after": self.days_after,
            }
        return words


def entries_from_data(items: Iterable[Mapping[str, Any]]) -> list[ScheduleEntry]:
    """Entries in the extract contract's shape; unknown kinds, malformed days and items that are not objects
    (a hand-edited or damaged JSON value) are left out."""
    result = []
    for item in items if isinstance(items, list | tuple) else []:
        if not isinstance(item, Mapping):
            continue
        period = str(item.get("period") or "")
        if period not in PeriodKind.values:
            continue
        due = item.get("due")
        due = str(due).strip() if due else None
        if due and not _valid_due(period, due):
            due = None
        days_after = item.get("days_after")
        try:
            days_after = int(days_after) if days_after is not None else None
        except (TypeError, ValueError):
            days_after = None
        result.append(ScheduleEntry(period, due, days_after, str(item.get("to") or "")))
    return result


def entries_from_setting(items: Iterable[str]) -> list[ScheduleEntry]:
    """ "monthly:20", "semiannual:06-15", "adhoc:+7" (days after the period's end)."""
    data = []
    for raw in items:
        kind, _, value = raw.strip().partition(":")
        value = value.strip()
        if value.startswith("+"):
            data.append({"period": kind.strip(), "days_after": value[1:]})
        else:
            data.append({"period": kind.strip(), "due": value})
    return entries_from_data(data)


def _valid_due(period: str, due: str) -> bool:
    parts = due.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return False
    if period == PeriodKind.MONTHLY:
        return len(numbers) == 1 and 1 <= numbers[0] <= 31
    if len(numbers) == 2:
        month, day = numbers
        return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]
    return False


def entries_to_data(entries: Iterable[ScheduleEntry]) -> list[dict[str, Any]]:
    return [asdict(e) for e in entries]


def entries_to_text(items: Iterable[Mapping[str, Any]]) -> str:
    """The short form an administrator types: "monthly:20, semiannual:06-15, adhoc:+7"."""
    parts = []
    for e in entries_from_data(items):
        if e.due:
            parts.append(f"{e.period}:{e.due}")
        elif e.days_after is not None:
            parts.append(f"{e.period}:+{e.days_after}")
        else:
            parts.append(e.period)
    return ", ".join(parts)


def describe_entries(items: Iterable[Mapping[str, Any]]) -> str:
    """ "báo cáo tháng trước ngày 20 hằng tháng; báo cáo 6 tháng trước ngày 15/6"."""
    return "; ".join(e.describe() for e in entries_from_data(items))


def parse_regime(text: str) -> list[dict[str, Any]]:
    """The short form, checked: every item must be understood, else ValueError names the one that is not."""
    items = [part.strip() for part in text.replace(";", ",").replace("\n", ",").split(",") if part.strip()]
    result = []
    for raw in items:
        entries = entries_from_setting([raw])
        if not entries or (":" in raw and entries[0].due is None and entries[0].days_after is None):
            kinds = ", ".join(PeriodKind.values)
            raise ValueError(
                gettext(
                    "Không hiểu kỳ báo cáo “%(raw)s”. Viết loại kỳ (%(kinds)s) và hạn: “monthly:20” "
                    "(ngày 20 hằng tháng), “semiannual:06-15” (ngày 15/6), “adhoc:+7” (7 ngày sau "
                    "kỳ)."
                )
                % {"raw": raw, "kinds": kinds}
            )
        result.append(asdict(entries[0]))
    return result
