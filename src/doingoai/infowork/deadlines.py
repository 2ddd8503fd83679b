"""Deadlines of the external-information work, declared on the registries: a product's planned publication date
(owed by its producing unit) and the answer to false information (`false_info_answer_days` after detection)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.deadlines import DaysAfter, DeadlineRule
from doingoai.infowork.models import FalseInfoStatus, InfoProductStatus

PUBLICATION = DeadlineRule(
    kind="infoproduct_publication",
    label=gettext_lazy("Phát hành sản phẩm thông tin đối ngoại"),
    heading=gettext_lazy("Sản phẩm thông tin đối ngoại quá ngày dự kiến phát hành"),
    open=lambda: Q(
        status__in=(InfoProductStatus.PLANNED, InfoProductStatus.DRAFTED, InfoProductStatus.REVIEWED),
        planned_on__isnull=False,
    ),
    due_field="planned_on",
    overdue_query=lambda records, today: records.filter(planned_on__lt=today).order_by("planned_on", "pk"),
    title=lambda p: gettext("Phát hành: %(p)s") % {"p": p.title},
)

ANSWER = DeadlineRule(
    kind="falseinfo_answer",
    label=gettext_lazy("Phản bác thông tin sai lệch"),
    heading=gettext_lazy("Thông tin sai lệch chưa được phản bác đúng hạn"),
    open=lambda: Q(status__in=(FalseInfoStatus.DETECTED, FalseInfoStatus.ASSESSED)),
    after=DaysAfter("detected_on", "false_info_answer_days"),
    # The case's number only: the reminder and the home page must not carry the restricted content.
    title=lambda c: gettext("Phản bác thông tin sai lệch (vụ việc #%(pk)s)") % {"pk": c.pk},
)
