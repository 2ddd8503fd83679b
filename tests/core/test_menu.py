"""The top menu (core.registry.menu_for): built once per language and per answer of the entries that ask who is
looking (`visible_to`), asked of each user on every page."""

from __future__ import annotations

from django.utils import translation

from doingoai.core.registry import menu_for


def labels(menu) -> list[str]:
    return [entry.label for group in menu for entry in group.entries]


def test_each_user_sees_the_entries_meant_for_them(users):
    coordinator, officer = menu_for(users["coordinator"]), menu_for(users["officer1"])
    assert "Nhập văn bản" in labels(coordinator) and "Nhập văn bản" not in labels(officer)
    assert menu_for(users["officer2"]) is officer  # the same answers: the menu built for officer1
    assert menu_for(users["admin"]).key != officer.key


def test_the_menu_follows_the_language(users):
    vietnamese = menu_for(users["officer1"])
    with translation.override("en"):
        english = menu_for(users["officer1"])
    assert english is not vietnamese and labels(english) != labels(vietnamese)
    assert len(labels(english)) == len(labels(vietnamese))


def test_a_change_of_role_changes_the_menu_at_once(users):
    officer = users["officer1"]
    before = labels(menu_for(officer))
    officer.role = users["coordinator"].role
    officer.unit = users["coordinator"].unit
    assert labels(menu_for(officer)) == labels(menu_for(users["coordinator"])) != before
