"""API tokens and calendar feed addresses end with the credentials: password change or reset (any path),
deactivation, an administrator's revoke; tokens expire; the token page shows when each was last used."""

from __future__ import annotations

import datetime as dt
import io
from unittest import mock

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from doingoai.api.models import TokenUse
from doingoai.core.models import BusinessEvent
from doingoai.dashboard.models import CalendarToken
from doingoai.dashboard.services import calendar_token_issue
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "mat-khau-moi-Ngh3-An-2026"


class FastRehashHasher(PBKDF2PasswordHasher):
    """A newer preferred hasher, cheap enough for tests: signing in re-hashes the stored MD5 password."""

    algorithm = "pbkdf2_fast_test"
    iterations = 2


def token_client(token: Token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def officer(users):
    user = users["officer1"]
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def secrets(officer):
    """The officer's API token and calendar feed, both working."""
    token = Token.objects.create(user=officer)
    feed = calendar_token_issue(user=officer, by=officer)
    assert token_client(token).get("/api/delegations/").status_code == 200
    assert APIClient().get(feed_url(feed)).status_code == 200
    return token, feed


def feed_url(feed: CalendarToken) -> str:
    return reverse("dashboard:calendar_feed", kwargs={"token": feed.token})


def assert_all_ended(officer, token: Token, feed: CalendarToken) -> None:
    assert not Token.objects.filter(user=officer).exists()
    assert token_client(token).get("/api/delegations/").status_code == 401
    assert not CalendarToken.objects.filter(user=officer, revoked_at__isnull=True).exists()
    assert APIClient().get(feed_url(feed)).status_code == 404


def test_password_change_page_ends_tokens_and_feed(officer, secrets, client):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302, response.content.decode()
    assert "Khóa API và địa chỉ lịch iCal cũ đã hết hiệu lực" in client.get(response.url).content.decode()
    assert_all_ended(officer, *secrets)
    event = BusinessEvent.objects.get(verb="credentials_revoked", object_id=officer.pk)
    assert event.actor == officer and event.data == {"reason": "password", "count": 2}


def test_set_password_and_save_ends_tokens_and_feed(officer, secrets):
    officer.set_password(NEW_PASSWORD)
    officer.save()
    assert_all_ended(officer, *secrets)


def test_password_reset_ends_tokens(officer, secrets):
    from django.contrib.auth.forms import SetPasswordForm

    form = SetPasswordForm(officer, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert form.is_valid(), form.errors
    form.save()
    assert_all_ended(officer, *secrets)


def test_changepassword_command_ends_tokens(officer, secrets):
    with mock.patch("getpass.getpass", return_value=NEW_PASSWORD):
        call_command("changepassword", "officer1", stdout=io.StringIO())
    assert_all_ended(officer, *secrets)


def test_admin_password_form_ends_tokens(officer, secrets, client_for):
    admin = client_for("admin")
    url = reverse("admin:auth_user_password_change", args=[officer.pk])
    response = admin.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302, response.content.decode()
    assert_all_ended(officer, *secrets)
    assert BusinessEvent.objects.get(verb="credentials_revoked", object_id=officer.pk).actor.username == "admin"


def test_deactivation_ends_tokens_and_feed(officer, secrets):
    officer.is_active = False
    officer.save()
    assert_all_ended(officer, *secrets)
    officer.is_active = True  # reactivated, the old secrets stay dead
    officer.save()
    assert_all_ended(officer, *secrets)


def test_other_saves_and_the_login_rehash_keep_tokens(officer, secrets, settings, client):
    token, feed = secrets
    officer.last_name = "Nguyễn"
    officer.save()
    settings.PASSWORD_HASHERS = [
        f"{__name__}.FastRehashHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    before = officer.password
    signed_in = client.post(reverse("login"), {"username": "officer1", "password": PASSWORD})
    assert signed_in.status_code == 302
    officer.refresh_from_db()
    assert officer.password != before and officer.password.startswith("pbkdf2_fast_test$")  # re-hashed, same password
    assert token_client(token).get("/api/delegations/").status_code == 200
    assert APIClient().get(feed_url(feed)).status_code == 200
    assert not BusinessEvent.objects.filter(verb="credentials_revoked").exists()


def test_admin_action_revokes_and_records_the_event(officer, secrets, users, client_for):
    admin = client_for("admin")
    response = admin.post(
        reverse("admin:core_user_changelist"),
        {"action": "revoke_credentials", "_selected_action": [officer.pk, users["officer2"].pk]},
        follow=True,
    )
    assert "Đã thu hồi 2 khóa API và địa chỉ lịch của 2 người dùng." in response.content.decode()
    assert_all_ended(officer, *secrets)
    events = BusinessEvent.objects.filter(verb="credentials_revoked")
    assert {(e.object_id, e.data["count"], e.actor.username) for e in events} == {
        (officer.pk, 2, "admin"),
        (users["officer2"].pk, 0, "admin"),  # an administrator's revoke is recorded even when nothing was left
    }
    officer.refresh_from_db()
    assert officer.is_active and officer.check_password(PASSWORD)


def test_unit_officer_cannot_revoke_through_the_admin(officer, secrets, client_for):
    response = client_for("officer2").post(
        reverse("admin:core_user_changelist"), {"action": "revoke_credentials", "_selected_action": [officer.pk]}
    )
    assert response.status_code == 302  # to the admin login
    assert Token.objects.filter(user=officer).exists()


def test_expired_token_refused_in_vietnamese(officer, settings):
    settings.DOINGOAI_API_TOKEN_DAYS = 90
    token = Token.objects.create(user=officer)
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - dt.timedelta(days=89))
    assert token_client(token).get("/api/delegations/").status_code == 200
    Token.objects.filter(pk=token.pk).update(created=dt.datetime(2026, 1, 1, 1, 30, tzinfo=dt.UTC))
    response = token_client(token).get("/api/delegations/")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Khóa API đã hết hạn lúc 01/04/2026 08:30. Hãy tạo khóa mới tại trang Khóa API."
    }
    settings.DOINGOAI_API_TOKEN_DAYS = 0  # never
    assert token_client(token).get("/api/delegations/").status_code == 200


def test_unknown_token_refused_in_vietnamese():
    response = APIClient(HTTP_AUTHORIZATION="Token sai-khoa").get("/api/delegations/")
    assert response.status_code == 401 and response.json() == {"detail": "Khóa API không hợp lệ."}


def test_last_use_recorded_at_most_once_a_minute(officer):
    token = Token.objects.create(user=officer)
    client = token_client(token)
    assert not TokenUse.objects.exists()
    client.get("/api/delegations/")
    first = TokenUse.objects.get(token=token).last_used_at
    assert timezone.now() - first < dt.timedelta(seconds=10)
    recent = timezone.now() - dt.timedelta(seconds=30)
    TokenUse.objects.filter(token=token).update(last_used_at=recent)
    client.get("/api/delegations/")
    assert TokenUse.objects.get(token=token).last_used_at == recent  # not written again within the minute
    TokenUse.objects.filter(token=token).update(last_used_at=timezone.now() - dt.timedelta(minutes=2))
    client.get("/api/delegations/")
    assert timezone.now() - TokenUse.objects.get(token=token).last_used_at < dt.timedelta(seconds=10)


def test_token_page_shows_created_last_used_and_expiry_in_local_time(officer, client_for, settings):
    settings.DOINGOAI_API_TOKEN_DAYS = 90
    page = client_for("officer1")
    assert "Khóa hết hạn sau 90 ngày" in page.get("/api/token/").content.decode()
    token = Token.objects.create(user=officer)
    created = timezone.now() - dt.timedelta(days=3)
    Token.objects.filter(pk=token.pk).update(created=created)
    html = page.get("/api/token/").content.decode()
    assert "chưa dùng" in html
    assert timezone.localtime(created).strftime("%d/%m/%Y %H:%M") in html
    expires = timezone.localtime(created + dt.timedelta(days=90))
    assert expires.strftime("%d/%m/%Y %H:%M") in html and 'id="token-expired"' not in html
    TokenUse.objects.create(token=token, last_used_at=dt.datetime(2026, 3, 1, 1, 5, tzinfo=dt.UTC))
    assert "01/03/2026 08:05" in page.get("/api/token/").content.decode()  # Asia/Ho_Chi_Minh, UTC+7
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - dt.timedelta(days=91))
    assert 'id="token-expired"' in page.get("/api/token/").content.decode()
    settings.DOINGOAI_API_TOKEN_DAYS = 0
    assert "không hết hạn" in page.get("/api/token/").content.decode()
