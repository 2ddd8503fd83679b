"""Reporting duties as the issue lists their shapes, one sentence each (the corpus holds them in documents)."""

from __future__ import annotations

import pytest

from doingoai.documents.extract.body import _reporting

CASES = [
    ("Các đơn vị báo cáo kết quả trước ngày 20 hằng tháng về Sở Ngoại vụ.", [("monthly", "20", "Sở Ngoại vụ")]),
    ("Sở Ngoại vụ tổng hợp báo cáo năm gửi UBND tỉnh trước ngày 15 tháng 6.", [("annual", "06-15", "UBND tỉnh")]),
    ("Các sở báo cáo 6 tháng trước 15/6 gửi UBND tỉnh.", [("semiannual", "06-15", "UBND tỉnh")]),
    (
        "Các sở, ngành báo cáo 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) gửi UBND tỉnh.",
        [("semiannual", "06-15", "UBND tỉnh"), ("annual", "12-15", "UBND tỉnh")],
    ),
    (
        "Các đơn vị báo cáo định kỳ hằng quý trước ngày 25 của tháng cuối quý về Sở Ngoại vụ.",
        [("quarterly", "25", "Sở Ngoại vụ")],
    ),
    (
        "Sở Ngoại vụ báo cáo UBND tỉnh tình hình thực hiện định kỳ quý, 6 tháng và năm trước ngày 20 của tháng cuối kỳ",
        [("quarterly", "20", "UBND tỉnh"), ("semiannual", "06-20", "UBND tỉnh"), ("annual", "12-20", "UBND tỉnh")],
    ),
    (
        "Các huyện gửi Sở Ngoại vụ kết quả thực hiện hằng tháng trước ngày 25 và báo cáo năm trước ngày 10/12.",
        [("monthly", "25", "Sở Ngoại vụ"), ("annual", "12-10", "Sở Ngoại vụ")],
    ),
    ("Các đơn vị thực hiện nghiêm túc Kế hoạch này.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_each_shape(sentence: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    found = [(item["period"], item["due"], item["to"]) for item in _reporting([sentence])]
    assert found == expected
