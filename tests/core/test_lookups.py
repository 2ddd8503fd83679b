"""`__in_set` (core.lookups.InSet): the rows of `__in`, with the values sent as one parameter."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.forms import countries_field
from doingoai.core.models import Unit
from tests.api_cases import api_client
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


BIG = 2**63  # one past the largest 64-bit integer: no column holds it, and the drivers refuse to send it


def test_in_leaves_out_the_values_no_column_holds(units):
    assert list(Unit.objects.filter(pk__in=[BIG, units[0].pk, -BIG - 1])) == [units[0]]
    assert not Unit.objects.filter(pk__in=[BIG]).exists()
    assert Unit.objects.exclude(pk__in=[BIG]).count() == Unit.objects.count()


@pytest.mark.parametrize("value", [BIG, 2**31, -BIG - 1])
def test_a_form_given_an_id_past_the_column_says_it_is_not_a_choice(units, users, value):
    """The fuzzer's `{"countries": 9223372036854775808}`: a 400 naming the field, never a server error."""
    with pytest.raises(ValidationError):
        countries_field().clean([str(value)])
    response = api_client(users["coordinator"]).post("/api/events/", {"countries": value}, format="json")
    assert response.status_code == 400 and "countries" in response.json()
