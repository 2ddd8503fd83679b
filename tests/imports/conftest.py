"""Imports run their background task immediately in tests, and keep uploads in a temporary folder."""

from __future__ import annotations

import pytest

from doingoai.core.choices import Region
from tests.factories import CountryFactory, PartnerFactory


@pytest.fixture(autouse=True)
def _immediate_tasks_and_media(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def countries(db):
    """Lào, Nhật Bản, Hàn Quốc, Xinh-ga-po with their usual aliases."""
    return {
        "LA": CountryFactory(code="LA", name_vi="Lào", name_en="Laos", aliases=["CHDCND Lào"]),
        "JP": CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan", region=Region.NEA, aliases=[]),
        "KR": CountryFactory(
            code="KR", name_vi="Hàn Quốc", name_en="South Korea", region=Region.NEA, aliases=["Đại Hàn Dân Quốc"]
        ),
        "SG": CountryFactory(
            code="SG", name_vi="Xinh-ga-po", name_en="Singapore", region=Region.SEA, aliases=["Singapore"]
        ),
    }


@pytest.fixture
def partners(countries):
    return {
        "bolykhamxay": PartnerFactory(
            name="Bo Ly Khăm Xay",
            country=countries["LA"],
            aliases=["Bô Ly Khăm Xay", "Bolykhămxay", "Borikhamxay"],
        ),
        "xiengkhouang": PartnerFactory(name="Xiêng Khoảng", country=countries["LA"], aliases=["Xiengkhouang"]),
    }
