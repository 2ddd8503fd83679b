"""core.generic's list paging: a page fetched by ids then rows keeps the order, the filters and the prefetches."""

from __future__ import annotations

import pytest

from doingoai.core.generic import narrow_pages
from doingoai.delegations.models import Delegation
from tests.factories import CountryFactory, DelegationFactory

pytestmark = pytest.mark.django_db


def test_narrow_pages_keep_order_filters_and_prefetches(users, django_assert_num_queries):
    laos, japan = CountryFactory(), CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan")
    for i in range(30):
        DelegationFactory(name=f"Đoàn {i:02d}", status="in_plan", countries=[laos if i % 3 else japan])
    qs = Delegation.objects.filter(countries=laos).prefetch_related("countries").order_by("-name")
    expected = list(qs.values_list("name", flat=True))[5:15]
    paged = narrow_pages(qs)
    with django_assert_num_queries(3):  # ids, rows, countries
        page = paged.order_by("-name")[5:15]
        assert [d.name for d in page] == expected
        assert all(d.countries.all()[0] == laos for d in page)
    assert narrow_pages(paged).count() == 20 and paged[0].name == "Đoàn 29"  # counts and single rows unchanged
    assert list(paged.values_list("name", flat=True)[:2]) == list(qs.values_list("name", flat=True)[:2])


def test_sorted_list_pages_through_every_row_once(client_for, users):
    names = {f"Đoàn thứ {i:02d}" for i in range(30)}
    for name in names:
        DelegationFactory(name=name, status="in_plan")
    c = client_for("coordinator")
    seen = []
    for page in (1, 2):
        body = c.get("/delegations/", {"sort": "name", "page": page}).content.decode()
        seen += [n for n in sorted(names) if f">{n}<" in body]
    assert seen == sorted(names)
