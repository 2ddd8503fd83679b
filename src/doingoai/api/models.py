"""When each API token (DRF's `authtoken.Token`) was last used, beside the token."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from rest_framework.authtoken.models import Token


class TokenUse(models.Model):
    # Written at most once a minute per token (api.services.api_token_touch), not on every request.
    token = models.OneToOneField(
        Token, verbose_name=gettext_lazy("Khóa API"), primary_key=True, on_delete=models.CASCADE, related_name="use"
    )
    last_used_at = models.DateTimeField(gettext_lazy("Lần dùng gần nhất"))

    class Meta:
        verbose_name = gettext_lazy("Lần dùng khóa API")
        verbose_name_plural = pgettext_lazy("plural", "Lần dùng khóa API")

    def __str__(self) -> str:
        return gettext("Khóa API của %(user)s: %(last_used_at)s") % {
            "user": self.token.user,
            "last_used_at": format(self.last_used_at, "%d/%m/%Y %H:%M"),
        }
