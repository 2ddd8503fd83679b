from __future__ import annotations

import pytest

from doingoai.diaspora.models import OverseasVietnamese
from tests.factories import CountryFactory, DiasporaAssociationFactory, OverseasVietnameseFactory
from tests.registry_cases import PersonalDataViewCases


class TestOverseasVietnameseViews(PersonalDataViewCases):
    model = OverseasVietnamese
    factory = OverseasVietnameseFactory
    owner_field = "recording_unit"
    title_field = "full_name"

    def form_data(self, users):
        return {
            "full_name": "Võ Thị Hồng Thử",
            "birth_year": 1975,
            "country": CountryFactory().pk,
            "city": "Thà Khẹc",
            "phone": "+856 20 5555 1234",
            "email": "hong.thu@example.org",
            "purpose": "Mời dự hội nghị kiều bào của tỉnh",
            "consent_given_on": "2025-02-01",
            "consent_means": "written",
        }

    def export_split(self, users):
        thailand = CountryFactory(code="TH", name_vi="Thái Lan", name_en="Thailand")
        keep = [self.make(users, "officer1"), self.make(users, "officer2")]
        other = self.make(users, "officer1", country=thailand)
        return keep, other, f"country={keep[0].country_id}"


@pytest.mark.django_db
def test_form_messages_name_the_field_in_vietnamese(client_for, users):
    data = {
        "full_name": "Người Thử",
        "birth_year": 1850,
        "country": CountryFactory().pk,
        "phone": "abc",
        "email": "khong-phai-email",
        "purpose": "Thử",
        "consent_withdrawn_on": "2025-01-01",
    }
    body = client_for("officer1").post("/diaspora/add/", data).content.decode()
    for message in (
        "Năm sinh phải trong khoảng 1900",
        "Số điện thoại không hợp lệ",
        "Thư điện tử không hợp lệ",
        "Cần ghi ngày chủ thể dữ liệu đồng ý",
        "Cần chọn hình thức đồng ý",
        "Chưa có ngày đồng ý thì không thể ghi ngày rút lại",
    ):
        assert message in body, message


@pytest.mark.django_db
def test_association_of_another_country_is_refused(client_for, users):
    thailand = CountryFactory(code="TH", name_vi="Thái Lan", name_en="Thailand")
    association = DiasporaAssociationFactory(country=thailand)
    data = {
        "full_name": "Người Thử",
        "country": CountryFactory().pk,
        "association": association.pk,
        "purpose": "Thử",
        "consent_given_on": "2025-02-01",
        "consent_means": "written",
    }
    response = client_for("officer1").post("/diaspora/add/", data)
    assert response.status_code == 400 and "ở Thái Lan, không ở Lào" in response.content.decode()


@pytest.mark.django_db
def test_associations_are_reference_data(client_for, users):
    association = DiasporaAssociationFactory(name="Hội người Việt tỉnh Thử")
    OverseasVietnameseFactory(association=association, recording_unit=users["officer1"].unit)
    OverseasVietnameseFactory(association=association, recording_unit=users["officer2"].unit)
    officer = client_for("officer1")
    assert "Hội người Việt tỉnh Thử" in officer.get("/diaspora/associations/").content.decode()
    detail = officer.get(f"/diaspora/associations/{association.pk}/").content.decode()
    assert "đã ghi nhận (trong phạm vi bạn được xem): <strong>1</strong>" in detail
    assert officer.get(f"/diaspora/associations/{association.pk}/edit/").status_code == 404
    assert officer.get("/diaspora/associations/add/").status_code == 403
    coordinator = client_for("coordinator")
    data = {"name": "Hội đồng hương Thử tại Udon", "country": CountryFactory().pk, "members_count": 40}
    assert coordinator.post("/diaspora/associations/add/", data).status_code == 302
    detail = coordinator.get(f"/diaspora/associations/{association.pk}/").content.decode()
    assert "<strong>2</strong>" in detail
