"""The deadline of a point agreed at a border meeting: its due date, until the unit in charge reports it done."""

from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.deadlines import DeadlineRule
from doingoai.laocoop.models import ActionStatus

ACTION_DUE = DeadlineRule(
    kind="border_meeting_action",
    label=gettext_lazy("Nội dung thống nhất tại hội đàm biên giới"),
    heading=gettext_lazy("Nội dung thống nhất tại hội đàm biên giới quá hạn thực hiện"),
    open=lambda: Q(status=ActionStatus.OPEN, due_on__isnull=False),
    due_field="due_on",
    overdue_query=lambda records, today: records.filter(due_on__lt=today).order_by("due_on", "id"),
    title=lambda a: gettext("Thực hiện nội dung đã thống nhất: %(a)s") % {"a": a},
)
