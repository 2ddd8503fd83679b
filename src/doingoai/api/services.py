"""Writes of the api app: issuing, revoking and touching a user's API token (DRF's `authtoken.Token`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from rest_framework.authtoken.models import Token

from doingoai.api.models import TokenUse

# The last use is kept to the minute: one write a minute per token at most, not one per request.
TOUCH_EVERY = dt.timedelta(minutes=1)


@transaction.atomic
def api_token_issue(*, user: Any) -> Token:
    """A new API token for `user`; the one they had (a user has one) stops working at once."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def api_token_revoke(*, user: Any) -> int:
    """Delete the API token of `user`; returns how many were deleted (0 or 1)."""
    return Token.objects.filter(user=user).delete()[1].get(Token._meta.label, 0)


def api_token_touch(*, token: Token, now: dt.datetime) -> None:
    """Record that `token` was used at `now`, unless that was already recorded less than a minute ago."""
    try:
        last = token.use.last_used_at  # type: ignore[attr-defined]
    except TokenUse.DoesNotExist:
        # Two first requests at once: the second finds the row there and leaves it.
        TokenUse.objects.bulk_create([TokenUse(token=token, last_used_at=now)], ignore_conflicts=True)
        return
    if now - last >= TOUCH_EVERY:
        TokenUse.objects.filter(token=token, last_used_at__lt=now - TOUCH_EVERY).update(last_used_at=now)


def end_tokens_with_credentials(sender: Any, *, user: Any, **kwargs: Any) -> int:
    """Receiver of core's `credentials_ended`: a changed password, deactivation or revoke ends the API token."""
    return api_token_revoke(user=user)
