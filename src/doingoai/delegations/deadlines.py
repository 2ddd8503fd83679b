"""The delegations' deadline: the result report after return (15 days by the common rule)."""

from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.deadlines import DeadlineRule
from doingoai.delegations.models import RESULT_REPORT_DUE, DelegationStatus, Direction

RESULT_REPORT = DeadlineRule(
    kind="delegation_report",
    label=gettext_lazy("Báo cáo kết quả đoàn ra"),
    heading=gettext_lazy("Đoàn ra chưa báo cáo kết quả sau 15 ngày"),
    open=lambda: Q(
        direction=Direction.OUT, status=DelegationStatus.DONE, actual_end__isnull=False, result_reported_on__isnull=True
    ),
    after=RESULT_REPORT_DUE,
    title=lambda d: gettext("Báo cáo kết quả: %(d)s") % {"d": d.name},
    title_fields=("name",),
)
