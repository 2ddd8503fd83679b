"""The conferences' deadlines (Decision 06/2020/QĐ-TTg): apply for the permit 40 or 30 days before the start;
report after the event."""

import datetime as dt

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext, gettext_lazy

from doingoai.conferences.filters import PM_REQUIRED
from doingoai.conferences.models import ConferenceStatus, permit_apply_by
from doingoai.core.deadlines import DeadlineRule


def permit_late(records: QuerySet, today: dt.date) -> QuerySet:
    """`Conference.apply_by` as a query: the start date, or the first planned month, before today plus the
    lead time of the authority that permits."""
    rules = settings.DOINGOAI_RULES
    late = Q()
    annotations = {}
    for name, authority, days in (
        ("pm", PM_REQUIRED, int(rules["conference_pm_apply_days"])),
        ("chairman", ~PM_REQUIRED, int(rules["conference_chairman_apply_days"])),
    ):
        horizon = today + dt.timedelta(days=days)
        last_month = horizon.month if horizon.day > 1 else horizon.month - 1
        annotations[f"early_{name}"] = F("month_mask").bitand((1 << last_month) - 1)  # months 1..last_month
        by_months = Q(start_date__isnull=True) & (
            Q(year__lt=horizon.year, month_mask__gt=0) | Q(year=horizon.year, **{f"early_{name}__gt": 0})
        )
        late |= authority & (Q(start_date__lt=horizon) | by_months)
    return records.annotate(**annotations).filter(late)


PERMIT = DeadlineRule(
    kind="conference_permit",
    label=gettext_lazy("Hạn xin phép hội nghị, hội thảo"),
    heading=gettext_lazy("Hội nghị, hội thảo quá hạn xin phép"),
    open=lambda: Q(status=ConferenceStatus.PROPOSED),
    due=lambda c: c.apply_by,
    # What apply_by reads (planned start, authority), for the deadline list's first pass.
    due_fields=("start_date", "year", "month_mask", "has_foreign_high_level", "sensitive_topics"),
    due_from=permit_apply_by,
    # A query: the home page counts them and shows the first 10 (3,400 proposed at national scale).
    overdue_query=permit_late,
    title=lambda c: (
        gettext("Xin phép tổ chức (%(required_authority)s): %(c)s")
        % {"required_authority": c.required_authority.label, "c": c.title}
    ),
    title_fields=("title",),  # and the authority, from due_fields
)
REPORT = DeadlineRule(
    kind="conference_report",
    label=gettext_lazy("Báo cáo sau hội nghị, hội thảo"),
    heading=gettext_lazy("Hội nghị đã tổ chức chưa báo cáo"),
    open=lambda: Q(status=ConferenceStatus.HELD),
    overdue_query=lambda records, today: records,
    title=lambda c: gettext("Báo cáo kết quả hội nghị: %(c)s") % {"c": c.title},
    in_deadline_list=False,  # no date set by the rules: late from the day it was held
)
