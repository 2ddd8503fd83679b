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


def language(get_response: Handler) -> Handler:
    """Vietnamese unless the user chose otherwise (the language switch's cookie) — for the pages, never the
    browser's language: officials' browsers are often English. The API also honours Accept-Language, so a
    client may ask for English errors."""
    from django.utils import translation
    from django.utils.cache import patch_vary_headers

    known = {code for code, _name in settings.LANGUAGES}

    def middleware(request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if request.path.startswith("/api/") and not chosen:
            chosen = translation.get_language_from_request(request)
        code = chosen if chosen in known else settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code  # type: ignore[attr-defined]
        response = get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", code)
        return response

    return middleware
