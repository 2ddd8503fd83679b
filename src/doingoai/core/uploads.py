"""Checks on an uploaded attachment (report attachments, task evidence): the name, the size and the first
bytes must agree, and a .docx/.xlsx must be a real package (`documents.upload_checks`)."""

from __future__ import annotations

import errno
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext

from doingoai.core.numbers import local_figure
from doingoai.core.workflow import WorkflowError
from doingoai.documents.upload_checks import DOCX_MAIN, XLSX_MAIN, UploadError, check_package

__all__ = ["ALLOWED_FILES", "check_upload", "store_upload"]

# Extension → accepted first bytes: the name alone is not trusted.
ZIP, OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ALLOWED_FILES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    ".odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (ZIP,)),
    ".doc": ("application/msword", (OLE,)),
    ".xls": ("application/vnd.ms-excel", (OLE,)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".zip": ("application/zip", (ZIP,)),
}


def check_upload(upload: UploadedFile) -> str:
    """The file's content type when its name, size and first bytes are acceptable; else a Vietnamese error."""
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    limit = int(settings.DOINGOAI_REPORT_ATTACHMENT_MAX_MB) * 1024 * 1024
    if suffix not in ALLOWED_FILES:
        kinds = ", ".join(sorted({s.lstrip(".") for s in ALLOWED_FILES}))
        raise WorkflowError(
            gettext("Tệp “%(name)s”: chỉ nhận các loại tệp %(kinds)s.") % {"name": name, "kinds": kinds}
        )
    if not upload.size:
        raise WorkflowError(gettext("Tệp “%(name)s” rỗng.") % {"name": name})
    if upload.size > limit:
        size = local_figure(round(upload.size / 1024 / 1024, 1))
        raise WorkflowError(
            gettext("Tệp “%(name)s” nặng %(size)s MB, vượt giới hạn %(doingoai_report_attachment_max_mb)s MB.")
            % {
                "name": name,
                "size": size,
                "doingoai_report_attachment_max_mb": settings.DOINGOAI_REPORT_ATTACHMENT_MAX_MB,
            }
        )
    content_type, signatures = ALLOWED_FILES[suffix]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(sig) for sig in signatures):
        raise WorkflowError(
            gettext("Nội dung tệp “%(name)s” không đúng định dạng %(suffix)s.")
            % {"name": name, "suffix": suffix.lstrip(".")}
        )
    package = {
        ".docx": (DOCX_MAIN, gettext("văn bản Word (.docx)")),
        ".xlsx": (XLSX_MAIN, gettext("bảng tính Excel (.xlsx)")),
    }
    if suffix in package:
        (main_part, main_type), what = package[suffix]
        try:
            check_package(upload.read(), main_part=main_part, content_type=main_type, what=what)
        except UploadError as exc:
            raise WorkflowError(gettext("Tệp “%(name)s”: %(exc)s") % {"name": name, "exc": exc}) from exc
        finally:
            upload.seek(0)
    return content_type


def store_upload(field_file: Any, name: str, content: Any) -> None:
    """Save `content` into a model's file field (without saving the row); a disk error becomes a Vietnamese
    WorkflowError, so that the caller's transaction is rolled back and no row names a file that is not there
    (the storage, `core.storage`, leaves no partial file)."""
    shown = PurePath(name).name
    try:
        field_file.save(name, content, save=False)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise WorkflowError(
                gettext(
                    "Không lưu được tệp “%(shown)s”: bộ nhớ lưu trữ của máy chủ đã đầy. Tệp chưa "
                    "được lưu, không có gì thay đổi; hãy báo quản trị hệ thống giải phóng dung lượng "
                    "rồi tải lên lại."
                )
                % {"shown": shown}
            ) from exc
        raise WorkflowError(
            gettext(
                "Không lưu được tệp “%(shown)s” trên máy chủ (%(value)s). Tệp chưa được lưu; hãy thử "
                "lại hoặc báo quản trị hệ thống."
            )
            % {"shown": shown, "value": exc.strerror or type(exc).__name__}
        ) from exc
