"""Reminders of deadlines (`reporting.deadlines`): a message in the inbox and an e-mail N days before a deadline
and once it is overdue, each sent exactly once (run by the `send_reminders` task)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter

from django.conf import settings
from django.core.mail import get_connection, send_mass_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.core.models import User
from doingoai.delegations.models import Delegation, DelegationStatus
from doingoai.reporting import selectors
from doingoai.reporting.deadlines import COORDINATOR, EVERYONE, Deadline, deadline_list
from doingoai.reporting.models import ReminderSent, ReminderStage
from doingoai.reporting.services import coordinators, notify, unit_officers

logger = logging.getLogger(__name__)


def reminder_recipients(deadline: Deadline, stage: str) -> tuple[list[User], list[User], list[str]]:
    """(users who get an e-mail and a message, users who get only a message, extra addresses such as the
    unit's own e-mail when it has no officer account)."""
    if deadline.responsible == COORDINATOR:
        return coordinators(), [], []
    if deadline.responsible == EVERYONE:
        year = deadline.due.year
        unit_ids = (
            Delegation.objects.filter(year=year)
            .exclude(status__in=[DelegationStatus.DRAFT, DelegationStatus.CANCELLED])
            .values_list("proposing_unit_id", flat=True)
            .distinct()
        )
        return coordinators() + unit_officers(unit_ids), [], []
    officers = unit_officers([deadline.unit.pk]) if deadline.unit else []
    extra = [deadline.unit.email] if deadline.unit and deadline.unit.email and not officers else []
    copies = coordinators() if stage == ReminderStage.OVERDUE else []
    return officers, copies, extra


def _reminder_text(deadline: Deadline, stage: str, today: dt.date) -> tuple[str, str]:
    province = settings.PROVINCE_NAME
    if stage == ReminderStage.OVERDUE:
        head = f"Quá hạn {(today - deadline.due).days} ngày"
    elif deadline.due == today:
        head = gettext("Đến hạn hôm nay")
    else:
        head = f"Còn {(deadline.due - today).days} ngày"
    title = f"{head}: {deadline.title}"
    lines = [
        deadline.title,
        f"Loại việc: {deadline.kind_label}.",
        f"Hạn: {deadline.due:%d/%m/%Y} ({head.lower()}).",
    ]
    if deadline.unit is not None:
        lines.append(f"Đơn vị: {deadline.unit}.")
    lines += ["", f"Xem và xử lý: {settings.DOINGOAI_BASE_URL.rstrip('/')}{deadline.url}", "", f"Đối ngoại {province}"]
    return title, "\n".join(lines)


def reminders_send(*, today: dt.date | None = None) -> dict[str, int]:
    """Send each due reminder once: N days before a deadline ("upcoming") and after it ("overdue").

    The `ReminderSent` row (unique per deadline, stage and due date) is inserted in the same transaction as the
    messages and the e-mails: a second run — a retried task, a restarted worker, two workers — hits the unique
    constraint and sends nothing. If sending fails, the transaction is rolled back and the next run tries again.
    """
    today = today or timezone.localdate()
    result: Counter = Counter()
    connection = get_connection()
    for deadline in deadline_list(user=selectors.SYSTEM, today=today):
        stage = deadline.stage(today)
        if stage is None:
            continue
        result["due"] += 1
        key = {"deadline_key": deadline.key, "stage": stage, "due": deadline.due}
        if ReminderSent.objects.filter(**key).exists():
            result["already_sent"] += 1
            continue
        try:
            with transaction.atomic():
                sent = ReminderSent.objects.create(**key)
                mailed, copied, extra = reminder_recipients(deadline, stage)
                title, body = _reminder_text(deadline, stage, today)
                users = {u.pk: u for u in [*mailed, *copied]}
                notify(users=users.values(), title=title, body=body, url=deadline.url, kind=f"reminder_{stage}")
                addresses = sorted({u.email for u in mailed if u.email} | set(extra))
                subject = f"[Đối ngoại {settings.PROVINCE_NAME}] {title}"
                messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [a]) for a in addresses]
                emails = send_mass_mail(messages, fail_silently=False, connection=connection) if messages else 0
                sent.recipients, sent.emails = len(users) + len(extra), emails
                sent.save(update_fields=["recipients", "emails"])
        except IntegrityError:
            result["already_sent"] += 1  # another run took this one between the check and the insert
            continue
        except Exception:
            logger.exception(gettext("Không gửi được nhắc hạn %s (%s); sẽ thử lại ở lần chạy sau"), deadline.key, stage)
            result["failed"] += 1
            continue
        result["sent"] += 1
        result["emails"] += emails
        result["notifications"] += len(users)
    return {k: result.get(k, 0) for k in ("due", "sent", "already_sent", "failed", "emails", "notifications")}
