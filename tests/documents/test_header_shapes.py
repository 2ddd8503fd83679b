"""The `document` block of Decree 30 headers in the shapes they reach us: two columns flattened with "|" or
tabs or onto one line, "Số:" and the number on separate lines, markdown bold left by converters, a body whose
name is broken over lines under its Party committee, a decision issuing a regulation. Hypothesis draws the
variants of one header; every one must give the same answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.documents.extract import extract
from doingoai.documents.readers import read_text

BODY = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nI. MỤC ĐÍCH\n1. Bảo đảm hoạt động đối ngoại.\n"
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn Bình"]
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "Số: 120/KH-UBND"]
RIGHT = [*MOTTO, "Hà Tĩnh, ngày 05 tháng 3 năm 2024"]
TITLE = ["KẾ HOẠCH", "Hoạt động đối ngoại năm 2024"]
EXPECTED = {
    "kind": "plan",
    "title": "Kế hoạch hoạt động đối ngoại năm 2024",
    "year": 2024,
    "province": "Hà Tĩnh",
    "issuer": "Ủy ban nhân dân tỉnh Hà Tĩnh",
    "number": "120/KH-UBND",
    "signer": "Nguyễn Văn Bình",
}


def _bold(line: str) -> str:
    return f"**{line}**" if line else line


def header(columns: str, split_number: bool, bold: bool, rule: bool) -> str:
    left = [*LEFT[:2], *(["-------"] if rule else []), *(["Số:", "120/KH-UBND"] if split_number else LEFT[2:])]
    if columns == "stacked":
        head = [*left, *RIGHT]
    elif columns == "one line":
        head = [" ".join([*LEFT[:2], *MOTTO]), f"{LEFT[2]} {RIGHT[2]}"]
    else:
        separator = " | " if columns == "pipe" else "\t"
        head = [f"{a}{separator}{b}" for a, b in zip(LEFT, RIGHT, strict=True)]
    lines = [*head, *TITLE]
    signature = SIGNATURE
    if bold:
        lines = [_bold(line) for line in lines]
        signature = [_bold(line) for line in signature]
    return "\n".join([*lines, BODY, *signature]) + "\n"


@settings(max_examples=40, deadline=None)
@given(
    columns=st.sampled_from(["stacked", "pipe", "tabs", "one line"]),
    split_number=st.booleans(),
    bold=st.booleans(),
    rule=st.booleans(),
)
def test_every_shape_of_one_header_gives_the_same_document(columns, split_number, bold, rule):
    if columns != "stacked":
        split_number = rule = False  # only a stacked header puts "Số:" or a rule on a line of its own
    document = extract(read_text(header(columns, split_number, bold, rule)))["document"]
    assert {key: document[key] for key in EXPECTED if key != "title"} == {
        key: value for key, value in EXPECTED.items() if key != "title"
    }
    assert "cộng hòa" not in (document["issuer"] or "").casefold()


def test_a_board_under_the_party_committee_with_its_name_broken_over_lines():
    text = (
        "TỈNH ỦY HÀ TĨNH\nBAN CHỈ ĐẠO CÔNG TÁC\nTHÔNG TIN ĐỐI NGOẠI\n*\nSố: 12-KH/BCĐ\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hà Tĩnh, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nCông tác thông tin đối ngoại năm 2024\n"
        f"{BODY}T/M BAN CHỈ ĐẠO\nTRƯỞNG BAN\n\nTrần Thị Hoa\n"
    )
    document = extract(read_text(text))["document"]
    assert document["issuer"] == "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Hà Tĩnh"
    assert (document["number"], document["signer"], document["kind"]) == ("12-KH/BCĐ", "Trần Thị Hoa", "plan")


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Ban hành Quy chế quản lý thống nhất các hoạt động đối ngoại", "regulation"), ("Về việc cử đoàn", "decision")],
)
def test_decisions_and_the_regulations_they_issue(title, kind):
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 15/2024/QĐ-UBND\n" + "\n".join(RIGHT) + f"\nQUYẾT ĐỊNH\n{title}\n"
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n" + "\n".join(SIGNATURE) + "\n"
    )
    document = extract(read_text(text))["document"]
    assert (document["kind"], document["number"], document["year"]) == (kind, "15/2024/QĐ-UBND", 2024)


def test_a_header_without_a_number_says_null():
    text = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n" + "\n".join(RIGHT) + "\n" + "\n".join(TITLE) + "\n" + BODY
    document = extract(read_text(text))["document"]
    assert document["number"] is None and document["signer"] is None and document["issuer"] is not None


@pytest.mark.parametrize(
    ("parent", "body", "issuer"),
    [
        ("UBND TỈNH HÀ TĨNH", "SỞ NGOẠI VỤ", "Sở Ngoại vụ tỉnh Hà Tĩnh"),
        ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "BAN DÂN TỘC", "Ban Dân tộc tỉnh Hà Tĩnh"),
        ("UBND TỈNH HÀ TĨNH", "VĂN PHÒNG", "Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh"),
        ("TỈNH ỦY HÀ TĨNH", "VĂN PHÒNG", "Văn phòng Tỉnh ủy Hà Tĩnh"),
        ("UBND TỈNH HÀ TĨNH", "SỞ NGOẠI VỤ TỈNH HÀ TĨNH", "Sở Ngoại vụ tỉnh Hà Tĩnh"),
    ],
)
def test_a_body_under_the_province_is_named_in_full(parent, body, issuer):
    """ "Sở Ngoại vụ" alone names the department of any province: its full name carries the province."""
    text = f"{parent}\n{body}\nSố: 33/KH-SNgV\n" + "\n".join(RIGHT) + "\n" + "\n".join(TITLE) + "\n" + BODY
    assert extract(read_text(text))["document"]["issuer"] == issuer
