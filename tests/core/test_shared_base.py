"""The base units and users (tests/conftest.py, `_ModuleBase`) are created once per module and shared: what a test
changes, in the database or on its copies, is gone before the next one, and a test that does not ask for them
does not see them. The tests run in this order, on one worker (XDIST_GROUPS)."""

from __future__ import annotations

import pytest

from doingoai.core.models import Unit, User


def test_a_test_changes_the_users_and_units(users):
    officer = users["officer1"]
    officer.first_name = "Đã đổi"
    officer.save()
    officer.unit.name = "Đơn vị đã đổi"
    officer.unit.save()
    User.objects.filter(username="leader").delete()
    assert users["coordinator"].unit.is_coordinator


def test_the_next_one_has_them_as_created(users, coordinator_unit):
    assert users["officer1"].first_name != "Đã đổi"
    assert users["officer1"].unit.name == "Sở Du lịch"
    assert User.objects.get(pk=users["officer1"].pk).first_name == users["officer1"].first_name
    assert Unit.objects.get(pk=users["officer1"].unit_id).name == "Sở Du lịch"
    assert User.objects.filter(username="leader").exists()
    assert users["coordinator"].unit is coordinator_unit  # one copy per test, its objects shared as created


@pytest.mark.django_db
def test_a_test_without_them_does_not_see_them():
    assert not User.objects.exists() and not Unit.objects.exists()


def test_they_are_there_again_after_it(users):
    assert set(User.objects.values_list("username", flat=True)) == set(users)


@pytest.mark.django_db(transaction=True)
def test_a_test_that_commits_creates_its_own(users):
    """pytest-django runs it after the others: the shared transaction is closed before it."""
    assert User.objects.count() == len(users)
