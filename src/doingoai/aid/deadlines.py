"""The deadline of foreign NGO aid (Decree 80/2020/NĐ-CP): approval may be revoked when the aid has not started
within 6 months."""

import datetime as dt

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext, gettext_lazy

from doingoai.aid.models import AidKind, AidProject, AidStatus
from doingoai.core import rules
from doingoai.core.deadlines import DeadlineRule


def late_start(records: QuerySet[AidProject], today: dt.date) -> list[AidProject]:
    """The approved NGO aid of `records` past its start deadline, oldest approval first.

    The deadline adds calendar months (31/8 + 6 months = 28/2), which SQL cannot say portably, so the
    database narrows the rows to approvals at least five months old and Python decides.
    """
    months = int(settings.DOINGOAI_RULES["ngo_aid_start_months"])
    bound = rules.add_months(today, -max(months - 1, 0))
    candidates = records.filter(approved_on__lt=bound).order_by("approved_on", "id")
    return [a for a in candidates if a.is_start_late(today)]


START = DeadlineRule(
    kind="aid_start",
    label=gettext_lazy("Hạn triển khai viện trợ phi chính phủ"),
    heading=gettext_lazy("Viện trợ phi chính phủ chưa triển khai sau 6 tháng phê duyệt"),
    open=lambda: Q(kind=AidKind.NGO, status=AidStatus.APPROVED, approved_on__isnull=False),
    due=lambda a: a.start_deadline,
    overdue_query=late_start,
    title=lambda a: gettext("Triển khai viện trợ: %(a)s") % {"a": a.title},
    in_deadline_list=False,  # shown as late on the home page, as before; not yet in the reminders
)
