"""A browser-like HTTP client: one cookie jar per user, the CSRF token, the flash messages. Standard library only."""

from __future__ import annotations

import base64
import http.client
import json
import time
import zlib
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode, urlsplit

# django.contrib.messages levels
SUCCESS, ERROR = 25, 40
CONNECTION_ERRORS = (OSError, http.client.HTTPException)


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, list[str]] = field(default_factory=dict)
    elapsed_ms: float = 0.0

    def header(self, name: str) -> str:
        return (self.headers.get(name.lower()) or [""])[-1]

    @property
    def location(self) -> str:
        """The redirect target as a path ("/delegations/12/")."""
        return urlsplit(self.header("location")).path

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def decode_messages(value: str) -> list[tuple[int, str]]:
    """The (level, text) pairs of Django's `messages` cookie (signed, not encrypted: readable without the key)."""
    value = value.strip('"').replace("\\054", ",").replace('\\"', '"')
    payload = value.split(":", 1)[0]  # "payload:timestamp:signature"; base64url never contains ":"
    compressed = payload.startswith(".")
    body = payload.lstrip(".")
    raw = base64.b64decode(body + "=" * (-len(body) % 4), altchars=b"-_", validate=True)
    data: Any = json.loads(zlib.decompress(raw) if compressed else raw)
    return [(int(item[2]), str(item[3])) for item in data if isinstance(item, list) and len(item) >= 4]


class Browser:
    """One user's session against 127.0.0.1:port. Connection errors propagate (the caller counts them)."""

    def __init__(self, host: str, port: int, *, timeout: float = 90.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies: dict[str, str] = {}

    @property
    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")

    def request(self, method: str, path: str, form: dict[str, Any] | None = None, label: str = "") -> Response:
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "doingoai-loadtest"}
        if label:  # the server's CPU per request is logged by this label (gunicorn_hooks)
            headers["X-Loadtest-Label"] = label
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode({"csrfmiddlewaretoken": self.csrf, **form}, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.csrf
        started = time.perf_counter()
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            data = raw.read()
            response_headers: dict[str, list[str]] = {}
            for name, value in raw.getheaders():
                response_headers.setdefault(name.lower(), []).append(value)
        finally:
            conn.close()
        response = Response(raw.status, data, response_headers, (time.perf_counter() - started) * 1000)
        for line in response_headers.get("set-cookie", []):
            self._store_cookie(line)
        return response

    def _store_cookie(self, line: str) -> None:
        jar: SimpleCookie = SimpleCookie()
        jar.load(line)
        for name, morsel in jar.items():
            expired = morsel["max-age"] == "0" or "1970" in morsel["expires"]
            if expired or not morsel.value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.coded_value

    def last_message(self) -> tuple[int, str] | None:
        """The newest flash message waiting in the cookie (what the next page will show), or None."""
        value = self.cookies.get("messages")
        if not value:
            return None
        try:
            messages = decode_messages(value)
        except (ValueError, zlib.error):
            return None
        return messages[-1] if messages else None

    def login(self, username: str, password: str) -> Response:
        self.request("GET", "/accounts/login/", label="login_page")
        return self.request("POST", "/accounts/login/", {"username": username, "password": password}, label="login")
