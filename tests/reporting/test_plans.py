"""Reporting routed by plan: a period belongs to a plan (default: the year's programme) and is opened once; the
officers of the plan's coordinating unit manage its periods and review its reports, and no other plan's; a
unit's report opens with its tasks in the plan and the figures of every registry it keeps; the consolidated
report lists the plan's tasks by status and by unit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from doingoai.core.workflow import StepPermissionDenied
from doingoai.programs.models import Plan, PlanKind, PlanStatus, PlanTask, TaskStatus
from doingoai.reporting import consolidation, exports, selectors, services
from doingoai.reporting.models import Notification, ReportingPeriod, ReportStatus, UnitReport
from doingoai.reporting.selectors import SYSTEM
from tests.factories import (
    AidProjectFactory,
    ApecCardApplicationFactory,
    CitizenCaseFactory,
    EventFactory,
    ForeignPressVisitFactory,
    InspectionFactory,
    InvestmentOpportunityFactory,
    MarkerInspectionFactory,
    OverseasVietnameseFactory,
    TrainingCourseFactory,
    UnitFactory,
)
from tests.programs.factories import ProgramFactory

from .conftest import H1_DUE, H1_END, H1_START, YEAR

pytestmark = pytest.mark.django_db


def open_period(by, *, plan=None, units, label="6 tháng đầu năm 2027", start=H1_START, end=H1_END):
    return services.period_open(
        by=by, kind="semiannual", year=YEAR, label=label, start=start, end=end, due_date=H1_DUE, units=units, plan=plan
    )


@pytest.fixture
def plans(users, unit_c):
    """Plan X followed up by officer1's unit (A), for B and C; plan Y followed up by C, for B."""
    a, b = users["officer1"].unit, users["officer2"].unit
    x = Plan.objects.create(
        kind=PlanKind.INFORMATION,
        year=YEAR,
        title="Kế hoạch thông tin đối ngoại năm 2027",
        number="12/KH-BCĐ",
        coordinating_unit=a,
        status=PlanStatus.ISSUED,
        reporting=[{"period": "semiannual", "due": "06-05"}],
    )
    x.units.set([b])
    y = Plan.objects.create(
        kind=PlanKind.THEMATIC, year=YEAR, title="Kế hoạch hội nhập", coordinating_unit=unit_c, status=PlanStatus.ISSUED
    )
    y.units.set([b])
    return {"x": x, "y": y}


@pytest.fixture
def tasks(plans, users, unit_c):
    """Tasks of plan X: two led by B (one overdue with a progress note), one led by C, one heading."""
    x, b = plans["x"], users["officer2"].unit
    heading = PlanTask.objects.create(plan=x, section="I", text="NHIỆM VỤ", order=10)
    t1 = PlanTask.objects.create(
        plan=x,
        parent=heading,
        section="I.1",
        text="Tuyên truyền về biên giới Việt - Lào",
        lead_unit=b,
        order=10,
        status=TaskStatus.IN_PROGRESS,
        progress=60,
        progress_note="Đã tổ chức 3 buổi tuyên truyền tại xã biên giới.",
        progress_on=dt.date(2027, 5, 20),
        deadline=dt.date(2027, 3, 31),
    )
    t2 = PlanTask.objects.create(
        plan=x, parent=heading, section="I.2", text="Cung cấp thông tin cho báo chí nước ngoài", lead_unit=b, order=20,
        status=TaskStatus.DONE, progress=100, progress_note="Đã hoàn thành.",
    )  # fmt: skip
    t3 = PlanTask.objects.create(
        plan=x, parent=heading, section="I.3", text="Quảng bá du lịch", lead_unit=unit_c, order=30
    )
    t3.coordinating_units.set([b])
    return {"t1": t1, "t2": t2, "t3": t3}


# ------------------------------------------------------------------------------------------- opening, duplicates


def test_a_period_goes_to_the_programme_of_its_year_by_default(users):
    programme = ProgramFactory(year=YEAR)
    period = open_period(users["coordinator"], units=[users["officer1"].unit])
    assert period.plan == programme


