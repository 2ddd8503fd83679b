"""Backup and restore of the whole deployment: every table (with the history) and the uploaded files.

A backup is one .tar.gz holding `manifest.json` (format, time, row counts per model), `data.json` (Django's
serialised rows, natural keys, vendor-neutral so a SQLite backup restores into PostgreSQL and back) and
`media/` (MEDIA_ROOT). Restore refuses a non-empty database unless asked to replace it, loads everything in
one transaction, puts the files back, then checks the row counts against the manifest.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import management
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import gettext

FORMAT = "doingoai-backup/1"
# Rebuilt by migrate on the target; restoring them would clash with the rows migrate created.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes", "search", "core.workerprocess"]
# Derived from the records (the dashboard's stored counts, kept by triggers): counted again after a restore
# (`doingoai recount`), never copied — the triggers already count the rows as they load.
DERIVED = [
    "dashboard.delegationcount",
    "dashboard.delegationcountrycount",
    "dashboard.delegationregioncount",
    "dashboard.budgetsum",
]


class BackupError(Exception):
    """A backup that cannot be written or restored; the message is in Vietnamese."""


def _counts() -> dict[str, int]:
    skip_apps = {"contenttypes", "sessions", "axes", "search"}
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in skip_apps or label in {"auth.permission", "admin.logentry", "core.workerprocess"}:
            continue
        if label in DERIVED:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        counts[label] = model._default_manager.count()
    return counts


def backup(target: Path) -> dict[str, Any]:
    """Write the backup to `target` (.tar.gz); returns the manifest."""
    data = io.StringIO()
    management.call_command(
        "dumpdata",
        *[f"--exclude={e}" for e in [*EXCLUDED, *DERIVED]],
        natural_foreign=True,
        natural_primary=True,
        stdout=data,
        verbosity=0,
    )
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "counts": _counts(),
        "province": settings.PROVINCE_NAME,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target under a temporary name, flushed to the disk, then renamed over it: a full disk
    # or a killed process leaves the previous backup as it was and no half-written archive under the real name.
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise BackupError(_write_error(target, exc)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw_file:
            with tarfile.open(fileobj=raw_file, mode="w:gz") as tar:
                for name, payload in (
                    ("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1)),
                    ("data.json", data.getvalue()),
                ):
                    raw = payload.encode()
                    info = tarfile.TarInfo(name)
                    info.size = len(raw)
                    tar.addfile(info, io.BytesIO(raw))
                media = Path(settings.MEDIA_ROOT)
                if media.is_dir():
                    tar.add(media, arcname="media")
            raw_file.flush()
            os.fsync(raw_file.fileno())
        tmp.replace(target)
        _fsync_folder(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(_write_error(target, exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return manifest


def _write_error(target: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Không đủ chỗ trên đĩa để ghi bản sao lưu {target.name} vào {target.parent}; chưa ghi gì, "
            "bản sao lưu cũ (nếu có) vẫn nguyên vẹn. Hãy giải phóng dung lượng rồi sao lưu lại."
        )
    return f"Không ghi được bản sao lưu {target}: {exc.strerror or exc}. Bản sao lưu cũ (nếu có) vẫn nguyên vẹn."


def _fsync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (POSIX); a system without directory handles skips it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _database_is_empty() -> bool:
    from doingoai.core.models import Unit, User

    return not (Unit.objects.exists() or User.objects.exists())


def restore(source: Path, *, replace: bool = False) -> dict[str, Any]:
    """Restore `source` into this (migrated) database; with `replace`, existing rows are deleted first."""
    if not source.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu: {source}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            with tarfile.open(source, "r:gz") as tar:
                tar.extractall(folder, filter="data")
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise BackupError(f"Tệp sao lưu bị hỏng hoặc không đúng định dạng: {exc}") from exc
        try:
            manifest = json.loads((folder / "manifest.json").read_text())
        except (OSError, ValueError) as exc:
            raise BackupError(gettext("Tệp sao lưu thiếu manifest.json.")) from exc
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Định dạng sao lưu không được hỗ trợ: {manifest.get('format')}")
        if not _database_is_empty() and not replace:
            raise BackupError(
                gettext("Cơ sở dữ liệu đang có dữ liệu; dùng --replace để xóa và khôi phục từ bản sao lưu.")
            )
        # The history rows come from the backup; loading many-to-many fields must not write new ones.
        with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
            if replace:
                management.call_command("flush", interactive=False, verbosity=0)
            management.call_command("loaddata", str(folder / "data.json"), verbosity=0)
        if connection.vendor == "postgresql":
            management.call_command("sqlsequencereset", *[a.label for a in apps.get_app_configs()], verbosity=0)
        # The search index and the dashboard's counts are derived data: rebuilt from the restored rows rather
        # than copied (a flush before the load does not empty them in a way the triggers can follow).
        management.call_command("reindex", verbosity=0)
        management.call_command("recount", verbosity=0)
        media_src = folder / "media"
        if media_src.is_dir():
            shutil.copytree(media_src, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    counts = _counts()
    wrong = {k: (v, counts.get(k)) for k, v in manifest["counts"].items() if counts.get(k) != v}
    if wrong:
        raise BackupError(f"Số bản ghi sau khôi phục không khớp bản sao lưu: {wrong}")
    return manifest
