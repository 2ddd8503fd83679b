"""The counts and budget sums the database keeps for the dashboard (dashboard.counts) equal the live counts after
every kind of write, and the dashboard built from them shows each role what it may see."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from doingoai.core.choices import FundingSource, Region
from doingoai.core.models import Country
from doingoai.dashboard import counts
from doingoai.dashboard.selectors import (
    dashboard_budget,
    delegation_counts,
    delegation_plan_vs_done,
    live_counts,
    stored_budget,
    stored_counts,
)
from doingoai.delegations import selectors as delegations_selectors
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.finance.models import BudgetStatus, CostLine
from doingoai.finance.selectors import _by_source, budget_by_source
from tests.dashboard.conftest import YEAR
from tests.factories import ConferenceFactory, CountryFactory, DelegationFactory

pytestmark = pytest.mark.django_db


def normal(result):
    """Counts as {table: {key: n}} without zeros, whatever the order and splitting of the rows."""
    out = {}
    for name in ("by", "countries", "regions"):
        acc = Counter()
        for row in getattr(result, name):
            acc[tuple(sorted((k, v) for k, v in row.items() if k != "n"))] += row["n"]
        out[name] = {k: v for k, v in acc.items() if v}
    return out


def money(by_source):
    return {k: vars(v) for k, v in by_source.items() if any(vars(v).values())}


def assert_exact():
    years = set(Delegation.objects.values_list("year", flat=True)) | {YEAR, YEAR + 1}
    for year in years:
        assert normal(stored_counts(year=year)) == normal(live_counts(Delegation.objects.filter(year=year))), year
        assert money(stored_budget(year=year)) == money(_by_source(year, None)), year


@pytest.fixture
def world(users, countries):
    fr = CountryFactory(code="FR", name_vi="Pháp", name_en="France", region=Region.EUROPE, aliases=[])
    return countries | {"FR": fr}


def test_triggers_installed_by_migrations():
    names = {name for name, *_ in counts.triggers(connection.vendor)}
    with connection.cursor() as cursor:
        assert counts._present(cursor, connection.vendor) >= names


def test_counts_follow_every_kind_of_delegation_write(users, world):
    la, th, jp, fr = world["LA"], world["TH"], world["JP"], world["FR"]
    unit = users["officer1"].unit
    d1 = DelegationFactory(year=YEAR, countries=[la, th], proposing_unit=unit, status=DelegationStatus.PROPOSED)
    d2 = DelegationFactory(year=YEAR, countries=[], direction=Direction.IN, proposing_unit=unit)
    d3 = DelegationFactory(year=YEAR, countries=[jp], time_text="Quý II", funding_source=FundingSource.PARTNER)
    assert_exact()
    assert normal(stored_counts(year=YEAR))["regions"][(("region", ""), ("status", d2.status))] == 1

    d2.countries.add(la)  # the first country: leaves "no country"
    d2.countries.add(th, fr)  # several at once (one statement)
    assert_exact()
    d1.countries.remove(th)
    d2.countries.remove(la, th)
    assert_exact()
    d3.countries.set([la, th, jp])
    d1.countries.clear()  # back to "no country"
    assert_exact()

    d1.status = DelegationStatus.IN_PLAN  # a workflow step saves the status
    d1.time_text = "Tháng 6"  # month_mask follows in save()
    d1.save()
    d3.year = YEAR + 1
    d3.save()
    assert_exact()
    Delegation.objects.filter(pk__in=[d1.pk, d2.pk]).update(status=DelegationStatus.DONE, funding_source="sector")
    Delegation.objects.filter(pk=d3.pk).update(direction=Direction.IN)
    assert_exact()

    # A bulk load (the national data, imports): rows and links inserted many at a time.
    made = Delegation.objects.bulk_create(
        [
            Delegation(
                year=YEAR, direction=Direction.OUT, name=f"Bulk {i}", proposing_unit=unit, funding_source="sector"
            )
            for i in range(3)
        ]
    )
    Through = Delegation.countries.through
    Through.objects.bulk_create(
        [Through(delegation_id=d.pk, country_id=c.pk) for d in made for c in (la, th, jp)[: 1 + made.index(d)]]
    )
    assert_exact()
    Through.objects.filter(delegation_id=made[2].pk, country_id=th.pk).update(country_id=fr.pk)
    Through.objects.filter(delegation_id=made[1].pk, country_id=th.pk).update(delegation_id=made[0].pk)
    assert_exact()

    d2.delete()
    Delegation.objects.filter(pk=made[0].pk).delete()
    assert_exact()


def test_counts_follow_a_country_moved_to_another_region(users, world):
    DelegationFactory(year=YEAR, countries=[world["LA"], world["TH"]])
    DelegationFactory(year=YEAR, countries=[world["JP"]])
    Country.objects.filter(pk=world["TH"].pk).update(region=Region.LAO)  # now both of the first are in Laos' region
    assert_exact()
    assert normal(stored_counts(year=YEAR))["regions"].get((("region", "sea"), ("status", "draft"))) is None


def test_a_rolled_back_write_leaves_the_counts_as_they_were(users, world):
    d = DelegationFactory(year=YEAR, countries=[world["LA"]])
    before = normal(stored_counts(year=YEAR))
    with pytest.raises(RuntimeError), transaction.atomic():
        d.countries.add(world["JP"])
        Delegation.objects.filter(pk=d.pk).update(status=DelegationStatus.DONE)
        raise RuntimeError
    assert normal(stored_counts(year=YEAR)) == before
    assert_exact()


def line(record, source=FundingSource.PROVINCE, amount=1_000_000, appraised=None, actual=None):
    return CostLine.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        category="air_fare",
        unit_price=Decimal(amount),
        amount_vnd=Decimal(amount),
        funding_source=source,
        appraised_vnd=None if appraised is None else Decimal(appraised),
        actual_vnd=None if actual is None else Decimal(actual),
    )


def test_budget_sums_follow_lines_and_records(users, world):
    d = DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN, budget_status=BudgetStatus.PENDING)
    c = ConferenceFactory(year=YEAR, budget_status=BudgetStatus.PENDING, status="proposed")
    a = line(d, amount=5_000_000)
    line(d, source=FundingSource.PARTNER, amount=2_000_000, appraised=1_500_000)
    line(c, amount=7_000_000, actual=6_999_999)
    assert_exact()
    assert money(stored_budget(year=YEAR))[FundingSource.PROVINCE]["estimate"] == Decimal(12_000_000)

    a.appraised_vnd = Decimal(4_000_000)
    a.funding_source = FundingSource.SECTOR
    a.save()
    Delegation.objects.filter(pk=d.pk).update(status=DelegationStatus.APPROVED)  # decided: appraised is approved
    assert_exact()
    Delegation.objects.filter(pk=d.pk).update(year=YEAR + 1, budget_status=BudgetStatus.APPRAISED)
    assert_exact()
    CostLine.objects.filter(pk=a.pk).delete()
    c.delete()  # its lines stay behind without a record: no longer counted, as the live sum does not
    assert_exact()


def test_a_migration_that_dropped_the_triggers_is_repaired(users, world):
    DelegationFactory(year=YEAR, countries=[world["LA"]])
    counts.drop()
    DelegationFactory(year=YEAR, countries=[world["JP"]])  # not counted: no triggers
    assert counts.ensure() is True  # what every migrate runs (apps.py): triggers back, everything recounted
    assert_exact()
    assert counts.ensure() is False


@pytest.mark.parametrize("role", ["coordinator", "leader", "finance", "officer1", "officer2", "admin"])
def test_each_role_sees_the_counts_it_may_see(users, plan_rows, role):
    user = users[role]
    for source in ("d1", "d2"):
        line(plan_rows[source], amount=3_000_000, appraised=2_000_000)
    Delegation.objects.filter(pk=plan_rows["d6"].pk).update(budget_status=BudgetStatus.PENDING)
    line(plan_rows["d6"], amount=9_000_000)  # proposed (a unit's private status): officer1's own, not officer2's
    for year in (YEAR, YEAR + 1):
        live = Delegation.objects.restrict(user, "view").filter(year=year)
        assert normal(delegation_counts(user=user, year=year)) == normal(live_counts(live))
        stored_total, stored_sources = dashboard_budget(user=user, year=year)
        live_total, live_sources = budget_by_source(year=year, user=user)
        assert vars(stored_total) == vars(live_total)
        assert [(k, vars(v)) for k, v in stored_sources] == [(k, vars(v)) for k, v in live_sources]


@pytest.mark.parametrize("role", ["coordinator", "leader", "finance", "officer1", "officer2", "admin"])
def test_the_home_pages_plan_table_from_stored_counts_equals_the_live_one(users, plan_rows, role):
    user = users[role]
    DelegationFactory(
        year=YEAR, status=DelegationStatus.IN_PLAN, time_text="Tháng 2", proposing_unit=users["officer2"].unit
    )
    for year in (YEAR, YEAR + 1):
        stored = delegation_plan_vs_done(user=user, year=year)
        assert stored == delegations_selectors.delegation_plan_vs_done(user=user, year=year), year
        if year == YEAR:  # not an empty table compared with an empty one
            assert sum(cell["planned"] for cells in stored.values() for cell in cells.values()) >= 4


@pytest.mark.django_db(transaction=True)
def test_two_writers_changing_records_in_opposite_orders_both_finish(users):
    """Each writer changes two records whose counter rows the other also needs, in the opposite order. Without the
    triggers' advisory lock PostgreSQL finds a deadlock and aborts one of them (a failed request); with it the
    second waits for the first."""
    import threading

    from django.db import connections

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite lets one writer at a time")
    unit = users["officer1"].unit
    a, c, d, e = (DelegationFactory(proposing_unit=unit, year=year) for year in (2040, 2041, 2041, 2040))
    first_done, second_started = threading.Event(), threading.Event()
    errors: list[Exception] = []

    def writer(records: tuple[Delegation, Delegation], before: threading.Event, after: threading.Event) -> None:
        try:
            with transaction.atomic():
                if records[0] is d:
                    before.wait(10)  # the first writer holds its first record's counter rows
                    after.set()
                Delegation.objects.filter(pk=records[0].pk).update(status=DelegationStatus.CANCELLED)
                if records[0] is a:
                    before.set()
                    after.wait(10)
                    threading.Event().wait(0.5)  # the second writer's first update reaches the database
                Delegation.objects.filter(pk=records[1].pk).update(status=DelegationStatus.CANCELLED)
        except Exception as exc:  # the test reports what failed
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=writer, args=((a, c), first_done, second_started)),
        threading.Thread(target=writer, args=((d, e), first_done, second_started)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert set(Delegation.objects.filter(year__in=[2040, 2041]).values_list("status", flat=True)) == {
        DelegationStatus.CANCELLED
    }
    assert_exact()
