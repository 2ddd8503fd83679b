# ruff: noqa: E501  (the fixture letter is written as printed: one paragraph per line)
"""A Vietnamese embassy, consulate or other representative mission abroad is a Vietnamese body, never a foreign
partner, whatever the country or city after "tại" and however the mission is written; foreign missions in Viet
Nam stay partners. Fixture texts written for this test."""

from __future__ import annotations

import dataclasses

import pytest

from doingoai.documents.extract import extract
from doingoai.documents.gazetteer import is_vietnamese_mission
from doingoai.documents.readers import read_text
from doingoai.reference import refdata

ABROAD = [
    "Tổng Lãnh sự quán Việt Nam tại Khỏn Kèn",
    "Tổng lãnh sự quán Việt Nam tại Luông Pha Băng",
    "Đại sứ quán Việt Nam tại Lào",
    "Đại sứ quán nước Cộng hòa xã hội chủ nghĩa Việt Nam tại Vương quốc Campuchia",
    "Đại sứ quán Việt Nam ở Hàn Quốc",
    "Lãnh sự quán Việt Nam tại Pắc Xế",
    "Tổng Lãnh sự quán Việt Nam tại Osaka",
    "TLSQ Việt Nam tại Xa Vẳn Na Khẹt",
    "ĐSQ Việt Nam tại Thái Lan",
    "Cơ quan đại diện Việt Nam tại Viêng Chăn",
    "Cơ quan đại diện Việt Nam ở nước ngoài",
    "Phái đoàn thường trực Việt Nam tại Geneva",
    "Văn phòng Kinh tế và Văn hóa Việt Nam tại Đài Bắc",
    "Consulate General of Vietnam in Khon Kaen",
    "Embassy of the Socialist Republic of Viet Nam in Japan",
]
FOREIGN = [
    "Đại sứ quán Nhật Bản tại Việt Nam",
    "Tổng Lãnh sự quán Lào tại Đà Nẵng",
    "Tổng Lãnh sự quán Hàn Quốc tại Thành phố Hồ Chí Minh",
    "Đại sứ quán nước CHDCND Lào",
    "Embassy of Japan in Viet Nam",
    "Hiệp hội doanh nghiệp Hàn Quốc tại Việt Nam",
]


@pytest.mark.parametrize("name", ABROAD)
def test_vietnamese_missions_abroad_are_recognised(name: str) -> None:
    assert is_vietnamese_mission(name)


@pytest.mark.parametrize("name", FOREIGN)
def test_foreign_missions_and_bodies_are_not(name: str) -> None:
    assert not is_vietnamese_mission(name)


LETTER = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ GIANG | Độc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND | Hà Giang, ngày 03 tháng 3 năm 2024

KẾ HOẠCH
Công tác người Việt Nam ở nước ngoài năm 2024

I. NHIỆM VỤ
1. Phối hợp với Tổng Lãnh sự quán Việt Nam tại Khỏn Kèn, Tổng lãnh sự quán Việt Nam tại Luông Pha Băng và Lãnh sự quán Việt Nam tại Pắc Xế tổ chức gặp mặt bà con người Việt Nam.
2. Đề nghị Đại sứ quán Việt Nam tại Lào, Đại sứ quán Việt Nam ở Hàn Quốc và Cơ quan đại diện Việt Nam tại Viêng Chăn hỗ trợ các đoàn công tác của tỉnh.
3. Phối hợp với TLSQ Việt Nam tại Osaka, Phái đoàn thường trực Việt Nam tại Geneva (Thụy Sĩ) trong công tác bảo hộ công dân.
4. Tiếp và làm việc với Đại sứ quán Nhật Bản tại Việt Nam, Tổng Lãnh sự quán Lào tại Đà Nẵng; xúc tiến hợp tác với tỉnh Vân Nam (Trung Quốc).

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Sơn
"""


def _partners(reference: refdata.ReferenceData | None = None) -> set[tuple[str, str | None]]:
    result = extract(read_text(LETTER), reference=reference)
    return {(item["canonical"], item["country"]) for item in result["partners"]}


def test_no_vietnamese_mission_abroad_among_the_partners() -> None:
    found = _partners()
    assert not [name for name, _ in found if is_vietnamese_mission(name)], found
    assert {("Đại sứ quán Nhật Bản tại Việt Nam", "JP"), ("Tổng Lãnh sự quán Lào tại Đà Nẵng", "LA")} <= found
    assert ("Vân Nam", "CN") in found


def test_nor_when_the_reference_data_lists_one_as_a_partner() -> None:
    """An administrator's partner rows (``--db``, imports) may hold a Vietnamese consulate: still not a partner."""
    shipped = refdata.shipped()
    extra = refdata.PartnerRow(
        "Đại sứ quán Việt Nam tại Hàn Quốc", "KR", "mission", ("ĐSQ Việt Nam tại Hàn Quốc",), None, None
    )
    reference = dataclasses.replace(shipped, partners=(*shipped.partners, extra))
    found = _partners(reference)
    assert not [name for name, _ in found if is_vietnamese_mission(name)], found
