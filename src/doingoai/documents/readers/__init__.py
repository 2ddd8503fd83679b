"""Read a programme, plan or notice into the one internal representation (no Django).

``read(path_or_bytes, name)`` looks at the content, not only the name: a PDF starts with ``%PDF-``, a Word
file is a zip with ``word/document.xml``, anything else must decode as text. Every way a file can be
unreadable — empty, too large, not a document, a corrupt or encrypted package, a zip bomb, a PDF with a
password or without a text layer — ends in one exception type, :class:`DocumentError`, whose message is one
line of Vietnamese for the user.

One module per format (``text``, ``docx``, ``pdf``); ``cleanup`` holds what they share.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from doingoai.documents.model import Document, DocumentError
from doingoai.documents.readers.cleanup import normalise_numbers
from doingoai.documents.readers.text import read_text

if TYPE_CHECKING:
    from doingoai.documents.readers.docx import read_docx
    from doingoai.documents.readers.pdf import MAX_PAGES, read_pdf

__all__ = ["MAX_BYTES", "MAX_PAGES", "DocumentError", "normalise_numbers", "read", "read_docx", "read_pdf", "read_text"]

MAX_BYTES = 25 * 1024 * 1024
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A name that promises a binary format whose signature the content lacks: not read as text.
_BINARY_SUFFIXES = {".docx": "văn bản Word", ".doc": "văn bản Word", ".pdf": "PDF", ".xlsx": "bảng tính Excel"}


def __getattr__(name: str) -> Any:
    """The .docx and PDF readers, imported when first asked for: `doingoai extract` reads one format."""
    if name == "read_docx":
        from doingoai.documents.readers.docx import read_docx

        return read_docx
    if name in ("read_pdf", "MAX_PAGES"):
        from doingoai.documents.readers import pdf

        return getattr(pdf, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def read(source: bytes | str | os.PathLike[str], name: str | None = None) -> Document:
    """Read a .docx, .pdf or text file (path or bytes) into a :class:`Document`.

    ``name`` (the file name as uploaded) is only a hint; the content decides the format. Raises
    :class:`DocumentError` — and nothing else — for anything that is not a readable document.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        path = Path(source)
        name = name or path.name
        try:
            if path.stat().st_size > MAX_BYTES:
                raise DocumentError(_too_large(path.stat().st_size))
            data = path.read_bytes()
        except DocumentError:
            raise
        except FileNotFoundError as exc:
            raise DocumentError(f"Không tìm thấy tệp {path}.") from exc
        except IsADirectoryError as exc:
            raise DocumentError(f"{path} là một thư mục, không phải tệp văn bản.") from exc
        except OSError as exc:
            raise DocumentError(f"Không mở được tệp {path}: {exc.strerror or exc}.") from exc
    if not data.strip():
        raise DocumentError("Tệp rỗng: không có nội dung để đọc.")
    if len(data) > MAX_BYTES:
        raise DocumentError(_too_large(len(data)))
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        from doingoai.documents.readers.pdf import read_pdf

        return read_pdf(data)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        from doingoai.documents.readers.docx import read_docx

        return read_docx(data)
    if data.startswith(OLE2_SIGNATURE):
        raise DocumentError(
            "Tệp Word 97-2003 (.doc) hoặc tệp có mật khẩu: hãy mở bằng Word, bỏ mật khẩu và lưu lại thành .docx."
        )
    if head.startswith(b"{\\rtf"):
        raise DocumentError("Tệp RTF chưa được hỗ trợ: hãy lưu lại thành .docx hoặc .pdf.")
    suffix = PurePath(name or "").suffix.lower()
    if suffix in _BINARY_SUFFIXES:
        raise DocumentError(f"Tệp có đuôi {suffix} nhưng nội dung không phải {_BINARY_SUFFIXES[suffix]}.")
    return read_text(_decode(data))


def _too_large(size: int) -> str:
    megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return f"Tệp quá lớn ({megabytes} MB); giới hạn là {MAX_BYTES // 1024 // 1024} MB."


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError("Tệp văn bản UTF-16 bị hỏng; hãy lưu lại theo bảng mã UTF-8.") from exc
    if b"\x00" in data[:65536]:
        raise DocumentError("Tệp không phải văn bản (.docx, .pdf hoặc .txt) đọc được.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Vietnamese Windows code page: older text files were saved in it.
        text = data.decode("cp1258", errors="replace")
    odd = sum(
        1
        for char in text[:65536]
        if char == "\ufffd" or (unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    )
    if odd > max(8, len(text[:65536]) // 50):
        raise DocumentError("Tệp không phải văn bản (.docx, .pdf hoặc .txt) đọc được.")
    if not any(char.isalpha() for char in text):
        raise DocumentError("Tệp không có nội dung chữ để đọc.")
    return text
