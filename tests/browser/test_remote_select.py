"""The partner field of a form loads its options from the server as the user types (issue 16, item 10): typed
without accents, chosen, saved."""

from __future__ import annotations

import pytest

from doingoai.delegations.models import Delegation
from tests.browser.test_delegation_flow import login
from tests.factories import CountryFactory, DelegationFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_fetches_partners_and_the_choice_is_saved(live_server, page, users):
    laos = CountryFactory(code="LA", name_vi="Lào")
    PartnerFactory(name="Tỉnh Luông Pha Băng", country=laos, aliases=["Luang Prabang"])
    for i in range(20):
        PartnerFactory(name=f"Đối tác thử {i}", country=laos)
    delegation = DelegationFactory(proposing_unit=users["officer1"].unit)
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/delegations/{delegation.pk}/edit/")
    assert page.eval_on_selector("#id_partners", "s => s.options.length") == 0  # nothing sent ahead
    with page.expect_response(lambda r: "/partners/lookup/" in r.url and "q=prabang" in r.url):
        page.locator("#id_partners-ts-control").focus()
        page.keyboard.type("prabang")
    page.wait_for_function("() => document.querySelectorAll('#id_partners-ts-dropdown .option').length === 1")
    assert page.locator("#id_partners-ts-dropdown .option").inner_text().startswith("Tỉnh Luông Pha Băng")
    page.keyboard.press("Enter")
    page.locator("form button[type=submit].btn-primary").last.click()
    page.wait_for_url(f"{live_server.url}/delegations/{delegation.pk}/")
    assert [p.name for p in Delegation.objects.get(pk=delegation.pk).partners.all()] == ["Tỉnh Luông Pha Băng"]
