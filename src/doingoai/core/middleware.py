"""Security headers Django does not set itself (it has no Content-Security-Policy before 6.0)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]


def content_security_policy(get_response: Handler) -> Handler:
    """Adds `settings.CONTENT_SECURITY_POLICY` to every response that does not carry its own."""
    policy = settings.CONTENT_SECURITY_POLICY

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if policy:
            response.headers.setdefault("Content-Security-Policy", policy)
        return response

    return middleware
