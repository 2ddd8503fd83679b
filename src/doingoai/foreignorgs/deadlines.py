"""The foreign organisations' deadlines: the permit's expiry and the annual report."""

import datetime as dt

from django.db.models import ExpressionWrapper, F, Q
from django.db.models import fields as db_fields
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.deadlines import DeadlineRule
from doingoai.foreignorgs.models import REPORT_YEAR_DAYS, ForeignOrganisationStatus

ACTIVE = ForeignOrganisationStatus.APPROVED


def _report_owed() -> Q:
    last_cycle = ExpressionWrapper(
        F("annual_report_due") - dt.timedelta(days=REPORT_YEAR_DAYS), output_field=db_fields.DateField()
    )
    return Q(status=ACTIVE, annual_report_due__isnull=False) & (
        Q(annual_report_received_on__isnull=True) | Q(annual_report_received_on__lt=last_cycle)
    )


PERMIT_EXPIRY = DeadlineRule(
    kind="foreignorg_permit",
    label=gettext_lazy("Giấy đăng ký của tổ chức nước ngoài hết hạn"),
    heading=gettext_lazy("Tổ chức nước ngoài có giấy đăng ký đã hết hạn"),
    open=lambda: Q(status=ACTIVE, permit_valid_until__isnull=False),
    due_field="permit_valid_until",
    overdue_query=lambda records, today: records.filter(permit_valid_until__lt=today).order_by(
        "permit_valid_until", "pk"
    ),
    title=lambda o: gettext("Giấy đăng ký hết hạn: %(o)s") % {"o": o.name},
)
ANNUAL_REPORT = DeadlineRule(
    kind="foreignorg_report",
    label=gettext_lazy("Báo cáo năm của tổ chức nước ngoài"),
    heading=gettext_lazy("Tổ chức nước ngoài chưa nộp báo cáo năm"),
    open=_report_owed,
    due_field="annual_report_due",
    overdue_query=lambda records, today: records.filter(annual_report_due__lt=today).order_by(
        "annual_report_due", "pk"
    ),
    title=lambda o: gettext("Báo cáo năm: %(o)s") % {"o": o.name},
)
