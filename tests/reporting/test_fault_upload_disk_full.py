"""A report attachment uploaded while the server's storage is full: the page answers 400 with a Vietnamese message,
no attachment row is saved, and no partial file is left; once there is room, the same upload succeeds.

The storage is a real 1 MB tmpfs (tests/core/fault_support.py); skipped where mounting is not allowed."""

from __future__ import annotations

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.reporting.models import UnitReportAttachment
from tests.core.fault_support import fill, small_disk

pytestmark = pytest.mark.django_db(transaction=True)


def files_under(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_an_attachment_on_a_full_disk_is_refused_cleanly_and_can_be_sent_again(
    client_for, users, period, settings, tmp_path
):
    content = b"%PDF-1.4\n" + os.urandom(300 * 1024)
    report = period.reports.get(unit=users["officer1"].unit)
    url = reverse("reporting:unitreport_attach", args=[report.pk])
    officer = client_for("officer1")
    with small_disk(tmp_path / "media", "1m") as media:
        settings.MEDIA_ROOT = media
        fill(media, leave=64 * 1024)  # 64 KB free: the 300 KB file starts to be written, then the disk is full

        response = officer.post(url, {"file": SimpleUploadedFile("bao-cao-quy.pdf", content)})

        assert response.status_code == 400
        page = response.content.decode()
        assert "Không lưu được tệp “bao-cao-quy.pdf”: bộ nhớ lưu trữ của máy chủ đã đầy" in page
        assert not UnitReportAttachment.objects.exists()
        assert files_under(media) == ["lap-day.bin"]  # no partial file, no temporary file

        (media / "lap-day.bin").unlink()  # the administrator makes room
        response = officer.post(url, {"file": SimpleUploadedFile("bao-cao-quy.pdf", content)})

        assert response.status_code == 302
        attachment = UnitReportAttachment.objects.get()
        assert (media / attachment.file.name).read_bytes() == content
        assert [p for p in files_under(media) if ".dang-ghi-" in p] == []
