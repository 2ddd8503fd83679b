"""Password rules in Vietnamese where Django's own catalogue lags behind its messages."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import gettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's minimum length; Django 5.2 reworded its message and the Vietnamese catalogue still has the old one."""

    def get_error_message(self) -> str:
        return gettext("Mật khẩu quá ngắn: cần ít nhất %(min_length)s ký tự.") % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return gettext("Mật khẩu phải có ít nhất %(min_length)s ký tự.") % {"min_length": self.min_length}
