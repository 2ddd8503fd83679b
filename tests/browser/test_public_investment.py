"""A visitor without an account opens the public investment page: chart and map drawn, English one click away."""

from __future__ import annotations

from decimal import Decimal

import pytest

from doingoai.aid.models import InvestmentStatus, Sector
from tests.factories import InvestmentOpportunityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_sees_chart_map_and_english(live_server, page, users, shots):
    unit = users["officer1"].unit
    for title, sector, lat, lon in [
        ("Cảng tổng hợp Đông Hồi", Sector.TRANSPORT, "19.285", "105.770"),
        ("Khu du lịch sinh thái Pù Mát", Sector.TOURISM, "19.040", "104.880"),
        ("Khách sạn ven biển Cửa Lò", Sector.TOURISM, None, None),
    ]:
        InvestmentOpportunityFactory(
            title=title,
            title_en=f"EN {title}",
            sector=sector,
            status=InvestmentStatus.OPEN,
            public=True,
            latitude=Decimal(lat) if lat else None,
            longitude=Decimal(lon) if lon else None,
            managing_unit=unit,
        )
    InvestmentOpportunityFactory(title="Dự án nội bộ", status=InvestmentStatus.OPEN, public=False, managing_unit=unit)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_server.url}/public/investment/")
    assert page.locator("#total").inner_text() == "3"
    page.locator("#sector-chart canvas").wait_for()
    page.locator("#investment-map canvas").wait_for()
    drawn = page.evaluate(
        """() => {
            const bars = echarts.getInstanceByDom(document.getElementById('sector-chart')).getOption();
            const map = echarts.getInstanceByDom(document.getElementById('investment-map')).getOption();
            return {values: bars.series[0].data, points: map.series[0].data.length, region: map.geo[0].regions[0].name};
        }"""
    )
    assert drawn == {"values": [2, 1], "points": 2, "region": "Nghệ An"}
    assert "Dự án nội bộ" not in page.content()
    page.screenshot(path=str(shots / "public-investment-vi.png"), full_page=True)
    page.locator("#lang-switch").click()
    page.wait_for_url("**?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Investment opportunities").is_visible()
    assert page.get_by_text("EN Cảng tổng hợp Đông Hồi").is_visible()
    page.locator("#investment-map canvas").wait_for()
    page.screenshot(path=str(shots / "public-investment-en.png"), full_page=True)
    assert errors == []
