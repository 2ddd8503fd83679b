"""DRF's token authentication, with tokens that expire and a record of when each was last used."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed, Throttled
from rest_framework.request import Request

from doingoai.api.selectors import api_token_expires_at
from doingoai.api.services import api_token_touch
from doingoai.core import throttle


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, refused (401) once older than DOINGOAI_API_TOKEN_DAYS; an address that sent
    too many invalid keys is refused (429) for a while, valid keys included, so keys cannot be guessed."""

    def authenticate(self, request: Request) -> tuple[Any, Token] | None:
        address = throttle.client_address(request._request)
        if throttle.exhausted("api_key_failures_per_address", address):
            raise Throttled(wait=throttle.window_minutes("api_key_failures_per_address") * 60)
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            throttle.count("api_key_failures_per_address", address)
            raise

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        # One query for the token, its user and its last use.
        token = Token.objects.select_related("user", "use").filter(key=key).first()
        if token is None:
            raise AuthenticationFailed(gettext("Khóa API không hợp lệ."))
        if not token.user.is_active:
            raise AuthenticationFailed(gettext("Tài khoản đã bị khóa."))
        now = timezone.now()
        expires = api_token_expires_at(token)
        if expires is not None and expires <= now:
            raise AuthenticationFailed(
                gettext("Khóa API đã hết hạn lúc %(expires)s. Hãy tạo khóa mới tại trang Khóa API.")
                % {"expires": format(timezone.localtime(expires), "%d/%m/%Y %H:%M")}
            )
        api_token_touch(token=token, now=now)
        return token.user, token
