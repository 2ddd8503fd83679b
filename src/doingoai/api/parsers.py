"""The API's JSON parser: a body is one JSON object of bounded size and depth, in valid UTF-8, or a 400/413.

Every write of the API (create, update, workflow step, reporting) takes an object, so anything else — `null`,
a list, a string, a number — is refused here once for all endpoints, rather than reaching a view that would
read it as "no fields" (a silent empty update) or fail on it (a 500).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser, get_encoding
from rest_framework.permissions import BasePermission

__all__ = ["MAX_DEPTH", "BodyRead", "BodyTooLarge", "StrictJSONParser", "body_limit"]

# Far more than any form needs (a list of ids inside an object is depth 2), far less than the recursion limit.
MAX_DEPTH = 32
SURROGATE = re.compile("[\ud800-\udfff]")

NOT_AN_OBJECT = gettext_lazy("Nội dung yêu cầu phải là một đối tượng JSON ({…}).")
TOO_DEEP = format_lazy(gettext_lazy("Nội dung JSON lồng nhau quá sâu (tối đa {depth} cấp)."), depth=MAX_DEPTH)
NOT_UTF8 = gettext_lazy("Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ.")
NOT_JSON = gettext_lazy("Nội dung yêu cầu không phải JSON hợp lệ")


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"


def body_limit() -> int:
    """The largest body accepted, in bytes (Django's own limit on request bodies held in memory)."""
    return int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)


def too_large() -> BodyTooLarge:
    limit = f"{body_limit():,}".replace(",", ".")
    return BodyTooLarge(gettext("Nội dung yêu cầu quá lớn (tối đa %(limit)s byte).") % {"limit": limit})


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 reads as inf: no field stores it, and it cannot be written back as JSON
        raise ValueError(text)
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: not JSON


def _check(value: Any) -> None:
    """Depth and text of a parsed body, walked with a stack (no recursion, whatever the input)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise ParseError(TOO_DEEP)
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(item, str) and SURROGATE.search(item):
            raise ParseError(NOT_UTF8)  # "\ud800" escapes decode to text no database or response can encode


class StrictJSONParser(JSONParser):
    """JSON bodies: one object, at most `MAX_DEPTH` deep, finite numbers, valid UTF-8, at most `body_limit()`."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        limit = body_limit()
        raw = stream.read(limit + 1) if limit else stream.read()
        if limit and len(raw) > limit:
            raise too_large()
        try:
            text = raw.decode(get_encoding(parser_context or {}))
        except UnicodeDecodeError:
            raise ParseError(NOT_UTF8) from None
        try:
            data = json.loads(text, parse_float=_finite, parse_constant=_refuse_constant)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        except ValueError as exc:
            where = (
                gettext(" (dòng %(lineno)s, cột %(colno)s)") % {"lineno": exc.lineno, "colno": exc.colno}
                if isinstance(exc, json.JSONDecodeError)
                else ""
            )
            raise ParseError(f"{NOT_JSON}{where}.") from None
        if not isinstance(data, dict):
            raise ParseError(NOT_AN_OBJECT)
        _check(data)
        return data


class BodyRead(BasePermission):
    """Not a right: the body of every write is parsed before the view runs (after authentication, so anonymous
    clients still get 401), so that an endpoint which reads no body — a step without a form — refuses a
    malformed one like every other instead of ignoring it."""

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in ("POST", "PUT", "PATCH"):
            request.data  # noqa: B018 - parsing is lazy in DRF; this raises the parser's 400/413/415
        return True
