"""The overseas Vietnamese list keeps its order (country name, person's name, id) and its rows per role, now that
the database reads its pages in an index's order (diaspora 0003, core 0008)."""

from __future__ import annotations

import pytest

from doingoai.diaspora.models import OverseasVietnamese
from tests.factories import CountryFactory, OverseasVietnameseFactory


def _listed(client, pages: int) -> list[int]:
    ids: list[int] = []
    for page in range(1, pages + 1):
        table = client.get("/diaspora/", {"page": page}).context["table"]
        ids += [row.record.pk for row in table.paginated_rows]
    return ids


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "officer1", "leader"])
def test_list_pages_in_country_then_name_order(client_for, users, role):
    countries = [
        CountryFactory(code="TH", name_vi="Thái Lan"),
        CountryFactory(code="LA", name_vi="Lào"),
        CountryFactory(code="JP", name_vi="Nhật Bản"),
        CountryFactory(code="AU", name_vi="Ô-xtrây-li-a"),
    ]
    names = ["Vũ Văn An", "Lê Thị Bình", "Đỗ Minh", "Anh Thư", "Lê Thị Bình", "Bùi Hoa"]
    units = [users["officer1"].unit, users["officer2"].unit]
    for i in range(36):
        OverseasVietnameseFactory(
            full_name=names[i % len(names)], country=countries[(i * 7) % 4], recording_unit=units[i % 3 == 0]
        )
    user = users[role]
    expected = sorted(
        OverseasVietnamese.objects.restrict(user, "view").select_related("country"),
        key=lambda p: (p.country.name_vi, p.full_name, p.pk),
    )
    pages = -(-len(expected) // 25)
    assert pages == (1 if role == "officer1" else 2)
    assert _listed(client_for(role), pages) == [p.pk for p in expected]
