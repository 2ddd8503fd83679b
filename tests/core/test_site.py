"""Login, throttling, session expiry, health check, reference registries."""

from __future__ import annotations

import pytest
from django.conf import settings

from tests.conftest import PASSWORD
from tests.factories import AgreementFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_login_page_is_django_standard_form_in_vietnamese(client):
    body = client.get("/accounts/login/").content.decode()
    assert '<meta charset="utf-8">' in body and "Tên đăng nhập" in body and 'name="username"' in body


def test_login_and_lockout_after_repeated_failures(client, users):
    assert client.post("/accounts/login/", {"username": "officer1", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "officer2", "password": "sai-mat-khau"})
    locked = client.post("/accounts/login/", {"username": "officer2", "password": PASSWORD})
    assert locked.status_code == 429 and "tạm thời bị khóa" in locked.content.decode()


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600 and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_partner_in_use_cannot_be_deleted(client_for, users):
    partner = PartnerFactory()
    AgreementFactory(partner=partner, country=partner.country, proposing_unit=users["officer1"].unit)
    response = client_for("coordinator").post(f"/partners/{partner.pk}/delete/", follow=True)
    assert "đang được dùng" in response.content.decode()
    assert type(partner).objects.filter(pk=partner.pk).exists()


def test_partner_aliases_edited_one_per_line(client_for, users):
    partner = PartnerFactory(name="Bo Ly Khăm Xay")
    data = {
        "name": "Bo Ly Khăm Xay",
        "kind": "locality",
        "country": partner.country.pk,
        "aliases": "Bô Ly Khăm Xay\nBolykhămxay\n\nBorikhamxay",
        "_version": partner.version,
    }
    assert client_for("coordinator").post(f"/partners/{partner.pk}/edit/", data).status_code == 302
    partner.refresh_from_db()
    assert partner.aliases == ["Bô Ly Khăm Xay", "Bolykhămxay", "Borikhamxay"]
    # accent-free search over the aliases
    body = client_for("officer1").get("/partners/?q=bolykhamxay").content.decode()
    assert "Bo Ly Khăm Xay" in body
