"""Writes of the dashboard app: issuing and revoking a user's iCal feed address."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from doingoai.core.workflow import record_event
from doingoai.dashboard.models import CalendarToken


def _revoke_active(*, user: Any, by: Any) -> int:
    revoked = 0
    for token in CalendarToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True):
        token.revoked_at = timezone.now()
        token._history_user = by  # type: ignore[attr-defined]
        token.save(update_fields=["revoked_at"])
        record_event(obj=token, verb="revoked", summary=gettext_noop("Thu hồi địa chỉ lịch iCal"), actor=by)
        revoked += 1
    return revoked


@transaction.atomic
def calendar_token_issue(*, user: Any, by: Any) -> CalendarToken:
    """A new secret feed address for `user`; any address they had stops working at once (regenerate)."""
    _revoke_active(user=user, by=by)
    token = CalendarToken(user=user)
    token._history_user = by  # type: ignore[attr-defined]
    token.save()
    record_event(obj=token, verb="issued", summary=gettext_noop("Tạo địa chỉ lịch iCal"), actor=by)
    return token


@transaction.atomic
def calendar_token_revoke(*, user: Any, by: Any) -> int:
    """Revoke every active feed address of `user`; returns how many were revoked."""
    return _revoke_active(user=user, by=by)


def end_feeds_with_credentials(sender: Any, *, user: Any, by: Any, **kwargs: Any) -> int:
    """Receiver of core's `credentials_ended`: a changed password, deactivation or revoke ends the feed addresses."""
    return calendar_token_revoke(user=user, by=by)
