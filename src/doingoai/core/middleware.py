"""Security headers Django does not set itself (it has no Content-Security-Policy before 6.0)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


SESSION_SEEN_KEY = "_seen"


def session_refresh(get_response: Handler) -> Handler:
    """Sessions end after `SESSION_COOKIE_AGE` of inactivity: each request moves the end, but the session is
    written at most once every `SESSION_REFRESH_SECONDS` (60) instead of on every request — that save was a write
    transaction per page view, serialised with every other writer on SQLite. A session thus ends between
    `SESSION_COOKIE_AGE` minus a minute and `SESSION_COOKIE_AGE` after its last request. Sits inside
    SessionMiddleware, which saves what is marked modified."""
    from django.utils import timezone

    every = settings.SESSION_REFRESH_SECONDS

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key is not None:  # none before login, none once flushed
            now = int(timezone.now().timestamp())
            try:
                seen = int(session.get(SESSION_SEEN_KEY, 0))
            except (TypeError, ValueError):
                seen = 0
            if not 0 <= now - seen < every:
                session[SESSION_SEEN_KEY] = now
        return response

    return middleware


def session_seen_at_login(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """A session starts as seen now (receiver of `user_logged_in`): the login writes it anyway, so the first
    request after it need not write it again."""
    from django.utils import timezone

    if request is not None and hasattr(request, "session"):
        request.session[SESSION_SEEN_KEY] = int(timezone.now().timestamp())
