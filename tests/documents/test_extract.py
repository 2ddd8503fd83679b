"""The extract contract on our own documents: every format of the sample programme, and short texts of the
genre (other provinces, other kinds of document) for each part of the contract."""

from __future__ import annotations

import pytest

from doingoai.documents.extract import CONTRACT_KEYS, extract
from doingoai.documents.readers import read, read_text
from tests.documents import samples

DOCUMENT_KEYS = {"kind", "title", "year", "province", "issuer", "number", "signer"}
COUNT_KEYS = {"outbound_delegations", "inbound_delegations", "conferences", "agreements"}
DELEGATION_KEYS = {
    "direction", "group", "name", "capacity", "head", "size", "composition", "countries", "partner_text", "purpose",
    "duration", "time_text", "months", "funding", "state_budget",
}  # fmt: skip
CONFERENCE_KEYS = {
    "title", "partner_text", "delegates_vn", "delegates_foreign_in_vn", "delegates_from_abroad", "time_text",
    "permitting_authority", "funding",
}  # fmt: skip
AGREEMENT_KEYS = {
    "proposer", "capacity", "type", "title", "country", "partner", "time_text", "signing_level",
    "approving_authority", "note",
}  # fmt: skip


def check_contract(result: dict) -> None:
    """Every key of DESIGN.md, with the right types."""
    assert tuple(result) == CONTRACT_KEYS
    assert set(result["document"]) == DOCUMENT_KEYS
    assert result["document"]["kind"] in {"program", "plan", "notice", "official_letter", "report", "other"}
    assert set(result["planned_counts"]) == COUNT_KEYS
    assert all(value is None or isinstance(value, int) for value in result["planned_counts"].values())
    for item in result["deadlines"]:
        assert set(item) == {"date", "text"} and len(item["date"]) == 10
    for item in result["reporting"]:
        assert set(item) == {"period", "due", "days_after", "to"}
        assert item["period"] in {"monthly", "quarterly", "semiannual", "annual", "adhoc"}
    for item in result["anniversaries"]:
        assert set(item) == {"country", "subject", "since", "date", "years"} and isinstance(item["years"], int)
    for item in result["legal_references"]:
        assert set(item) == {"kind", "number", "date", "issuer"}
    for item in result["partners"]:
        assert set(item) == {"name", "canonical", "country", "kind"}
    for item in result["delegations"]:
        assert set(item) == DELEGATION_KEYS
        assert item["direction"] in {"out", "in"}
        assert item["group"] in {"central_leaders", "provincial_leaders", "departments", "armed_forces", "districts"}
        assert all(len(code) == 2 or code in {"EU", "ASEAN"} for code in item["countries"])
        assert all(1 <= m <= 12 for m in item["months"])
    for item in result["conferences"]:
        assert set(item) == CONFERENCE_KEYS
    for item in result["agreements"]:
        assert set(item) == AGREEMENT_KEYS
    for item in result["tasks"]:
        assert set(item) == {"section", "pillar", "domain", "text", "lead_unit", "coordinating_units"}
        assert item["pillar"] in {"party", "state", "people", "general"}


FORMATS = {
    "plain": lambda: read(samples.plain_text().encode(), "chuong-trinh.txt"),
    "docx": lambda: read(samples.build_docx(), "chuong-trinh.docx"),
    "docx-unmerged": lambda: read(samples.build_docx(merged=False), "chuong-trinh.docx"),
}


@pytest.fixture(params=sorted(FORMATS), scope="module")
def sample(request) -> dict:
    return extract(FORMATS[request.param]())


def test_the_contract_is_complete_for_every_format(sample):
    check_contract(sample)


def test_document_fields(sample):
    assert sample["document"] == {
        "kind": "program",
        "title": "Chương trình công tác đối ngoại của tỉnh Quảng Trị năm 2027",
        "year": 2027,
        "province": "Quảng Trị",
        "issuer": "Ủy ban nhân dân tỉnh Quảng Trị",
        "number": "245/CTr-UBND",
        "signer": "Lê Văn Minh",
    }


