"""Imports objects for the authorisation matrix: a document import waiting for the coordinator's review."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from doingoai.imports.models import ImportStatus, PendingImport


@pytest.fixture
def imports_objects(users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    pending = PendingImport(
        original_name="chuong-trinh-2027.txt",
        sha256="0" * 64,
        year=2027,
        status=ImportStatus.READY,
        extracted={"document": {"kind": "program", "year": 2027}, "delegations": [], "partners": []},
        created_by=users["coordinator"],
    )
    pending.file.save("chuong-trinh-2027.txt", ContentFile("Chương trình".encode()), save=False)
    pending.save()
    return {"document": pending}
