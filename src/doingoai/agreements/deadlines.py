"""The agreements' deadlines (Law 70/2020/QH14): opinions within 7 working days, the report to the Prime
Minister within 15 days of signing."""

import datetime as dt

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext, gettext_lazy

from doingoai.agreements.models import REPORT_DUE, REVIEW_DAYS_BEFORE_EXPIRY, ActionStatus, Agreement, AgreementStatus
from doingoai.core.deadlines import COORDINATOR, DeadlineRule


def _opinions_overdue(records: QuerySet, today: dt.date) -> list[Agreement]:
    # Working days are never fewer than calendar days: only consultations older than that can be overdue.
    days = int(settings.DOINGOAI_RULES["agreement_opinion_working_days"])
    older = records.filter(consulted_on__lt=today - dt.timedelta(days=days))
    return [a for a in older if a.opinions_due and today > a.opinions_due]


PM_REPORT = DeadlineRule(
    kind="agreement_report",
    label=gettext_lazy("Báo cáo Thủ tướng sau khi ký thỏa thuận"),
    heading=gettext_lazy("Thỏa thuận chưa báo cáo Thủ tướng sau 15 ngày ký"),
    open=lambda: Q(
        signed_on__isnull=False,
        reported_on__isnull=True,
        status__in=[AgreementStatus.SIGNED, AgreementStatus.IN_FORCE],
    ),
    after=REPORT_DUE,
    title=lambda a: gettext("Báo cáo Thủ tướng: %(a)s") % {"a": a.title},
    title_fields=("title",),
)
OPINIONS = DeadlineRule(
    kind="agreement_opinions",
    label=gettext_lazy("Hạn trả lời ý kiến về thỏa thuận"),
    heading=gettext_lazy("Thỏa thuận quá hạn trả lời ý kiến (7 ngày làm việc)"),
    open=lambda: Q(status=AgreementStatus.CONSULTED, consulted_on__isnull=False),
    due=lambda a: a.opinions_due,
    due_fields=("consulted_on",),  # what opinions_due reads
    overdue_query=_opinions_overdue,
    title=lambda a: gettext("Trả lời ý kiến về thỏa thuận: %(a)s") % {"a": a.title},
    title_fields=("title",),
    responsible=COORDINATOR,
)


def _review_overdue(records: QuerySet, today: dt.date) -> QuerySet:
    """`Agreement.review_due` before today, as a query: the review date, else the expiry less the days before."""
    expiry = today + dt.timedelta(days=REVIEW_DAYS_BEFORE_EXPIRY)
    # Oldest first by the index's own columns (agreement_review_open): ordered by year, SQLite read every signed
    # agreement of the years through the (year, status) index, 28 ms on the home page for none overdue.
    late = records.filter(Q(review_on__lt=today) | Q(review_on__isnull=True, valid_until__lt=expiry))
    return late.order_by("review_on", "valid_until", "pk")


def _review_due_between(records: QuerySet, start: dt.date, end: dt.date) -> QuerySet:
    """`Agreement.review_due` between `start` and `end`, as a query (the same dates as `_review_overdue`)."""
    before = dt.timedelta(days=REVIEW_DAYS_BEFORE_EXPIRY)
    return records.filter(
        Q(review_on__range=(start, end)) | Q(review_on__isnull=True, valid_until__range=(start + before, end + before))
    )


REVIEW = DeadlineRule(
    kind="agreement_review",
    label=gettext_lazy("Rà soát thỏa thuận trước khi hết hiệu lực"),
    heading=gettext_lazy("Thỏa thuận đến hạn rà soát trước khi hết hiệu lực chưa được rà soát"),
    open=lambda: (
        Q(status__in=[AgreementStatus.SIGNED, AgreementStatus.IN_FORCE], reviewed_on__isnull=True)
        & (Q(review_on__isnull=False) | Q(valid_until__isnull=False))
    ),
    due=lambda a: a.review_due,
    due_fields=("review_on", "valid_until"),  # what review_due reads
    overdue_query=_review_overdue,
    due_between=_review_due_between,
    title=lambda a: gettext("Rà soát thỏa thuận trước khi hết hiệu lực: %(a)s") % {"a": a.title},
    title_fields=("title",),
)
ACTION = DeadlineRule(
    kind="agreement_action",
    label=gettext_lazy("Việc triển khai thỏa thuận"),
    heading=gettext_lazy("Việc triển khai thỏa thuận quá hạn"),
    open=lambda: Q(status=ActionStatus.OPEN),
    due_field="due_on",
    overdue_query=lambda records, today: records.filter(due_on__lt=today).order_by("due_on", "pk"),
    title=lambda a: gettext("%(a)s (thỏa thuận: %(agreement)s)") % {"a": a.title, "agreement": a.agreement.title},
)