def test_planned_counts_and_deadlines(sample):
    assert sample["planned_counts"] == {
        "outbound_delegations": 5,
        "inbound_delegations": 3,
        "conferences": 2,
        "agreements": 1,
    }
    assert [item["date"] for item in sample["deadlines"]] == ["2027-03-31"]


def test_reporting_schedule(sample):
    assert sample["reporting"] == [
        {"period": "monthly", "due": "20", "days_after": None, "to": "Sở Ngoại vụ"},
        {"period": "semiannual", "due": "06-15", "days_after": None, "to": "UBND tỉnh (qua Sở Ngoại vụ)"},
        {"period": "annual", "due": "12-15", "days_after": None, "to": "UBND tỉnh (qua Sở Ngoại vụ)"},
        {"period": "adhoc", "due": None, "days_after": 15, "to": "Sở Ngoại vụ"},
    ]


def test_anniversaries_named_and_dated_and_none_invented(sample):
    found = {(item["country"], item["years"]): item for item in sample["anniversaries"]}
    assert set(found) == {("KR", 35), ("LA", 50), ("KH", 60), ("BO", 40)}
    assert (found["KR", 35]["since"], found["KR", 35]["date"]) == ("1992-12-22", "2027-12-22")  # only named
    assert (found["LA", 50]["since"], found["LA", 50]["date"]) == ("1977-07-18", "2027-07-18")  # the 1977 treaty
    assert "Hiệp ước" in found["LA", 50]["subject"]
    assert (found["KH", 60]["since"], found["KH", 60]["date"]) == ("1967-06-24", "2027-06-24")
    # Bolivia is not in the reference data: the anniversary is kept as the text says it, with no dates made up.
    assert (found["BO", 40]["since"], found["BO", 40]["date"]) == (None, None)


def test_legal_references(sample):
    references = {item["number"]: item for item in sample["legal_references"]}
    assert references == {
        "70/2020/QH14": {"kind": "Luật", "number": "70/2020/QH14", "date": "2020-11-13", "issuer": "Quốc hội"},
        "64/2021/NĐ-CP": {"kind": "Nghị định", "number": "64/2021/NĐ-CP", "date": "2021-06-30", "issuer": "Chính phủ"},
        "12-KL/TW": {"kind": "Kết luận", "number": "12-KL/TW", "date": "2021-08-12", "issuer": "Bộ Chính trị"},
        "32-CT/TW": {"kind": "Chỉ thị", "number": "32-CT/TW", "date": "2019-02-28", "issuer": "Bộ Chính trị"},
        "134-KH/TU": {"kind": "Kế hoạch", "number": "134-KH/TU", "date": "2022-11-02", "issuer": "Tỉnh ủy"},
        "06/2020/QĐ-TTg": {
            "kind": "Quyết định",
            "number": "06/2020/QĐ-TTg",
            "date": "2020-02-21",
            "issuer": "Thủ tướng Chính phủ",
        },
    }


def test_partners_known_and_new_with_their_country(sample):
    partners = {(item["canonical"], item["country"]) for item in sample["partners"]}
    assert {
        ("Xa Vẳn Na Khẹt", "LA"),
        ("Xa La Van", "LA"),
        ("Chăm Pa Xắc", "LA"),
        ("Chiba", "JP"),  # not in the gazetteer: "tỉnh Chiba (Nhật Bản)"
        ("Incheon", "KR"),
        ("Udon Thani", "TH"),
        ("Xê Pôn", "LA"),  # "Huyện Xê Pôn, tỉnh Xa Vẳn Na Khẹt"
        ("Cơ quan Hợp tác Quốc tế Hàn Quốc", "KR"),  # KOICA
        ("Cơ quan Hợp tác Quốc tế Nhật Bản", "JP"),  # JICA
        ("Tổ chức Tầm nhìn Thế giới", "US"),
    } <= partners
    assert not {country for _, country in partners} & {"VN"} - {None}
    assert all(name not in {"Quảng Trị", "Hướng Hóa"} for name, _ in partners)


