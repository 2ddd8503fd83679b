"""`__in_set` (core.lookups.InSet): the rows of `__in`, with the values sent as one parameter."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.models import Unit
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return [UnitFactory() for _ in range(6)]


@pytest.mark.parametrize("take", [slice(0, 1), slice(1, 4), slice(0, 6), slice(2, 2)])
def test_the_rows_are_those_of_in(units, take):
    wanted = [u.pk for u in units[take]] + [10**6]  # and one that is no row's
    same = Unit.objects.filter(pk__in=wanted).order_by("pk")
    assert list(Unit.objects.filter(pk__in_set=wanted).order_by("pk")) == list(same)
    assert list(Unit.objects.exclude(pk__in_set=wanted).order_by("pk")) == list(
        Unit.objects.exclude(pk__in=wanted).order_by("pk")
    )


def test_an_empty_set_matches_nothing(units):
    assert not Unit.objects.filter(pk__in_set=[]).exists()
    assert Unit.objects.exclude(pk__in_set=[]).count() == Unit.objects.count()


def test_thousands_of_values_go_as_one_parameter(units):
    wanted = [units[0].pk, *range(10**6, 10**6 + 3000)]
    with CaptureQueriesContext(connection) as queries:
        assert [u.pk for u in Unit.objects.filter(pk__in_set=wanted)] == [units[0].pk]
    sql = queries.captured_queries[0]["sql"]
    assert sql.count(str(10**6 + 2999)) == 1 and sql.count(",") < 3100  # the values once, as one literal list
