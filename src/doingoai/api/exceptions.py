"""Every API error is JSON in Vietnamese: `{"detail": "…"}`, or `{field: ["…"]}` for invalid data.

`exception_handler` (REST_FRAMEWORK["EXCEPTION_HANDLER"]) keeps the project's own messages, which are Vietnamese,
and replaces DRF's and Django's stock English ones; `page_not_found`/`server_error`/… (the site's handler404/
handler500/…) answer JSON for addresses under /api/, so that a mistyped URL or a crash is JSON there too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, gettext_noop
from django.views import defaults
from django_stubs_ext import StrOrPromise
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from doingoai.api.parsers import too_large

__all__ = ["bad_request", "exception_handler", "page_not_found", "permission_denied", "server_error"]

# Letters only Vietnamese uses: a message with one was written by the project (or already translated).
VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd"
                        "\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd\u0128\u0129\u0168"
                        "\u0169\u1ea0-\u1ef9]")  # fmt: skip

INVALID = gettext_noop("Giá trị không hợp lệ.")
NOT_FOUND = gettext_noop("Không tìm thấy bản ghi.")

# DRF's stock field messages (English, some with the limit in them) → Vietnamese.
FIELD_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), m)
    for p, m in [
        (r"This field is required\.", gettext_noop("Trường này là bắt buộc.")),
        (r"This field (may not|cannot) be (null|blank)\.", gettext_noop("Trường này không được để trống.")),
        (r"A valid (big)?integer is required\.", gettext_noop("Cần nhập một số nguyên.")),
        (r"A valid number is required\.", gettext_noop("Cần nhập một số.")),
        (r"Must be a valid boolean\.", gettext_noop("Giá trị phải là true hoặc false.")),
        (r"Not a valid string\.", gettext_noop("Giá trị phải là một chuỗi văn bản.")),
        (r"Date has wrong format\..*", gettext_noop("Ngày không hợp lệ (năm-tháng-ngày, ví dụ 2026-03-02).")),
        (r"(Datetime|Time|Duration) has wrong format\..*", gettext_noop("Thời gian không hợp lệ.")),
        (r".* is not a valid choice\.", gettext_noop("Giá trị không nằm trong các lựa chọn.")),
        (r"Invalid pk .* object does not exist\.", gettext_noop("Không có bản ghi với mã này.")),
        (r"Incorrect type\. Expected pk value.*", gettext_noop("Mã bản ghi phải là một số.")),
        (r"Expected a list of items.*", gettext_noop("Giá trị phải là một danh sách.")),
        (
            r"(Expected a dictionary of items|Invalid data\. Expected a dictionary).*",
            gettext_noop("Giá trị phải là một đối tượng."),
        ),
        (r"This (list|selection|dictionary) may not be empty\.", gettext_noop("Cần ít nhất một giá trị.")),
        (r"Ensure this field has no more than (\d+) characters\.", gettext_noop("Tối đa {0} ký tự.")),
        (r"Ensure this field has at least (\d+) characters\.", gettext_noop("Tối thiểu {0} ký tự.")),
        (r"Ensure this field has no more than (\d+) elements\.", gettext_noop("Tối đa {0} phần tử.")),
        (r"Ensure this value is less than or equal to (.+)\.", gettext_noop("Giá trị tối đa là {0}.")),
        (r"Ensure this value is greater than or equal to (.+)\.", gettext_noop("Giá trị tối thiểu là {0}.")),
        (r"Ensure that there are no more than (\d+) digits in total\.", gettext_noop("Tối đa {0} chữ số.")),
        (r"Ensure that there are no more than (\d+) decimal places\.", gettext_noop("Tối đa {0} chữ số thập phân.")),
        (r"Null characters are not allowed\.", gettext_noop("Văn bản có ký tự điều khiển không hợp lệ.")),
        (r"Surrogate characters are not allowed.*", gettext_noop("Văn bản có ký tự không hợp lệ (không phải UTF-8).")),
        (r"String value too large\.", gettext_noop("Văn bản quá dài.")),
    ]
]

TOKEN_MESSAGES = {
    "User inactive or deleted.": gettext_noop("Tài khoản đã bị khóa hoặc đã bị xóa."),
}


def vietnamese(text: str) -> bool:
    return bool(VIETNAMESE.search(text))


def _in_vietnamese() -> bool:
    """DRF's Vietnamese catalogue is thin: in Vietnamese its stock English messages are replaced here; in another
    language (Accept-Language: en) they are already in that language."""
    return (translation.get_language() or settings.LANGUAGE_CODE).startswith("vi")


def _field_message(message: str) -> str:
    if vietnamese(message) or not _in_vietnamese():
        return message
    for pattern, vietnamese_message in FIELD_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return gettext(vietnamese_message).format(*match.groups())
    return gettext(INVALID)


def _field_errors(detail: Any) -> Any:
    """A ValidationError's detail (nested dicts and lists of messages) with every message in Vietnamese."""
    if isinstance(detail, dict):
        return {key: _field_errors(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_field_errors(item) for item in detail]
    return _field_message(str(detail))


def _message(exc: exceptions.APIException, request: Any) -> str:
    """The Vietnamese `detail` of a non-validation API error."""
    text = str(exc.detail)
    if isinstance(exc, exceptions.UnsupportedMediaType):  # rebuilt: the stock text quotes the client's header
        media_type = getattr(request, "content_type", "") or ""
        return gettext(
            "Không nhận kiểu nội dung “{media_type}”: hãy gửi JSON (Content-Type: application/json)."
        ).format(media_type=media_type[:100])
    if isinstance(exc, exceptions.MethodNotAllowed):
        method = str(getattr(request, "method", ""))[:20]
        return gettext("Địa chỉ này không nhận phương thức {method}.").format(method=method)
    if vietnamese(text):
        return text
    if isinstance(exc, exceptions.NotFound):
        return gettext(NOT_FOUND)  # get_object_or_404's "No Delegation matches the given query." names a model
    if not _in_vietnamese() and not isinstance(exc, exceptions.Throttled):
        return text
    if isinstance(exc, exceptions.NotAuthenticated):
        return gettext("Cần đăng nhập, hoặc gửi mã truy cập trong tiêu đề Authorization: Token <mã>.")
    if isinstance(exc, exceptions.AuthenticationFailed):
        return gettext(TOKEN_MESSAGES.get(text, gettext_noop(gettext("Khóa API không hợp lệ."))))
    if isinstance(exc, exceptions.PermissionDenied):
        if text.startswith("CSRF Failed"):
            return gettext(
                "Thiếu hoặc sai mã CSRF của phiên đăng nhập: hãy tải lại trang, hoặc dùng mã truy cập (Token)."
            )
        return gettext("Bạn không có quyền thực hiện thao tác này.")
    if isinstance(exc, exceptions.Throttled):
        if exc.wait is None:
            return gettext("Quá nhiều yêu cầu: hãy thử lại sau.")
        return gettext("Quá nhiều yêu cầu: hãy thử lại sau {seconds} giây.").format(seconds=f"{exc.wait:.0f}")
    if isinstance(exc, exceptions.NotAcceptable):
        return gettext("Không trả lời được theo tiêu đề Accept: API trả về application/json.")
    if isinstance(exc, exceptions.ParseError):
        return gettext("Nội dung yêu cầu không đọc được.")
    return gettext("Yêu cầu không thực hiện được.")


def _api_exception(exc: Exception) -> exceptions.APIException | None:
    """`exc` as an API error: Django's own refusals of a request too (size, fields); None for the rest (a 500)."""
    if isinstance(exc, exceptions.APIException):
        return exc
    if isinstance(exc, RequestDataTooBig):
        return too_large()
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return exceptions.ParseError(gettext("Yêu cầu có quá nhiều trường hoặc tệp."))
    if isinstance(exc, SuspiciousOperation):
        return exceptions.ParseError(gettext("Yêu cầu không hợp lệ."))
    if isinstance(exc, Http404):
        return exceptions.NotFound(*exc.args)  # get_object_or_404's "No Delegation matches the given query."
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(*exc.args)
    return None


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, answering in Vietnamese; None (hence a 500) only for what is not an API error."""
    api_exc = _api_exception(exc)
    response = drf_exception_handler(api_exc, context) if api_exc is not None else None
    if api_exc is None or response is None:
        return None
    if isinstance(api_exc, exceptions.ValidationError):
        errors = _field_errors(response.data)
        response.data = errors if isinstance(errors, dict) else {"non_field_errors": errors}
    else:
        response.data = {"detail": _message(api_exc, context.get("request"))}
    return response


# --- Django's error pages, as JSON for the API's addresses


def _is_api(request: HttpRequest) -> bool:
    prefix = getattr(apps.get_app_config("api"), "url_prefix", "api/")
    return request.path_info.startswith(f"/{prefix}")


def _json_for_api(page: Callable[..., HttpResponse], status: int, message: StrOrPromise) -> Callable[..., HttpResponse]:
    def handler(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
        if _is_api(request):
            return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})
        return page(request) if page is defaults.server_error else page(request, exception)

    handler.__name__ = page.__name__
    handler.__doc__ = f"Django's `{page.__name__}`, or {status} `{{detail}}` in JSON under /api/."
    return handler


bad_request = _json_for_api(defaults.bad_request, 400, gettext_lazy("Yêu cầu không hợp lệ."))
permission_denied = _json_for_api(
    defaults.permission_denied, 403, gettext_lazy("Bạn không có quyền thực hiện thao tác này.")
)
page_not_found = _json_for_api(defaults.page_not_found, 404, gettext_lazy("Không tìm thấy địa chỉ này."))
server_error = _json_for_api(
    defaults.server_error, 500, gettext_lazy("Lỗi máy chủ: yêu cầu chưa thực hiện được, hãy thử lại sau.")
)