def test_delegation_rows(sample):
    rows = [
        (item["direction"], item["group"], item["countries"], item["months"], item["state_budget"], item["size"])
        for item in sample["delegations"]
    ]
    assert rows == samples.EXPECTED_DELEGATIONS
    first = sample["delegations"][0]
    assert first["composition"] == "lãnh đạo tỉnh và các sở"
    assert first["partner_text"] == "Tỉnh Xa Vẳn Na Khẹt"
    assert first["duration"] == "04 ngày" and first["time_text"] == "Quý I" and first["funding"] == "Ngân sách tỉnh"
    assert sample["delegations"][-1]["funding"] == "Tự túc"


def test_conferences_and_agreements(sample):
    assert [
        (c["delegates_vn"], c["delegates_foreign_in_vn"], c["delegates_from_abroad"]) for c in sample["conferences"]
    ] == [
        (80, 20, 15),
        (100, 10, 40),
    ]
    assert sample["conferences"][1]["permitting_authority"] == "Thủ tướng Chính phủ"
    assert sample["conferences"][0]["partner_text"] == "JETRO"
    (agreement,) = sample["agreements"]
    assert agreement["country"] == "JP" and agreement["partner"] == "Chính quyền tỉnh Chiba"
    assert agreement["type"] == "Bản ghi nhớ" and agreement["note"] is None


def test_tasks_carry_section_pillar_and_domain(sample):
    tasks = [(task["section"], task["pillar"], task["domain"]) for task in sample["tasks"]]
    assert tasks == [
        ("II.1.a", "party", "Đối ngoại Đảng"),
        ("II.1.b", "party", "Đối ngoại Đảng"),
        *[("II.2.a", "state", "Hợp tác với các địa phương nước ngoài")] * 2,
        *[("II.2.b", "state", "Công tác kỷ niệm các ngày lễ lớn")] * 3,
        *[("II.2.c", "state", "Quản lý đoàn ra, đoàn vào")] * 2,
        ("II.3", "people", "Đối ngoại nhân dân"),
    ]
    assert sample["tasks"][0]["text"].startswith("Duy trì trao đổi đoàn")


def test_hard_wrapped_text_gives_the_same_body_extraction():
    wrapped = extract(read(samples.wrapped_text().encode()))
    plain = extract(read(samples.plain_text().encode()))
    for key in ("document", "planned_counts", "deadlines", "reporting", "anniversaries", "legal_references", "tasks"):
        assert wrapped[key] == plain[key], key


def test_pdf_gives_the_same_extraction_as_docx(sample_pdf):
    from_pdf = extract(read(sample_pdf))
    from_docx = extract(read(samples.build_docx()))
    check_contract(from_pdf)
    for key in CONTRACT_KEYS:
        if key != "partners":
            assert from_pdf[key] == from_docx[key], key
    assert {(p["canonical"], p["country"]) for p in from_pdf["partners"]} == {
        (p["canonical"], p["country"]) for p in from_docx["partners"]
    }


# Short texts of the genre ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("KẾ HOẠCH\nTổ chức các hoạt động đối ngoại năm 2026", "plan"),
        ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp về đoàn vào", "notice"),
        ("BÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024", "report"),
        ("Số: 1520/UBND-NV\nV/v chuẩn bị đón đoàn tỉnh Chăm Pa Xắc (Lào)", "official_letter"),
        ("CHƯƠNG TRÌNH\nHoạt động đối ngoại năm 2026", "program"),
        ("QUYẾT ĐỊNH\nVề việc cử đoàn đi công tác nước ngoài", "decision"),
        ("QUYẾT ĐỊNH\nBan hành Quy chế quản lý các hoạt động đối ngoại", "regulation"),
    ],
)
def test_document_kind_from_the_title(head, kind):
    text = f"ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n{head}\nCăn cứ Luật Tổ chức chính quyền địa phương.\n"
    document = extract(read_text(text))["document"]
    assert document["kind"] == kind
    assert document["province"] == "Hà Tĩnh"


