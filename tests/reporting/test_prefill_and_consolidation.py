"""The report pre-filled from known registry rows, and the consolidation of a period checked figure by figure.

The rows (tests/reporting/conftest.py `registry`) and the period 1/1–14/6/2027 (due 15/6):
  unit A  D1 out done 10/3 (no result report)  D2 out done 2/5 (reported)  D3 out approved Q2  D4 out postponed T4
          D5 out cancelled T5  D6 out in plan Q3  D7 out in plan (time unknown)  D8 out draft Q1
          D9 in done 1/2  D10 out done 20/6 (after the period)  G1 out of the 2026 plan, done 5/1/2027
          C1 held 15/4 (not reported)  C2 held 1/7  C3 proposed T9
          A1 signed 1/6 (not reported to the Prime Minister)  A2 signed 2/2, reported
  unit B  E1 out done 5/3  E2 in in plan T3  E3 in postponed Q1  C4 cancelled T3  C5 draft  A3 consulted Q3
          A4 cancelled T5
  unit C  F1 out done 12/1
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from doingoai.reporting import exports, services
from doingoai.reporting.consolidation import consolidate
from doingoai.reporting.selectors import SYSTEM, prefill_texts, unit_report_facts

pytestmark = pytest.mark.django_db
TODAY = dt.date(2027, 6, 20)


def names(items) -> list[str]:
    return [i["name"] for i in items]


def test_unit_a_report_opens_prefilled_from_its_registries(users, registry, period):
    facts = unit_report_facts(unit=users["officer1"].unit, period=period, user=users["officer1"], today=TODAY)
    out = facts["outbound"]
    assert (out["planned_year"], out["planned"]) == (7, 5)  # D1 D2 D3 D4 D6 D7 D10 / D1 D2 D3 D4 D10
    assert names(out["done"]) == ["G1 năm trước", "D1 khảo sát Lào", "D2 xúc tiến"]
    assert out["done"][1]["detail"] == "Lào · 10/03/2027–14/03/2027" and out["done"][1]["reported"] is False
    assert names(out["postponed"]) == ["D4 giao lưu"] and names(out["cancelled"]) == ["D5 học tập"]
    inn = facts["inbound"]
    assert (inn["planned_year"], inn["planned"], names(inn["done"])) == (1, 1, ["D9 đón đoàn"])
    conf = facts["conferences"]
    assert (conf["planned_year"], conf["planned"]) == (3, 1)
    assert names(conf["held"]) == ["C1 hội thảo du lịch"] and conf["held"][0]["detail"] == "15/04/2027 · Vinh"
    agr = facts["agreements"]
    assert (agr["planned_year"], agr["planned"]) == (2, 2)
    assert names(agr["signed"]) == ["A2 có hiệu lực", "A1 ghi nhớ du lịch"]
    follow = facts["followups"]
    # done outbound delegations without their result report 15 days after return (D1: due 29/3; D10 not yet)
    assert names(follow["delegation_reports"]) == ["D1 khảo sát Lào"]
    # signed agreements not reported within 15 days (A1: signed 1/6, due 16/6)
    assert names(follow["agreement_reports"]) == ["A1 ghi nhớ du lịch"]
    assert names(follow["conference_reports"]) == ["C1 hội thảo du lịch"]

    texts = prefill_texts(facts)
    assert texts["outbound"].startswith("Trong kỳ, đơn vị đã thực hiện 03 đoàn ra (kế hoạch trong kỳ: 05 đoàn)")
    assert "Tạm hoãn 01 đoàn: D4 giao lưu" in texts["outbound"] and "Hủy 01 đoàn: D5 học tập" in texts["outbound"]
    assert texts["conferences"].startswith("Đã tổ chức 01 hội nghị, hội thảo quốc tế")
    assert "A1 ghi nhớ du lịch" in texts["followups"] and "D1 khảo sát Lào" in texts["followups"]
    assert texts["other"] == texts["assessment"] == ""


def test_follow_ups_move_with_the_day(users, registry, period):
    before = unit_report_facts(
        unit=users["officer1"].unit, period=period, user=users["officer1"], today=dt.date(2027, 6, 16)
    )
    after = unit_report_facts(
        unit=users["officer1"].unit, period=period, user=users["officer1"], today=dt.date(2027, 6, 17)
    )
    assert names(before["followups"]["agreement_reports"]) == []  # 16/6 is the last day of the 15
    assert names(after["followups"]["agreement_reports"]) == ["A1 ghi nhớ du lịch"]


def test_unit_b_sees_only_its_own_rows(users, registry, period):
    facts = unit_report_facts(unit=users["officer2"].unit, period=period, user=users["officer2"], today=TODAY)
    assert names(facts["outbound"]["done"]) == ["E1 công an"]
    assert (facts["inbound"]["planned"], names(facts["inbound"]["postponed"])) == (2, ["E3 hoãn"])
    assert names(facts["conferences"]["cancelled"]) == ["C4 hủy"]
    assert names(facts["agreements"]["cancelled"]) == ["A4 hủy"] and facts["agreements"]["planned"] == 0
    assert facts["followups"] == {"delegation_reports": [], "agreement_reports": [], "conference_reports": []}


@pytest.fixture
def reported(users, registry, period, unit_c, clock):
    """A reports on time (10/6, then returned and sent again), C late (17/6), B never."""
    a = period.reports.get(unit=users["officer1"].unit)
    clock.set(dt.datetime(2027, 6, 10, 9))
    a = services.unit_report_submit(
        report=a, by=users["officer1"], texts={"outbound": "Bản 1", "assessment": "Đánh giá A"}
    )
    services.unit_report_return(report=a, by=users["coordinator"], comment="Bổ sung")
    clock.set(dt.datetime(2027, 6, 12, 9))
    services.unit_report_submit(report=a, by=users["officer1"], texts={"outbound": "Bản 2 của A", "other": "Khác A"})
    c_officer = type(users["officer1"]).objects.create(username="officer_c", role="unit_officer", unit=unit_c)
    clock.set(dt.datetime(2027, 6, 17, 15))
    services.unit_report_submit(report=period.reports.get(unit=unit_c), by=c_officer, texts={"outbound": "Văn bản C"})
    clock.set(dt.datetime(2027, 6, 20, 8))
    return period


def test_consolidation_checks_every_figure(users, unit_c, reported):
    c = consolidate(period=reported, user=users["coordinator"], today=TODAY)
    rows = [
        (a.number, a.label, a.planned_year, a.planned, a.done, a.postponed, a.cancelled, a.rate) for a in c.appendices
    ]
    assert rows == [
        # planned 2027: D1 D2 D3 D4 D6 D7 D10 E1 F1; in the period: D1 D2 D3 D4 D10 E1 F1; done: D1 D2 E1 F1 G1
        (1, "Đoàn ra", 9, 7, 5, 1, 1, 71.4),
        # D9 E2 E3; done D9; postponed E3
        (2, "Đoàn vào", 3, 3, 1, 1, 0, 33.3),
        # C1 C2 C3 planned in the year, C1 in the period and held; C4 cancelled
        (3, "Hội nghị, hội thảo quốc tế", 3, 1, 1, 0, 1, 100.0),
        # A1 A2 A3; A1 A2 in the period and signed in it; A4 cancelled; agreements are never "postponed"
        (4, "Thỏa thuận quốc tế", 3, 2, 2, None, 1, 100.0),
    ]
    a, b = users["officer1"].unit, users["officer2"].unit
    units = [(r.unit, r.figures) for r in c.units]
    assert units == [
        (a, {"outbound": (5, 3), "inbound": (1, 1), "conferences": (1, 1), "agreements": (2, 2)}),
        (unit_c, {"outbound": (1, 1), "inbound": (0, 0), "conferences": (0, 0), "agreements": (0, 0)}),
        (b, {"outbound": (1, 1), "inbound": (2, 0), "conferences": (0, 0), "agreements": (0, 0)}),
    ]  # departments before armed forces, as the programmes list units
    assert c.total_reports == 3 and c.on_time == 1 and c.pending == 0
    assert [(x.unit, x.submitted_on, x.days_late) for x in c.late] == [(unit_c, dt.date(2027, 6, 17), 2)]
    assert [(x.unit, x.submitted_on, x.days_late) for x in c.missing] == [(b, None, 5)]
    # the texts of the latest submitted version, in the units' order, empty sections left out
    assert [(unit, sections) for unit, _, sections in c.texts] == [
        (a, [("Đoàn ra", "Bản 2 của A"), ("Các hoạt động đối ngoại khác", "Khác A")]),
        (unit_c, [("Đoàn ra", "Văn bản C")]),
    ]


def test_the_consolidated_files_carry_the_same_figures(users, unit_c, reported):
    c = consolidate(period=reported, user=SYSTEM, today=TODAY)
    wb = load_workbook(io.BytesIO(exports.consolidated_xlsx(c)))
    assert wb.sheetnames == ["Theo phụ lục", "Theo đơn vị", "Báo cáo đơn vị", "Chậm, chưa nộp"]
    appendix = [list(r) for r in wb["Theo phụ lục"].iter_rows(min_row=4, values_only=True)]
    assert appendix[0] == ["Phụ lục 1", "Đoàn ra", 9, 7, 5, 1, 1, 71.4]
    assert appendix[3][5] in (None, "")
    per_unit = [list(r) for r in wb["Theo đơn vị"].iter_rows(min_row=4, values_only=True)]
    assert per_unit[0] == [1, "Sở Du lịch", 5, 3, 1, 1, 1, 1, 2, 2, "Đúng hạn"]
    assert per_unit[1][-1] == "Nộp muộn 2 ngày" and per_unit[2][-1] == "Chưa nộp"
    late = [list(r) for r in wb["Chậm, chưa nộp"].iter_rows(min_row=4, values_only=True)]
    assert [r[1] for r in late] == ["Sở Y tế", "Công an tỉnh"] and [r[4] for r in late] == [2, 5]

    document = Document(io.BytesIO(exports.consolidated_docx(c)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "Kết quả thực hiện công tác đối ngoại 6 tháng đầu năm 2027" in text
    assert "thực hiện 5/7 đoàn ra (đạt 71,4% kế hoạch trong kỳ)" in text
    assert text.index("Bản 2 của A") < text.index("Văn bản C")
    assert "1 đơn vị nộp đúng hạn, 1 đơn vị nộp muộn, 1 đơn vị chưa nộp" in text
    tables = document.tables
    cells = [[cell.text for cell in row.cells] for table in tables for row in table.rows]
    assert ["Phụ lục 1", "Đoàn ra", "9", "7", "5", "1", "1", "71,4"] in cells
    assert any(row[:2] == ["1", "Sở Du lịch"] and row[2:6] == ["5", "3", "1", "1"] for row in cells)
    assert any(row[1:] == ["Công an tỉnh", "Chưa nộp", "5"] for row in cells)
    assert any("/BC" in p.text for p in (c for t in tables for row in t.rows for c in row.cells))