def test_the_same_period_is_refused_for_the_same_plan_with_the_first_named(users, plans):
    first = open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit])
    with pytest.raises(services.DuplicatePeriodError) as exc:
        open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit], label="Kỳ khác")
    message = str(exc.value)
    assert exc.value.existing == first
    assert "“6 tháng đầu năm 2027”" in message and "Kế hoạch thông tin đối ngoại năm 2027" in message
    assert "01/01/2027" in message and "đang mở" in message
    # the same name with other dates is the same period too
    with pytest.raises(services.DuplicatePeriodError):
        open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit], end=dt.date(2027, 6, 30))
    # another plan may have its own "6 tháng đầu năm 2027"
    assert open_period(users["coordinator"], plan=plans["y"], units=[users["officer2"].unit]).plan == plans["y"]
    assert ReportingPeriod.objects.filter(plan=plans["x"]).count() == 1
    assert UnitReport.objects.filter(period__plan=plans["x"]).count() == 1


def test_a_duplicate_that_slips_past_the_check_is_caught_from_the_constraint(users, plans, monkeypatch):
    open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit])
    real = selectors.period_duplicate
    calls = []

    def first_misses(**kwargs):  # the other request saved between our check and our insert
        calls.append(kwargs)
        return None if len(calls) == 1 else real(**kwargs)

    monkeypatch.setattr(selectors, "period_duplicate", first_misses)
    with pytest.raises(services.DuplicatePeriodError, match="Kỳ báo cáo này đã được mở"):
        open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit], label="Lần hai")
    assert ReportingPeriod.objects.filter(plan=plans["x"]).count() == 1


def test_editing_a_period_into_another_one_of_the_plan_is_refused(users, plans):
    open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit])
    second = open_period(
        users["coordinator"],
        plan=plans["x"],
        units=[users["officer2"].unit],
        label="Năm 2027",
        end=dt.date(2027, 12, 31),
    )
    with pytest.raises(services.DuplicatePeriodError):
        services.period_update(
            period=second, by=users["coordinator"], label="6 tháng đầu năm 2027", start=second.start,
            end=second.end, due_date=second.due_date, units=[users["officer2"].unit],
        )  # fmt: skip


def test_the_form_shows_the_duplicate(client_for, users, plans):
    client = client_for("coordinator")
    data = {
        "plan": plans["x"].pk, "kind": "semiannual", "year": YEAR, "label": "Năm 2026", "start": "01/01/2027",
        "end": "14/06/2027", "due_date": "15/06/2027", "units": [users["officer2"].unit.pk],
    }  # fmt: skip
    assert client.post(reverse("reporting:period_add"), data).status_code == 302
    again = client.post(reverse("reporting:period_add"), data)
    assert again.status_code == 400
    assert "Kỳ báo cáo này đã được mở: “Năm 2026”" in again.content.decode()
    assert ReportingPeriod.objects.filter(plan=plans["x"]).count() == 1


def test_the_api_opens_a_period_and_refuses_its_duplicate(client_for, users, plans):
    client = client_for("coordinator")
    body = {
        "plan": plans["x"].pk, "kind": "annual", "year": YEAR, "label": "Năm 2027", "start": "2027-01-01",
        "end": "2027-12-14", "due_date": "2027-12-15", "units": [users["officer2"].unit.pk],
    }  # fmt: skip
    first = client.post("/api/reporting-periods/", body, content_type="application/json")
    assert first.status_code == 201, first.content
    assert first.json()["plan"] == plans["x"].pk
    again = client.post("/api/reporting-periods/", body, content_type="application/json")
    assert again.status_code == 409
    assert "Kỳ báo cáo này đã được mở: “Năm 2027”" in again.json()["detail"]
    # an officer of another unit may not open a period of plan X
    other = client_for("officer2").post(
        "/api/reporting-periods/", body | {"label": "X"}, content_type="application/json"
    )
    assert other.status_code == 403


