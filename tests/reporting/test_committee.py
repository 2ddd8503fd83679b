"""The committee's reporting (issue 13, item 5): an information plan's members report through its periods; a
member's report opens with its products, releases, answers and events of the period; the standing agency's report
on the members (.docx in the Decree 30 layout, .xlsx) gives each member's due dates, submission dates, days late and
on-time rate; the restricted false-information cases appear only to those who may read them, each read logged; an
officer sees its own unit only."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from doingoai.infowork.models import FalseInfoCase, FalseInfoStatus, InfoProduct, InfoProductStatus, PressRelease
from doingoai.persons.models import PersonalDataAccess
from doingoai.programs.models import Plan, PlanKind, PlanStatus, SteeringCommittee
from doingoai.reporting import committee, committee_exports, selectors, services
from tests.factories import UnitFactory

from .conftest import YEAR

pytestmark = pytest.mark.django_db

JAN = (dt.date(YEAR, 1, 1), dt.date(YEAR, 1, 31), dt.date(YEAR, 1, 20))
FEB = (dt.date(YEAR, 2, 1), dt.date(YEAR, 2, 28), dt.date(YEAR, 2, 20))
MAR = (dt.date(YEAR, 3, 1), dt.date(YEAR, 3, 31), dt.date(YEAR, 3, 20))


@pytest.fixture
def setup(users, clock):
    """Officer1's unit (A) is the committee's standing agency; B (officer2) and C are members. January: B on time,
    C 3 days late; February: B 5 days late, C never; March: not due yet (today is 10/3)."""
    a, b = users["officer1"].unit, users["officer2"].unit
    c = UnitFactory(name="Báo Nghệ An")
    board = SteeringCommittee.objects.create(name="Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", standing_unit=a)
    plan = Plan.objects.create(
        kind=PlanKind.INFORMATION,
        year=YEAR,
        title="Kế hoạch công tác thông tin đối ngoại năm 2027",
        number="05-KH/BCĐ",
        committee=board,
        coordinating_unit=a,
        status=PlanStatus.ISSUED,
    )
    plan.units.set([b, c])
    standing, officer_b = users["officer1"], users["officer2"]
    officer_c = type(officer_b).objects.create(username="officer_c", role="unit_officer", unit=c)
    periods = []
    clock.set(dt.datetime(YEAR, 1, 2, 9))
    for i, (start, end, due) in enumerate((JAN, FEB, MAR), start=1):
        periods.append(
            services.period_open(
                by=standing, kind="monthly", year=YEAR, label=f"Tháng {i}/{YEAR}", start=start, end=end,
                due_date=due, units=[b, c], plan=plan,
            )
        )  # fmt: skip

    def send(period, officer, day):
        clock.set(dt.datetime(YEAR, day.month, day.day, 10))
        report = period.reports.get(unit=officer.unit)
        services.unit_report_submit(report=report, by=officer, texts={"other": "Đã thực hiện."})

    send(periods[0], officer_b, dt.date(YEAR, 1, 20))  # on the due date: on time
    send(periods[0], officer_c, dt.date(YEAR, 1, 23))  # 3 days late
    send(periods[1], officer_b, dt.date(YEAR, 2, 25))  # 5 days late
    clock.set(dt.datetime(YEAR, 3, 10, 9))
    case = FalseInfoCase.objects.create(
        detected_on=dt.date(YEAR, 2, 3),
        source="Trang mạng xã hội X",
        summary="Tin sai về cửa khẩu",
        topic="Cửa khẩu Nậm Cắn",
        handling_unit=b,
        status=FalseInfoStatus.ANSWERED,
        answered_on=dt.date(YEAR, 2, 5),
    )
    InfoProduct.objects.create(
        year=YEAR, title="Bản tin tháng 2", kind="bulletin", producing_unit=b,
        status=InfoProductStatus.PUBLISHED, published_on=dt.date(YEAR, 2, 10), reach=1200,
    )  # fmt: skip
    for product in InfoProduct.objects.all():
        for lang in ("vi", "lo"):
            product.versions.create(language=lang, title=product.title)
    return {"plan": plan, "periods": periods, "standing": standing, "b": b, "c": c, "case": case, "c_user": officer_c}


def test_each_member_has_its_due_dates_submission_days_late_and_on_time_rate(setup, users):
    r = committee.plan_reporting(plan=setup["plan"], user=setup["standing"], today=dt.date(YEAR, 3, 10))
    rows = {m.unit.name: m for m in r.members}
    b, c = rows["Công an tỉnh"], rows["Báo Nghệ An"]
    assert [(s.state, s.days_late) for s in b.submissions] == [("on_time", 0), ("late", 5), ("pending", 0)]
    assert [(s.state, s.days_late) for s in c.submissions] == [("late", 3), ("missing", 18), ("pending", 0)]
    assert (b.due, b.on_time, b.rate) == (2, 1, 50.0)
    assert (c.due, c.on_time, c.rate) == (2, 0, 0.0)
    assert (r.due, r.on_time, r.late, r.missing, r.rate) == (4, 1, 2, 1, 25.0)
    assert b.submissions[1].submitted_on == dt.date(YEAR, 2, 25)
    assert b.submissions[1].label == "Muộn 5 ngày"


def test_the_member_report_of_an_information_plan_opens_with_its_products_releases_answers(setup, users, clock):
    b = setup["b"]
    PressRelease.objects.create(
        kind="release", date=dt.date(YEAR, 3, 5), year=YEAR, title="Thông cáo về hội chợ biên giới",
        spokesperson="Nguyễn Văn A", issuing_unit=b, status="issued",
    )  # fmt: skip
    InfoProduct.objects.create(
        year=YEAR, title="Video cửa khẩu tháng 3", kind="video", producing_unit=b,
        status=InfoProductStatus.PUBLISHED, published_on=dt.date(YEAR, 3, 4),
    )  # fmt: skip
    FalseInfoCase.objects.filter(pk=setup["case"].pk).update(answered_on=dt.date(YEAR, 3, 6))
    march = setup["periods"][2]
    facts = selectors.unit_report_facts(unit=b, period=march, user=users["officer2"], today=dt.date(YEAR, 3, 10))
    figures = {f["key"]: f for f in facts["other"]["registries"]}
    assert set(figures) == {
        "infowork.infoproduct", "infowork.pressrelease", "infowork.falseinfocase", "events.event",
    }  # fmt: skip
    assert figures["infowork.infoproduct"]["done"] == 1  # February's bulletin is not in March
    assert figures["infowork.pressrelease"]["done"] == 1
    assert figures["infowork.falseinfocase"]["done"] == 1
    texts = selectors.prefill_texts(facts)
    assert "đã phát hành 01 (Video cửa khẩu tháng 3 (04/03/2027))" in texts["other"]
    assert "Thông cáo báo chí, họp báo, phát ngôn" in texts["other"]
    assert "Tin sai về cửa khẩu" not in texts["other"]  # a case is named by its number, never its content


def test_the_docx_is_a_decree_30_report_with_a_table_per_member(setup):
    r = committee.plan_reporting(plan=setup["plan"], user=setup["standing"], today=dt.date(YEAR, 3, 10))
    doc = Document(io.BytesIO(committee_exports.committee_docx(r)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in "\n".join(
        p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs
    )
    assert "BÁO CÁO" in text
    assert "I. TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC THÀNH VIÊN" in text
    assert "tỷ lệ nộp đúng hạn đạt 25%" in text
    assert "Công an tỉnh: tỷ lệ nộp đúng hạn 50%" in text
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["2", "Tháng 2/2027", "20/02/2027", "25/02/2027", "Muộn 5 ngày"] in cells
    assert ["2", "Tháng 2/2027", "20/02/2027", "", "Chưa nộp (quá hạn 18 ngày)"] in cells
    assert any(row[1] == "Báo Nghệ An" and row[-1] == "0%" for row in cells)
    assert "II. KẾT QUẢ CÔNG TÁC THÔNG TIN ĐỐI NGOẠI CỦA CÁC THÀNH VIÊN" in text
    assert any(row[0] == "Bản tin thông tin đối ngoại" for row in cells)
    assert any("Cửa khẩu Nậm Cắn" in row for row in cells)  # the standing agency reads the cases


def test_the_xlsx_has_its_sheets_and_the_submission_of_each_report(setup):
    r = committee.plan_reporting(plan=setup["plan"], user=setup["standing"], today=dt.date(YEAR, 3, 10))
    wb = load_workbook(io.BytesIO(committee_exports.committee_xlsx(r)))
    assert wb.sheetnames == [
        "Nộp báo cáo", "Tỷ lệ đúng hạn", "Sản phẩm theo loại, ngôn ngữ", "Thông tin đối ngoại", "Thông tin sai lệch",
    ]  # fmt: skip
    rows = [[c.value for c in row] for row in wb["Nộp báo cáo"].iter_rows(min_row=4)]
    late = next(row for row in rows if row[1] == "Công an tỉnh" and row[2] == "Tháng 2/2027")
    assert late[3].date() == dt.date(YEAR, 2, 20) and late[4].date() == dt.date(YEAR, 2, 25)
    assert late[5:] == ["Không", 5, "Muộn 5 ngày"]
    rates = {row[1]: row[6] for row in ([c.value for c in row] for row in wb["Tỷ lệ đúng hạn"].iter_rows(min_row=4))}
    assert rates == {"Công an tỉnh": 50.0, "Báo Nghệ An": 0.0, "Tổng cộng": 25.0}
    kinds = [[c.value for c in row] for row in wb["Sản phẩm theo loại, ngôn ngữ"].iter_rows(min_row=3)]
    assert kinds[0] == ["Loại sản phẩm", "Tiếng Việt", "Tiếng Lào", "Số sản phẩm", "Lượt tiếp cận"]
    assert kinds[1] == ["Bản tin thông tin đối ngoại", 1, 1, 1, 1200]


def test_false_information_is_shown_only_to_who_may_read_it_and_every_read_is_logged(setup, users, client_for):
    case = setup["case"]
    logged = PersonalDataAccess.objects.filter(object_id=case.pk, content_type__model="falseinfocase")
    finance = committee.plan_reporting(plan=setup["plan"], user=users["finance"], today=dt.date(YEAR, 3, 10))
    assert finance.info is not None and finance.info.false_info is None
    assert all(w.answered is None for w in finance.info.units)
    wb = load_workbook(io.BytesIO(committee_exports.committee_xlsx(finance)))
    assert "Thông tin sai lệch" not in wb.sheetnames
    assert "Cửa khẩu Nậm Cắn" not in "\n".join(
        c.text for t in Document(io.BytesIO(committee_exports.committee_docx(finance))).tables
        for row in t.rows for c in row.cells
    )  # fmt: skip
    assert not logged.exists()
    client = client_for("officer1")  # the standing agency
    page = client.get(reverse("reporting:plan_reporting", args=[setup["plan"].pk]))
    assert "Cửa khẩu Nậm Cắn" in page.content.decode()
    assert list(logged.values_list("action", "username")) == [("view", "officer1")]
    client.get(reverse("reporting:plan_reporting_export", args=[setup["plan"].pk, "docx"]))
    assert logged.filter(action="export_list", username="officer1").count() == 1


def test_an_officer_sees_its_own_unit_and_the_standing_agency_every_member(setup, users, client_for):
    url = reverse("reporting:plan_reporting", args=[setup["plan"].pk])
    mine = client_for("officer2").get(url).content.decode()
    assert 'data-unit="Công an tỉnh"' in mine and 'data-unit="Báo Nghệ An"' not in mine
    assert "Chỉ hiển thị đơn vị của bạn" in mine
    client = client_for("officer1")
    every = client.get(url).content.decode()
    assert 'data-unit="Công an tỉnh"' in every and 'data-unit="Báo Nghệ An"' in every
    page = client.get(reverse("reporting:committee")).content.decode()
    assert "Kế hoạch công tác thông tin đối ngoại năm 2027" in page and 'data-unit="Báo Nghệ An"' in page
    xlsx = client.get(reverse("reporting:plan_reporting_export", args=[setup["plan"].pk, "xlsx"]))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert client.get(reverse("reporting:plan_reporting_export", args=[setup["plan"].pk, "pdf"])).status_code == 404


def test_the_committee_page_is_in_the_menu_of_the_standing_agency_and_province_roles(setup, client_for):
    link = reverse("reporting:committee")
    assert link in client_for("officer1").get(reverse("reporting:period_list")).content.decode()
    assert link in client_for("leader").get(reverse("reporting:period_list")).content.decode()
    assert link not in client_for("officer2").get(reverse("reporting:period_list")).content.decode()


def test_a_plan_an_officer_may_not_read_is_a_404(setup, users, client_for):
    other = Plan.objects.create(
        kind=PlanKind.THEMATIC, year=YEAR, title="Kế hoạch riêng", coordinating_unit=setup["c"],
        status=PlanStatus.DRAFT,
    )  # fmt: skip
    client = client_for("officer2")
    assert client.get(reverse("reporting:plan_reporting", args=[other.pk])).status_code == 404
    assert client.get(reverse("reporting:plan_reporting_export", args=[other.pk, "docx"])).status_code == 404


def test_no_submission_in_the_future_counts(setup):
    """A report not sent before its due date is pending until the date passes, missing after."""
    r = committee.plan_reporting(plan=setup["plan"], user=setup["standing"], today=dt.date(YEAR, 3, 20))
    assert {s.state for m in r.members for s in m.submissions if s.period.label == "Tháng 3/2027"} == {"pending"}
    r = committee.plan_reporting(plan=setup["plan"], user=setup["standing"], today=dt.date(YEAR, 3, 21))
    assert {s.state for m in r.members for s in m.submissions if s.period.label == "Tháng 3/2027"} == {"missing"}