def test_document_header_of_another_province():
    text = (
        "UBND TỈNH ĐIỆN BIÊN\nSỞ NGOẠI VỤ\nSố: 88/KH-SNgV\nĐiện Biên, ngày 05 tháng 01 năm 2024\n"
        "KẾ HOẠCH\nThông tin đối ngoại năm 2024\nI. MỤC ĐÍCH\n1. Tuyên truyền về biên giới.\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nNguyễn Thị Hoa\n"
    )
    document = extract(read_text(text))["document"]
    assert document == {
        "kind": "plan",
        "title": "Kế hoạch thông tin đối ngoại năm 2024",
        "year": 2024,
        "province": "Điện Biên",
        "issuer": "Sở Ngoại vụ tỉnh Điện Biên",
        "number": "88/KH-SNgV",
        "signer": "Nguyễn Thị Hoa",
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Các đơn vị báo cáo định kỳ hằng tháng trước ngày 20 về Sở Ngoại vụ.",
            [("monthly", "20", None, "Sở Ngoại vụ")],
        ),
        (
            "Định kỳ báo cáo 6 tháng và báo cáo năm gửi Sở Ngoại vụ trước ngày 25/5 và 10/10 để tổng hợp.",
            [("semiannual", "05-25", None, "Sở Ngoại vụ"), ("annual", "10-10", None, "Sở Ngoại vụ")],
        ),
        (
            "Định kỳ (6 tháng, cuối năm) báo cáo kết quả về UBND tỉnh (qua Sở Ngoại vụ).",
            [
                ("semiannual", None, None, "UBND tỉnh (qua Sở Ngoại vụ)"),
                ("annual", None, None, "UBND tỉnh (qua Sở Ngoại vụ)"),
            ],
        ),
        (
            "Các sở báo cáo hằng quý trước ngày 15 của tháng cuối quý gửi UBND tỉnh.",
            [("quarterly", "15", None, "UBND tỉnh")],
        ),
        (
            "Chậm nhất 07 ngày sau khi kết thúc chuyến công tác, trưởng đoàn báo cáo kết quả về UBND tỉnh.",
            [("adhoc", None, 7, "UBND tỉnh")],
        ),
        ("Thực hiện đúng quy định về quản lý đoàn ra theo quy chế của tỉnh.", []),
        ("Báo cáo đề xuất Bộ Kế hoạch và Đầu tư bố trí kinh phí theo quy định.", []),
    ],
)
def test_reporting_duties_of_the_genre(sentence, expected):
    result = extract(read_text(f"IV. TỔ CHỨC THỰC HIỆN\n{sentence}\n"))["reporting"]
    assert [(item["period"], item["due"], item["days_after"], item["to"]) for item in result] == expected


def test_deadlines_with_and_without_a_year():
    text = (
        "KẾ HOẠCH\nĐối ngoại năm 2026\nCác đơn vị gửi đề xuất về Sở Ngoại vụ chậm nhất ngày 15/10/2025.\n"
        "Hoàn thành việc rà soát thỏa thuận trước ngày 30/6.\nBáo cáo 6 tháng trước ngày 15/6.\n"
    )
    deadlines = extract(read_text(text))["deadlines"]
    assert [item["date"] for item in deadlines] == ["2025-10-15", "2026-06-30"]


