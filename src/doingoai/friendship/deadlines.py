"""The friendship associations' deadline: the congress that opens the next term."""

from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.deadlines import DeadlineRule
from doingoai.friendship.models import AssociationStatus

NEXT_CONGRESS = DeadlineRule(
    kind="friendship_congress",
    label=gettext_lazy("Đại hội nhiệm kỳ mới của hội hữu nghị"),
    heading=gettext_lazy("Hội hữu nghị quá hạn tổ chức đại hội nhiệm kỳ mới"),
    open=lambda: Q(status=AssociationStatus.APPROVED, next_congress_due__isnull=False),
    due_field="next_congress_due",
    overdue_query=lambda records, today: records.filter(next_congress_due__lt=today).order_by(
        "next_congress_due", "pk"
    ),
    title=lambda o: gettext("Đại hội nhiệm kỳ mới: %(o)s") % {"o": o.name},
)
