"""What an uploaded file really is, judged from its bytes before any parser opens it (no Django).

The extension and the browser's content type say nothing; an .xlsx or .docx is a zip with known parts, a PDF
starts with its signature, a text file decodes. Office files are checked from the zip directory alone: part
count, encryption, and the declared uncompressed sizes, so a zip bomb is refused before anything expands
(Python's zipfile never inflates a part beyond the size its directory declares).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePath

__all__ = [
    "DOCUMENT_SUFFIXES",
    "UploadError",
    "check_document",
    "check_package",
]

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # all parts together, as declared in the zip directory
MAX_RATIO = 100  # uncompressed/compressed size of one large part (ordinary office files stay well below)
MAX_PARTS = 2000
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 files, and password-protected OOXML
XLSX_MAIN = ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
DOCX_MAIN = ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


class UploadError(ValueError):
    """The upload is not what it claims to be, or is unsafe to open; the message says why, in Vietnamese."""


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",").removesuffix(",0")


def check_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise UploadError("Tệp rỗng.")
    if len(data) > max_bytes:
        raise UploadError(f"Tệp quá lớn ({_megabytes(len(data))} MB); giới hạn là {_megabytes(max_bytes)} MB.")


def check_package(data: bytes, *, main_part: str, content_type: str, what: str) -> None:
    """An Office Open XML package (.xlsx, .docx) with `main_part` of `content_type`, safe to open.

    `what` names the expected format in the message ("bảng tính Excel (.xlsx)").
    """
    if data[:8] == OLE2_SIGNATURE:
        raise UploadError(
            f"Tệp theo định dạng Office 97-2003 hoặc được đặt mật khẩu; hãy lưu lại thành {what} không mật khẩu."
        )
    wrong = UploadError(f"Tệp không phải là {what}. Hãy mở tệp và lưu lại đúng định dạng {what}.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    # NotImplementedError: a zip "version needed to extract" beyond what zipfile reads (a damaged header).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise wrong from exc
    with archive:
        if len(infos) > MAX_PARTS:
            raise UploadError("Tệp có cấu trúc bất thường (quá nhiều thành phần); không thể nhập.")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise UploadError("Tệp được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.")
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > MAX_UNCOMPRESSED or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
                raise UploadError(
                    "Tệp nén bất thường: dung lượng khi giải nén quá lớn so với tệp tải lên (nghi “bom nén”); "
                    "không thể nhập."
                )
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names or main_part not in names:
            raise wrong
        types = archive.getinfo("[Content_Types].xml")
        if types.file_size > 1024 * 1024:
            raise wrong
        try:
            declared = archive.read(types).decode("utf-8", "replace")
        # RuntimeError: zipfile raises a subclass of it for unknown compression methods.
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError, zlib.error) as e:
            raise wrong from e
    if "macroEnabled" in declared:
        raise UploadError(f"Tệp có chứa macro; hãy lưu lại thành {what}.")
    if content_type not in declared:
        raise wrong


def check_document(data: bytes, filename: str, *, max_bytes: int) -> str:
    """A programme or plan to extract: .docx, .pdf or UTF-8 text, checked by content; returns the suffix."""
    check_size(data, max_bytes)
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise UploadError("Chỉ nhận văn bản .docx, .pdf hoặc .txt.")
    if suffix == ".docx":
        check_package(data, main_part=DOCX_MAIN[0], content_type=DOCX_MAIN[1], what="văn bản Word (.docx)")
    elif suffix == ".pdf":
        if not data.lstrip()[:5] == b"%PDF-":
            raise UploadError("Tệp không phải là PDF (thiếu chữ ký %PDF). Hãy xuất lại văn bản ra PDF.")
    else:
        sample = data[:65536]
        if b"\x00" in sample:
            raise UploadError("Tệp không phải là văn bản thuần (.txt); hãy lưu lại dạng văn bản UTF-8.")
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UploadError("Tệp văn bản phải được lưu theo bảng mã UTF-8 (Unicode).") from exc
    return suffix
