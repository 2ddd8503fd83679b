"""The secret address of a user's iCal feed (`/calendar/feed/<token>.ics`), revocable."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from simple_history.models import HistoricalRecords

# 32 random bytes, URL-safe base64: 43 characters.
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class CalendarTokenQuerySet(models.QuerySet):
    def active(self) -> CalendarTokenQuerySet:
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class CalendarToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người dùng"),
        on_delete=models.CASCADE,
        related_name="calendar_tokens",
    )
    token = models.CharField(gettext_lazy("Mã bí mật"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(gettext_lazy("Ngày tạo"), auto_now_add=True)
    revoked_at = models.DateTimeField(gettext_lazy("Ngày thu hồi"), null=True, blank=True)
    # The history says who created and revoked which address, never the secret itself.
    history = HistoricalRecords(excluded_fields=["token"])

    objects = CalendarTokenQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("Địa chỉ lịch iCal")
        verbose_name_plural = pgettext_lazy("plural", "Địa chỉ lịch iCal")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        state = gettext("đã thu hồi") if self.revoked_at else gettext("đang dùng")
        return gettext("Lịch iCal của %(user)s (%(state)s)") % {"user": self.user, "state": state}

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
