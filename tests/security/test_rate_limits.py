"""Rate limits beside django-axes (issue 17, item 7): failed logins per address across accounts, invalid API
keys per address, calendar feed reads per address, token changes per user."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from doingoai.dashboard.services import calendar_token_issue
from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limits(settings):
    settings.DOINGOAI_RATE_LIMITS = settings.DOINGOAI_RATE_LIMITS | {
        "login_failures_per_address": (10, 900),
        "api_key_failures_per_address": (5, 900),
        "calendar_feed_per_address": (3, 600),
        "token_changes_per_user": (2, 3600),
    }


def test_one_password_tried_across_many_accounts_is_throttled_by_address(client, users, small_limits):
    accounts = [UserFactory(username=f"canbo{i}") for i in range(12)]
    for account in accounts[:10]:  # one failure per account: axes (per account and address) never locks
        response = client.post("/accounts/login/", {"username": account.username, "password": "Mua-xuan-2026"})
        assert response.status_code == 200
    refused = client.post("/accounts/login/", {"username": "officer1", "password": PASSWORD})
    assert refused.status_code == 429 and "địa chỉ mạng này" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not concerned.
    other = client.post("/accounts/login/", {"username": "officer1", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_guessing_api_keys_is_throttled_by_address(users, small_limits):
    key = Token.objects.create(user=users["officer1"]).key
    guesser = APIClient()
    for n in range(5):
        assert guesser.get("/api/units/", HTTP_AUTHORIZATION=f"Token {n:040d}").status_code == 401
    refused = guesser.get("/api/units/", HTTP_AUTHORIZATION=f"Token {key}")
    assert refused.status_code == 429 and "Quá nhiều yêu cầu" in refused.json()["detail"]
    assert APIClient().get("/api/units/", HTTP_AUTHORIZATION=f"Token {key}", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_the_calendar_feed_is_rate_limited_by_address(client, users, small_limits):
    token = calendar_token_issue(user=users["officer1"], by=users["officer1"])
    url = f"/calendar/feed/{token.token}.ics"
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url)
    assert refused.status_code == 429 and refused["Retry-After"] == "600"
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_token_pages_limit_changes_per_user(client_for, users, small_limits):
    from doingoai.dashboard.models import CalendarToken

    client = client_for("officer1")
    assert [client.post("/api/token/").status_code for _ in range(2)] == [200, 200]
    assert client.post("/api/token/").status_code == 429
    other = client_for("officer2")
    for _ in range(4):
        other.post("/calendar/feed/", {"action": "issue"})
    assert CalendarToken.objects.filter(user=users["officer2"]).count() == 2  # the third and fourth: refused