def test_the_suggestion_follows_the_plan(client_for, users, plans, tasks, unit_c):
    page = client_for("coordinator").get(
        reverse("reporting:period_add"), {"plan": plans["x"].pk, "kind": "semiannual", "year": YEAR}
    )
    form = page.context["form"]
    # recipients (B) and the lead units of its tasks (B, C); the plan's regime: report before 5/6
    assert sorted(form.initial["units"]) == sorted([users["officer2"].unit.pk, unit_c.pk])
    assert form.initial["due_date"] == dt.date(YEAR, 6, 5)
    assert "Chế độ báo cáo của Kế hoạch thông tin đối ngoại" in form.initial["basis"]


# --------------------------------------------------------------------------------------------------- rights


def test_officers_of_the_coordinating_unit_manage_their_plans_periods_only(users, plans, clock):
    officer1, b = users["officer1"], users["officer2"].unit
    mine = open_period(officer1, plan=plans["x"], units=[b])  # officer1's unit follows up plan X
    with pytest.raises(StepPermissionDenied):
        open_period(officer1, plan=plans["y"], units=[b])
    with pytest.raises(StepPermissionDenied):
        open_period(users["officer2"], plan=plans["x"], units=[b], label="Khác")
    other = open_period(users["coordinator"], plan=plans["y"], units=[b])  # the province's coordinator: any plan
    assert set(ReportingPeriod.objects.restrict(officer1, "change")) == {mine}
    assert set(ReportingPeriod.objects.restrict(officer1, "view")) == {mine}
    assert set(UnitReport.objects.restrict(officer1, "view")) == set(mine.reports.all())
    services.period_close(period=mine, by=officer1)
    with pytest.raises(StepPermissionDenied):
        services.period_close(period=other, by=officer1)
    # leaders read every period and report
    assert set(ReportingPeriod.objects.restrict(users["leader"], "view")) == {mine, other}


def test_the_coordinating_unit_reviews_reports_of_its_plan_and_is_told_of_them(users, plans, clock):
    officer1, officer2 = users["officer1"], users["officer2"]
    clock.set(dt.datetime(2027, 6, 10, 9))
    mine = open_period(users["coordinator"], plan=plans["x"], units=[officer2.unit])
    other = open_period(users["coordinator"], plan=plans["y"], units=[officer2.unit])
    report = mine.reports.get()
    services.unit_report_submit(report=report, by=officer2, texts={"other": "Đã triển khai."})
    assert Notification.objects.filter(user=officer1, kind="report_submitted").count() == 1
    assert Notification.objects.filter(user=users["coordinator"], kind="report_submitted").count() == 1
    assert services.TRANSITIONS["accept"].available(officer1, UnitReport.objects.get(pk=report.pk))
    report = services.unit_report_return(report=report, by=officer1, comment="Bổ sung số liệu.")
    assert report.status == ReportStatus.RETURNED
    # the other plan's report: neither seen nor reviewed
    other_report = other.reports.get()
    services.unit_report_submit(report=other_report, by=officer2, texts={"other": "Đã triển khai."})
    assert Notification.objects.filter(user=officer1, kind="report_submitted").count() == 1
    assert not UnitReport.objects.restrict(officer1, "view").filter(pk=other_report.pk).exists()
    with pytest.raises(StepPermissionDenied):
        services.unit_report_accept(report=other_report, by=officer1)


