"""A full disk during a backup or an upload: a clear Vietnamese error, the previous data intact, nothing partial.

The disk is a real 1 MB tmpfs (tests/core/fault_support.py); the test is skipped where mounting is not allowed."""

from __future__ import annotations

import os
import tarfile

import pytest

from doingoai.core.backup import BackupError, backup
from tests.core.fault_support import small_disk

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_on_a_full_disk_keeps_the_previous_backup(users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with small_disk(tmp_path / "disk", "1m") as disk:
        target = disk / "sao-luu.tar.gz"
        backup(target)  # yesterday's backup, small: the media folder is empty
        before = target.read_bytes()
        # Today the uploads hold 2 MB that do not compress: the new archive cannot fit on the 1 MB disk.
        (settings.MEDIA_ROOT / "reports").mkdir(parents=True)
        (settings.MEDIA_ROOT / "reports" / "ban-scan.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(2 * 1024 * 1024))

        with pytest.raises(BackupError) as refused:
            backup(target)

        message = str(refused.value)
        assert "Không đủ chỗ trên đĩa" in message and "bản sao lưu cũ" in message and "vẫn nguyên vẹn" in message
        assert target.read_bytes() == before  # not truncated, not overwritten
        with tarfile.open(target, "r:gz") as tar:
            assert {"manifest.json", "data.json"} <= set(tar.getnames())
        assert sorted(p.name for p in disk.iterdir()) == ["sao-luu.tar.gz"]  # no partial temporary file left
        os.statvfs(disk)  # the disk is still usable


def test_backup_command_reports_a_full_disk_in_one_line(users, settings, tmp_path):
    from django.core.management import CommandError, call_command

    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT).mkdir()
    (settings.MEDIA_ROOT / "anh.png").write_bytes(os.urandom(2 * 1024 * 1024))
    with small_disk(tmp_path / "disk", "1m") as disk:
        with pytest.raises(CommandError, match="Không đủ chỗ trên đĩa"):
            call_command("backup", str(disk / "moi.tar.gz"))
        assert list(disk.iterdir()) == []


def test_the_file_storage_leaves_no_partial_file_on_a_full_disk(settings, tmp_path):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    with small_disk(tmp_path / "media", "1m") as media:
        settings.MEDIA_ROOT = media
        with pytest.raises(OSError) as full:
            default_storage.save("exports/lists/danh-sach.xlsx", ContentFile(os.urandom(2 * 1024 * 1024)))
        assert full.value.errno == 28  # ENOSPC
        assert [p.name for p in media.rglob("*") if p.is_file()] == []
        name = default_storage.save("exports/lists/danh-sach.xlsx", ContentFile(b"PK\x03\x04 nho"))
        assert (media / name).read_bytes() == b"PK\x03\x04 nho"
        assert default_storage.save("exports/lists/danh-sach.xlsx", ContentFile(b"khac")) != name  # never overwritten
