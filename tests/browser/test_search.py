"""Search without diacritics from the navbar, refine with live results, and open a result."""

from __future__ import annotations

import pytest

from tests.browser.test_delegation_flow import login
from tests.factories import CountryFactory, DelegationFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_without_diacritics_from_the_navbar(live_server, page, users, shots):
    laos = CountryFactory()
    PartnerFactory(name="Bo Ly Khăm Xay", country=laos, aliases=["Bolykhămxay", "Borikhamxay"])
    target = DelegationFactory(
        name="Đoàn thanh niên tỉnh Xiêng Khoảng", direction="in", status="in_plan", purpose="Giao lưu hữu nghị"
    )
    DelegationFactory(name="Đoàn xúc tiến đầu tư tại Borikhamxay", status="in_plan")
    hidden = DelegationFactory(name="Đoàn nháp Xiêng Khoảng của đơn vị khác", proposing_unit=users["officer2"].unit)
    base = live_server.url

    login(page, base, "officer1")
    page.locator("#navbar-search").fill("xieng khoang")
    page.locator("#navbar-search").press("Enter")
    page.wait_for_url("**/search/?q=xieng+khoang")
    results = page.locator("#search-results")
    assert "Đoàn ra, đoàn vào" in results.inner_text()
    assert target.name in results.inner_text()
    assert hidden.name not in results.inner_text()  # another unit's draft stays private
    page.screenshot(path=shots / "search-xieng-khoang.png", full_page=True)

    # live results (htmx) while typing on the search page: an alias written apart
    page.locator("#search-q").fill("bo ly kham xay")
    page.wait_for_function("() => document.querySelector('#search-results').innerText.includes('Borikhamxay')")
    assert "Bo Ly Khăm Xay" in results.inner_text()
    page.screenshot(path=shots / "search-alias.png", full_page=True)

    page.go_back()
    page.wait_for_function("() => document.querySelector('#search-results').innerText.includes('Xiêng Khoảng')")
    page.locator(f'#search-results a[href="/delegations/{target.pk}/"]').click()
    page.wait_for_url(f"**/delegations/{target.pk}/")
    assert target.name in page.locator("h1").inner_text()
    page.screenshot(path=shots / "search-opened.png", full_page=True)