def test_pages_of_a_plans_periods_for_its_coordinating_unit(client_for, users, plans, clock):
    clock.set(dt.datetime(2027, 6, 10, 9))
    mine = open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit])
    other = open_period(users["coordinator"], plan=plans["y"], units=[users["officer2"].unit])
    services.unit_report_submit(report=mine.reports.get(), by=users["officer2"], texts={"other": "Nội dung"})
    client = client_for("officer1")
    report = mine.reports.get()
    assert client.get(reverse("reporting:period_detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("reporting:unitreport_detail", args=[report.pk])).status_code == 200
    assert client.get(reverse("reporting:unitreport_action", args=[report.pk, "accept"])).status_code == 200
    assert client.post(reverse("reporting:unitreport_action", args=[report.pk, "accept"])).status_code == 302
    assert UnitReport.objects.get(pk=report.pk).status == ReportStatus.ACCEPTED
    assert client.get(reverse("reporting:period_consolidated", args=[mine.pk])).status_code == 200
    assert client.get(reverse("reporting:period_edit", args=[mine.pk])).status_code == 200
    for name in ("period_detail", "period_consolidated", "period_edit"):
        assert client.get(reverse(f"reporting:{name}", args=[other.pk])).status_code == 404, name
    assert client.get(reverse("reporting:unitreport_detail", args=[other.reports.get().pk])).status_code == 404
    # officer2 (a reporting unit of both) still may not consolidate
    assert client_for("officer2").get(reverse("reporting:period_consolidated", args=[mine.pk])).status_code == 403


# ----------------------------------------------------------------------------------------------------- pre-fill


def test_a_report_opens_with_the_units_tasks_in_the_plan(users, plans, tasks):
    period = open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit])
    facts = selectors.unit_report_facts(
        unit=users["officer2"].unit, period=period, user=users["officer2"], today=dt.date(2027, 6, 1)
    )
    t = facts["tasks"]
    assert t["total"] == 2 and t["overdue"] == 1
    first, second = t["items"]
    assert (first["section"], first["status_label"], first["progress"], first["overdue"]) == (
        "I.1", "Quá hạn", 60, True,
    )  # fmt: skip
    assert first["note"] == "Đã tổ chức 3 buổi tuyên truyền tại xã biên giới." and first["deadline"] == "2027-03-31"
    assert (second["section"], second["status"], second["progress"]) == ("I.2", "done", 100)
    assert [h["section"] for h in t["helped"]] == ["I.3"]
    assert "outbound" not in facts  # not the programme: no appendix figures
    texts = selectors.prefill_texts(facts)
    assert texts["tasks"].startswith("Đơn vị chủ trì 02 nhiệm vụ của kế hoạch")
    assert (
        "- I.1 Tuyên truyền về biên giới Việt - Lào (Quá hạn, 60%, thời hạn 31/03/2027): Đã tổ chức" in texts["tasks"]
    )
    assert [key for key, _ in selectors.report_sections(period)] == ["tasks", "other", "assessment"]


def test_the_report_page_shows_the_tasks_section(client_for, users, plans, tasks):
    period = open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit])
    page = client_for("officer2").get(reverse("reporting:unitreport_detail", args=[period.reports.get().pk]))
    html = page.content.decode()
    assert "Kết quả thực hiện nhiệm vụ" in html and "Tuyên truyền về biên giới Việt - Lào" in html
    assert [s["key"] for s in page.context["sections"]] == ["tasks", "other", "assessment"]  # not the programme's


