"""Production settings pass `check --deploy`; every response carries the security headers; password rules,
login throttling and session expiry (issue 7, item 12)."""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.conftest import PASSWORD
from tests.factories import InvestmentOpportunityFactory

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def run_check_deploy(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`doingoai check --deploy --fail-level WARNING` in a fresh process: the settings read the environment once."""
    # (the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is a test-process setting that check --deploy rightly flags)
    ignored = {"SECRET_KEY", "DEBUG", "HTTPS", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    code = "from doingoai.cli import main; main(['check', '--deploy', '--fail-level', 'WARNING'])"
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", code],
        env=clean | {"DOINGOAI_VAR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "doingoai.settings"} | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_production_settings_pass_check_deploy(tmp_path):
    result = run_check_deploy(
        tmp_path, SECRET_KEY=secrets.token_urlsafe(50), DEBUG="0", HTTPS="1", ALLOWED_HOSTS="doingoai.example.gov.vn"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_check_deploy_refuses_the_development_defaults(tmp_path):
    result = run_check_deploy(tmp_path)  # no SECRET_KEY, no HTTPS
    assert result.returncode != 0
    for code in ("security.W009", "security.W004", "security.W008", "security.W012", "security.W016"):
        assert code in result.stderr, code


# --- headers
@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True])
def test_security_headers_on_every_kind_of_page(client, users, signed_in):
    InvestmentOpportunityFactory(managing_unit=users["officer1"].unit)
    if signed_in:
        client.force_login(users["officer1"], backend="doingoai.core.backends.UserBackend")
    for url in ["/accounts/login/", "/public/investment/", "/", "/delegations/", "/dashboard/", "/healthz"]:
        response = client.get(url)
        assert response.status_code in (200, 302), url
        csp = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
        assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'", url  # no inline script, no eval
        assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'", url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert "Strict-Transport-Security" not in response, url  # HTTPS off: no HSTS


@pytest.mark.django_db
def test_hsts_only_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000  # what HTTPS=1 sets
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    assert "Strict-Transport-Security" not in client.get("/accounts/login/")
    hsts = client.get("/accounts/login/", secure=True)["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"


def test_https_setting_turns_on_hsts_redirect_and_secure_cookies(tmp_path):
    code = (
        "import django; from django.conf import settings as s; django.setup(); "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_PROXY_SSL_HEADER)"
    )
    env = os.environ | {"DOINGOAI_VAR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "doingoai.settings"}
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], env=env | {"HTTPS": "1"}, capture_output=True, text=True, check=True
    )
    assert out.stdout.split(" ", 4)[:4] == ["31536000", "True", "True", "True"]
    assert "HTTP_X_FORWARDED_PROTO" in out.stdout


def test_templates_carry_no_inline_script():
    """The policy forbids inline script, so none may creep back into a template (it would silently not run)."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", text):
            offenders.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)}")
        for match in re.finditer(r"\s(on[a-z]+=|href=\"javascript:|hx-on)", text):
            offenders.append(f"{path.relative_to(TEMPLATES)}: {match.group(0).strip()}")
        # htmx evaluates trigger filters ("change[…]") and js: values with eval, which the policy refuses
        for match in re.finditer(r"hx-trigger=\"[^\"]*?(?<=[\"\s,])(?!from:)[\w.-]+\[|hx-vals=['\"]js:", text):
            offenders.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)}")
    assert not offenders, "\n".join(offenders)


# --- passwords
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("ngan-qua", "Mật khẩu quá ngắn: cần ít nhất 10 ký tự."),
        ("password123", "Mật khẩu này quá phổ biến."),
        ("4827193650281", "Mật khẩu này hoàn toàn là số."),
        ("officer1-xyz", "Mật khẩu quá giống với"),
    ],
    ids=["short", "common", "numeric", "like-the-username"],
)
def test_password_change_refuses_weak_passwords_in_vietnamese(client_for, users, password, message):
    client = client_for("officer1")
    response = client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200  # the form again, with the reason
    assert message in response.content.decode()
    users["officer1"].refresh_from_db()
    assert users["officer1"].check_password(PASSWORD)


@pytest.mark.django_db
def test_password_change_accepts_a_strong_password(client_for, users):
    strong = "Hoa-sen-no-tren-song-Lam-2026"
    response = client_for("officer1").post(
        "/accounts/password_change/", {"old_password": PASSWORD, "new_password1": strong, "new_password2": strong}
    )
    assert response.status_code == 302
    users["officer1"].refresh_from_db()
    assert users["officer1"].check_password(strong)


def test_password_rules_are_configured():
    names = [v["NAME"].rsplit(".", 1)[-1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]


# --- login throttling (the lockout itself: tests/core/test_site.py)
@pytest.mark.django_db
def test_lockout_holds_even_with_the_right_password_and_is_per_user_and_address(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "officer2", "password": "sai-mat-khau"})
    locked = client.post("/accounts/login/", {"username": "officer2", "password": PASSWORD})
    body = locked.content.decode()
    assert locked.status_code == 429 and "tạm thời bị khóa" in body and '<html lang="vi"' in body
    assert "_auth_user_id" not in client.session
    # another user from the same address is not locked out
    assert client.post("/accounts/login/", {"username": "officer1", "password": PASSWORD}).status_code == 302


# --- session expiry
@pytest.mark.django_db
def test_a_session_idle_longer_than_its_age_is_signed_out(client, users):
    assert client.post("/accounts/login/", {"username": "officer1", "password": PASSWORD}).status_code == 302
    assert client.get("/").status_code == 200
    age = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now + age - dt.timedelta(minutes=5)):
        assert client.get("/").status_code == 200  # active within the age: still signed in, and the clock restarts
    with mock.patch("django.utils.timezone.now", return_value=now + 2 * age - dt.timedelta(minutes=10)):
        assert client.get("/").status_code == 200
    with mock.patch("django.utils.timezone.now", return_value=now + 3 * age):
        response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_session_cookie_settings():
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and settings.SESSION_COOKIE_HTTPONLY
    # the end moves with activity: written at most a minute apart (core.middleware.session_refresh)
    assert 0 < settings.SESSION_REFRESH_SECONDS <= 60
    sessions = settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert settings.MIDDLEWARE.index("doingoai.core.middleware.session_refresh") > sessions


@pytest.mark.django_db
def test_the_session_end_is_written_at_most_once_a_minute(client, users):
    from django.contrib.sessions.models import Session

    assert client.post("/accounts/login/", {"username": "officer1", "password": PASSWORD}).status_code == 302
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    now = timezone.now()
    written = Session.objects.get(session_key=key).expire_date  # by the login
    assert abs(written - now - dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)) < dt.timedelta(seconds=5)
    with mock.patch("django.utils.timezone.now", return_value=now + dt.timedelta(seconds=30)):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
    assert not [q for q in queries.captured_queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]
    assert Session.objects.get(session_key=key).expire_date == written  # within the minute: not written
    later = now + dt.timedelta(seconds=settings.SESSION_REFRESH_SECONDS + 1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get("/").status_code == 200
    assert Session.objects.get(session_key=key).expire_date == later + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