def test_planned_counts_need_the_document_to_state_them():
    text = "Năm 2026 tỉnh tiếp 12 đoàn vào; tổ chức 02 hội nghị giao ban với các huyện.\n"
    assert extract(read_text(text))["planned_counts"] == {
        "outbound_delegations": None,
        "inbound_delegations": 12,
        "conferences": None,  # a meeting with districts is not an international conference plan
        "agreements": None,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam - Nhật Bản.", [("JP", 50, "1973-09-21", "2023-09-21")]),
        ("nhân dịp 30 năm ngày Việt Nam gia nhập ASEAN.", [("ASEAN", 30, "1995-07-28", "2025-07-28")]),
        (
            "kỷ niệm 35 năm quan hệ ngoại giao với Liên minh châu Âu (28/11/1990-28/11/2025).",
            [("EU", 35, "1990-11-28", "2025-11-28")],
        ),
        ("Đức (23/9/1975-23/9/2025)", [("DE", 50, "1975-09-23", "2025-09-23")]),
        ("kỷ niệm 105 năm Cách mạng tháng Mười Nga (07/11/1917-07/11/2022).", []),
        ("kỷ niệm 135 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2025).", []),
        (
            "Lễ kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao (5/9/1962 - 5/9/2022).",
            [("LA", 60, "1962-09-05", "2022-09-05")],
        ),
        ("Tọa đàm 35 năm ngày UNESCO ra Nghị quyết tôn vinh Chủ tịch Hồ Chí Minh.", []),
    ],
)
def test_anniversaries_of_the_genre(text, expected):
    found = extract(read_text(text + "\n"))["anniversaries"]
    assert [(item["country"], item["years"], item["since"], item["date"]) for item in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "theo Chỉ thị số 32-CT/TW ngày 28/02/2019 của Bộ Chính trị;",
            ("Chỉ thị", "32-CT/TW", "2019-02-28", "Bộ Chính trị"),
        ),
        ("tại Công văn số 1349/BNG-CNV ngày 15/3/2024;", ("Công văn", "1349/BNG-CNV", "2024-03-15", None)),
        (
            "Kết luận số 12-KL/TW ngày 12/8/2021 của Bộ Chính trị về",
            ("Kết luận", "12-KL/TW", "2021-08-12", "Bộ Chính trị"),
        ),
        ("Luật Thỏa thuận quốc tế số 70/2020/QH14 của Quốc hội;", ("Luật", "70/2020/QH14", None, "Quốc hội")),
        (
            "theo Nghị định 80/2020/NĐ-CP ngày 08 tháng 7 năm 2020 của Chính phủ",
            ("Nghị định", "80/2020/NĐ-CP", "2020-07-08", "Chính phủ"),
        ),
        (
            "Quyết định 1060-QĐ/TU ngày 31/3/2017 của Ban Thường vụ Tỉnh ủy,",
            ("Quyết định", "1060-QĐ/TU", "2017-03-31", "Ban Thường vụ Tỉnh ủy"),
        ),
        ("thực hiện văn bản 2150/UBND-NV ngày 02/4/2024", ("Công văn", "2150/UBND-NV", "2024-04-02", None)),
        ("Thông tư số 03/2023/TT-BNG của Bộ Ngoại giao", ("Thông tư", "03/2023/TT-BNG", None, "Bộ Ngoại giao")),
    ],
)
def test_legal_references_of_the_genre(text, expected):
    (found,) = extract(read_text(text + "\n"))["legal_references"]
    assert (found["kind"], found["number"], found["date"], found["issuer"]) == expected


def test_dates_ranges_and_markers_are_not_legal_references():
    text = (
        "Giai đoạn 2021-2025, ngày 31/3/2017, cột mốc 397/7(1), nhiệm vụ c2000, dịch Covid-19, "
        "Nghị định thư về đường biên giới, Quý II/2025, mốc 405.1.\n"
    )
    assert extract(read_text(text))["legal_references"] == []


def test_partner_localities_of_another_province_by_pattern():
    text = (
        "Tỉnh Điện Biên tăng cường hợp tác với các tỉnh: Luông Pha Băng, Phông Xa Lỳ, U Đôm Xay (Lào); "
        "tỉnh Vân Nam (Trung Quốc); thành phố Nakhon Phanom, Thái Lan; đón đoàn Bolykhămxay và Houaphanh.\n"
    )
    partners = {(item["canonical"], item["country"], item["kind"]) for item in extract(read_text(text))["partners"]}
    assert partners == {
        ("Luông Pha Băng", "LA", "locality"),
        ("Phông Xa Lỳ", "LA", "locality"),
        ("U Đôm Xay", "LA", "locality"),
        ("Vân Nam", "CN", "locality"),
        ("Nakhon Phanom", "TH", "locality"),
        ("Bo Ly Khăm Xay", "LA", "locality"),
        ("Hủa Phăn", "LA", "locality"),
    }


def test_an_empty_document_gives_the_empty_contract():
    result = extract(read_text("Nội dung không liên quan.\n"))
    check_contract(result)
    assert result["planned_counts"] == dict.fromkeys(COUNT_KEYS)
    assert all(result[key] == [] for key in CONTRACT_KEYS if key not in ("document", "planned_counts"))


