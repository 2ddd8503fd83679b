"""The deadline of the foreigners working in the province: the expiry of their work permit (or the paper that
stands for it). Titles name the record, never the person: a deadline is read where the record's reads are not
logged (home page, reminders)."""

from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.deadlines import DeadlineRule
from doingoai.people.models import WorkerStatus

PERMIT_EXPIRY = DeadlineRule(
    kind="foreignworker_permit",
    label=gettext_lazy("Giấy phép của chuyên gia, lao động nước ngoài hết hạn"),
    heading=gettext_lazy("Chuyên gia, lao động nước ngoài có giấy phép đã hết hạn"),
    open=lambda: Q(status=WorkerStatus.PRESENT, permit_valid_until__isnull=False, erased_at__isnull=True),
    due_field="permit_valid_until",
    overdue_query=lambda records, today: records.filter(permit_valid_until__lt=today).order_by(
        "permit_valid_until", "pk"
    ),
    title=lambda o: (
        gettext("%(permit_kind)s hết hạn: %(record_label)s")
        % {"permit_kind": o.get_permit_kind_display(), "record_label": o.record_label}
        + (f" ({o.employer_display})" if o.employer_display else "")
    ),
)