def test_a_programme_report_counts_every_registry_the_unit_keeps(users):
    programme = ProgramFactory(year=YEAR)
    unit = users["officer1"].unit
    in_h1 = dt.date(2027, 3, 10)
    AidProjectFactory(managing_unit=unit, status="approved", approved_on=in_h1)
    InvestmentOpportunityFactory(managing_unit=unit, status="awarded", decision_date=in_h1)
    EventFactory(organising_unit=unit, status="held", time_text="Tháng 3", start_date=in_h1)
    EventFactory(organising_unit=unit, status="planned", time_text="Tháng 4")
    TrainingCourseFactory(organising_unit=unit, status="held", time_text="Quý I", start_date=in_h1)
    InspectionFactory(inspecting_unit=unit, status="concluded", concluded_on=in_h1)
    CitizenCaseFactory(recording_unit=unit, opened_on=dt.date(2027, 2, 1), status="closed", closed_on=in_h1)
    ApecCardApplicationFactory(receiving_unit=unit, submitted_on=dt.date(2027, 2, 1))
    ForeignPressVisitFactory(host_unit=unit, status="done", start_date=in_h1, end_date=in_h1)
    MarkerInspectionFactory(inspector_unit=unit, inspected_on=in_h1)
    OverseasVietnameseFactory(recording_unit=unit)
    AidProjectFactory(managing_unit=users["officer2"].unit, status="approved", approved_on=in_h1)  # another unit's
    period = open_period(users["coordinator"], units=[unit])
    assert period.plan == programme
    facts = selectors.unit_report_facts(unit=unit, period=period, user=users["officer1"], today=dt.date(2027, 6, 1))
    figures = {r["key"]: r for r in facts["other"]["registries"]}
    expected = {
        "aid.aidproject", "aid.investmentopportunity", "events.event", "events.trainingcourse", "events.inspection",
        "consular.citizencase", "consular.apeccardapplication", "consular.foreignpressvisit",
        "border.markerinspection", "diaspora.overseasvietnamese",
    }  # fmt: skip
    assert expected <= set(figures)
    assert figures["aid.aidproject"]["done"] == 1 and figures["aid.aidproject"]["planned"] == 1
    assert figures["aid.investmentopportunity"]["done"] == 1
    assert (figures["events.event"]["planned"], figures["events.event"]["done"]) == (2, 1)
    assert figures["events.trainingcourse"]["done"] == 1
    assert figures["events.inspection"]["done"] == 1
    assert (figures["consular.citizencase"]["received"], figures["consular.citizencase"]["done"]) == (1, 1)
    assert figures["consular.citizencase"]["items"] == []  # personal data: counts only, never names
    assert figures["consular.apeccardapplication"]["received"] == 1
    assert figures["consular.foreignpressvisit"]["done"] == 1
    assert figures["border.markerinspection"]["done"] == 1
    diaspora = figures["diaspora.overseasvietnamese"]
    assert diaspora["planned"] is None and diaspora["items"] == []
    # the four appendices keep their own sections, and the text of "other" is written from the figures
    assert {"outbound", "inbound", "conferences", "agreements", "tasks"} <= set(facts)
    text = selectors.prefill_texts(facts)["other"]
    assert "Dự án ODA, vốn vay ưu đãi, viện trợ phi chính phủ nước ngoài: kế hoạch trong kỳ 01" in text
    assert "Kiểm tra mốc quốc giới: đã kiểm tra 01 (Kiểm tra Mốc" in text


# ------------------------------------------------------------------------------------------------ consolidation


def test_the_consolidated_report_lists_the_plans_tasks(users, plans, tasks, clock):
    clock.set(dt.datetime(2027, 6, 1, 9))
    period = open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit])
    services.unit_report_submit(report=period.reports.get(), by=users["officer2"], texts=None)
    c = consolidation.consolidate(period=period, user=SYSTEM, today=dt.date(2027, 6, 1))
    assert c.receiver == users["officer1"].unit.name
    assert [label for label, _ in c.tasks_by_status] == ["Quá hạn", "Chưa triển khai", "Hoàn thành"]
    assert [unit for unit, _ in c.tasks_by_unit] == [users["officer2"].unit.name, "Sở Y tế"]

    docx = Document(io.BytesIO(exports.consolidated_docx(c)))
    text = "\n".join(p.text for p in docx.paragraphs)
    cells = "\n".join(cell.text for table in docx.tables for row in table.rows for cell in row.cells)
    assert users["officer1"].unit.name.upper() in cells  # the plan's coordinating unit issues it
    assert "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH" in text
    assert "1. Theo trạng thái thực hiện" in text and "2. Theo cơ quan chủ trì" in text
    assert f"- {users['officer2'].unit.name}: 1/2 nhiệm vụ hoàn thành" in text
    assert "Tuyên truyền về biên giới Việt - Lào" in cells
    assert "Đã tổ chức 3 buổi tuyên truyền tại xã biên giới. (báo cáo ngày 20/05/2027)" in cells
    assert "Kết quả thực hiện nhiệm vụ" in text  # the unit's own text of its tasks
    assert "Tổng hợp theo các phụ lục" not in text  # not the programme

    wb = load_workbook(io.BytesIO(exports.consolidated_xlsx(c)))
    by_status = [[c.value for c in row] for row in wb["Nhiệm vụ theo trạng thái"].iter_rows(min_row=4)]
    assert by_status[0][:4] == ["Quá hạn", 1, "I.1", "Tuyên truyền về biên giới Việt - Lào"]
    assert by_status[0][8] == "Đã tổ chức 3 buổi tuyên truyền tại xã biên giới." and by_status[0][7] == 60
    by_unit = [[c.value for c in row] for row in wb["Nhiệm vụ theo đơn vị"].iter_rows(min_row=4)]
    assert [(r[2], r[3]) for r in by_unit] == [
        ("Tuyên truyền về biên giới Việt - Lào", users["officer2"].unit.name),
        ("Cung cấp thông tin cho báo chí nước ngoài", users["officer2"].unit.name),
        ("Quảng bá du lịch", "Sở Y tế"),
    ]


