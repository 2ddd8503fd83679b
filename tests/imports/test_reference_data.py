"""A document import reads the reference data of the database: the administrator's corrections count."""

from __future__ import annotations

import datetime as dt

from doingoai.core.models import DiplomaticRelation
from doingoai.imports.documents import document_import_start
from doingoai.imports.models import ImportStatus
from tests.factories import CountryFactory, DiplomaticRelationFactory, PartnerFactory

TEXT = """KẾ HOẠCH
Hoạt động đối ngoại năm 2027

Tổ chức kỷ niệm 35 năm thiết lập quan hệ ngoại giao Việt Nam - Hàn Quốc.
Phối hợp với Quỹ Hòa bình Sao Mai tổ chức hội thảo về hợp tác địa phương.
"""


def imported(user) -> dict:
    """What the worker extracted from TEXT, uploaded as a new document (tasks run at once in these tests)."""
    pending = document_import_start(data=TEXT.encode(), filename="ke-hoach-2027.txt", year=2027, by=user)
    pending.refresh_from_db()
    assert pending.status == ImportStatus.READY, pending.error
    return pending.extracted


def test_an_anniversary_is_dated_by_the_relation_as_the_administrator_corrected_it(users):
    korea = CountryFactory(code="KR", name_vi="Hàn Quốc", name_en="South Korea", aliases=[])
    DiplomaticRelationFactory(code="KR", name_vi="Hàn Quốc", country=korea, established_on=dt.date(1992, 12, 22))
    [before] = imported(users["coordinator"])["anniversaries"]
    assert (before["country"], before["years"]) == ("KR", 35)
    assert (before["since"], before["date"]) == ("1992-12-22", "2027-12-22")

    relation = DiplomaticRelation.objects.get(code="KR")
    relation.established_on = dt.date(1992, 12, 21)  # the administrator's correction at /relations/
    relation.save()
    [after] = imported(users["coordinator"])["anniversaries"]
    assert (after["since"], after["date"]) == ("1992-12-21", "2027-12-21")


def test_a_partner_the_administrator_added_is_recognised(users):
    korea = CountryFactory(code="KR", name_vi="Hàn Quốc", name_en="South Korea", aliases=[])
    assert imported(users["coordinator"])["partners"] == []
    PartnerFactory(name="Quỹ Hòa bình Sao Mai", kind="ngo", country=korea, aliases=["Quỹ Sao Mai"])
    assert imported(users["coordinator"])["partners"] == [
        {"name": "Quỹ Hòa bình Sao Mai", "canonical": "Quỹ Hòa bình Sao Mai", "country": "KR", "kind": "ngo"}
    ]
