"""Round anniversaries, the plan-adjustment deadline, delegation plan/overlap reads and row-level rights."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.utils import translation

from doingoai.core import rules
from doingoai.core.choices import Role
from doingoai.core.selectors import round_anniversaries
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.delegations.selectors import delegation_overlap_groups, delegation_plan_vs_done
from tests.factories import CountryFactory, DelegationFactory, DiplomaticRelationFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db
S = DelegationStatus


# --- round anniversaries ------------------------------------------------------------------------------------------


@pytest.fixture
def relations():
    rows = {
        "KR": dt.date(1992, 12, 22),
        "LA": dt.date(1962, 9, 5),
        "JP": dt.date(1973, 9, 21),
        "CU": dt.date(1960, 12, 2),
        "X1": dt.date(2000, 1, 1),  # 27 years in 2027
        "X2": dt.date(2027, 3, 1),  # established this very year: 0 years
        "X3": dt.date(2030, 6, 1),  # in the future: negative
        "LEAP": dt.date(1992, 2, 29),
    }
    return {code: DiplomaticRelationFactory(code=code, name_vi=code, established_on=day) for code, day in rows.items()}


def mine(result, relations):
    ids = {r.pk for r in relations.values()}
    return [(a.relation.code, a.years, a.date) for a in result if a.relation.pk in ids]


def test_round_anniversaries_2027(relations):
    assert mine(round_anniversaries(year=2027), relations) == [
        ("LEAP", 35, dt.date(2027, 2, 28)),  # 29/2 in a common year falls back to 28/2
        ("LA", 65, dt.date(2027, 9, 5)),
        ("KR", 35, dt.date(2027, 12, 22)),
    ]


def test_round_anniversaries_2026_has_no_korea(relations):
    result = mine(round_anniversaries(year=2026), relations)
    assert [code for code, _, _ in result] == []  # 34, 64, 53, 66, 26: none a multiple of 5


def test_round_anniversaries_multiples_of_five_only(relations):
    for year in range(2026, 2036):
        for code, years, day in mine(round_anniversaries(year=year), relations):
            assert years % 5 == 0 and years > 0
            assert day.year == year
            assert years == relations[code].years_in(year)


def test_round_anniversaries_exclude_zero_and_negative_years(relations):
    assert all(code not in {"X2", "X3"} for code, _, _ in mine(round_anniversaries(year=2027), relations))
    assert mine(round_anniversaries(year=2030), relations) == [
        ("X1", 30, dt.date(2030, 1, 1)),
        ("CU", 70, dt.date(2030, 12, 2)),
    ]  # X3 is 0 years old in 2030
    assert ("X3", 5, dt.date(2035, 6, 1)) in mine(round_anniversaries(year=2035), relations)
    assert ("X2", 5, dt.date(2032, 3, 1)) in mine(round_anniversaries(year=2032), relations)


def test_round_anniversaries_every_ten_years(relations):
    assert mine(round_anniversaries(year=2033, every=10), relations) == [("JP", 60, dt.date(2033, 9, 21))]
    assert mine(round_anniversaries(year=2027, every=10), relations) == []


def test_round_anniversaries_are_sorted_by_date():
    DiplomaticRelationFactory(code="A", name_vi="A", established_on=dt.date(1977, 11, 1))
    DiplomaticRelationFactory(code="B", name_vi="B", established_on=dt.date(1987, 2, 3))  # established later
    assert [a.relation.code for a in round_anniversaries(year=2027)] == ["B", "A"]


def test_leap_day_anniversary_in_a_leap_year(relations):
    assert ("LEAP", 40, dt.date(2032, 2, 29)) in mine(round_anniversaries(year=2032), relations)


def test_leap_day_anniversary_is_listed_in_a_leap_year(relations):
    result = mine(round_anniversaries(year=2032), relations)
    assert [(code, years, day.month) for code, years, day in result if code == "LEAP"] == [("LEAP", 40, 2)]


# --- the plan-adjustment deadline ---------------------------------------------------------------------------------


def test_plan_adjustment_deadline():
    assert rules.plan_adjustment_deadline(2027) == dt.date(2027, 3, 30)
    assert rules.plan_adjustment_deadline(2028) == dt.date(2028, 3, 30)


# --- delegations: planned vs done per quarter ---------------------------------------------------------------------


def empty_quarters() -> dict[int, dict[str, int]]:
    return {q: {"planned": 0, "done": 0} for q in range(5)}


def test_plan_vs_done_per_direction_and_quarter(users):
    unit = users["officer1"].unit
    DelegationFactory(status=S.IN_PLAN, time_text="Quý II/Quý III", proposing_unit=unit)  # Q2 and Q3
    DelegationFactory(status=S.DONE, time_text="Tháng 5", proposing_unit=unit)
    DelegationFactory(status=S.APPROVED, time_text="Tùy tình hình", proposing_unit=unit)  # unknown → 0
    DelegationFactory(status=S.POSTPONED, time_text="Tháng 11-12", proposing_unit=unit)
    DelegationFactory(status=S.DONE, time_text="Tháng 3", direction=Direction.IN, proposing_unit=unit)
    DelegationFactory(status=S.APPROVED, time_text="Tháng 1", direction=Direction.IN, proposing_unit=unit)
    for status in (S.DRAFT, S.PROPOSED, S.CANCELLED):  # not in the plan
        DelegationFactory(status=status, time_text="Tháng 2", proposing_unit=unit)
    DelegationFactory(status=S.DONE, time_text="Tháng 2", year=2026, proposing_unit=unit)  # another year

    out = empty_quarters()
    out[0]["planned"] = 1
    out[2] = {"planned": 2, "done": 1}
    out[3]["planned"] = 1
    out[4]["planned"] = 1
    inbound = empty_quarters()
    inbound[1] = {"planned": 2, "done": 1}
    for role in ("coordinator", "leader", "finance"):
        assert delegation_plan_vs_done(year=2027, user=users[role]) == {Direction.OUT: out, Direction.IN: inbound}


def test_plan_vs_done_counts_equal_rows_together(users):
    for _ in range(3):
        DelegationFactory(status=S.DONE, time_text="Quý I")
    result = delegation_plan_vs_done(year=2027, user=users["coordinator"])
    assert result[Direction.OUT][1] == {"planned": 3, "done": 3}
    assert result[Direction.IN] == empty_quarters()


def test_plan_vs_done_for_nobody_is_empty(users):
    DelegationFactory(status=S.DONE, time_text="Quý I")
    expected = {Direction.OUT: empty_quarters(), Direction.IN: empty_quarters()}
    assert delegation_plan_vs_done(year=2027, user=AnonymousUser()) == expected


# --- delegations: overlapping trips of different units ------------------------------------------------------------


@pytest.fixture
def laos():
    return CountryFactory()


def outbound(unit, time_text, countries, **kwargs):
    return DelegationFactory(proposing_unit=unit, time_text=time_text, countries=countries, status=S.IN_PLAN, **kwargs)


def groups(user, year=2027):
    return [(o.delegation, o.others) for o in delegation_overlap_groups(year=year, user=user)]


def test_different_units_same_country_overlapping_months_are_grouped(users, laos):
    unit_a, unit_b = users["officer1"].unit, users["officer2"].unit
    a = outbound(unit_a, "Quý II", [laos])
    b = outbound(unit_b, "Tháng 5", [laos])
    c = outbound(UnitFactory(), "Tháng 6/Tháng 7", [laos])  # overlaps a in June, not b
    assert groups(users["coordinator"]) == [(a, [b, c]), (b, [a]), (c, [a])]


def test_named_partners_sharpen_the_same_country_test(users, laos):
    from tests.factories import PartnerFactory

    luang_prabang, vientiane = PartnerFactory(country=laos), PartnerFactory(country=laos)
    a = outbound(users["officer1"].unit, "Tháng 5", [laos])
    b = outbound(users["officer2"].unit, "Tháng 5", [laos])
    c = outbound(UnitFactory(), "Tháng 5", [laos])
    a.partners.add(luang_prabang)
    b.partners.add(luang_prabang)
    c.partners.add(vientiane)  # same country, another partner: a different trip
    assert groups(users["coordinator"]) == [(a, [b]), (b, [a])]


@pytest.mark.parametrize(
    "case",
    [
        "same_unit",
        "months_apart",
        "inbound",
        "not_state_budget",
        "other_country",
        "cancelled",
        "done",
        "unknown_time",
        "other_year",
    ],
)
def test_not_grouped(users, laos, case):
    unit_a, unit_b = users["officer1"].unit, users["officer2"].unit
    outbound(unit_a, "Quý II", [laos])
    other = {
        "same_unit": lambda: outbound(unit_a, "Tháng 5", [laos]),
        "months_apart": lambda: outbound(unit_b, "Tháng 7", [laos]),
        "inbound": lambda: outbound(unit_b, "Tháng 5", [laos], direction=Direction.IN),
        "not_state_budget": lambda: outbound(unit_b, "Tháng 5", [laos], uses_state_budget=False),
        "other_country": lambda: outbound(unit_b, "Tháng 5", [CountryFactory(code="TH", name_vi="Thái Lan")]),
        "cancelled": lambda: DelegationFactory(
            proposing_unit=unit_b, time_text="Tháng 5", countries=[laos], status=S.CANCELLED
        ),
        "done": lambda: DelegationFactory(proposing_unit=unit_b, time_text="Tháng 5", countries=[laos], status=S.DONE),
        "unknown_time": lambda: outbound(unit_b, "Chưa xác định", [laos]),
        "other_year": lambda: outbound(unit_b, "Tháng 5", [laos], year=2026),
    }[case]
    other()
    assert groups(users["coordinator"]) == []


def test_overlaps_only_among_what_the_user_sees(users, laos):
    a = outbound(users["officer1"].unit, "Tháng 5", [laos])
    hidden = DelegationFactory(
        proposing_unit=users["officer2"].unit, time_text="Tháng 5", countries=[laos], status=S.PROPOSED
    )  # private to unit B
    assert groups(users["coordinator"]) == [(a, [hidden]), (hidden, [a])]
    assert groups(users["officer1"]) == []
    assert groups(users["officer2"]) == [(a, [hidden]), (hidden, [a])]  # its own proposal and a published plan
    assert groups(AnonymousUser()) == []


# --- row-level rights: Delegation.objects.restrict(user, action) ---------------------------------------------------


@pytest.fixture
def rows(users):
    """One delegation per (owner, status) for unit A (officer1) and unit B (officer2)."""
    result = {}
    for owner, unit in (("a", users["officer1"].unit), ("b", users["officer2"].unit)):
        for status in S.values:
            result[(owner, status)] = DelegationFactory(proposing_unit=unit, status=status)
    return result


def visible(user, action, rows):
    pks = set(Delegation.objects.restrict(user, action).values_list("pk", flat=True))
    return {key for key, d in rows.items() if d.pk in pks}


PRIVATE = {S.DRAFT, S.PROPOSED}
EVERY_STATUS = set(S.values)


def keys(owners, statuses):
    return {(o, s) for o in owners for s in statuses}


def test_officer_views_own_and_others_published(users, rows):
    assert visible(users["officer1"], "view", rows) == keys("a", EVERY_STATUS) | keys("b", EVERY_STATUS - PRIVATE)
    assert visible(users["officer2"], "view", rows) == keys("b", EVERY_STATUS) | keys("a", EVERY_STATUS - PRIVATE)


@pytest.mark.parametrize("action", ["change", "delete"])
def test_officer_changes_and_deletes_only_own_drafts_and_proposals(users, rows, action):
    assert visible(users["officer1"], action, rows) == keys("a", PRIVATE)
    assert visible(users["officer2"], action, rows) == keys("b", PRIVATE)


@pytest.mark.parametrize("role", ["leader", "finance"])
def test_leader_and_finance_read_everything_change_nothing(users, rows, role):
    assert visible(users[role], "view", rows) == set(rows)
    assert visible(users[role], "change", rows) == set()
    assert visible(users[role], "delete", rows) == set()


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_coordinator_and_admin_do_everything_but_delete_only_drafts(users, rows, role):
    assert visible(users[role], "view", rows) == set(rows)
    assert visible(users[role], "change", rows) == set(rows)
    assert visible(users[role], "delete", rows) == keys("ab", PRIVATE)


def test_superuser_acts_as_admin_whatever_its_role(users, rows):
    root = UserFactory(role=Role.UNIT_OFFICER, unit=users["officer1"].unit, is_superuser=True)
    assert visible(root, "change", rows) == set(rows)


@pytest.mark.parametrize("action", ["view", "change", "delete"])
def test_anonymous_inactive_and_unitless_get_nothing(users, rows, action):
    inactive = users["coordinator"]
    inactive.is_active = False
    inactive.save()
    unitless = UserFactory(role=Role.UNIT_OFFICER, unit=None)
    for user in (AnonymousUser(), inactive, unitless, None):
        assert visible(user, action, rows) == set()


def test_conference_authority_follows_the_language_and_the_rules_it_is_kept_for():
    """The authority is kept per language and rule values (the deadline page asks it for thousands of records)."""
    with translation.override("vi"):
        pm = rules.conference_authority(high_level=True, sensitive=False)
        chairman = rules.conference_authority(high_level=False, sensitive=False)
        assert (pm.code, pm.label, pm.apply_days) == ("prime_minister", "Thủ tướng Chính phủ", 40)
        assert (chairman.code, chairman.label) == ("chairman", "Chủ tịch UBND tỉnh")
        assert rules.conference_authority(high_level=False, sensitive=True) == pm
    with translation.override("en"):
        assert rules.conference_authority(high_level=True, sensitive=False).label != pm.label
    changed = settings.DOINGOAI_RULES | {"conference_pm_apply_days": 45, "conference_chairman_apply_days": 20}
    with override_settings(DOINGOAI_RULES=changed), translation.override("vi"):
        assert rules.conference_authority(high_level=True, sensitive=False).apply_days == 45
        assert rules.conference_authority(high_level=False, sensitive=False).apply_days == 20
    with translation.override("vi"):
        assert rules.conference_authority(high_level=True, sensitive=False).apply_days == 40


@pytest.mark.parametrize("months", [[2], [9, 12], [12, 1], [1], [3, 6]])
def test_round_anniversaries_of_some_months_are_the_years_in_them(relations, months):
    for year in (2022, 2027, 2028):
        whole = [a for a in round_anniversaries(year=year) if a.date.month in months]
        assert round_anniversaries(year=year, months=months) == whole