def test_word_automatic_numbering_keeps_the_sections_of_the_tasks():
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("CHƯƠNG TRÌNH")
    document.add_paragraph("Đối ngoại của tỉnh năm 2026")
    for text, style in [
        ("MỤC ĐÍCH", "List Number"),
        ("NỘI DUNG", "List Number"),
        ("Đối ngoại nhân dân", "List Number 2"),
        ("Tổ chức giao lưu hữu nghị với nhân dân tỉnh Hủa Phăn.", "List Bullet"),
    ]:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    paragraphs = read(buffer.getvalue()).paragraphs()
    assert paragraphs[2:] == [
        "1. MỤC ĐÍCH",
        "2. NỘI DUNG",
        "1. Đối ngoại nhân dân",
        "- Tổ chức giao lưu hữu nghị với nhân dân tỉnh Hủa Phăn.",
    ]


def test_an_upper_case_signer_name():
    text = "THÔNG BÁO\nVề lịch đón đoàn\nNội dung.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nTRẦN THỊ MAI\n"
    assert extract(read_text(text))["document"]["signer"] == "TRẦN THỊ MAI"


def test_a_table_without_index_column_with_both_directions_and_a_title_group():
    header = ["Tên đoàn", "Trưởng đoàn", "Thành phần", "Số lượng", "Nước đến", "Thời gian dự kiến", "Kinh phí"]
    rows = [
        ["I. ĐOÀN RA"] * 7,
        ["Đoàn Sở Công Thương", "Giám đốc Sở", "Lãnh đạo sở, doanh nghiệp", "06", "Hàn Quốc", "Quý III", "NSNN"],
        ["II. ĐOÀN VÀO"] * 7,
        ["Đoàn Công an tỉnh Hủa Phăn", "Giám đốc", "Cán bộ nghiệp vụ", "10", "Lào", "Tháng 4", "Ngân sách tỉnh"],
    ]
    text = "II. ĐOÀN CỦA CÁC SỞ, NGÀNH NĂM 2026\n" + "\n".join(
        "\n".join(f"\t{cell}" for cell in row) + "\n" for row in [header, *rows]
    )
    found = extract(read_text(text))["delegations"]
    assert [(r["direction"], r["group"], r["countries"], r["months"], r["size"], r["composition"]) for r in found] == [
        ("out", "departments", ["KR"], [7, 8, 9], 6, "Lãnh đạo sở, doanh nghiệp"),
        ("in", "armed_forces", ["LA"], [4], 10, "Cán bộ nghiệp vụ"),
    ]


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("Dự kiến năm 2026 có 45 đoàn công tác nước ngoài.", "outbound_delegations", 45),
        ("Dự kiến đón 12 đoàn khách quốc tế đến làm việc.", "inbound_delegations", 12),
        ("Dự kiến đón 12 đoàn khách quốc tế đến làm việc.", "outbound_delegations", None),
        ("Số đoàn ra dự kiến: 38 đoàn.", "outbound_delegations", 38),
        ("Hội nghị, hội thảo quốc tế dự kiến tổ chức: 05 (Phụ lục 3).", "conferences", 5),
        ("Thỏa thuận quốc tế dự kiến ký kết: 03.", "agreements", 3),
    ],
)
def test_planned_count_phrasings(sentence, key, value):
    assert extract(read_text(sentence + "\n"))["planned_counts"][key] == value


def test_reporting_periods_with_their_own_dates():
    text = "Các đơn vị gửi báo cáo 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Sở Ngoại vụ.\n"
    result = extract(read_text(text))["reporting"]
    assert [(item["period"], item["due"]) for item in result] == [("semiannual", "06-15"), ("annual", "12-15")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kỷ niệm 60 năm quan hệ Việt Nam - Lào.", [("LA", 60, "1962-09-05")]),
        ("Kỷ niệm 10 năm thiết lập quan hệ Đối tác chiến lược toàn diện Việt Nam - Ấn Độ.", []),
        ("Kỷ niệm 10 năm quan hệ đối tác toàn diện Việt Nam - Hoa Kỳ (25/7/2013-25/7/2023).", []),
        ("Năm 2025 kỷ niệm 60 năm quan hệ hợp tác giữa hai tỉnh.", []),
    ],
)
def test_anniversary_phrasings(text, expected):
    found = extract(read_text(text + "\n"))["anniversaries"]
    assert [(item["country"], item["years"], item["since"]) for item in found] == expected


