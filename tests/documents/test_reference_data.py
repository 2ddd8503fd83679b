"""The extractor reads the reference data it is given: the shipped files by default, any other value on request."""

from __future__ import annotations

import dataclasses
import datetime

from doingoai.documents.extract import extract
from doingoai.documents.gazetteer import gazetteer_for
from doingoai.documents.readers import read_text
from doingoai.reference import refdata

HEAD = "KẾ HOẠCH\nHoạt động đối ngoại năm 2027\n\n"
TEXT = HEAD + "Tổ chức kỷ niệm 35 năm thiết lập quan hệ ngoại giao Việt Nam - Hàn Quốc."


def korea_anniversary(reference: refdata.ReferenceData | None = None) -> dict:
    [found] = extract(read_text(TEXT), reference=reference)["anniversaries"]
    assert found["country"] == "KR" and found["years"] == 35
    return found


def test_by_default_the_shipped_relations_date_a_named_anniversary():
    assert korea_anniversary()["since"] == "1992-12-22"


def test_the_relations_given_are_the_ones_used():
    shipped = refdata.shipped()
    corrected = tuple(
        dataclasses.replace(row, established_on=datetime.date(1992, 12, 21)) if row.code == "KR" else row
        for row in shipped.relations
    )
    found = korea_anniversary(dataclasses.replace(shipped, relations=corrected))
    assert (found["since"], found["date"]) == ("1992-12-21", "2027-12-21")


def test_the_partners_given_are_the_ones_recognised():
    text = HEAD + "Phối hợp với Quỹ Hòa bình Sao Mai tổ chức hội thảo."
    assert extract(read_text(text))["partners"] == []
    shipped = refdata.shipped()
    fund = refdata.PartnerRow("Quỹ Hòa bình Sao Mai", "KR", "ngo", ("Quỹ Sao Mai",), None, None)
    found = extract(read_text(text), reference=dataclasses.replace(shipped, partners=(*shipped.partners, fund)))
    assert found["partners"] == [
        {"name": "Quỹ Hòa bình Sao Mai", "canonical": "Quỹ Hòa bình Sao Mai", "country": "KR", "kind": "ngo"}
    ]


def test_the_gazetteer_is_built_once_per_value():
    assert gazetteer_for(refdata.shipped()) is gazetteer_for(refdata.ReferenceData.from_csv())
