"""The proposals template and its checked reading (plain Python, no database)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from doingoai.documents import proposals_xlsx as px
from doingoai.documents.upload_checks import UploadError, check_document

LOOKUPS = px.Lookups(
    countries={
        "lao": "LA",
        "chdcnd lao": "LA",
        "nhat ban": "JP",
        "japan": "JP",
        "han quoc": "KR",
        "xinh ga po": "SG",
        "singapore": "SG",
        "antigua va barbuda": "AG",
    },
    country_names=["Antigua và Barbuda", "Hàn Quốc", "Lào", "Nhật Bản", "Xinh-ga-po"],
    units={"so du lich": 1, "sdl": 1, "cong an tinh": 2},
    unit_names=["Công an tỉnh", "Sở Du lịch"],
    choices={
        "funding": [("province", "Ngân sách tỉnh"), ("self_paid", "Tự túc")],
        "groups": [("departments", "Sở, ban, ngành, đoàn thể cấp tỉnh"), ("armed_forces", "Lực lượng vũ trang")],
        "forms": [("in_person", "Trực tiếp"), ("online", "Trực tuyến")],
        "agreement_types": [("mou", "Biên bản ghi nhớ"), ("agreement", "Thỏa thuận quốc tế")],
        "conference_authorities": [("prime_minister", "Thủ tướng Chính phủ"), ("chairman", "Chủ tịch UBND tỉnh")],
        "approving_authorities": [("chairman", "Chủ tịch UBND tỉnh")],
    },
    min_year=2000,
    max_year=2031,
)
OUT_ROW = {
    "A": "Đoàn công tác Sở Du lịch",
    "D": 5,
    "F": "Lào",
    "J": "Quý II/Quý III",
    "K": "Ngân sách tỉnh",
    "L": "Sở, ban, ngành, đoàn thể cấp tỉnh",
    "N": 2027,
}


def filled(kind: str, rows: list[dict[str, object]], *, keep_example: bool = True) -> bytes:
    """The template of `kind` with `rows` written from row 3 (row 2 is the example)."""
    wb = load_workbook(io.BytesIO(px.build_template(kind, LOOKUPS, year=2027)))
    ws = wb[px.TEMPLATES[kind].title]
    if not keep_example:
        ws.delete_rows(2)
    start = 3 if keep_example else 2
    for offset, row in enumerate(rows):
        for letter, value in row.items():
            ws[f"{letter}{start + offset}"] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_template_has_drop_down_lists_on_a_hidden_sheet_and_vietnamese_instructions():
    wb = load_workbook(io.BytesIO(px.build_template("delegations_out", LOOKUPS, year=2027)))
    assert wb.sheetnames == ["Đoàn ra", "Danh mục", "Hướng dẫn"]
    assert wb["Danh mục"].sheet_state == "hidden"
    ws = wb["Đoàn ra"]
    assert [c.value for c in ws[1]][:6] == [
        "Tên đoàn (*)",
        "Danh nghĩa đoàn",
        "Trưởng đoàn",
        "Số người",
        "Thành phần",
        "Đến nước (*)",
    ]
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    countries = validations["F2:F1002"]
    assert countries.type == "list" and "'Danh mục'!" in countries.formula1
    lists = wb["Danh mục"]
    listed = {
        lists.cell(row=1, column=c).value: [lists.cell(row=r, column=c).value for r in range(2, 8)]
        for c in range(2, 12)
    }
    assert "Xinh-ga-po" in listed["Nước, vùng lãnh thổ"]
    assert "Sở Du lịch" in listed["Cơ quan, đơn vị"]
    assert listed["Có/Không"][:2] == ["Có", "Không"]
    assert "Lực lượng vũ trang" in listed["groups"]
    assert {str(dv.sqref) for dv in ws.data_validations.dataValidation} >= {
        "K2:K1002",
        "L2:L1002",
        "M2:M1002",
        "O2:O1002",
    }
    assert validations["N2:N1002"].type == "whole"  # the year
    assert ws["A2"].font.i and ws["A2"].value.startswith("Ví dụ:")
    guide = " ".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    for phrase in ("Quý II/Quý III", "Tháng 11-12", "bắt buộc", "không lưu dòng nào", "Đến nước"):
        assert phrase in guide


@pytest.mark.parametrize("kind", px.KINDS)
def test_every_template_only_holds_its_example_which_is_ignored(kind):
    with pytest.raises(px.ProposalFileError, match="không có dòng đề xuất"):
        px.read_proposals(px.build_template(kind, LOOKUPS, year=2027), kind, LOOKUPS)


def test_valid_rows_are_cleaned():
    data = filled(
        "delegations_out",
        [
            OUT_ROW,
            OUT_ROW
            | {"A": "Đoàn thứ hai", "D": "05 người", "F": "nhat ban; Xinh-ga-po, Lào", "J": dt.datetime(2027, 6, 1)}
            | {"M": "Không", "O": "SDL"},
            OUT_ROW | {"A": "Đoàn thứ ba", "F": "Nhật Bản và Hàn Quốc", "J": "Chưa xác định"},
            OUT_ROW | {"A": "Đoàn thứ tư", "F": "Antigua và Barbuda"},
        ],
    )
    sheet = px.read_proposals(data, "delegations_out", LOOKUPS)
    assert sheet.errors == []
    first, second, third, fourth = sheet.rows
    assert first.row == 3 and first.values["countries"] == ["LA"] and first.values["funding_source"] == "province"
    assert first.values["group"] == "departments" and first.values["uses_state_budget"] is None
    assert second.values["size"] == 5 and second.values["countries"] == ["JP", "SG", "LA"]
    assert second.values["time_text"] == "6/2027" and second.values["uses_state_budget"] is False
    assert second.values["unit"] == 1
    assert third.values["countries"] == ["JP", "KR"] and third.values["time_text"] == "Chưa xác định"
    assert fourth.values["countries"] == ["AG"]


def test_every_invalid_row_is_listed_with_row_column_header_and_reason():
    data = filled(
        "delegations_out",
        [
            OUT_ROW | {"A": None},
            OUT_ROW | {"F": "Atlantis", "D": "năm"},
            OUT_ROW,
            OUT_ROW | {"J": "Tháng 13", "N": 2050},
            OUT_ROW | {"K": "Ngân sách xã hội", "M": "có lẽ"},
            OUT_ROW | {"J": "6/2026"},
        ],
    )
    sheet = px.read_proposals(data, "delegations_out", LOOKUPS)
    found = {(e.row, e.column, e.header) for e in sheet.errors}
    assert found == {
        (3, "A", "Tên đoàn"),
        (4, "D", "Số người"),
        (4, "F", "Đến nước"),
        (6, "J", "Thời gian thực hiện"),
        (6, "N", "Năm kế hoạch"),
        (7, "K", "Nguồn kinh phí"),
        (7, "M", "Sử dụng ngân sách nhà nước"),
        (8, "J", "Thời gian thực hiện"),
    }
    messages = {(e.row, e.column): str(e) for e in sheet.errors}
    assert messages[(3, "A")] == "Dòng 3, cột A (Tên đoàn): Chưa nhập “Tên đoàn” (cột bắt buộc)."
    assert "Atlantis" in messages[(4, "F")]
    assert "Tháng 13" in messages[(6, "J")]
    assert "2026" in messages[(8, "J")] and "2027" in messages[(8, "J")]
    assert "Ngân sách tỉnh; Tự túc" in messages[(7, "K")]
    assert sheet.invalid_rows == [3, 4, 6, 7, 8]
    assert [r.row for r in sheet.rows] == [5]


def test_conference_and_agreement_templates_read_their_own_columns():
    conf = filled(
        "conferences",
        [
            {"A": "Hội thảo đầu tư", "B": "Trực tuyến", "D": "Nhật Bản", "E": 100, "H": "Tháng 9", "K": "Tự túc"}
            | {"L": "Thủ tướng Chính phủ", "M": "Có", "O": 2027}
        ],
    )
    row = px.read_proposals(conf, "conferences", LOOKUPS).rows[0].values
    assert row["form"] == "online" and row["delegates_vn"] == 100 and row["countries"] == ["JP"]
    assert row["permitting_authority_text"] == "prime_minister" and row["has_foreign_high_level"] is True
    agreement = filled(
        "agreements",
        [
            {"C": "Biên bản ghi nhớ", "D": "Bản ghi nhớ về du lịch", "E": "Lào", "F": "Sở Du lịch Hủa Phăn"}
            | {"G": "Quý III", "I": "Ủy ban nhân dân tỉnh", "J": 2027}
        ],
    )
    row = px.read_proposals(agreement, "agreements", LOOKUPS).rows[0].values
    assert row["type"] == "mou" and row["country"] == "LA" and row["approving_authority"] == "Ủy ban nhân dân tỉnh"


def test_another_templates_file_is_refused_by_name():
    data = filled("conferences", [{"A": "Hội thảo", "H": "Tháng 9", "K": "Tự túc", "O": 2027}])
    with pytest.raises(px.ProposalFileError, match="mẫu “Hội nghị, hội thảo”"):
        px.read_proposals(data, "delegations_out", LOOKUPS)


def test_a_changed_header_is_refused_naming_the_cell():
    wb = load_workbook(io.BytesIO(filled("delegations_out", [OUT_ROW])))
    wb["Đoàn ra"]["C1"] = "Người dẫn đầu"
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(px.ProposalFileError, match="ô C1 phải là “Trưởng đoàn”"):
        px.read_proposals(out.getvalue(), "delegations_out", LOOKUPS)


def test_rows_without_the_example_and_an_edited_example_row_are_read():
    no_example = filled("delegations_out", [OUT_ROW], keep_example=False)
    assert [r.row for r in px.read_proposals(no_example, "delegations_out", LOOKUPS).rows] == [2]
    # The user typed over the example (still italic) but removed "Ví dụ:": it is data.
    wb = load_workbook(io.BytesIO(px.build_template("delegations_out", LOOKUPS, year=2027)))
    wb["Đoàn ra"]["A2"] = "Đoàn thật"
    out = io.BytesIO()
    wb.save(out)
    sheet = px.read_proposals(out.getvalue(), "delegations_out", LOOKUPS)
    assert [r.values["name"] for r in sheet.rows] == ["Đoàn thật"]


def zip_bytes(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


XLSX_TYPES = (
    b'<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b"</Types>"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "rỗng"),
        (b"TT\tTen doan\n1\tDoan A\n", "không phải là bảng tính Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "97-2003"),
        (zip_bytes({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<Types/>"}), "không phải là bảng tính"),
        (zip_bytes({"[Content_Types].xml": XLSX_TYPES, "xl/workbook.xml": b"<not-a-workbook"}), "Không đọc được"),
        (
            zip_bytes(
                {"[Content_Types].xml": XLSX_TYPES, "xl/workbook.xml": b"<w/>", "xl/bomb.xml": b"\0" * 3_000_000}
            ),
            "bom nén",
        ),
        (b"PK" + b"\0" * (px.MAX_BYTES + 1), "quá lớn"),
    ],
    ids=["empty", "text", "xls", "docx", "broken", "zip-bomb", "oversized"],
)
def test_unusable_files_are_refused_with_a_vietnamese_message(data, message):
    with pytest.raises(px.ProposalFileError, match=message):
        px.read_proposals(data, "delegations_out", LOOKUPS)


def test_zip_bomb_is_refused_from_the_directory_before_anything_expands():
    total = px.MAX_BYTES  # parts whose declared sizes together exceed the uncompressed limit, each compressible
    parts = {"[Content_Types].xml": XLSX_TYPES, "xl/workbook.xml": b"<w/>"}
    parts |= {f"xl/p{i}.xml": b"a" * (total // 2) for i in range(12)}
    with pytest.raises(px.ProposalFileError, match="bom nén"):
        px.check_xlsx(zip_bytes(parts), max_bytes=total)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("chuong-trinh.exe", b"MZ", "Chỉ nhận"),
        ("chuong-trinh.docx", b"not a zip", "văn bản Word"),
        ("chuong-trinh.pdf", b"hello", "PDF"),
        ("chuong-trinh.txt", "Chương trình".encode("utf-16"), "UTF-8|văn bản thuần"),
    ],
)
def test_document_uploads_are_checked_by_content(name, data, message):
    with pytest.raises(UploadError, match=message):
        check_document(data, name, max_bytes=1_000_000)


def test_document_upload_checks_accept_real_formats():
    assert check_document("Chương trình đối ngoại".encode(), "ct.txt", max_bytes=1000) == ".txt"
    assert check_document(b"%PDF-1.7\n...", "ct.pdf", max_bytes=1000) == ".pdf"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_give_rows_or_the_documented_error(data):
    try:
        px.read_proposals(data, "delegations_out", LOOKUPS)
    except px.ProposalFileError:
        pass


CELL = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, min_size=16, max_size=16), min_size=1, max_size=4))
def test_any_cell_values_give_rows_and_errors_never_an_exception(rows):
    letters = "ABCDEFGHIJKLMNOP"
    cleaned = []
    for row in rows:
        cells = {}
        for letter, value in zip(letters, row, strict=True):
            if isinstance(value, str):
                # openpyxl refuses control characters; spreadsheets cannot hold them either.
                value = "".join(ch for ch in value if ch.isprintable()) or None
            cells[letter] = value
        cleaned.append(cells)
    try:
        sheet = px.read_proposals(filled("delegations_out", cleaned), "delegations_out", LOOKUPS)
    except px.ProposalFileError as exc:
        assert "không có dòng đề xuất" in str(exc)
        return
    for error in sheet.errors:
        assert error.row >= 3 and error.message
