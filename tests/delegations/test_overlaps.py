"""The overlap page reads a page at a time (pairing in the database): the same groups, the same matches, in the same
order as the whole-year computation in Python (`delegation_overlap_groups`), for every user."""

from __future__ import annotations

import random

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.delegations.selectors import (
    STILL_PLANNED,
    _combinable,
    delegation_overlap_groups,
    delegation_overlap_page,
    delegation_overlaps,
)
from tests.factories import CountryFactory, DelegationFactory, PartnerFactory, UnitFactory

pytestmark = pytest.mark.django_db
TIMES = ["Tháng 1", "Tháng 5", "Tháng 6/Tháng 7", "Quý II", "Quý III", "Quý I, II, III", "Tháng 11-12", "Chưa rõ"]
STATUSES = [s for s in DelegationStatus.values]
USERS = ["coordinator", "officer1", "officer2", "leader"]


def MODULE_ROWS(users):  # tests/conftest.py's name for the rows a module's tests share
    """Eighty delegations of five units (two of them the officers'), three countries and four partners, in every
    status, direction and funding, some naming partners, some several countries; a few in another year."""
    rng = random.Random(2027)
    countries = [CountryFactory(code=code, name_vi=name) for code, name in (("LA", "Lào"), ("TH", "Thái Lan"))]
    countries.append(CountryFactory(code="KH", name_vi="Campuchia"))
    partners = [PartnerFactory(country=rng.choice(countries)) for _ in range(4)]
    units = [users["officer1"].unit, users["officer2"].unit, UnitFactory(), UnitFactory(), UnitFactory()]
    for _ in range(80):
        d = DelegationFactory(
            proposing_unit=rng.choice(units),
            time_text=rng.choice(TIMES),
            countries=rng.sample(countries, rng.choice([0, 1, 1, 1, 2])),
            direction=Direction.OUT if rng.random() < 0.9 else Direction.IN,
            uses_state_budget=rng.random() < 0.9,
            year=2027 if rng.random() < 0.9 else 2026,
        )
        Delegation.objects.filter(pk=d.pk).update(status=rng.choice(STATUSES))
        if rng.random() < 0.5:
            d.partners.set(rng.sample(partners, rng.choice([1, 1, 2])))
    return {"countries": countries, "units": units}


@pytest.fixture
def plan(module_rows):
    return module_rows


def reference(user, year=2027):
    return [(o.delegation.pk, [d.pk for d in o.others]) for o in delegation_overlap_groups(year=year, user=user)]


def paged(user, year=2027, rows=None, per_page=7):
    result, number = [], 1
    while True:
        page = delegation_overlap_page(year=year, user=user, rows=rows, number=number, per_page=per_page)
        result += [(o.delegation.pk, [d.pk for d in o.others]) for o in page.object_list]
        if not page.has_next():
            return result, page.paginator.count
        number += 1


@pytest.mark.parametrize("name", USERS)
def test_pages_put_together_are_the_whole_year_computation(users, plan, name):
    expected = reference(users[name])
    assert expected  # the plan has overlaps for everyone
    got, total = paged(users[name])
    assert got == expected and total == len(expected)


def test_pages_for_nobody_and_for_another_year(users, plan):
    assert paged(AnonymousUser()) == ([], 0)
    other_year = reference(users["coordinator"], year=2026)
    assert paged(users["coordinator"], year=2026) == (other_year, len(other_year))


def test_a_page_past_the_end_is_the_last_one_and_a_bad_number_the_first(users, plan):
    expected = reference(users["coordinator"])
    last = delegation_overlap_page(year=2027, user=users["coordinator"], number=999, per_page=5)
    assert last.number == last.paginator.num_pages
    assert [o.delegation.pk for o in last.object_list] == [pk for pk, _ in expected[(last.number - 1) * 5 :]]
    first = delegation_overlap_page(year=2027, user=users["coordinator"], number="x", per_page=5)
    assert [o.delegation.pk for o in first.object_list] == [pk for pk, _ in expected[:5]]


@pytest.mark.parametrize(
    "rule",
    [
        lambda plan: Q(countries=plan["countries"][0]),
        lambda plan: Q(proposing_unit=plan["units"][2]),
        lambda plan: Q(month_mask__in=[m for m in range(1, 4096) if m & 0b111000]),  # touches the second quarter
    ],
)
@pytest.mark.parametrize("name", ["coordinator", "officer1"])
def test_filtered_pages_list_the_matching_flagged_delegations_with_all_their_matches(users, plan, rule, name):
    rows = Delegation.objects.filter(rule(plan))
    keep = set(rows.values_list("pk", flat=True))
    assert paged(users[name], rows=rows)[0] == [(pk, others) for pk, others in reference(users[name]) if pk in keep]


def detail_reference(delegation, user):
    """`delegation_overlaps` as it was: candidates sharing a country or a partner, then `_combinable` in Python."""
    if delegation.direction != Direction.OUT or not delegation.uses_state_budget or not delegation.month_mask:
        return []
    candidates = (
        Delegation.objects.filter(year=delegation.year, direction=Direction.OUT, uses_state_budget=True)
        .filter(month_mask__gt=0)
        .filter(STILL_PLANNED)
        .exclude(pk=delegation.pk)
        .filter(Q(countries__in=delegation.countries.all()) | Q(partners__in=delegation.partners.all()))
        .filter(pk__in=Delegation.objects.restrict(user, "view").values("pk"))
        .prefetch_related("countries", "partners")
        .distinct()
    )
    return [d.pk for d in candidates if _combinable(delegation, d)]


@pytest.mark.parametrize("name", USERS)
def test_the_detail_page_overlaps_are_those_of_the_python_rule(users, plan, name):
    for d in Delegation.objects.prefetch_related("countries", "partners"):
        got = [o.pk for o in delegation_overlaps(delegation=d, user=users[name])]
        assert got == detail_reference(d, users[name]), d


def test_a_page_may_load_only_the_first_matches_and_count_the_others(users, plan):
    expected = reference(users["coordinator"])
    page = delegation_overlap_page(year=2027, user=users["coordinator"], per_page=100, others_shown=2)
    assert [(o.delegation.pk, [d.pk for d in o.others], o.more) for o in page.object_list] == [
        (pk, others[:2], len(others) - len(others[:2])) for pk, others in expected
    ]
