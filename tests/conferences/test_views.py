from __future__ import annotations

import pytest

from doingoai.conferences.models import Conference
from tests.factories import ConferenceFactory, CountryFactory
from tests.registry_cases import RegistryViewCases


class TestConferenceViews(RegistryViewCases):
    model = Conference
    factory = ConferenceFactory
    owner_field = "organising_unit"
    published_status = "permitted"
    title_field = "title"

    def form_data(self, users):
        return {
            "year": 2027,
            "title": "Hội thảo xúc tiến đầu tư với tỉnh Gifu",
            "form": "online",
            "partner_text": "Chính quyền tỉnh Gifu",
            "countries": [CountryFactory(code="JP", name_vi="Nhật Bản").pk],
            "delegates_vn": 20,
            "delegates_foreign_in_vn": 10,
            "delegates_from_abroad": 50,
            "time_text": "Tháng 3",
            "funding_source": "province",
            "uses_state_budget": "on",
        }


@pytest.mark.django_db
def test_detail_states_the_permitting_authority_and_apply_by(client_for, users):
    c = ConferenceFactory(organising_unit=users["officer1"].unit, time_text="Tháng 9", has_foreign_high_level=True)
    body = client_for("coordinator").get(f"/conferences/{c.pk}/").content.decode()
    assert "Thủ tướng Chính phủ" in body and "40 ngày" in body and "23/07/2027" in body