def _delegation_table(header: list[str], rows: list[list[str]]) -> str:
    lines = []
    for row in [header, *rows]:
        cells = row if len(row) > 2 else [row[0], *([row[1]] * (len(header) - 1))]
        lines.extend([*(f"\t{cell}" for cell in cells), ""])
    return "PHỤ LỤC 2\nKẾ HOẠCH ĐOÀN VÀO NĂM 2026\n" + "\n".join(lines) + "\n"


def test_inbound_rows_without_a_country_column_take_it_from_the_partner_named():
    text = _delegation_table(
        ["TT", "Tên đoàn", "Trưởng đoàn", "Số người", "Thời gian", "Nguồn kinh phí"],
        [
            ["A", "ĐOÀN CỦA TỈNH ỦY, HĐND, UBND TỈNH: 02 đoàn"],
            ["1", "Đoàn đại biểu tỉnh Gifu", "Thống đốc", "10", "Quý II", "Ngân sách tỉnh"],
            ["2", "Đoàn Tỉnh ủy Bolykhămxay", "Bí thư", "15", "Quý IV", "Bạn đài thọ"],
        ],
    )
    rows = extract(read_text(text))["delegations"]
    assert [(r["direction"], r["group"], r["countries"], r["state_budget"]) for r in rows] == [
        ("in", "provincial_leaders", ["JP"], True),
        ("in", "provincial_leaders", ["LA"], False),
    ]


@pytest.mark.parametrize(
    ("funding", "state_budget"),
    [
        ("Ngân sách tỉnh", True),
        ("NSNN", True),
        ("Kinh phí nghiệp vụ của ngành", True),
        ("Nguồn tự chủ của đơn vị", True),
        ("Ngân sách tỉnh, xã hội hóa", True),
        ("Tự túc kinh phí", False),
        ("Đối tác tài trợ", False),
        ("Tổ chức KOICA", False),
        ("Phía bạn đài thọ", False),
        ("Không sử dụng ngân sách nhà nước", False),
        ("Chưa xác định", None),
    ],
)
def test_state_budget_from_the_funding_text(funding, state_budget):
    text = _delegation_table(
        ["TT", "Tên đoàn", "Đến từ nước", "Thời gian", "Nguồn kinh phí"],
        [["1", "Đoàn doanh nghiệp", "Nhật Bản", "Tháng 5", funding]],
    )
    (row,) = extract(read_text(text))["delegations"]
    assert (row["funding"], row["state_budget"]) == (funding, state_budget)


def test_a_report_introducing_itself_is_not_a_reporting_duty():
    text = (
        "BÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024\nUBND tỉnh báo cáo kết quả 6 tháng đầu năm như sau:\n"
    )
    result = extract(read_text(text))
    assert result["document"]["kind"] == "report"
    assert result["reporting"] == []


def test_the_provinces_own_districts_and_bodies_are_no_foreign_partners():
    """Border districts named beside the Lao provinces facing them, and a Vietnamese organisation."""
    text = (
        "KẾ HOẠCH\nHợp tác biên giới năm 2026\n"
        "- Tổ chức giao ban giữa các huyện biên giới Kỳ Sơn, Tương Dương, Quế Phong, Anh Sơn với các huyện đối diện "
        "của các tỉnh Xiêng Khoảng, Hủa Phăn, Bo Ly Khăm Xay (Lào).\n"
        "- Phối hợp với Liên hiệp các tổ chức hữu nghị Việt Nam đón đoàn tỉnh Gifu (Nhật Bản).\n"
    )
    partners = extract(read_text(text))["partners"]
    names = {partner["canonical"] for partner in partners}
    assert {"Xiêng Khoảng", "Hủa Phăn", "Bo Ly Khăm Xay", "Gifu"} <= names
    assert not names & {"Kỳ Sơn", "Tương Dương", "Quế Phong", "Anh Sơn"}
    assert all(partner["country"] != "VN" for partner in partners)
