"""Eligibility for the APEC Business Travel Card (Decision 09/2023/QĐ-TTg), from settings.DOINGOAI_RULES.

The enterprise has operated for at least 12 months, the applicant is at least 18 years old and has held the
post (worked for the enterprise) for at least 12 months — all counted on the day the file is submitted. A
period of N months is reached on the same day N months later (the month's last day when it is shorter: 29/2
plus 12 months is 28/2), so someone in post since 15/3/2025 qualifies on 15/3/2026, not on 14/3/2026.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils.translation import gettext

from doingoai.core.rules import add_months


def _rule(name: str) -> int:
    return int(settings.DOINGOAI_RULES[name])


def apec_enterprise_ready_on(established_on: dt.date) -> dt.date:
    return add_months(established_on, _rule("apec_enterprise_months"))


def apec_adult_on(birth_date: dt.date) -> dt.date:
    return add_months(birth_date, 12 * _rule("apec_min_age_years"))


def apec_in_post_ready_on(in_post_since: dt.date) -> dt.date:
    return add_months(in_post_since, _rule("apec_in_post_months"))


def apec_eligibility_problems(
    *,
    on: dt.date,
    enterprise_established_on: dt.date | None,
    birth_date: dt.date | None,
    in_post_since: dt.date | None,
) -> dict[str, str]:
    """{field: Vietnamese message} for every condition not met on `on`; empty when the applicant qualifies."""
    problems: dict[str, str] = {}
    when = f"{on:%d/%m/%Y}"
    if enterprise_established_on:
        ready = apec_enterprise_ready_on(enterprise_established_on)
        if enterprise_established_on > on:
            problems["enterprise_established_on"] = gettext(
                "Ngày thành lập doanh nghiệp không được sau ngày %(when)s."
            ) % {"when": when}
        elif on < ready:
            problems["enterprise_established_on"] = gettext(
                "Doanh nghiệp phải hoạt động từ %(value)s tháng trở lên (Quyết định 09/2023/QĐ-TTg): "
                "tính đến ngày %(when)s chưa đủ, đủ từ ngày %(ready)s."
            ) % {"value": _rule("apec_enterprise_months"), "when": when, "ready": format(ready, "%d/%m/%Y")}
    if birth_date:
        adult = apec_adult_on(birth_date)
        if birth_date > on:
            problems["birth_date"] = gettext("Ngày sinh không được sau ngày %(when)s.") % {"when": when}
        elif on < adult:
            problems["birth_date"] = gettext(
                "Người đề nghị phải đủ %(value)s tuổi (Quyết định 09/2023/QĐ-TTg): ngày %(when)s "
                "chưa đủ tuổi, đủ tuổi từ ngày %(adult)s."
            ) % {"value": _rule("apec_min_age_years"), "when": when, "adult": format(adult, "%d/%m/%Y")}
    if in_post_since:
        ready = apec_in_post_ready_on(in_post_since)
        if in_post_since > on:
            problems["in_post_since"] = gettext("Ngày bắt đầu giữ chức vụ không được sau ngày %(when)s.") % {
                "when": when
            }
        elif on < ready:
            problems["in_post_since"] = gettext(
                "Người đề nghị phải giữ chức vụ, làm việc tại doanh nghiệp từ %(value)s tháng trở "
                "lên (Quyết định 09/2023/QĐ-TTg): tính đến ngày %(when)s chưa đủ, đủ từ ngày "
                "%(ready)s."
            ) % {"value": _rule("apec_in_post_months"), "when": when, "ready": format(ready, "%d/%m/%Y")}
    if birth_date and in_post_since and in_post_since < birth_date:
        problems["in_post_since"] = gettext("Ngày bắt đầu giữ chức vụ không được trước ngày sinh.")
    return problems
