"""Rate limits kept as counters in Django's cache, one per key and fixed window (settings DOINGOAI_RATE_LIMITS).

django-axes locks a username together with an address; these add what it does not: failed logins counted per
address across every account (one password tried on forty accounts), invalid API keys per address, calendar
feed reads per address and token changes per user. With several app processes, give them a shared cache
(CACHES in settings) so that the counts are shared too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import resolve
from django.urls.exceptions import Resolver404
from django.utils.translation import gettext_lazy

LOGIN_URL_NAMES = {"login", "admin:login"}
TOO_MANY_CHANGES = gettext_lazy("Bạn đã tạo hoặc thu hồi khóa quá nhiều lần trong một giờ; hãy thử lại sau.")
TOO_MANY_LOGINS = gettext_lazy(
    "Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này (với nhiều tài khoản khác nhau). Vui lòng thử lại sau "
    "{minutes} phút hoặc liên hệ quản trị hệ thống."
)


def client_address(request: HttpRequest) -> str:
    """The client's address as django-axes reads it (the same proxy settings)."""
    from axes.helpers import get_client_ip_address

    return str(get_client_ip_address(request) or "unknown")


def _key(scope: str, key: str) -> tuple[str, int, int]:
    limit, window = settings.DOINGOAI_RATE_LIMITS[scope]
    return f"throttle:{scope}:{key}:{int(time.time()) // window}", int(limit), int(window)


def count(scope: str, key: str) -> bool:
    """Count one event of `scope` for `key`; True when this one goes over the limit."""
    name, limit, window = _key(scope, key)
    cache.add(name, 0, window)
    try:
        value = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, window)
        value = 1
    return value > limit


def exhausted(scope: str, key: str) -> bool:
    """Whether `key` has used up its events of `scope` in the current window (without counting one)."""
    name, limit, _ = _key(scope, key)
    return int(cache.get(name) or 0) >= limit


def window_minutes(scope: str) -> int:
    return max(1, int(settings.DOINGOAI_RATE_LIMITS[scope][1]) // 60)


def on_login_failed(sender: Any, credentials: Any = None, request: HttpRequest | None = None, **kwargs: Any) -> None:
    if request is not None:
        count("login_failures_per_address", client_address(request))


def login_address_throttle(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], Any]:
    """Middleware: a login posted from an address that failed too often (any accounts) is refused with 429."""

    def middleware(request: HttpRequest) -> Any:
        if request.method == "POST" and exhausted("login_failures_per_address", client_address(request)):
            try:
                name = resolve(request.path_info).view_name
            except Resolver404:
                name = ""
            if name in LOGIN_URL_NAMES:
                message = TOO_MANY_LOGINS.format(minutes=window_minutes("login_failures_per_address"))
                return render(request, "registration/locked_out.html", {"message": message}, status=429)
        return get_response(request)

    return middleware


def connect() -> None:
    user_login_failed.connect(on_login_failed, dispatch_uid="doingoai-login-failures-per-address")
