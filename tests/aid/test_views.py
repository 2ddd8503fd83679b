from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from doingoai.aid.models import AidProject, AidStatus, InvestmentOpportunity
from tests.factories import AidProjectFactory, InvestmentOpportunityFactory, PartnerFactory
from tests.registry_cases import RegistryViewCases


class TestAidProjectViews(RegistryViewCases):
    model = AidProject
    factory = AidProjectFactory
    owner_field = "managing_unit"
    published_status = "approved"
    title_field = "title"

    def form_data(self, users):
        return {
            "year": 2027,
            "kind": "ngo",
            "title": "Dự án cải thiện dinh dưỡng trẻ em vùng cao",
            "donor": PartnerFactory(kind="ngo").pk,
            "sector": "health",
            "amount": "1.250.000,5",
            "currency": "USD",
            "place": "Huyện Quế Phong",
            "start_date": "2027-03-01",
            "end_date": "2029-12-31",
        }


class TestInvestmentOpportunityViews(RegistryViewCases):
    model = InvestmentOpportunity
    factory = InvestmentOpportunityFactory
    owner_field = "managing_unit"
    published_status = "open"
    title_field = "title"

    def form_data(self, users):
        return {
            "year": 2027,
            "title": "Nhà máy chế biến gỗ công nghệ cao",
            "title_en": "High-tech wood processing plant",
            "sector": "industry",
            "place": "Khu công nghiệp Hoàng Mai",
            "area_ha": "25,5",
            "total_investment": "1.200.000.000.000",
            "currency": "VND",
            "latitude": "19.2667",
            "longitude": "105,7167",
        }


@pytest.mark.django_db
def test_amounts_are_read_and_shown_the_vietnamese_way(client_for, users):
    c = client_for("coordinator")
    data = TestInvestmentOpportunityViews().form_data(users) | {"managing_unit": users["officer1"].unit.pk}
    assert c.post("/investment/add/", data).status_code == 302
    o = InvestmentOpportunity.objects.get()
    assert o.total_investment == Decimal("1200000000000")
    assert o.area_ha == Decimal("25.5")
    assert (o.latitude, o.longitude) == (Decimal("19.2667"), Decimal("105.7167"))
    body = c.get(f"/investment/{o.pk}/").content.decode()
    assert "1.200.000.000.000" in body and "25,5" in body
    assert "1.200.000.000.000 VND" in c.get("/investment/").content.decode()
    form = c.get(f"/investment/{o.pk}/edit/").content.decode()
    assert 'value="1.200.000.000.000"' in form and 'value="19,2667"' in form


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"latitude": "", "longitude": "105.7"}, "latitude", "Cần nhập cả vĩ độ và kinh độ"),
        ({"latitude": "95", "longitude": "105.7"}, "latitude", "Vĩ độ phải từ -90 đến 90."),
        ({"longitude": "abc"}, "longitude", "Cần nhập tọa độ dạng số thập phân"),
        ({"total_investment": "-5"}, "total_investment", "Tổng vốn đầu tư không được âm."),
        ({"total_investment": "mười tỷ"}, "total_investment", "Cần nhập một số"),
    ],
)
def test_investment_form_errors_name_the_field(client_for, users, changes, field, message):
    data = TestInvestmentOpportunityViews().form_data(users) | {"managing_unit": users["officer1"].unit.pk} | changes
    response = client_for("coordinator").post("/investment/add/", data)
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert not InvestmentOpportunity.objects.exists()


@pytest.mark.django_db
def test_aid_form_needs_a_donor_and_ordered_dates(client_for, users):
    data = TestAidProjectViews().form_data(users) | {"donor": "", "end_date": "2026-01-01"}
    response = client_for("officer1").post("/aid/add/", data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["donor_text"] == ["Cần chọn nhà tài trợ hoặc ghi tên nhà tài trợ."]
    assert errors["end_date"] == ["Thời gian thực hiện đến không được trước thời gian bắt đầu."]


def _late_ngo(users, **kwargs):
    return AidProjectFactory(
        managing_unit=users["officer1"].unit,
        status=AidStatus.APPROVED,
        approved_on=dt.date(2020, 1, 10),
        approval_ref="12/QĐ-UBND",
        **kwargs,
    )


@pytest.mark.django_db
def test_detail_warns_of_late_ngo_aid_and_list_filters_it(client_for, users):
    late = _late_ngo(users, title="Viện trợ chậm triển khai")
    on_time = AidProjectFactory(
        managing_unit=users["officer1"].unit,
        status=AidStatus.APPROVED,
        approved_on=dt.date.today(),
        title="Viện trợ mới phê duyệt",
    )
    oda = _late_ngo(users, kind="oda", title="Dự án ODA cũ")  # the 6-month rule is for NGO aid only
    c = client_for("coordinator")
    body = c.get(f"/aid/{late.pk}/").content.decode()
    assert 'id="start-late"' in body and "10/07/2020" in body and "Nghị định 80/2020/NĐ-CP" in body
    assert 'id="start-late"' not in c.get(f"/aid/{on_time.pk}/").content.decode()
    assert 'id="start-deadline"' in c.get(f"/aid/{on_time.pk}/").content.decode()
    assert 'id="start-late"' not in c.get(f"/aid/{oda.pk}/").content.decode()
    listed = c.get("/aid/?start_late=1").content.decode()
    assert late.title in listed and on_time.title not in listed and oda.title not in listed
    everything = c.get("/aid/").content.decode()
    assert all(a.title in everything for a in (late, on_time, oda))
    assert "Quá hạn triển khai" in everything


@pytest.mark.django_db
def test_home_page_lists_late_ngo_aid(client_for, users):
    late = _late_ngo(users, title="Viện trợ chưa triển khai")
    body = client_for("coordinator").get("/").content.decode()
    assert "Viện trợ phi chính phủ chưa triển khai sau 6 tháng phê duyệt" in body
    assert late.get_absolute_url() in body
