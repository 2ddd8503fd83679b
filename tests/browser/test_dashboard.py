"""The coordinator's dashboard draws the world map with coloured countries; a country and a bar open the list;
the calendar moves between months with htmx."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command

from doingoai.core.models import Country
from doingoai.delegations.models import DelegationStatus, Direction
from tests.browser.test_delegation_flow import login
from tests.factories import DelegationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where on the chart a value is drawn, and the colour of the canvas pixel there.
PIXEL = """([id, seriesIndex, point]) => {
  const el = document.getElementById(id);
  const chart = echarts.getInstanceByDom(el);
  const [x, y] = chart.convertToPixel({seriesIndex}, point);
  const canvas = el.querySelector("canvas");
  const ratio = canvas.width / canvas.clientWidth;
  const [r, g, b, a] = canvas.getContext("2d").getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
  return {x, y, r, g, b, a};
}"""


def test_dashboard_map_and_links_then_calendar(live_server, page, users, shots):
    call_command("load_refdata", verbosity=0)
    year = dt.date.today().year
    laos, japan = Country.objects.get(code="LA"), Country.objects.get(code="JP")
    unit = users["officer1"].unit
    for n in range(3):
        DelegationFactory(
            year=year, status=DelegationStatus.IN_PLAN, countries=[laos], proposing_unit=unit, name=f"Đoàn sang Lào {n}"
        )
    DelegationFactory(
        year=year,
        status=DelegationStatus.DONE,
        direction=Direction.IN,
        countries=[japan],
        proposing_unit=unit,
        name="Đoàn Nhật Bản",
        time_text="Tháng 5",
        actual_start=dt.date(year, 5, 12),
        actual_end=dt.date(year, 5, 15),
    )
    base = live_server.url
    login(page, base, "coordinator")
    page.goto(f"{base}/dashboard/?year={year}")
    page.wait_for_function(
        "() => { const el = document.getElementById('chart-map'); "
        "return window.echarts && echarts.getInstanceByDom(el); }"
    )
    page.wait_for_timeout(300)
    page.screenshot(path=shots / "dashboard.png", full_page=True)
    assert page.inner_text("#cards").count("Đoàn ra") == 1

    # Northern Laos is painted in the map's blue, Cambodia (no delegation) in the plain land grey, the sea not at all.
    inside = page.evaluate(PIXEL, ["chart-map", 0, [102.5, 20.0]])
    assert inside["b"] > inside["r"] + 40, inside
    cambodia = page.evaluate(PIXEL, ["chart-map", 0, [104.5, 12.8]])
    assert (cambodia["r"], cambodia["g"], cambodia["b"]) == (0xEE, 0xF0, 0xF3), cambodia
    sea = page.evaluate(PIXEL, ["chart-map", 0, [112.0, 15.0]])
    assert sea["a"] == 0, sea

    page.locator("#chart-map").scroll_into_view_if_needed()
    box = page.locator("#chart-map").bounding_box()
    page.mouse.click(box["x"] + inside["x"], box["y"] + inside["y"])
    page.wait_for_url(re.compile(rf"/delegations/\?.*country={laos.pk}"))
    assert page.inner_text("#result-count").startswith("3 ")

    page.goto(f"{base}/dashboard/?year={year}")
    page.wait_for_function("() => echarts.getInstanceByDom(document.getElementById('chart-regions'))")
    bar = page.evaluate(PIXEL, ["chart-regions", 0, [1.5, "Lào"]])
    page.locator("#chart-regions").scroll_into_view_if_needed()
    box = page.locator("#chart-regions").bounding_box()
    page.mouse.click(box["x"] + bar["x"], box["y"] + bar["y"])
    page.wait_for_url(re.compile(r"/delegations/\?.*region=lao"))
    assert page.inner_text("#result-count").startswith("3 ")

    page.goto(f"{base}/calendar/?month={year}-05")
    assert "Đoàn Nhật Bản" in page.inner_text(f'td[data-date="{year}-05-12"]')
    page.screenshot(path=shots / "calendar.png", full_page=True)
    page.click("#next-month")
    page.wait_for_function(f"() => document.getElementById('calendar-title').textContent.includes('Tháng 6/{year}')")
    assert f"month={year}-06" in page.url
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/calendar/?month={year}-05")
    assert page.locator("#calendar-grid").is_hidden()
    assert "Đoàn Nhật Bản" in page.inner_text("#calendar-list")
    page.screenshot(path=shots / "calendar-phone.png", full_page=True)
