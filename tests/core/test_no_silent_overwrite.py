"""No silent overwrite (issue 17, item 2): an update must say which version it was based on (API: 428 without
`version`, 409 when stale; web: the form without `_version` is refused), and a create form posted twice (or an
API create retried with the same Idempotency-Key) makes one record."""

from __future__ import annotations

import re

import pytest

from doingoai.diaspora.models import DiasporaAssociation
from tests.api_cases import api_client
from tests.factories import CountryFactory, DiasporaAssociationFactory

pytestmark = pytest.mark.django_db


def test_an_api_update_without_the_version_it_read_is_refused_with_428(users):
    association = DiasporaAssociationFactory(name="Hội A")
    client = api_client(users["coordinator"])
    url = f"/api/diaspora-associations/{association.pk}/"
    for method in (client.patch, client.put):
        refused = method(url, {"name": "Ghi đè", "country": association.country_id}, format="json")
        assert refused.status_code == 428
        assert "Thiếu phiên bản" in refused.json()["detail"]
    association.refresh_from_db()
    assert association.name == "Hội A" and association.version == 1
    stale = client.patch(url, {"name": "Cũ", "version": 0}, format="json")
    assert stale.status_code == 409
    saved = client.patch(url, {"name": "Hội B", "version": association.version}, format="json")
    assert saved.status_code == 200 and saved.json()["name"] == "Hội B"
    # Rights are asked first: another role's refusal says nothing about the version.
    assert api_client(users["officer1"]).patch(url, {"name": "X"}, format="json").status_code == 404


def test_a_web_edit_without_its_version_is_refused(client_for, users):
    association = DiasporaAssociationFactory(name="Hội A")
    client = client_for("coordinator")
    url = f"/diaspora/associations/{association.pk}/edit/"
    page = client.get(url).content.decode()
    assert f'name="_version" value="{association.version}"' in page
    data = {"name": "Ghi đè", "country": association.country_id}
    refused = client.post(url, data)
    assert refused.status_code == 409
    assert "thiếu phiên bản" in refused.content.decode()
    association.refresh_from_db()
    assert association.name == "Hội A"
    assert client.post(url, data | {"_version": association.version}).status_code == 302
    association.refresh_from_db()
    assert association.name == "Ghi đè"


def test_a_create_form_posted_twice_makes_one_record(client_for, users):
    client = client_for("coordinator")
    page = client.get("/diaspora/associations/add/").content.decode()
    token = re.search(r'name="_submission" value="([^"]+)"', page).group(1)
    data = {"name": "Hội đồng hương tại Viêng Chăn", "country": CountryFactory().pk, "_submission": token}
    first = client.post("/diaspora/associations/add/", data)
    second = client.post("/diaspora/associations/add/", data)
    assert first.status_code == second.status_code == 302
    assert DiasporaAssociation.objects.count() == 1
    assert second.url == first.url == DiasporaAssociation.objects.get().get_absolute_url()
    # A new form (a new token) is a new submission.
    again = client.get("/diaspora/associations/add/").content.decode()
    assert token not in again
    other = re.search(r'name="_submission" value="([^"]+)"', again).group(1)
    client.post("/diaspora/associations/add/", data | {"name": "Hội thứ hai", "_submission": other})
    assert DiasporaAssociation.objects.count() == 2


def test_an_api_create_retried_with_the_same_idempotency_key_makes_one_record(users):
    client = api_client(users["coordinator"])
    body = {"name": "Hội người Việt tại Luông Pha Bang", "country": CountryFactory().pk}
    key = "a" * 32
    first = client.post("/api/diaspora-associations/", body, format="json", HTTP_IDEMPOTENCY_KEY=key)
    again = client.post("/api/diaspora-associations/", body, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"] and DiasporaAssociation.objects.count() == 1
    # Another user's key is theirs alone.
    other = api_client(users["admin"]).post(
        "/api/diaspora-associations/", body, format="json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert other.status_code == 201 and DiasporaAssociation.objects.count() == 2
    bad = client.post("/api/diaspora-associations/", body, format="json", HTTP_IDEMPOTENCY_KEY="x")
    assert bad.status_code == 400
