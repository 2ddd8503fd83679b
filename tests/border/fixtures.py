"""Border objects for the authorisation matrix: a marker, a gate, and an inspection with a photo by officer2's
unit."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from tests.factories import BorderGateFactory, BorderMarkerFactory, MarkerInspectionFactory


@pytest.fixture
def border_objects(users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    marker = BorderMarkerFactory()
    inspection = MarkerInspectionFactory(marker=marker, inspector_unit=users["officer2"].unit)
    inspection.photo.save("moc.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    return {"bordermarker": marker, "bordergate": BorderGateFactory(), "markerinspection": inspection}
