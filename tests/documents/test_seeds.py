"""The extract contract on the two seed programmes (skipped when ../shared/seeds is absent).

The expected values below were read off the seeds by hand (facts only: groups, countries, months, funding,
numbers). The 2022 programme states 43 outbound and 37 inbound delegations using the state budget, and 07
conferences; its appendices hold 43 outbound rows, 37 + 4 inbound rows (4 without state budget), 7
conferences and 4 agreements (the body states no number of agreements).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from doingoai.documents.extract import extract
from doingoai.documents.readers import read
from tests.documents.test_extract import check_contract

SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"
SEED_2022 = SEEDS / "002_e2a30e5f60fee777.txt"
SEED_2025 = SEEDS / "000_9f2772999b869835.txt"

pytestmark = pytest.mark.skipif(not SEED_2022.exists() or not SEED_2025.exists(), reason="seed documents absent")

GROUPS = {"C": "central_leaders", "P": "provincial_leaders", "D": "departments", "A": "armed_forces", "H": "districts"}
NST, NSH = "Ngân sách tỉnh", "Ngân sách huyện"
NSNN, BP = "Nguồn ngân sách nhà nước", "Kinh phí nghiệp vụ (Biên phòng tỉnh)"

# Appendix 1 and 2 of the 2022 programme, row by row: direction, group, countries, months, state budget, funding.
ROWS_2022 = [
    ("out", "C", "GB", "6", True, NST),  # "EU, Anh": the bloc is not a country
    ("out", "C", "US CA", "7", True, NST),
    ("out", "C", "LA", "7-9", True, NST),
    ("out", "C", "LA", "7-9", True, NST),
    ("out", "P", "KR", "7-9", True, NST),
    ("out", "P", "JP", "10-12", True, NST),
    ("out", "P", "AU NZ", "3", True, NST),  # "Úc và Niu- zi-lân"
    ("out", "P", "JP KR", "4", True, NST),
    ("out", "P", "LA", "1-3", True, NST),  # "Quý l"
    ("out", "P", "LA", "1-3", True, NST),
    ("out", "P", "LA", "7-9", True, NST),
    ("out", "P", "LA", "4-9", True, NST),  # "Quý II/Quý III"
    ("out", "P", "LA", "7-9", True, NST),
    ("out", "P", "LA", "4-6", True, "Ngân sách tỉnh (quy tập mộ liệt sỹ)"),
    ("out", "A", "LA", "1-3", True, "Ngân sách Bộ Công an"),
    ("out", "A", "LA", "10-12", True, NST),
    ("out", "A", "LA", "4-6", True, NST),
    ("out", "A", "LA", "4-6", True, NST),
    ("out", "A", "LA", "4-6", True, "Ngân sách tỉnh (Đề án giúp Lào và Kinh phí Quy tập mộ liệt sỹ)"),
    ("out", "A", "LA", "4-6", True, "Ngân sách tỉnh (Kinh phí Quy tập mộ Liệt sỹ)"),
    ("out", "A", "LA", "1-9", True, NST),
    ("out", "A", "LA", "1-6", True, BP),
    ("out", "A", "LA", "4-6", True, BP),
    ("out", "D", "LA", "1-3", True, "Nguồn kinh phí sự nghiệp ngành"),
    ("out", "D", "LA", "4-9", True, NST),
    ("out", "D", "LA", "1-12", True, "Sự nghiệp KHCN"),  # "Mỗi đợt một quý"
    ("out", "D", "LA", "10-12", True, "Nguồn tự chủ của Bệnh viện"),
    ("out", "D", "LA", "10-12", True, NST),
    ("out", "D", "LA", "4-9", True, NST),
    ("out", "D", "TH", "7", True, NST),
    ("out", "D", "TW", "5", True, NST),
    ("out", "D", "KR", "6", True, NST),
    ("out", "D", "JP", "11", True, NST),
    ("out", "D", "SG MY TH TM AL", "", True, NST),  # "Tùy thuộc lịch thi đấu các giải đấu"
    *[("out", "H", "LA", "1-3", True, NSH)] * 4,
    ("out", "H", "LA", "4-6", True, NSH),
    ("out", "H", "LA", "4-6", True, NSH),
    ("out", "H", "LA", "10-12", True, NSH),
    ("out", "H", "LA", "7-9", True, NSH),
    ("out", "H", "LA", "10-12", True, NSH),
    ("in", "P", "LA", "7-9", True, NST),
    ("in", "P", "LA", "7", True, "HĐND tỉnh"),
    ("in", "P", "LA", "7", True, "HĐND tỉnh"),
    ("in", "P", "LA", "1-3", True, NST),
    ("in", "P", "LA", "4-6", True, "Ngân sách tỉnh (Kinh phí Quy tập mộ Liệt sỹ)"),
    ("in", "P", "KR", "4-9", True, NST),
    ("in", "P", "KR", "4-9", True, NST),
    ("in", "P", "JP", "4-9", True, NST),
    ("in", "P", "JP", "9", True, "HĐND tỉnh"),
    ("in", "P", "KR", "10", True, "HĐND tỉnh"),
    ("in", "P", "RU", "7-9", True, NST),
    ("in", "A", "LA", "4-6", True, "Ngân sách tỉnh (Đề án giúp Bạn Lào)"),
    ("in", "A", "LA", "10-12", True, NST),
    ("in", "A", "LA", "1-3", True, BP),
    ("in", "A", "LA", "1-3", True, BP),
    ("in", "A", "LA", "7-9", True, NST),
    ("in", "A", "LA", "7-9", True, NST),
    ("in", "A", "LA", "1-3", True, "Ngân sách Bộ"),
    ("in", "A", "LA", "4-6", True, "Ngân sách Bộ"),
    ("in", "A", "LA", "4-6", True, NST),
    ("in", "A", "LA", "7-9", True, NST),
    ("in", "D", "LA", "10-12", True, NST),
    ("in", "D", "LA", "10-12", True, NST),
    *[("in", "H", "LA", "1-3", True, NSH)] * 4,
    ("in", "H", "LA", "4-6", True, NSH),
    ("in", "H", "LA", "1-3", True, NSH),
    ("in", "H", "LA", "1-3", True, NSH),
    ("in", "D", "KR", "10-12", True, NSNN),
    ("in", "D", "", "6", True, NSNN),  # "Các nước Đông Bắc Á và ASEAN": no one country
    ("in", "D", "US JP", "3", True, NSNN),
    ("in", "D", "US JP", "5", True, NSNN),
    ("in", "D", "US JP", "9", True, NSNN),
    ("in", "D", "US JP", "12", True, NSNN),
    ("in", "D", "GB AU", "", True, "Ngân sách Vườn quốc gia Pù Mát"),  # "02 đợt trong năm 2022"
    ("in", "D", "KR", "1-12", False, "Tổ chức KOICA"),  # "Từ năm 2022"
    ("in", "D", "JP", "11-12", False, "Tự túc"),
    ("in", "D", "CH", "", False, "Tự túc"),
    ("in", "D", "CA", "", False, "Tự túc"),
]


def _months(spec: str) -> list[int]:
    months: list[int] = []
    for part in filter(None, spec.split(",")):
        first, _, last = part.partition("-")
        months.extend(range(int(first), int(last or first) + 1))
    return months


@pytest.fixture(scope="module")
def result_2022() -> dict:
    return extract(read(SEED_2022))


@pytest.fixture(scope="module")
def result_2025() -> dict:
    return extract(read(SEED_2025))


def test_contract_is_complete_on_both_seeds(result_2022, result_2025):
    check_contract(result_2022)
    check_contract(result_2025)


def test_2022_appendix_rows_are_at_least_95_percent_right(result_2022):
    got = result_2022["delegations"]
    assert len(got) == len(ROWS_2022)
    right = 0
    for row, (direction, group, countries, months, budget, funding) in zip(got, ROWS_2022, strict=True):
        expected = (direction, GROUPS[group], countries.split(), _months(months), budget, funding)
        actual = (row["direction"], row["group"], row["countries"], row["months"], row["state_budget"], row["funding"])
        right += actual == expected
    assert right / len(ROWS_2022) >= 0.95, f"{right}/{len(ROWS_2022)} rows right"


def test_2022_totals_match_what_the_programme_states(result_2022):
    counts = result_2022["planned_counts"]
    assert counts == {"outbound_delegations": 43, "inbound_delegations": 37, "conferences": 7, "agreements": None}
    delegations = result_2022["delegations"]
    outbound = [row for row in delegations if row["direction"] == "out"]
    inbound_budget = [row for row in delegations if row["direction"] == "in" and row["state_budget"]]
    assert len(outbound) == counts["outbound_delegations"]
    assert len(inbound_budget) == counts["inbound_delegations"]
    assert len(result_2022["conferences"]) == counts["conferences"]
    assert len(result_2022["agreements"]) == 4
    # The group headers' own counts: A 04, B 10, C 20 (Công an 04 + Quân sự 02 + Biên phòng 03 = 09 armed),
    # huyện 09; inbound: I 11 with provincial leaders, B 04 without state budget.
    assert Counter(row["group"] for row in outbound) == {
        "central_leaders": 4,
        "provincial_leaders": 10,
        "armed_forces": 9,
        "departments": 11,
        "districts": 9,
    }
    inbound = [row for row in delegations if row["direction"] == "in"]
    assert sum(row["group"] == "provincial_leaders" for row in inbound) == 11
    assert sum(row["state_budget"] is False for row in inbound) == 4


def test_2022_conferences_and_agreements(result_2022):
    conferences = result_2022["conferences"]
    assert [(c["delegates_vn"], c["delegates_foreign_in_vn"], c["delegates_from_abroad"]) for c in conferences] == [
        (20, 10, 50),
        (15, 40, None),
        (20, 10, 50),
        (20, 10, 50),
        (20, 50, 20),
        (20, 50, 20),
        (20, 30, 50),
    ]
    assert [c["time_text"] for c in conferences] == [
        "Tháng 1",
        "Tháng 5",
        "Quý II",
        "Quý II",
        "Quý III",
        "Quý III",
        "Quý IV",
    ]
    assert conferences[1]["permitting_authority"] == "Quân khu 4, UBND tỉnh"
    assert [a["country"] for a in result_2022["agreements"]] == ["LA", "LA", "LA", "KR"]
    assert {a["partner"] for a in result_2022["agreements"]} == {
        "Chính quyền tỉnh Xiêng Khoảng",
        "Chính quyền tỉnh Hủa Phăn",
        "Chính quyền tỉnh Bo Ly Khăm Xay",
        "Chính quyền thành phố Daegu",
    }


def test_2022_document_body(result_2022):
    assert result_2022["document"] == {
        "kind": "program",
        "title": "CHƯƠNG TRÌNH HOẠT ĐỘNG ĐỐI NGOẠI TỈNH NGHỆ AN NĂM 2022",
        "year": 2022,
        "province": "Nghệ An",
        "issuer": "Ủy ban nhân dân tỉnh Nghệ An",
        "number": "818/CTr-UBND",  # from "(Kèm theo Chương trình số 818/CTr-UBND …)"
        "signer": None,  # the text has no name under the signature block
    }
    assert result_2022["deadlines"] == []
    assert [(r["period"], r["due"], r["to"]) for r in result_2022["reporting"]] == [
        ("semiannual", None, "UBND tỉnh (qua Sở Ngoại vụ để tổng hợp)"),
        ("annual", None, "UBND tỉnh (qua Sở Ngoại vụ để tổng hợp)"),
        ("adhoc", None, "UBND tỉnh"),
    ]


def _anniversaries(result: dict) -> set[tuple[str, int, str | None, str | None]]:
    return {(a["country"], a["years"], a["since"], a["date"]) for a in result["anniversaries"]}


def test_2022_anniversaries_named_and_dated_none_invented(result_2022):
    assert _anniversaries(result_2022) == {
        ("LA", 60, "1962-09-05", "2022-09-05"),  # dated, the country named only later in the sentence
        ("LA", 45, "1977-07-18", "2022-07-18"),  # the 1977 treaty
        ("KR", 30, "1992-12-22", "2022-12-22"),
    }  # not the October Revolution (1917), not UNESCO's resolution, not Hồ Xuân Hương


def test_2025_anniversaries(result_2025):
    assert _anniversaries(result_2025) == {
        ("CN", 75, "1950-01-18", "2025-01-18"),
        ("RU", 75, "1950-01-30", "2025-01-30"),
        ("DE", 50, "1975-09-23", "2025-09-23"),
        ("US", 30, "1995-07-11", "2025-07-11"),
        ("HU", 75, "1950-02-03", "2025-02-03"),
        ("PL", 75, "1950-02-04", "2025-02-04"),
        ("CZ", 75, "1950-02-02", "2025-02-02"),
        ("EU", 35, "1990-11-28", "2025-11-28"),
        ("ASEAN", 30, "1995-07-28", "2025-07-28"),
    }


LEGAL_2022 = {
    "1060-QĐ/TU", "92-CTr/TU", "32-CT/TW", "6399/QĐ-UBND", "80/2020/NĐ-CP", "215/CT-UBND", "12-KL/TW",
    "70/2020/QH14", "64/2021/NĐ-CP", "06/2020/QĐ-TTg", "72/2015/NĐ-CP", "88/2012/NĐ-CP", "05-NQ/TU",
    "260/KH-UBND", "255/KH-UBND", "511/KH-UBND",
}  # fmt: skip
LEGAL_2025 = {
    "1060-QĐ/TU", "1349/BNG-CNV", "39-NQ/TW", "01-ĐA/TW", "92-CTr/TU", "32-CT/TW", "134-KH/TU", "15-CT/TW",
    "682/KH-UBND", "169/NQ-CP", "36-NQ/TW", "45-CT/TW", "12-KL/TW", "120-KH/TU", "716/KH-UBND", "12-CT/TW",
    "6399/QĐ-UBND", "260/KH-UBND", "80/2020/NĐ-CP", "1031/QĐ-UBND", "82/NQ-CP", "55-CTr/TU", "08-NQ/TW",
    "317/KH-UBND", "650/KH-UBND", "547/KH-UBND", "09/2023/QĐ-TTg", "396/KH-UBND", "1334/QĐ-TTg", "3062-CV/TU",
}  # fmt: skip


@pytest.mark.parametrize(("year", "expected"), [(2022, LEGAL_2022), (2025, LEGAL_2025)])
def test_legal_references_recall_and_precision(year, expected, result_2022, result_2025):
    found = {item["number"] for item in (result_2022 if year == 2022 else result_2025)["legal_references"]}
    assert len(found & expected) / len(expected) >= 0.95  # recall
    assert len(found & expected) / len(found) >= 0.95  # precision


def test_legal_reference_details(result_2022, result_2025):
    by_number = {item["number"]: item for item in result_2025["legal_references"]}
    assert by_number["1060-QĐ/TU"] == {
        "kind": "Quyết định",
        "number": "1060-QĐ/TU",
        "date": "2017-03-31",
        "issuer": "Ban Thường vụ Tỉnh ủy",
    }
    assert by_number["1349/BNG-CNV"]["kind"] == "Công văn"
    assert by_number["3062-CV/TU"]["date"] == "2024-11-06"  # "3062-" / "CV/TU" across a line break
    by_number = {item["number"]: item for item in result_2022["legal_references"]}
    assert by_number["70/2020/QH14"]["kind"] == "Luật"  # in footnote [1]
    assert by_number["06/2020/QĐ-TTg"]["issuer"] == "Thủ tướng Chính phủ"


PARTNERS_2022 = {
    ("Gifu", "JP"), ("Gyeonggi", "KR"), ("Daegu", "KR"), ("Shizuoka", "JP"), ("Kochi", "JP"),
    ("Xiêng Khoảng", "LA"), ("Hủa Phăn", "LA"), ("Bo Ly Khăm Xay", "LA"), ("Khăm Muộn", "LA"),
    ("Xay Xổm Bun", "LA"), ("Xa Vẳn Na Khẹt", "LA"), ("Luông Nậm Thà", "LA"), ("Viêng Chăn", "LA"),
    ("Ulianốp", "RU"), ("Quảng Tây", "CN"), ("Hồ Nam", "CN"), ("Nam Úc", "AU"), ("Thuringen", "DE"),
    ("Sydney", "AU"), ("Adelaide", "AU"), ("Perth", "AU"),
}  # fmt: skip
PARTNERS_2025 = {
    ("Xiêng Khoảng", "LA"), ("Hủa Phăn", "LA"), ("Bo Ly Khăm Xay", "LA"), ("Khăm Muộn", "LA"),
    ("Viêng Chăn", "LA"), ("Xa Vẳn Na Khẹt", "LA"), ("Xay Xổm Bun", "LA"), ("Thủ đô Viêng Chăn", "LA"),
    ("Gifu", "JP"), ("Gyeonggi", "KR"), ("Gwangju", "KR"), ("Ulianốp", "RU"), ("Quảng Tây", "CN"),
    ("Hồ Nam", "CN"), ("Santiago", "CL"), ("Newhaven", "GB"),
}  # fmt: skip


@pytest.mark.parametrize(("year", "expected"), [(2022, PARTNERS_2022), (2025, PARTNERS_2025)])
def test_partner_localities_recall_with_country(year, expected, result_2022, result_2025):
    found = {
        (item["canonical"], item["country"]) for item in (result_2022 if year == 2022 else result_2025)["partners"]
    }
    assert len(found & expected) / len(expected) >= 0.95, expected - found


def test_2025_document_counts_deadline_and_reporting(result_2025):
    assert result_2025["document"] == {
        "kind": "program",
        "title": "Chương trình hoạt động đối ngoại tỉnh Nghệ An năm 2025",
        "year": 2025,
        "province": "Nghệ An",
        "issuer": "Ủy ban nhân dân tỉnh Nghệ An",
        "number": None,
        "signer": "Bùi Đình Long",
    }
    assert result_2025["planned_counts"] == {
        "outbound_delegations": 60,
        "inbound_delegations": 46,
        "conferences": 7,
        "agreements": 5,
    }
    assert [item["date"] for item in result_2025["deadlines"]] == ["2025-03-30"]
    assert [(r["period"], r["due"]) for r in result_2025["reporting"]] == [
        ("semiannual", None),
        ("annual", None),
        ("adhoc", None),
    ]
    assert result_2025["delegations"] == result_2025["conferences"] == result_2025["agreements"] == []


def test_tasks_and_pillars_of_both_seeds(result_2022, result_2025):
    pillars_2022 = Counter((task["section"].split(".")[1], task["pillar"]) for task in result_2022["tasks"])
    assert {section: pillar for section, pillar in pillars_2022} == {
        "1": "general",
        "2": "general",
        "3": "party",
        "4": "state",
        "5": "people",
        "6": "general",
        "7": "general",
    }
    pillars_2025 = {task["section"].split(".")[1]: task["pillar"] for task in result_2025["tasks"]}
    assert pillars_2025 == {"1": "general", "2": "party", "3": "state", "4": "people", "5": "general"}
    domains = {task["section"]: task["domain"] for task in result_2025["tasks"]}
    assert domains["II.3.k"] == "Công tác tổ chức, quản lý hội nghị, hội thảo quốc tế"
    assert all(task["section"].startswith("II.") for task in result_2022["tasks"] + result_2025["tasks"])
