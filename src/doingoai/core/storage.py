"""Uploaded and generated files on the disk, never half-written: a file is written under a temporary name in its
folder, flushed to the disk, and only then linked under its real name. A full disk (or any write error) leaves no
partial file behind; `core.uploads.store_upload` turns the error into a Vietnamese message."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from typing import Any

from django.core.files.storage import FileSystemStorage

# File systems without hard links: the temporary file is renamed instead (after checking the name is free).
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


class SafeFileSystemStorage(FileSystemStorage):
    def _save(self, name: str, content: Any) -> str:
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".dang-ghi-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, self.file_permissions_mode or 0o644)
            while True:
                try:
                    os.link(tmp, full_path)  # fails when the name is taken: no file is ever overwritten
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
                except OSError as exc:
                    if exc.errno not in _NO_LINKS:
                        raise
                    if os.path.exists(full_path):
                        name = self.get_available_name(name)
                        full_path = self.path(name)
                        continue
                    os.replace(tmp, full_path)
                    break
                else:
                    break
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        return str(name).replace("\\", "/")
