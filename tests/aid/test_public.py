"""The public investment page: no login, Vietnamese and English, only published opportunities still open."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.test import override_settings

from doingoai.aid.maps import province_key, province_map
from doingoai.aid.models import InvestmentStatus, Sector
from tests.factories import InvestmentOpportunityFactory

URL = "/public/investment/"


@pytest.fixture
def catalogue(users):
    unit = users["officer1"].unit

    def make(title: str, **kwargs):
        fields = {"status": InvestmentStatus.OPEN, "public": True, "managing_unit": unit} | kwargs
        return InvestmentOpportunityFactory(title=title, **fields)

    return {
        "port": make(
            "Cảng tổng hợp Đông Hồi",
            title_en="Dong Hoi general port",
            sector=Sector.TRANSPORT,
            place="KKT Đông Nam",
            latitude=Decimal("19.283"),
            longitude=Decimal("105.783"),
            total_investment=Decimal("2500000000000"),
            currency="VND",
            note="Ghi chú nội bộ: liên hệ ông Nguyễn Văn A 0912345678",
            scale="Tàu đến 50.000 DWT",
            scale_en="Vessels up to 50,000 DWT",
            description="Cảng nước sâu",
            description_en="Deep-water port",
        ),
        "resort": make("Khu du lịch sinh thái Pù Mát", sector=Sector.TOURISM, place="Con Cuông"),
        "hotel": make("Khách sạn 5 sao Cửa Lò", sector=Sector.TOURISM, place="Cửa Lò"),
        "hidden": make("Dự án chưa công bố", public=False),
        "talks": make("Dự án đang đàm phán", status=InvestmentStatus.IN_TALKS, investor_text="Công ty ABC"),
        "draft": make("Dự án dự thảo", status=InvestmentStatus.DRAFT),
        "proposed": make("Dự án đề xuất", status=InvestmentStatus.PROPOSED),
        "awarded": make("Dự án đã có nhà đầu tư", status=InvestmentStatus.AWARDED),
        "withdrawn": make("Dự án đã rút", status=InvestmentStatus.WITHDRAWN),
    }


def json_data(response, element_id: str):
    body = response.content.decode()
    start = body.index(f'id="{element_id}"')
    start = body.index(">", start) + 1
    return json.loads(body[start : body.index("</script>", start)])


@pytest.mark.django_db
def test_anonymous_sees_only_published_open_opportunities(client, catalogue):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    for key in ("port", "resort", "hotel"):
        assert catalogue[key].title in body
    for key in ("hidden", "talks", "draft", "proposed", "awarded", "withdrawn"):
        assert catalogue[key].title not in body
    assert '<html lang="vi">' in body and 'id="total">3<' in body
    assert "2.500.000.000.000 VND" in body
    assert "Tàu đến 50.000 DWT" in body and "Vessels up to" not in body
    # Internal notes, investors in talks, the managing unit's staff: nothing of it is public.
    assert "0912345678" not in body and "Công ty ABC" not in body and "Ghi chú nội bộ" not in body
    assert "Đăng xuất" not in body


@pytest.mark.django_db
def test_chart_counts_by_sector_and_map_points_have_coordinates(client, catalogue):
    response = client.get(URL)
    chart = json_data(response, "chart-data")
    assert chart["labels"][0] == Sector.TOURISM.label and chart["values"][0] == 2
    assert dict(zip(chart["codes"], chart["values"], strict=True)) == {"tourism": 2, "transport": 1}
    points = json_data(response, "points-data")
    assert points == [{"name": "Cảng tổng hợp Đông Hồi", "value": [105.783, 19.283], "sector": Sector.TRANSPORT.label}]
    geo = json_data(response, "geo-data")
    assert geo["name"] == "Nghệ An"
    names = {f["properties"]["name"] for f in geo["geojson"]["features"]}
    assert {"Nghệ An", "Hà Tĩnh", "Thanh Hóa"} <= names and "Cà Mau" not in names
    x0, y0, x1, y1 = geo["bbox"]
    assert x0 < 105.783 < x1 and y0 < 19.283 < y1  # the port lies inside the province's outline box


@pytest.mark.django_db
def test_english_version(client, catalogue):
    response = client.get(URL + "?lang=en")
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "Investment opportunities" in body and "Projects by sector" in body
    assert "Dong Hoi general port" in body and "Deep-water port" in body
    assert "Vessels up to 50,000 DWT" in body and "Tàu đến" not in body
    assert "Khu du lịch sinh thái Pù Mát" in body  # no English title: the Vietnamese one stands
    assert "2,500,000,000,000 VND" in body
    assert json_data(response, "chart-data")["labels"][0] == "Tourism"
    assert 'href="?lang=vi"' in body and "Tiếng Việt" in body
    assert client.get(URL + "?lang=xx").content.decode().count('<html lang="vi">') == 1


@pytest.mark.django_db
def test_filters_by_sector_and_place(client, catalogue):
    body = client.get(URL + "?sector=tourism").content.decode()
    table = body[body.index('id="opportunities"') :]
    assert catalogue["resort"].title in table and catalogue["hotel"].title in table
    assert catalogue["port"].title not in table
    table = client.get(URL + "?sector=tourism&place=Cửa Lò").content.decode()
    table = table[table.index('id="opportunities"') :]
    assert catalogue["hotel"].title in table and catalogue["resort"].title not in table
    empty = client.get(URL + "?sector=health").content.decode()
    assert "Không có dự án nào phù hợp bộ lọc." in empty


@pytest.mark.django_db
def test_titles_cannot_inject_script(client, users):
    InvestmentOpportunityFactory(
        title="</script><script>alert(1)</script>",
        status=InvestmentStatus.OPEN,
        public=True,
        latitude=Decimal("19"),
        longitude=Decimal("105"),
        managing_unit=users["officer1"].unit,
    )
    body = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in body


@pytest.mark.django_db
def test_empty_catalogue_and_unknown_province(client):
    body = client.get(URL).content.decode()
    assert "Hiện chưa có dự án nào được công bố." in body
    with override_settings(PROVINCE_NAME="Tỉnh Mới Sáp Nhập"):
        body = client.get(URL).content.decode()
    assert 'id="map-missing"' in body and 'id="investment-map"' not in body


def test_province_names_match_whatever_the_writing():
    assert province_key("Tỉnh Nghệ An") == province_key("nghe an") == province_key("NGHỆ AN")
    assert province_key("Thành phố Hà Nội") == "ha noi"
    assert province_map("Thừa Thiên - Huế")["name"] == "Thừa Thiên Huế"
    assert province_map("Đắk Lắk")["name"] == "Đắk Lắk"
    assert province_map("Nowhere") is None
