"""The border markers' map draws in a real browser, without script errors, and a click opens the marker."""

from __future__ import annotations

import pytest

from tests.browser.test_delegation_flow import login
from tests.factories import BorderGateFactory, BorderMarkerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_markers_drawn_by_status_and_clickable(live_server, page, users, shots):
    marker = BorderMarkerFactory(number="405(1)", status="damaged", latitude=19.4124, longitude=104.0392)
    BorderMarkerFactory(number="390", status="good", latitude=19.2335, longitude=103.996)
    BorderGateFactory(name="Nậm Cắn", gate_class="international", latitude=19.45, longitude=104.07)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    base = live_server.url
    login(page, base, "officer1")
    page.goto(f"{base}/border/markers/map/")
    page.wait_for_selector("#marker-map canvas")
    page.wait_for_timeout(500)
    page.screenshot(path=shots / "border-map.png", full_page=True)
    assert not errors, errors
    assert "Hư hỏng" in page.inner_text("#status-counts")
    # ECharts' own instance says what it drew: one series per status plus the gates, our marker in "Hư hỏng".
    drawn = page.evaluate(
        """() => {
          const chart = echarts.getInstanceByDom(document.getElementById('marker-map'));
          return chart.getOption().series.map(s => [s.name, s.data.map(d => d.name)]);
        }"""
    )
    assert ["Hư hỏng", ["405(1)"]] in drawn and ["Tốt", ["390"]] in drawn
    assert ["Cửa khẩu", ["Cửa khẩu quốc tế Nậm Cắn"]] in drawn
    point = page.evaluate(
        """() => {
          const chart = echarts.getInstanceByDom(document.getElementById('marker-map'));
          return chart.convertToPixel({geoIndex: 0}, [104.0392, 19.4124]);
        }"""
    )
    box = page.locator("#marker-map").bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    page.wait_for_url(f"**/border/markers/{marker.pk}/")
    assert "405(1)" in page.inner_text("h1")
