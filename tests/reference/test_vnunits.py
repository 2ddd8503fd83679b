"""Vietnamese provinces, districts and communes are told apart from foreign localities (the extractor's guard)."""

from __future__ import annotations

import pytest

from doingoai.reference.vnunits import is_vietnamese_place


@pytest.mark.parametrize(
    "name",
    ["Kỳ Sơn", "huyện Quế Phong", "xã Mường Xén", "tỉnh Nghệ An", "Thành phố Hà Nội", "UBND huyện Tương Dương",
     "Huyện Hướng Hoá", "thị xã Thái Hòa"],
)  # fmt: skip
def test_vietnamese_units_of_today_and_before_2025(name):
    assert is_vietnamese_place(name)


@pytest.mark.parametrize(
    "name", ["Xiêng Khoảng", "Hủa Phăn", "tỉnh Bo Ly Khăm Xay", "Khăm Muộn", "Gifu", "Gyeonggi", "Hồ Nam", ""]
)
def test_foreign_localities_are_not(name):
    assert not is_vietnamese_place(name)
