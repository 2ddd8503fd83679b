"""Task evidence uploaded while the server's storage is full: a Vietnamese error, no progress entry, no partial file;
with room again, the same report goes through. A real 1 MB tmpfs (tests/core/fault_support.py)."""

from __future__ import annotations

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from doingoai.core.workflow import WorkflowError
from doingoai.programs import services
from doingoai.programs.models import TaskProgress
from tests.core.fault_support import fill, small_disk

pytestmark = pytest.mark.django_db(transaction=True)


def test_evidence_on_a_full_disk_is_refused_and_nothing_is_recorded(info_plan, users, settings, tmp_path):
    content = b"%PDF-1.4\n" + os.urandom(300 * 1024)
    entries = TaskProgress.objects.count()
    with small_disk(tmp_path / "media", "1m") as media:
        settings.MEDIA_ROOT = media
        fill(media, leave=64 * 1024)

        with pytest.raises(
            WorkflowError, match=r"Không lưu được tệp “minh-chung\.pdf”: bộ nhớ lưu trữ của máy chủ đã đầy"
        ):
            services.task_report_progress(
                plantask=info_plan.soon,
                by=users["officer1"],
                text="Đã đón đoàn",
                percent=60,
                evidence=SimpleUploadedFile("minh-chung.pdf", content),
            )
        assert TaskProgress.objects.count() == entries
        assert sorted(p.name for p in media.rglob("*") if p.is_file()) == ["lap-day.bin"]

        (media / "lap-day.bin").unlink()
        services.task_report_progress(
            plantask=info_plan.soon,
            by=users["officer1"],
            text="Đã đón đoàn",
            percent=60,
            evidence=SimpleUploadedFile("minh-chung.pdf", content),
        )
        entry = TaskProgress.objects.exclude(evidence="").get()
        assert (media / entry.evidence.name).read_bytes() == content
