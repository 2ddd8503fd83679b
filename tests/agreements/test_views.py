from __future__ import annotations

import datetime as dt

import pytest

from doingoai.agreements.models import Agreement, AgreementAction
from tests.factories import AgreementActionFactory, AgreementFactory, CountryFactory
from tests.registry_cases import RegistryViewCases


class TestAgreementViews(RegistryViewCases):
    model = Agreement
    factory = AgreementFactory
    owner_field = "proposing_unit"
    published_status = "consulted"
    title_field = "title"

    def form_data(self, users):
        return {
            "year": 2027,
            "title": "Biên bản ghi nhớ hợp tác với tỉnh Hủa Phăn",
            "type": "mou",
            "country": CountryFactory().pk,
            "partner_text": "Chính quyền tỉnh Hủa Phăn",
            "time_text": "Quý III",
            "signing_level": "Chủ tịch UBND tỉnh",
            "approving_authority": "Chủ tịch UBND tỉnh",
        }


class TestAgreementActionViews(RegistryViewCases):
    model = AgreementAction
    factory = AgreementActionFactory
    owner_field = "owner_unit"
    published_status = "open"
    title_field = "title"

    def form_data(self, users):
        agreement = AgreementFactory(status="in_force", signed_on=dt.date(2026, 5, 1))
        return {
            "agreement": agreement.pk,
            "title": "Tổ chức đoàn khảo sát mô hình trồng cà phê",
            "due_on": "2027-09-30",
        }


@pytest.mark.django_db
def test_action_form_offers_only_signed_agreements_the_user_may_read(client_for, users):
    signed = AgreementFactory(status="in_force", title="Thỏa thuận đã có hiệu lực")
    AgreementFactory(status="draft", title="Dự thảo của đơn vị khác", proposing_unit=users["officer2"].unit)
    body = client_for("officer1").get(f"/agreements/actions/add/?agreement={signed.pk}").content.decode()
    assert "Thỏa thuận đã có hiệu lực" in body
    assert "Dự thảo của đơn vị khác" not in body


@pytest.mark.django_db
def test_due_before_signing_is_refused_in_vietnamese(client_for, users):
    signed = AgreementFactory(status="in_force", signed_on=dt.date(2027, 1, 10))
    data = {"agreement": signed.pk, "title": "Việc thử", "due_on": "2027-01-01"}
    body = client_for("officer1").post("/agreements/actions/add/", data).content.decode()
    assert "Hạn hoàn thành không được trước ngày ký thỏa thuận (10/01/2027)" in body


@pytest.mark.django_db
def test_agreement_page_lists_its_actions_and_the_review_date(client_for, users):
    agreement = AgreementFactory(
        status="in_force", signed_on=dt.date(2025, 1, 1), valid_until=dt.date(2030, 1, 1), title="MOU với Hủa Phăn"
    )
    AgreementActionFactory(agreement=agreement, owner_unit=users["officer1"].unit, status="open", title="Trao đổi đoàn")
    body = client_for("coordinator").get(agreement.get_absolute_url()).content.decode()
    assert 'id="agreement-actions"' in body and "Trao đổi đoàn" in body
    assert "Hạn rà soát" in body and "03/10/2029" in body  # 90 days before 01/01/2030
    assert f"/agreements/actions/add/?agreement={agreement.pk}" in body
