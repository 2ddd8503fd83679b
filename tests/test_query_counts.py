"""Query-count baselines of the main views (NetBox style): a new N+1 fails here, not in production.

`BASELINE` holds the queries each view makes today for a coordinator with a few records of every kind; a view
may make fewer (lower the number then), never more (lowered to what each view made on 8 December 2026, when the
lists stopped prefetching the many-to-many fields their tables do not show, and again the same day when the signed-in
user's unit came with the user: core.backends). The lists must make the same number
of queries whatever the number of rows and the page size (prefetching, no per-row query). Speed itself is
measured by `./dev bench` (bench/bench_national.py), never by timed tests.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.choices import PartnerKind
from tests.factories import (
    AgreementFactory,
    ConferenceFactory,
    CountryFactory,
    DelegationFactory,
    OverseasVietnameseFactory,
    PartnerFactory,
)

# URL (with {placeholders} filled from the data) → queries made for the coordinator. A list page reads its rows
# in two queries (the page's ids, then those rows: core.generic.NarrowPageQuerySet).
BASELINE = {
    "/": 27,  # +5 with plans: overdue and reported tasks, the tasks assigned to the unit, their units; +4 with
    # infowork: late products and unanswered false information (two declared deadlines, two queries each); +3 the
    # agreements' review and follow-up action deadlines; +4 the foreign organisations' permit and report deadlines;
    # +2 the Lao border meetings' follow-up actions; +4 the foreign workers' permit expiry and the friendship
    # associations' next congress (two queries each)
    "/dashboard/": 10,  # + the budget by funding source (one query over the lines)
    "/search/?q=hop+tac": 11,
    "/delegations/": 8,
    "/delegations/?year=2027&country={country}&status=in_plan&sort=name": 9,
    # The history's many-to-many rows: one query per field for all its rows (was two per field and pair of rows).
    "/delegations/overlaps/?year=2027": 5,  # the page and its pairs in one query, then the rows shown
    "/delegations/overlaps/?year=2027&country={country}&quarter=2": 6,  # + the country chosen
    "/delegations/{delegation}/": 17,  # + the competent-authority rule (who decides)
    "/conferences/": 8,
    "/conferences/{conference}/": 16,
    "/agreements/": 7,
    "/agreements/{agreement}/": 8,  # + its follow-up actions
    "/diaspora/": 8,
    "/partners/": 7,
    "/units/": 6,
    "/partners/lookup/?q=tinh": 3,
    "/api/delegations/": 7,
    # The calendar: the month's entries counted from a few fields of each registry, the shown ones built (one
    # query per registry and its countries), the declared deadlines (one or two queries per rule).
    "/calendar/?month=2027-05": 28,
    "/calendar/?month=2027-05&view=list": 28,
    "/calendar/?day=2027-05-01": 22,
}


def make_rows(users, n: int) -> dict[str, int]:
    """`n` records of each main registry, each with countries and partners, owned by officer1's unit."""
    unit = users["officer1"].unit
    country = CountryFactory()
    other = CountryFactory()
    partners = [PartnerFactory(country=country, kind=PartnerKind.LOCALITY) for _ in range(3)]
    first = {}
    for i in range(n):
        d = DelegationFactory(proposing_unit=unit, status="in_plan", countries=[country, other])
        d.partners.set(partners[: 1 + i % 3])
        c = ConferenceFactory(organising_unit=unit, status="permitted")
        c.countries.set([country])
        c.partners.set(partners[:2])
        a = AgreementFactory(proposing_unit=unit, status="proposed", country=country, partner=partners[i % 3])
        OverseasVietnameseFactory(recording_unit=unit, country=country)
        first.setdefault("delegation", d.pk)
        first.setdefault("conference", c.pk)
        first.setdefault("agreement", a.pk)
    return first | {"country": country.pk}


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_views_stay_within_their_query_baseline(client, users):
    ids = make_rows(users, 6)
    client.force_login(users["coordinator"])
    counts = {}
    for pattern in BASELINE:
        url = pattern.format(**ids)
        client.get(url)  # caches (content types, sessions) warmed as in a running server
        counts[pattern] = count_queries(client, url)
    over = {p: (n, BASELINE[p]) for p, n in counts.items() if n > BASELINE[p]}
    assert not over, f"more queries than the baseline (now, baseline): {over}; all counts: {counts}"


LISTS = ["/delegations/", "/conferences/", "/agreements/", "/diaspora/", "/api/delegations/"]


@pytest.mark.slow
@pytest.mark.django_db
def test_list_queries_do_not_grow_with_rows_or_page_size(client, users):
    """Every list, counted with 3 rows of each registry, then 33, then 33 on a page of 100: the rows are made once
    for all the lists (they were made again for each list, ~80 % of the test's time)."""
    make_rows(users, 3)
    client.force_login(users["coordinator"])
    few = {}
    for path in LISTS:
        client.get(path)
        few[path] = count_queries(client, path)
    make_rows(users, 30)
    failures = []
    for path in LISTS:
        sep = "&" if "?" in path else "?"
        if count_queries(client, path) != few[path]:
            failures.append(f"{path}: a query per row (N+1)")
        size = "page_size" if path.startswith("/api/") else "per_page"
        if count_queries(client, f"{path}{sep}{size}=100") != few[path]:
            failures.append(f"{path}: queries depend on the page size")
    assert not failures, failures


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/calendar/?month=2027-05", "/calendar/?month=2027-05&view=list"])
def test_calendar_queries_do_not_grow_with_entries(client, users, path):
    make_rows(users, 3)
    client.force_login(users["coordinator"])
    client.get(path)
    few = count_queries(client, path)
    make_rows(users, 30)
    assert count_queries(client, path) == few, "a query per entry (N+1)"
