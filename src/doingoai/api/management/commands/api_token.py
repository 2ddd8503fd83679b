"""`doingoai api_token USERNAME [--revoke]`: create (or replace) a user's API token and print it, or revoke it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from doingoai.api.services import api_token_issue, api_token_revoke


class Command(BaseCommand):
    help = "Tạo (hoặc thay) khóa API của một người dùng và in ra; --revoke để thu hồi."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help=gettext("Thu hồi khóa, không tạo khóa mới"))

    def handle(self, *args: Any, username: str, revoke: bool, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        if revoke:
            deleted = api_token_revoke(user=user)
            self.stdout.write(
                gettext("Đã thu hồi khóa API.") if deleted else gettext("Người dùng này chưa có khóa API.")
            )
            return
        self.stdout.write(api_token_issue(user=user).key)
