"""One name per country (issue 16, item 15): a searchable country select finds a country by its other names and
shows its one Vietnamese name."""

from __future__ import annotations

import pytest

from tests.browser.test_delegation_flow import login
from tests.factories import CountryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_alias_finds_the_country_in_forms_and_filters(live_server, page, users):
    CountryFactory(code="KZ", name_vi="Ca-dắc-xtan", name_en="Kazakhstan", aliases=["Kazakhstan", "Kazakstan"])
    CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan", aliases=["Japan"])
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/delegations/add/?direction=out")
    page.locator("#id_countries-ts-control").click()
    page.keyboard.type("kazakh")
    page.wait_for_function("() => document.querySelectorAll('#id_countries-ts-dropdown .option').length === 1")
    assert page.locator("#id_countries-ts-dropdown .option").inner_text() == "Ca-dắc-xtan"
    page.keyboard.press("Enter")
    selected = page.eval_on_selector("#id_countries", "s => Array.from(s.selectedOptions).map(o => o.text)")
    assert selected == ["Ca-dắc-xtan"]
    # The list's country filter: the same.
    page.goto(f"{live_server.url}/delegations/")
    options = page.eval_on_selector(
        "#id_country", "s => Array.from(s.options).filter(o => o.dataset.aliases).map(o => o.dataset.aliases)"
    )
    assert any("Kazakhstan" in a for a in options)
