"""When a user's credentials change, every secret standing for them ends: API tokens, calendar feed addresses.

One mechanism for every path (the password change and reset pages, the admin, `set_password` + `save`, the
`changepassword` command, deactivation): a pre_save on User notices the change, the post_save ends the secrets
in the same transaction. Core owns User but not the secrets; the apps that hold them answer `credentials_ended`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import is_password_usable
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from simple_history.models import HistoricalRecords

from doingoai.core.models import User
from doingoai.core.signals import credentials_ended
from doingoai.core.workflow import record_event

REASONS = {
    "password": "đổi mật khẩu",
    "deactivated": "khóa tài khoản",
    "revoked": "quản trị viên thu hồi",
}


@transaction.atomic
def user_credentials_revoke(*, user: User, by: Any, reason: str = "revoked") -> int:
    """End every API token and calendar feed address of `user`; returns how many ended.

    An administrator's revoke is always recorded as a business event on the user; a password change or a
    deactivation only when it ended something."""
    answers = credentials_ended.send(sender=User, user=user, by=by, reason=reason)
    ended = sum(int(count or 0) for _, count in answers)
    if ended or reason == "revoked":
        record_event(
            obj=user,
            verb="credentials_revoked",
            summary=f"Thu hồi {ended} khóa API và địa chỉ lịch iCal ({REASONS[reason]})",
            actor=by,
            data={"reason": reason, "count": ended},
        )
    return ended


def _rehash_only(user: User, update_fields: Any) -> bool:
    # check_password() re-hashes with newer hasher settings on login: same password, so not a change (its own words).
    return (
        user._password is None  # type: ignore[attr-defined]
        and update_fields is not None
        and set(update_fields) == {"password"}
        and is_password_usable(user.password)
    )


def _note_credential_change(sender: type[User], instance: User, raw: bool = False, **kwargs: Any) -> None:
    instance._credentials_ended = None  # type: ignore[attr-defined]
    update_fields = kwargs.get("update_fields")
    if raw or instance._state.adding or instance.pk is None:
        return
    # Saving only other fields (last_login at every sign-in) costs no query.
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return
    stored = sender._default_manager.filter(pk=instance.pk).values("password", "is_active").first()
    if stored is None:
        return
    if stored["is_active"] and not instance.is_active:
        instance._credentials_ended = "deactivated"  # type: ignore[attr-defined]
    elif stored["password"] != instance.password and not _rehash_only(instance, update_fields):
        instance._credentials_ended = "password"  # type: ignore[attr-defined]


def _acting_user() -> Any:
    # The request simple_history's middleware keeps; None in commands and background tasks.
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def _end_credentials(sender: type[User], instance: User, raw: bool = False, **kwargs: Any) -> None:
    reason = getattr(instance, "_credentials_ended", None)
    if reason and not raw:
        instance._credentials_ended = None  # type: ignore[attr-defined]
        user_credentials_revoke(user=instance, by=_acting_user(), reason=reason)


def connect() -> None:
    pre_save.connect(_note_credential_change, sender=User, dispatch_uid="core.accounts.note")
    post_save.connect(_end_credentials, sender=User, dispatch_uid="core.accounts.end")
