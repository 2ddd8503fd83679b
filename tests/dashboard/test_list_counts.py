"""The delegation list's count read from the stored counts (`dashboard.selectors.delegation_list_count`, through
`core.generic.register_list_counter`) is the count of the rows the list holds, for every user and filter."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.choices import FundingSource
from doingoai.dashboard.selectors import delegation_list_count
from doingoai.delegations.filters import DelegationFilterSet
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from tests.dashboard.conftest import YEAR
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

USERS = ["coordinator", "leader", "finance", "admin", "officer1", "officer2"]


@pytest.fixture
def rows(users, countries):
    """Delegations of two years, both directions, every status, one or two countries or none, two funding sources,
    of both officers' units and the coordinator's."""
    units = [users["officer1"].unit, users["officer2"].unit, users["coordinator"].unit]
    la, th, jp = countries["LA"], countries["TH"], countries["JP"]
    where = [[la], [la, th], [], [jp], [th, jp]]
    statuses = list(DelegationStatus.values)
    n = 0
    for year in (YEAR, YEAR + 1):
        for i, status in enumerate(statuses):
            for j, unit in enumerate(units):
                n += 1
                DelegationFactory(
                    year=year,
                    direction=Direction.OUT if (i + j) % 3 else Direction.IN,
                    status=status,
                    countries=where[(i + j + year) % len(where)],
                    proposing_unit=unit,
                    funding_source=FundingSource.PROVINCE if n % 2 else FundingSource.PARTNER,
                )
    return countries


def shown_count(client, params: dict) -> int:
    html = client.get(f"/delegations/?{urlencode(params, doseq=True)}").content.decode()
    match = re.search(r'id="result-count">([\d.,]+)', html)
    assert match, html[:500]
    return int(re.sub(r"[.,]", "", match.group(1)))


def live_count(user, params: dict) -> int:
    return DelegationFilterSet(params, queryset=Delegation.objects.restrict(user, "view")).qs.count()


def test_the_list_count_is_the_rows_count_for_every_user_and_filter(client_for, users, rows):
    la, th = rows["LA"].pk, rows["TH"].pk
    private, seen = DelegationStatus.DRAFT, DelegationStatus.DONE
    stored = [  # filters the stored counts answer
        {},
        {"year": YEAR},
        {"year": YEAR + 1, "status": [seen]},
        {"status": [private, seen]},
        {"status": [private]},
        {"direction": Direction.IN},
        {"country": la},
        {"year": YEAR, "country": th, "status": [private, DelegationStatus.PROPOSED, seen]},
        {"funding_source": FundingSource.PARTNER},
        {"year": YEAR, "direction": Direction.OUT, "funding_source": FundingSource.PROVINCE, "status": [private]},
    ]
    counted = [  # filters it does not answer: the list counts its rows
        {"q": "khảo sát"},
        {"country": la, "funding_source": FundingSource.PROVINCE},
        {"year": YEAR, "group": "departments"},
    ]
    for name in USERS:
        user = users[name]
        client = client_for(name)
        for params in stored + counted:
            expected = live_count(user, params)
            assert shown_count(client, params) == expected, (name, params)
            form = DelegationFilterSet(params, queryset=Delegation.objects.all())
            assert form.is_valid()
            active = {k: v for k, v in form.form.cleaned_data.items() if v not in (None, "", [], ())}
            answer = delegation_list_count(active, user)
            assert answer == (expected if params in stored else None), (name, params)


@pytest.mark.parametrize("path", ["/delegations/", f"/delegations/?year={YEAR}", "/delegations/?page=1&sort=name"])
def test_the_stored_count_spares_the_list_its_count_of_rows(client_for, users, rows, path):
    client = client_for("officer1")
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    sqls = [q["sql"] for q in queries.captured_queries]
    counts = [sql for sql in sqls if "COUNT(" in sql.upper() and 'FROM "delegations_delegation"' in sql]
    assert counts and all('"proposing_unit_id" = ' in sql for sql in counts)  # only the unit's own private rows
    assert any('FROM "dashboard_delegationcount"' in sql for sql in sqls)


def test_other_roles_and_filters_count_their_rows(users, rows):
    outsider = users["officer1"]
    outsider.unit = None  # an officer without a unit sees no delegation: left to the list's own count
    assert delegation_list_count({}, outsider) is None
    assert delegation_list_count({"partner": object()}, users["coordinator"]) is None