def test_the_programmes_consolidated_report_keeps_its_appendices_and_adds_tasks(users):
    programme = ProgramFactory(year=YEAR)
    PlanTask.objects.create(plan=programme, section="II.1", text="Đón đoàn Lào", lead_unit=users["officer1"].unit)
    period = open_period(users["coordinator"], units=[users["officer1"].unit, UnitFactory()])
    c = consolidation.consolidate(period=period, user=SYSTEM, today=dt.date(2027, 6, 1))
    text = "\n".join(p.text for p in Document(io.BytesIO(exports.consolidated_docx(c))).paragraphs)
    assert "Tổng hợp theo các phụ lục của Chương trình" in text
    assert "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH" in text
    assert "IV. TÌNH HÌNH NỘP BÁO CÁO" in text


def test_the_consolidated_page_lists_the_plans_tasks_by_status_and_unit(client_for, users, plans, tasks, clock):
    clock.set(dt.datetime(2027, 6, 1, 9))
    period = open_period(users["coordinator"], plan=plans["x"], units=[users["officer2"].unit])
    page = client_for("officer1").get(reverse("reporting:period_consolidated", args=[period.pk])).content.decode()
    assert "I. Kết quả thực hiện các nhiệm vụ của kế hoạch" in page
    assert "II. Báo cáo của các cơ quan, đơn vị" in page and "III. Tình hình nộp báo cáo" in page
    assert "Phụ lục 1" not in page  # not the programme
    by_status = page.split('id="tasks-by-status"')[1].split('id="tasks-by-unit"')[0]
    assert (
        by_status.index("Quá hạn (1)")
        < by_status.index("Tuyên truyền về biên giới")
        < by_status.index("Chưa triển khai (1)")
    )
    assert "Đã tổ chức 3 buổi tuyên truyền tại xã biên giới." in by_status and "60%" in by_status
    assert tasks["t1"].get_absolute_url() in by_status
    by_unit = page.split('id="tasks-by-unit"')[1]
    assert by_unit.index(users["officer2"].unit.name) < by_unit.index("Quảng bá du lịch")
    assert "3 nhiệm vụ giao cơ quan chủ trì, 1 đã hoàn thành" in page


def test_the_programmes_consolidated_page_numbers_its_parts_as_the_document(client_for, users):
    programme = ProgramFactory(year=YEAR)
    PlanTask.objects.create(plan=programme, section="II.1", text="Đón đoàn Lào", lead_unit=users["officer1"].unit)
    period = open_period(users["coordinator"], units=[users["officer1"].unit])
    page = client_for("coordinator").get(reverse("reporting:period_consolidated", args=[period.pk])).content.decode()
    for heading in ("I. Kết quả thực hiện kế hoạch", "II. Kết quả thực hiện các nhiệm vụ", "IV. Tình hình nộp"):
        assert heading in page
    assert "Phụ lục 1" in page and "Đón đoàn Lào" in page
