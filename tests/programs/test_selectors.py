"""The appendices drawn live from the registries, the body tree, the programme document and version diffs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from doingoai.core.choices import FundingSource, Region, UnitKind
from doingoai.delegations.models import DelegationGroup, DelegationStatus, Direction
from doingoai.documents.decree30 import GroupRow, Heading, Paragraph
from doingoai.programs import appendices, documents, selectors
from doingoai.programs.models import Pillar, PlanStatus
from doingoai.programs.selectors import section_label
from tests.factories import AgreementFactory, ConferenceFactory, CountryFactory, DelegationFactory, UnitFactory
from tests.programs.factories import ProgramFactory, ProgramItemFactory

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
YEAR = 2027
IN_PLAN = DelegationStatus.IN_PLAN


@pytest.fixture
def countries(db):
    return {
        "LA": CountryFactory(),
        "TH": CountryFactory(code="TH", name_vi="Thái Lan", name_en="Thailand", region=Region.SEA, aliases=[]),
        "JP": CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan", region=Region.NEA, aliases=[]),
        "FR": CountryFactory(code="FR", name_vi="Pháp", name_en="France", region=Region.EUROPE, aliases=[]),
    }


def out(unit, group, country, **kwargs):
    kwargs.setdefault("status", IN_PLAN)
    return DelegationFactory(
        year=YEAR, direction=Direction.OUT, group=group, proposing_unit=unit, countries=country, **kwargs
    )


def groups(appendix):
    return [(node.label, node.heading) for _, node in appendix.walk() if isinstance(node, appendices.PlanGroup)]


def row_names(appendix):
    return [node.cells[0] for _, node in appendix.walk() if isinstance(node, appendices.PlanRow)]


@pytest.mark.django_db
def test_outbound_grouped_like_the_printed_plans(countries):
    tourism = UnitFactory(name="Sở Du lịch")
    police = UnitFactory(name="Công an tỉnh", kind=UnitKind.ARMED_FORCE)
    guards = UnitFactory(name="Bộ Chỉ huy Bộ đội Biên phòng tỉnh", kind=UnitKind.ARMED_FORCE)
    district = UnitFactory(name="UBND huyện Kỳ Sơn", kind=UnitKind.DISTRICT)
    party = UnitFactory(name="Tỉnh ủy", kind=UnitKind.PARTY)
    la, th, jp = ([countries[code]] for code in ("LA", "TH", "JP"))
    out(party, DelegationGroup.CENTRAL_LEADERS, la, name="Đoàn cấp cao")
    out(party, DelegationGroup.CENTRAL_LEADERS, [countries["JP"], countries["FR"]], name="Đoàn xúc tiến")
    out(tourism, DelegationGroup.DEPARTMENTS, la, name="Đoàn du lịch Lào", time_text="Tháng 9")
    out(tourism, DelegationGroup.DEPARTMENTS, la, name="Đoàn du lịch Lào sớm", time_text="Tháng 2")
    out(police, DelegationGroup.ARMED_FORCES, la, name="Đoàn công an")
    out(guards, DelegationGroup.ARMED_FORCES, la, name="Đoàn biên phòng")
    out(tourism, DelegationGroup.DEPARTMENTS, th, name="Đoàn Thái Lan")
    out(tourism, DelegationGroup.DEPARTMENTS, jp, name="Đoàn Nhật Bản", status=DelegationStatus.APPROVED)
    out(district, DelegationGroup.DISTRICTS, la, name="Đoàn huyện", status=DelegationStatus.DONE)
    out(district, DelegationGroup.DISTRICTS, la, name="Đoàn hoãn", status=DelegationStatus.POSTPONED)
    # not in the plan: draft, proposal, cancelled, another year, inbound
    out(tourism, DelegationGroup.DEPARTMENTS, la, name="Dự thảo", status=DelegationStatus.DRAFT)
    out(tourism, DelegationGroup.DEPARTMENTS, la, name="Đề xuất", status=DelegationStatus.PROPOSED)
    out(tourism, DelegationGroup.DEPARTMENTS, la, name="Đã hủy", status=DelegationStatus.CANCELLED)
    DelegationFactory(year=YEAR + 1, status=IN_PLAN, name="Năm sau")
    DelegationFactory(year=YEAR, direction=Direction.IN, status=IN_PLAN, name="Đoàn vào")

    appendix = appendices.outbound_appendix(year=YEAR)

    assert appendix.count == 10
    assert groups(appendix) == [
        ("A", "ĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH THUỘC DIỆN BỘ CHÍNH TRỊ, BAN BÍ THƯ QUẢN LÝ: 02 đoàn"),
        ("B", "ĐOÀN ĐI NƯỚC NGOÀI CỦA CÁC SỞ, BAN, NGÀNH, ĐOÀN THỂ VÀ LỰC LƯỢNG VŨ TRANG CẤP TỈNH: 06 đoàn"),
        ("I", "ĐOÀN ĐI NƯỚC CHDCND LÀO: 04 đoàn"),
        ("-", "Đoàn ra của Bộ Chỉ huy Bộ đội Biên phòng tỉnh: 01 đoàn"),
        ("-", "Đoàn ra của Công an tỉnh: 01 đoàn"),
        ("-", "Đoàn ra của các sở, ban, ngành, đoàn thể cấp tỉnh: 02 đoàn"),
        ("II", "ĐOÀN ĐI CÁC NƯỚC ĐÔNG NAM Á (TRỪ LÀO): 01 đoàn"),
        ("III", "ĐOÀN ĐI CÁC NƯỚC ĐÔNG BẮC Á: 01 đoàn"),
        ("C", "ĐOÀN ĐI NƯỚC NGOÀI CỦA CÁC HUYỆN, THÀNH PHỐ, THỊ XÃ VÀ XÃ: 02 đoàn"),
        ("I", "ĐOÀN ĐI NƯỚC CHDCND LÀO: 02 đoàn"),
    ]
    names = row_names(appendix)
    assert names.index("Đoàn du lịch Lào sớm") < names.index("Đoàn du lịch Lào")  # by month within a unit
    assert not {"Dự thảo", "Đề xuất", "Đã hủy", "Năm sau", "Đoàn vào"} & set(names)
    assert appendix.columns == appendices.OUT_COLUMNS and len(appendix.widths_cm) == len(appendix.columns)
    assert abs(sum(appendix.widths_cm) - 25.2) < 0.01  # the landscape text width


@pytest.mark.django_db
def test_outbound_row_cells(countries, users):
    d = out(
        users["officer1"].unit,
        DelegationGroup.DEPARTMENTS,
        [countries["LA"]],
        name="Đoàn xúc tiến du lịch",
        capacity="Đoàn công tác",
        head="Giám đốc Sở",
        size=5,
        composition="01 Giám đốc; 04 chuyên viên",
        partner_text="Sở Du lịch tỉnh Xiêng Khoảng",
        purpose="Quảng bá du lịch",
        duration_text="",
        duration_days=4,
        time_text="Quý II",
        funding_source=FundingSource.PROVINCE,
    )
    row = next(n for _, n in appendices.outbound_appendix(year=YEAR).walk() if isinstance(n, appendices.PlanRow))
    assert row.key == f"delegation:{d.pk}" and row.url == f"/delegations/{d.pk}/"
    assert row.cells == [
        "Đoàn xúc tiến du lịch",
        "Đoàn công tác",
        "Giám đốc Sở",
        "05 người, gồm: 01 Giám đốc; 04 chuyên viên",
        "Lào",
        "Sở Du lịch tỉnh Xiêng Khoảng",
        "Quảng bá du lịch",
        "04 ngày",
        "Quý II",
        "Ngân sách tỉnh",
    ]


@pytest.mark.django_db
def test_inbound_grouped_by_state_budget_then_host_then_region(countries, users):
    unit = users["officer1"].unit
    common = {"year": YEAR, "direction": Direction.IN, "status": IN_PLAN, "proposing_unit": unit}
    DelegationFactory(**common, group=DelegationGroup.PROVINCIAL_LEADERS, name="Lãnh đạo tỉnh bạn")
    DelegationFactory(**common, group=DelegationGroup.CENTRAL_LEADERS, name="Cấp cao Nhật", countries=[countries["JP"]])
    DelegationFactory(**common, group=DelegationGroup.DEPARTMENTS, name="Sở bạn")
    DelegationFactory(
        **common,
        group=DelegationGroup.DEPARTMENTS,
        name="Tình nguyện viên",
        uses_state_budget=False,
        funding_source=FundingSource.PARTNER,
        countries=[countries["JP"]],
    )
    appendix = appendices.inbound_appendix(year=YEAR)
    assert groups(appendix) == [
        ("A", "ĐOÀN SỬ DỤNG NGÂN SÁCH NHÀ NƯỚC: 03 đoàn"),
        ("I", "ĐOÀN VÀO LÀM VIỆC VỚI LÃNH ĐẠO TỈNH: 02 đoàn"),
        ("-", "Đoàn vào từ nước CHDCND Lào: 01 đoàn"),
        ("-", "Đoàn vào từ các nước Đông Bắc Á: 01 đoàn"),
        ("II", "ĐOÀN VÀO LÀM VIỆC VỚI CÁC SỞ, BAN, NGÀNH, ĐỊA PHƯƠNG: 01 đoàn"),
        ("-", "Đoàn vào từ nước CHDCND Lào: 01 đoàn"),
        ("B", "ĐOÀN VÀO KHÔNG SỬ DỤNG NGÂN SÁCH NHÀ NƯỚC: 01 đoàn"),
    ]
    assert appendix.columns == appendices.IN_COLUMNS


@pytest.mark.django_db
def test_conferences_and_agreements_with_their_columns(users, countries):
    unit = users["officer1"].unit
    c = ConferenceFactory(
        year=YEAR,
        organising_unit=unit,
        status="proposed",
        title="Hội thảo xúc tiến đầu tư",
        partner_text="KOTRA",
        delegates_vn=150,
        delegates_foreign_in_vn=20,
        delegates_from_abroad=5,
        days=1,
    )
    ConferenceFactory(year=YEAR, organising_unit=unit, status="draft", title="Dự thảo hội thảo")
    ConferenceFactory(year=YEAR, organising_unit=unit, status="cancelled", title="Hội thảo hủy")
    a = AgreementFactory(year=YEAR, proposing_unit=unit, status="signed", title="Biên bản ghi nhớ", capacity="Sở")
    AgreementFactory(year=YEAR, proposing_unit=unit, status="draft")
    conferences = appendices.conference_appendix(year=YEAR)
    assert conferences.count == 1 and conferences.column_groups == appendices.CONFERENCE_GROUPS
    row = conferences.root.rows[0]
    assert row.key == f"conference:{c.pk}"
    assert row.cells[:5] == ["Hội thảo xúc tiến đầu tư", "KOTRA", "150", "20", "05"]
    assert row.cells[-1] == "Chủ tịch UBND tỉnh"  # the permitting authority under Decision 06/2020/QĐ-TTg
    agreements = appendices.agreement_appendix(year=YEAR)
    assert [r.key for r in agreements.root.rows] == [f"agreement:{a.pk}"]
    assert agreements.root.rows[0].cells[:5] == [unit.name, "Sở", "Thỏa thuận quốc tế", "Biên bản ghi nhớ", "Lào"]


@pytest.mark.django_db
def test_an_officer_sees_only_what_they_may_see(users):
    ConferenceFactory(year=YEAR, organising_unit=users["officer2"].unit, status="proposed", title="Của đơn vị khác")
    ConferenceFactory(year=YEAR, organising_unit=users["officer1"].unit, status="proposed", title="Của mình")
    ConferenceFactory(year=YEAR, organising_unit=users["officer2"].unit, status="permitted", title="Đã cấp phép")
    titles = lambda user: {r.cells[0] for r in appendices.conference_appendix(year=YEAR, user=user).root.rows}  # noqa: E731
    assert titles(users["officer1"]) == {"Của mình", "Đã cấp phép"}
    assert titles(users["coordinator"]) == titles(None) == {"Của mình", "Của đơn vị khác", "Đã cấp phép"}


@pytest.mark.django_db
def test_appendix_objects_for_the_writer(users, countries):
    out(users["officer1"].unit, DelegationGroup.PROVINCIAL_LEADERS, [countries["LA"]], name="Đoàn lãnh đạo")
    program = ProgramFactory(year=YEAR, number="818/CTr-UBND", issued_on=dt.date(2026, 11, 30))
    objects = documents.program_appendices(year=YEAR, plan=program)
    assert [a.number for a in objects] == ["1", "2", "3", "4"]
    first = objects[0]
    assert first.subtitle == "(Kèm theo Chương trình số 818/CTr-UBND ngày 30/11/2026 của UBND tỉnh Nghệ An)"
    assert first.rows[0] == GroupRow("A", "ĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH: 01 đoàn")
    assert first.rows[1][0] == "Đoàn lãnh đạo" and len(first.rows[1]) == len(first.columns) - 1
    draft = documents.program_appendices(year=YEAR)[0]
    assert re.fullmatch(
        r"\(Kèm theo Chương trình số\s+/CTr-UBND ngày\s+/\s+/2026 của UBND tỉnh Nghệ An\)", draft.subtitle
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds folder (../shared/seeds) is absent")
def test_appendix_columns_are_those_of_the_2022_programme():
    seed = next(SEEDS.glob("002_*"), None)
    if seed is None:
        pytest.skip("the 2022 seed is absent")
    text = seed.read_text(encoding="utf-8")

    def headers(start: str) -> list[str]:
        block = text[text.index(start) :]
        lines = [line.strip() for line in block.splitlines()[3:40]]
        return lines[: lines.index("")] if "" in lines else lines

    assert headers("PHỤ LỤC 1") == appendices.OUT_COLUMNS
    inbound = headers("PHỤ LỤC 2")
    assert [c for c in inbound if c] == appendices.IN_COLUMNS
    agreements = headers("PHỤ LỤC 4")
    assert agreements == appendices.AGREEMENT_COLUMNS


@pytest.mark.parametrize(
    ("section", "parent", "parent_label", "label"),
    [
        ("II", None, None, "II."),
        ("II.4", "II", "II.", "4."),
        ("II.4.a", "II.4", "4.", "a)"),
        ("II.4.đ", "II.4", "4.", "đ)"),
        ("", "II.4.a", "a)", "-"),
        ("II.4.a", "II.4.a", "a)", "-"),
        ("", "", "-", "+"),
        ("II.4.a.-", "II.4.a", "a)", "-"),
    ],
)
def test_section_labels(section, parent, parent_label, label):
    assert section_label(section, parent, parent_label) == label


@pytest.mark.django_db
def test_tree_and_its_body():
    program = ProgramFactory(year=YEAR)
    second = ProgramItemFactory(plan=program, section="II", text="NỘI DUNG", order=20)
    first = ProgramItemFactory(plan=program, section="I", text="MỤC ĐÍCH", order=10)
    sub = ProgramItemFactory(plan=program, parent=second, section="II.1", text="Đối ngoại Đảng", order=10)
    ProgramItemFactory(plan=program, parent=sub, section="", text="Hợp tác với Lào", pillar=Pillar.PARTY, order=10)
    ProgramItemFactory(plan=program, parent=first, section="I.1", text="Quản lý thống nhất", order=10)
    tree = selectors.program_tree(plan=program)
    assert [n.heading for n in selectors.walk_tree(tree)] == [
        "I. MỤC ĐÍCH",
        "1. Quản lý thống nhất",
        "II. NỘI DUNG",
        "1. Đối ngoại Đảng",
        "- Hợp tác với Lào",
    ]
    assert documents.tree_body(tree) == [
        Heading("I. MỤC ĐÍCH", 1),
        Paragraph("1. Quản lý thống nhất"),
        Heading("II. NỘI DUNG", 1),
        Heading("1. Đối ngoại Đảng", 2),
        Paragraph("- Hợp tác với Lào"),
    ]


@pytest.mark.django_db
def test_programme_document_from_the_tree(users, countries):
    program = ProgramFactory(
        year=YEAR,
        number="818/CTr-UBND",
        issued_on=dt.date(2026, 11, 30),
        status=PlanStatus.ISSUED,
        signer_name="Nguyễn Văn An",
        signer_position="Phó Chủ tịch",
        recipients="Bộ Ngoại giao\n\nLưu: VT",
        preamble="Căn cứ Quy chế, Ủy ban nhân dân tỉnh ban hành Chương trình:",
    )
    ProgramItemFactory(plan=program, section="I", text="MỤC ĐÍCH")
    built = documents.program_document(year=YEAR)
    doc = built.document
    assert built.plan == program and not built.generated_body
    assert doc.number == "818/CTr-UBND" and doc.date == dt.date(2026, 11, 30)
    assert doc.issuer == "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN" and doc.place == "Nghệ An"
    assert doc.kind == "CHƯƠNG TRÌNH" and doc.title == "Hoạt động đối ngoại tỉnh Nghệ An năm 2027"
    assert doc.body[0] == Paragraph("Căn cứ Quy chế, Ủy ban nhân dân tỉnh ban hành Chương trình:")
    assert doc.body[1] == Paragraph("I. MỤC ĐÍCH")
    assert doc.body[-1].text.endswith("./.")
    assert doc.recipients == ["Bộ Ngoại giao", "Lưu: VT"]
    assert (doc.signature.authority, doc.signature.deputy, doc.signature.position, doc.signature.name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn An",
    )
    assert len(doc.appendices) == 4


@pytest.mark.django_db
def test_a_year_without_programme_gets_a_generated_body(users, countries):
    out(users["officer1"].unit, DelegationGroup.DEPARTMENTS, [countries["LA"]])
    out(users["officer1"].unit, DelegationGroup.DEPARTMENTS, [countries["TH"]])
    built = documents.program_document(year=YEAR, today=dt.date(2026, 11, 20))
    doc = built.document
    assert built.plan is None and built.generated_body
    assert doc.number == "" and doc.abbreviation == "CTr-UBND" and doc.date == dt.date(2026, 11, 20)
    texts = [b.text for b in doc.body if isinstance(b, Heading | Paragraph)]
    assert "II. NỘI DUNG CHƯƠNG TRÌNH" in texts
    assert "- Dự kiến năm 2027 có 02 đoàn ra và 00 đoàn vào (Phụ lục 1, Phụ lục 2)." in texts
    assert any("trước ngày 30/03/2027" in t for t in texts)
    assert doc.signature.name == "" and doc.signature.deputy == "KT. CHỦ TỊCH"


def snapshot(*rows, number="1"):
    return {"appendices": [{"number": number, "title": "T", "columns": ["Tên đoàn", "Nước"], "rows": list(rows)}]}


def row(key, name, country="Lào", group="A"):
    return {"key": key, "group": group, "cells": {"Tên đoàn": name, "Nước": country}}


def test_version_diff_added_removed_changed():
    before = snapshot(row("delegation:1", "Đoàn 1"), row("delegation:2", "Đoàn 2"), row("delegation:3", "Đoàn 3"))
    after = snapshot(
        row("delegation:1", "Đoàn 1"),
        row("delegation:3", "Đoàn 3", country="Thái Lan", group="B"),
        row("delegation:4", "Đoàn 4"),
    )
    (diff,) = selectors.version_diff(before, after)
    assert [r["key"] for r in diff.added] == ["delegation:4"]
    assert [r["key"] for r in diff.removed] == ["delegation:2"]
    assert diff.added[0]["url"] == "/delegations/4/" and diff.removed[0]["title"] == "Đoàn 2"
    (changed,) = diff.changed
    assert changed.key == "delegation:3" and changed.title == "Đoàn 3"
    assert changed.fields == [(selectors.GROUP_FIELD, "A", "B"), ("Nước", "Lào", "Thái Lan")]
    assert not diff.empty
    (same,) = selectors.version_diff(before, before)
    assert same.empty


def test_a_postponement_takes_the_row_out_of_the_plan_and_a_resumption_brings_it_back():
    """Issue 16, point 5: a status that takes a record out of the plan is a change, "removed" names why."""
    before = snapshot(row("delegation:1", "Đoàn 1") | {"status": "in_plan"}, row("delegation:2", "Đoàn 2"))
    after = snapshot(
        row("delegation:1", "Đoàn 1") | {"status": "postponed"}, row("delegation:2", "Đoàn 2") | {"status": "approved"}
    )
    (diff,) = selectors.version_diff(before, after)
    assert [(r["key"], r["why"]) for r in diff.removed] == [("delegation:1", "Tạm hoãn")]
    assert diff.added == [] and diff.changed == []
    (back,) = selectors.version_diff(after, before)
    assert [r["key"] for r in back.added] == ["delegation:1"] and back.removed == []
