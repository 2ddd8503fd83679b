"""The authentication backend reads the signed-in user's unit with the user (core.backends.UserBackend)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.backends import UserBackend


def test_the_users_unit_comes_with_the_user(users):
    officer = users["officer1"]
    with CaptureQueriesContext(connection) as queries:
        user = UserBackend().get_user(officer.pk)
        assert user is not None and user.unit.name == officer.unit.name
    assert len(queries) == 1


def test_an_inactive_or_unknown_user_is_nobody(users):
    officer = users["officer2"]
    officer.is_active = False
    officer.save()
    assert UserBackend().get_user(officer.pk) is None
    assert UserBackend().get_user(10**9) is None


def test_a_signed_in_page_names_the_unit(client, users):
    client.force_login(users["officer1"])
    assert users["officer1"].unit.name in client.get("/").content.decode()
