"""Every state change needs the CSRF token: a POST without it to any URL of the project is refused with 403,
for the signed-in administrator (who may do everything) and for a visitor. Generated from the URL
configuration like the authorisation matrix, so a new view is covered the day it is added.

The API accepts token authentication without CSRF by design (no cookie is involved); through the session, the
API asks for the token like the pages do (DRF's SessionAuthentication)."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from tests.border.fixtures import border_objects  # noqa: F401 - fixtures of `objects`
from tests.consular.fixtures import consular_objects  # noqa: F401
from tests.diaspora.fixtures import diaspora_objects  # noqa: F401
from tests.factories import DelegationFactory
from tests.imports.fixtures import imports_objects  # noqa: F401
from tests.infowork.fixtures import infowork_objects  # noqa: F401
from tests.programs.fixtures import programs_objects  # noqa: F401
from tests.reporting.fixtures import reporting_objects  # noqa: F401
from tests.test_authorization_matrix import SKIP_PREFIXES, named_patterns, objects, url_for  # noqa: F401

pytestmark = pytest.mark.django_db


def refused_for_csrf(response) -> bool:
    body = response.content.decode(errors="replace")
    return response.status_code == 403 and ("CSRF" in body or "csrf" in body)


@pytest.mark.parametrize("role", ["anonymous", "admin", "officer2"])
def test_every_post_without_the_token_is_refused(users, objects, role):  # noqa: F811 - the fixture imported above
    client = Client(enforce_csrf_checks=True)
    if role != "anonymous":
        client.force_login(users[role], backend="doingoai.core.backends.UserBackend")
    accepted = []
    count = 0
    for name, pattern in named_patterns():
        if name.startswith(SKIP_PREFIXES):
            continue
        url = "/accounts/logout/" if name == "logout" else url_for(name, pattern, objects)
        response = client.post(url, {"name": "<b>x</b>", "action": "create", "note": "x"})
        count += 1
        if not refused_for_csrf(response) and not (role == "anonymous" and name.startswith("api:")):
            accepted.append(f"{role} POST {url} ({name}): {response.status_code}")
    assert count > 150 and not accepted, "\n".join(accepted)


def test_django_admin_login_and_password_change_need_the_token(users):
    client = Client(enforce_csrf_checks=True)
    assert refused_for_csrf(client.post("/admin/login/", {"username": "admin", "password": "x"}))
    assert refused_for_csrf(client.post("/accounts/login/", {"username": "admin", "password": "x"}))


def test_the_same_post_with_the_token_goes_through(users, client_for):
    """The control: the 403s above come from the missing token, not from the view."""
    delegation = DelegationFactory(proposing_unit=users["officer1"].unit)
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["officer1"], backend="doingoai.core.backends.UserBackend")
    form = client.get(f"/delegations/{delegation.pk}/delete/")
    token = form.context["csrf_token"]
    url = f"/delegations/{delegation.pk}/delete/"
    assert refused_for_csrf(client.post(url))
    assert client.post(url, {"csrfmiddlewaretoken": str(token)}).status_code == 302
    assert not type(delegation).objects.filter(pk=delegation.pk).exists()


def test_api_session_needs_the_token_api_token_does_not(users):
    delegation = DelegationFactory(proposing_unit=users["officer1"].unit)
    url = f"/api/delegations/{delegation.pk}/actions/submit/"
    session = Client(enforce_csrf_checks=True)
    session.force_login(users["officer1"], backend="doingoai.core.backends.UserBackend")
    refused = session.post(url, {}, content_type="application/json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    delegation.refresh_from_db()
    assert delegation.status == "draft"

    key = Token.objects.create(user=users["officer1"]).key
    by_token = Client(enforce_csrf_checks=True)  # no cookie at all: nothing for a forged request to ride on
    done = by_token.post(url, {}, content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}")
    assert done.status_code == 200, done.content
    delegation.refresh_from_db()
    assert delegation.status == "proposed"
