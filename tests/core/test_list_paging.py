"""A list's pages (core.generic.NarrowPageQuerySet): every row once across the pages whatever the sort, and a small
list read in one query on PostgreSQL."""

from __future__ import annotations

from django.db import connection

from doingoai.core.generic import KnownCountPaginator, narrow_pages
from doingoai.delegations.models import Delegation
from tests.factories import DelegationFactory


def test_pages_sorted_by_a_repeated_name_show_every_row_once(users):
    unit = users["officer1"].unit
    made = [DelegationFactory(name="Đoàn cùng tên", proposing_unit=unit) for _ in range(23)]
    made += [DelegationFactory(name="Đoàn khác", proposing_unit=unit) for _ in range(4)]
    for order in ("name", "-name", "-year"):
        rows = narrow_pages(Delegation.objects.order_by(order))
        # The id breaks the ties: a page boundary between equal names falls the same way in every page's query.
        assert rows._in_total_order().query.order_by == (order, "pk")
        seen = [d.pk for start in range(0, len(made), 5) for d in rows[start : start + 5]]
        assert sorted(seen) == sorted(d.pk for d in made)
        assert seen == [d.pk for d in Delegation.objects.order_by(order, "pk")]


def test_an_order_ending_with_the_id_is_kept():
    rows = narrow_pages(Delegation.objects.all())  # the model's ordering ends with "id"
    assert rows._in_total_order() is rows


def test_a_counted_small_list_reads_its_page_in_one_query_on_postgresql(users, django_assert_num_queries):
    unit = users["officer1"].unit
    for i in range(12):
        DelegationFactory(name=f"Đoàn {i % 3}", proposing_unit=unit)
    rows = narrow_pages(Delegation.objects.select_related("proposing_unit").order_by("name"))
    assert rows.count() == 12
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 2):
        page = rows[5:10]
    assert [d.pk for d in page] == [d.pk for d in Delegation.objects.order_by("name", "pk")[5:10]]
    assert all(d.proposing_unit.name for d in page)


def test_a_count_told_by_the_stored_counts_reaches_the_rows():
    rows = narrow_pages(Delegation.objects.all())

    class Table:  # django-tables2's BoundRows → TableQuerysetData → the queryset
        def __init__(self, data):
            self.data = data

    paginator = KnownCountPaginator(Table(Table(rows)), 25, known_count=7)
    assert paginator.count == 7 and rows.rows_known == 7
