"""Long lists are not sent whole (issue 16, item 10): the edit forms' partner and unit fields render only the chosen
options and fetch the others from the server as the user types — accent-insensitive, within the user's rights."""

from __future__ import annotations

import pytest

from tests.factories import CountryFactory, DelegationFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_the_edit_form_sends_only_the_chosen_partners(client_for, users):
    laos = CountryFactory(code="LA", name_vi="Lào")
    chosen = PartnerFactory(name="Tỉnh Hủa Phăn", country=laos)
    others = [PartnerFactory(name=f"Đối tác số {i}", country=laos) for i in range(30)]
    delegation = DelegationFactory(proposing_unit=users["officer1"].unit)
    delegation.partners.set([chosen])
    body = client_for("coordinator").get(f"/delegations/{delegation.pk}/edit/").content.decode()
    select = body[body.index('id="id_partners"') - 200 : body.index("</select>", body.index('id="id_partners"'))]
    assert 'data-lookup="/partners/lookup/?format=json"' in select
    assert "Tỉnh Hủa Phăn" in select and "selected" in select
    assert not any(p.name in select for p in others)


def test_a_chosen_partner_outside_the_page_still_saves(client_for, users):
    laos = CountryFactory(code="LA", name_vi="Lào")
    partner = PartnerFactory(name="Tỉnh Xiêng Khoảng", country=laos)
    delegation = DelegationFactory(proposing_unit=users["officer1"].unit)
    client = client_for("coordinator")
    form = client.get(f"/delegations/{delegation.pk}/edit/").context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() not in (None, [], "")}
    data |= {"partners": [partner.pk], "_version": delegation.version}
    response = client.post(f"/delegations/{delegation.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    delegation.refresh_from_db()
    assert list(delegation.partners.all()) == [partner]


def test_the_lookup_answers_json_without_accents(client_for):
    laos = CountryFactory(code="LA", name_vi="Lào")
    PartnerFactory(name="Tỉnh Luông Pha Băng", country=laos, aliases=["Luang Prabang"])
    PartnerFactory(name="Tỉnh Chăm Pa Xắc", country=laos)
    client = client_for("officer1")
    found = client.get("/partners/lookup/", {"format": "json", "q": "luong pha"}).json()["results"]
    assert len(found) == 1 and found[0]["text"].startswith("Tỉnh Luông Pha Băng")
    assert client.get("/partners/lookup/", {"format": "json", "q": "prabang"}).json()["results"]
    assert client.get("/partners/lookup/", {"format": "json", "q": ""}).json() == {"results": []}


def test_the_lookup_needs_a_login(client):
    response = client.get("/partners/lookup/", {"format": "json", "q": "a"})
    assert response.status_code == 302
