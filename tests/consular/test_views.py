from __future__ import annotations

import pytest

from doingoai.consular.models import ApecCardApplication, CitizenCase, ForeignPressVisit
from tests.factories import (
    ApecCardApplicationFactory,
    CitizenCaseFactory,
    CountryFactory,
    ForeignPressVisitFactory,
)
from tests.registry_cases import PersonalDataViewCases, PrivateRegistryViewCases, RegistryViewCases


class TestCitizenCaseViews(PersonalDataViewCases):
    model = CitizenCase
    factory = CitizenCaseFactory
    owner_field = "recording_unit"
    title_field = "person_name"

    def form_data(self, users):
        return {
            "person_name": "Lầu Bá Thử",
            "passport_number": "C7654321",
            "country": CountryFactory().pk,
            "place": "Bản Thử, tỉnh Hủa Phăn",
            "kind": "detained",
            "opened_on": "2025-04-02",
            "summary": "Bị tạm giữ vì đi lạc qua biên giới",
            "purpose": "Bảo hộ công dân theo đề nghị của gia đình",
        }

    def export_split(self, users):
        keep = [self.make(users, "officer1", year=2025), self.make(users, "officer2", year=2025)]
        return keep, self.make(users, "officer1", year=2024), "year=2025"


class TestApecCardApplicationViews(PrivateRegistryViewCases):
    model = ApecCardApplication
    factory = ApecCardApplicationFactory
    owner_field = "receiving_unit"
    published_status = "approved"
    title_field = "applicant_name"

    def form_data(self, users):
        return {
            "applicant_name": "Hoàng Văn Thử",
            "birth_date": "1979-09-02",
            "position": "Tổng Giám đốc",
            "in_post_since": "2018-03-01",
            "enterprise": "Công ty Cổ phần Thử Nghiệm Nghệ An",
            "enterprise_established_on": "2012-07-15",
            "countries": [CountryFactory().pk],
        }


class TestForeignPressVisitViews(RegistryViewCases):
    model = ForeignPressVisit
    factory = ForeignPressVisitFactory
    owner_field = "host_unit"
    published_status = "approved"
    title_field = "outlet"

    def form_data(self, users):
        return {
            "outlet": "Thông tấn xã Thử Nghiệm",
            "country": CountryFactory().pk,
            "journalists": "01 phóng viên, 01 quay phim",
            "start_date": "2027-05-10",
            "end_date": "2027-05-12",
            "places": "Cửa khẩu quốc tế Nậm Cắn",
            "topic": "Giao thương qua biên giới",
        }


@pytest.mark.django_db
def test_apec_form_checks_eligibility_with_vietnamese_messages(client_for, users):
    data = TestApecCardApplicationViews().form_data(users) | {
        "birth_date": "2015-01-01",
        "in_post_since": "2026-10-01",
        "enterprise_established_on": "2026-09-01",
    }
    response = client_for("officer1").post("/consular/apec/add/", data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Doanh nghiệp phải hoạt động từ 12 tháng trở lên" in body
    assert "phải đủ 18 tuổi" in body
    assert "giữ chức vụ, làm việc tại doanh nghiệp từ 12 tháng" in body


@pytest.mark.django_db
def test_card_to_be_returned_is_flagged_in_the_list_and_filter(client_for, users):
    late = ApecCardApplicationFactory(
        status="card_issued", left_post_on="2025-01-31", card_number="A1", receiving_unit=users["officer1"].unit
    )
    fine = ApecCardApplicationFactory(status="card_issued", card_number="A2", receiving_unit=users["officer1"].unit)
    c = client_for("coordinator")
    body = c.get("/consular/apec/").content.decode()
    assert "Phải nộp lại thẻ (thôi chức vụ 31/01/2025)" in body
    flagged = c.get("/consular/apec/?to_be_returned=1").content.decode()
    assert late.applicant_name in flagged and fine.applicant_name not in flagged
    others = c.get("/consular/apec/?to_be_returned=0").content.decode()
    assert late.applicant_name not in others and fine.applicant_name in others
    sensitive = CitizenCaseFactory(sensitive=True, recording_unit=users["officer1"].unit)
    plain = CitizenCaseFactory(recording_unit=users["officer1"].unit)
    body = c.get("/consular/cases/?sensitive=1").content.decode()
    assert sensitive.person_name in body and plain.person_name not in body
    detail = c.get(f"/consular/apec/{late.pk}/").content.decode()
    assert 'id="card-to-be-returned"' in detail


@pytest.mark.django_db
def test_case_workflow_through_the_web(client_for, users):
    case = CitizenCaseFactory(recording_unit=users["officer1"].unit)
    c = client_for("officer1")
    assert c.post(f"/consular/cases/{case.pk}/action/start/").status_code == 302
    response = c.post(f"/consular/cases/{case.pk}/action/close/", {"closed_on": "2025-03-10", "outcome": ""})
    assert response.status_code == 400 and "Cần ghi kết quả xử lý." in response.content.decode()
    response = c.post(f"/consular/cases/{case.pk}/action/close/", {"closed_on": "2025-03-20", "outcome": "Đã về nước"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "closed" and case.outcome == "Đã về nước"
    assert client_for("officer2").post(f"/consular/cases/{case.pk}/action/reopen/", {"reason": "x"}).status_code == 404
