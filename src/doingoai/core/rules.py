"""Public-law rules, computed from the values kept in settings.DOINGOAI_RULES."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, gettext


@dataclass(frozen=True)
class ConferenceAuthority:
    code: str
    label: str
    apply_days: int
    basis: str


_AUTHORITIES: dict[tuple[bool, str | None, int, int], ConferenceAuthority] = {}


def conference_authority(*, high_level: bool, sensitive: bool) -> ConferenceAuthority:
    """Who permits an international conference (Decision 06/2020/QĐ-TTg, arts. 3–4).

    Kept per language and rule values: the deadline page and the calendar ask it for thousands of conferences."""
    rules: dict[str, int] = settings.DOINGOAI_RULES
    key = (
        bool(high_level or sensitive),
        get_language(),
        rules["conference_pm_apply_days"],
        rules["conference_chairman_apply_days"],
    )
    if (known := _AUTHORITIES.get(key)) is None:
        known = _AUTHORITIES[key] = _conference_authority(pm=key[0], rules=rules)
    return known


def conference_apply_days(*, high_level: bool, sensitive: bool) -> int:
    """`conference_authority(…).apply_days` without the labels: the deadline page dates ~3,000 conferences by
    it, and looking up the active language for each (asgiref's context-local) was a third of that page's time."""
    rules: dict[str, int] = settings.DOINGOAI_RULES
    return rules["conference_pm_apply_days" if high_level or sensitive else "conference_chairman_apply_days"]


def _conference_authority(*, pm: bool, rules: dict[str, int]) -> ConferenceAuthority:
    if pm:
        return ConferenceAuthority(
            "prime_minister",
            gettext("Thủ tướng Chính phủ"),
            rules["conference_pm_apply_days"],
            gettext("Có nguyên thủ/bộ trưởng nước ngoài hoặc nội dung nhạy cảm (Quyết định 06/2020/QĐ-TTg)"),
        )
    return ConferenceAuthority(
        "chairman",
        gettext("Chủ tịch UBND tỉnh"),
        rules["conference_chairman_apply_days"],
        gettext("Hội nghị, hội thảo quốc tế thuộc thẩm quyền của địa phương (Quyết định 06/2020/QĐ-TTg)"),
    )


def holidays(year: int) -> set[dt.date]:
    """Days off in `year`: yearly MM-DD entries and the YYYY-MM-DD entries of that year."""
    days = set()
    for entry in settings.DOINGOAI_HOLIDAYS:
        parts = [int(x) for x in entry.strip().split("-") if x]
        if len(parts) == 2:
            days.add(dt.date(year, parts[0], parts[1]))
        elif len(parts) == 3 and parts[0] == year:
            days.add(dt.date(*parts))
    return days


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date n working days after `start` (weekends and settings.DOINGOAI_HOLIDAYS skipped)."""
    day = start
    left = n
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays(day.year):
            left -= 1
    return day


def opinions_due(consulted_on: dt.date) -> dt.date:
    return add_working_days(consulted_on, int(settings.DOINGOAI_RULES["agreement_opinion_working_days"]))


def plan_adjustment_deadline(year: int) -> dt.date:
    month, day = (int(x) for x in str(settings.DOINGOAI_PLAN_ADJUSTMENT_DEADLINE).split("-"))
    return dt.date(year, month, day)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the last day of the month when that month is shorter (31/8 + 6 → 28/2)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def ngo_aid_start_deadline(approved_on: dt.date) -> dt.date:
    """Foreign non-ODA aid not implemented within 6 months of approval may lose it (Decree 80/2020/NĐ-CP)."""
    return add_months(approved_on, int(settings.DOINGOAI_RULES["ngo_aid_start_months"]))
