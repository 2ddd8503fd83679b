"""Programme pages: list, detail with the tree and the live appendices, forms, steps, exports, versions."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from doingoai.core.models import BusinessEvent
from doingoai.delegations.models import DelegationGroup, DelegationStatus
from doingoai.programs import services
from doingoai.programs.models import Plan, PlanStatus, PlanTask
from tests.factories import DelegationFactory
from tests.programs.factories import ProgramFactory, ProgramItemFactory

pytestmark = pytest.mark.django_db
YEAR = 2027


def body(response) -> str:
    return response.content.decode()


def test_everyone_signed_in_reads_the_programme_with_its_tree_and_appendices(client_for, users):
    program = ProgramFactory(year=YEAR)
    item = ProgramItemFactory(plan=program, section="II", text="NỘI DUNG CHƯƠNG TRÌNH")
    ProgramItemFactory(plan=program, parent=item, section="II.1", text="Đối ngoại Đảng")
    DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN, name="Đoàn trong kế hoạch", group="departments")
    for role in ("coordinator", "leader", "finance", "officer1"):
        page = body(client_for(role).get(f"/plans/{program.pk}/"))
        assert "II.</span> NỘI DUNG CHƯƠNG TRÌNH" in page and "1.</span> Đối ngoại Đảng" in page
        assert "Đoàn trong kế hoạch" in page and "ĐOÀN ĐI NƯỚC CHDCND LÀO: 01 đoàn" in page
        assert "Phụ lục 4 (.xlsx)" in page
        assert ("Thêm mục lớn" in page) == (role == "coordinator")
    assert str(YEAR) in body(client_for("officer2").get("/plans/"))


def test_stated_counts_are_compared_with_the_registries(client_for, users):
    program = ProgramFactory(year=YEAR, planned_outbound=3, planned_inbound=0)
    DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN)
    page = body(client_for("coordinator").get(f"/plans/{program.pk}/"))
    assert page.count("Chênh lệch") == 1  # 3 stated, 1 in the registry; inbound 0 = 0


def test_coordinator_creates_a_programme_with_history(client_for, users):
    response = client_for("coordinator").post("/plans/add/", {"year": YEAR, "signer_position": "Phó Chủ tịch"})
    assert response.status_code == 302
    program = Plan.objects.get(year=YEAR)
    assert program.adjustment_deadline == dt.date(YEAR, 3, 30)
    assert program.history.first().history_user == users["coordinator"]
    again = client_for("coordinator").post("/plans/add/", {"year": YEAR})
    assert again.status_code == 400 and "đã có Chương trình hoạt động đối ngoại" in body(again)
    wrong = client_for("coordinator").post("/plans/add/", {"year": 1800})
    assert "Năm 1800 không hợp lệ" in body(wrong)
    bad_deadline = client_for("coordinator").post(
        "/plans/add/", {"year": YEAR + 1, "adjustment_deadline": "2027-03-30"}
    )
    assert f"Hạn điều chỉnh phải trong năm {YEAR + 1}." in body(bad_deadline)
    assert client_for("leader").get("/plans/add/").status_code == 403
    assert client_for("officer1").post("/plans/add/", {"year": YEAR + 2, "kind": "program"}).status_code == 400
    assert not Plan.objects.filter(year=YEAR + 2).exists()


def test_an_officer_makes_its_units_own_plan_not_the_programme(client_for, users):
    officer = client_for("officer1")
    form = body(officer.get("/plans/add/"))
    assert 'value="thematic"' in form and 'value="program"' not in form and 'name="coordinating_unit"' not in form
    data = {"year": YEAR, "kind": "thematic", "title": "Kế hoạch triển khai của Sở", "signer_position": "Giám đốc"}
    response = officer.post("/plans/add/", data | {"coordinating_unit": users["officer2"].unit.pk})
    assert response.status_code == 302, body(response)[:2000]
    plan = Plan.objects.get(title="Kế hoạch triển khai của Sở")
    assert plan.coordinating_unit == users["officer1"].unit  # its own unit, whatever the request said
    assert client_for("officer2").get(f"/plans/{plan.pk}/edit/").status_code == 404


def test_items_are_added_under_a_parent_edited_and_deleted(client_for, users):
    program = ProgramFactory(year=YEAR)
    parent = ProgramItemFactory(plan=program, section="II", text="NỘI DUNG")
    c = client_for("coordinator")
    form = body(c.get(f"/plans/tasks/add/?plan={program.pk}&parent={parent.pk}"))
    assert f'<option value="{parent.pk}" selected>' in form
    data = {
        "plan": program.pk,
        "parent": parent.pk,
        "section": "II.1",
        "pillar": "party",
        "text": "Đối ngoại Đảng với các tỉnh của Lào",
        "lead_unit": users["officer1"].unit.pk,
        "coordinating_units": [users["officer2"].unit.pk],
        "progress": 40,
    }
    response = c.post("/plans/tasks/add/", data)
    assert response.status_code == 302 and response["Location"].startswith("/plans/tasks/")
    item = PlanTask.objects.get(text=data["text"])
    assert item.parent == parent and item.order > 0 and item.lead_unit == users["officer1"].unit
    assert list(item.coordinating_units.all()) == [users["officer2"].unit]
    assert item.history.first().history_user == users["coordinator"]

    edit = c.post(f"/plans/tasks/{item.pk}/edit/", data | {"text": "Đã sửa", "_version": item.version})
    assert edit.status_code == 302
    item.refresh_from_db()
    assert item.text == "Đã sửa"

    refused = c.post(f"/plans/tasks/{parent.pk}/delete/")
    assert refused.status_code == 302 and PlanTask.objects.filter(pk=parent.pk).exists()
    page = body(c.get(refused["Location"].split("#")[0]))
    assert "còn 1 mục con" in page
    deleted = c.post(f"/plans/tasks/{item.pk}/delete/")
    assert deleted["Location"] == f"/plans/{program.pk}/#tree" and not PlanTask.objects.filter(pk=item.pk).exists()


def test_item_form_errors_are_vietnamese_and_name_the_field(client_for, users):
    program, other = ProgramFactory(year=YEAR), ProgramFactory(year=YEAR + 1)
    foreign_parent = ProgramItemFactory(plan=other)
    item = ProgramItemFactory(plan=program)
    child = ProgramItemFactory(plan=program, parent=item)
    c = client_for("coordinator")
    response = c.post(
        "/plans/tasks/add/",
        {
            "plan": program.pk,
            "parent": foreign_parent.pk,
            "section": "2.x.y",
            "pillar": "state",
            "text": "",
        },
    )
    page = body(response)
    assert response.status_code == 400
    assert "Trường này là bắt buộc." in page  # text
    assert "Số mục viết như II, II.4 hoặc II.4.a" in page
    response = c.post(
        f"/plans/tasks/{item.pk}/edit/",
        {"plan": program.pk, "parent": child.pk, "pillar": "state", "text": "Vòng lặp", "_version": item.version},
    )
    assert "Không thể đặt một mục vào trong chính nó hoặc mục con của nó." in body(response)


def test_readers_do_not_write_items(client_for, users):
    item = ProgramItemFactory()
    for role in ("leader", "finance", "officer1"):
        c = client_for(role)
        assert c.get(f"/plans/tasks/{item.pk}/").status_code == 200
        assert c.get(f"/plans/tasks/{item.pk}/edit/").status_code == 404
        assert c.post(f"/plans/tasks/{item.pk}/delete/").status_code == 404
        assert c.get(f"/plans/tasks/add/?plan={item.plan_id}").status_code == 403


def test_issue_through_the_web_by_the_leader(client_for, users):
    program = ProgramFactory(year=YEAR)
    assert client_for("coordinator").post(f"/plans/{program.pk}/action/submit/").status_code == 302
    assert client_for("coordinator").get(f"/plans/{program.pk}/action/issue/").status_code == 403
    c = client_for("leader")
    missing = c.post(f"/plans/{program.pk}/action/issue/", {"number": "", "issued_on": "", "signer_name": ""})
    assert missing.status_code == 400 and "Cần nhập số văn bản." in body(missing)
    response = c.post(
        f"/plans/{program.pk}/action/issue/",
        {
            "number": "818/CTr-UBND",
            "issued_on": "2026-11-30",
            "signer_name": "Nguyễn Văn An",
            "signer_position": "Phó Chủ tịch",
        },
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.status == PlanStatus.ISSUED and program.versions.count() == 1
    assert BusinessEvent.objects.filter(object_id=program.pk, verb="issue", actor=users["leader"]).exists()


def test_export_docx_and_xlsx_from_the_web(client_for, users):
    program = ProgramFactory(year=YEAR, number="818/CTr-UBND", issued_on=dt.date(2026, 11, 30), status="issued")
    ProgramItemFactory(plan=program, section="I", text="MỤC ĐÍCH, YÊU CẦU")
    DelegationFactory(year=YEAR, status=DelegationStatus.APPROVED, group=DelegationGroup.DISTRICTS, name="Đoàn huyện")
    c = client_for("officer1")
    response = c.get(f"/plans/export/?year={YEAR}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert f'filename="chuong-trinh-doi-ngoai-{YEAR}.docx"' in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    texts = [p.text for p in doc.paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "PHỤ LỤC 1" in texts and "PHỤ LỤC 4" in texts
    assert len(doc.sections) == 5

    response = c.get(f"/plans/export/?year={YEAR}&format=xlsx&appendix=1")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "Đoàn huyện" in values and "ĐOÀN ĐI NƯỚC CHDCND LÀO: 01 đoàn" in values

    wrong = c.get(f"/plans/export/?year={YEAR}&format=xlsx&appendix=9")
    assert wrong.status_code == 302
    assert "Phụ lục phải là 1, 2, 3 hoặc 4." in body(c.get(wrong["Location"]))
    assert client_for("leader").get("/plans/export/?year=1700").status_code == 404


def test_versions_page_shows_what_changed(client_for, users):
    unit = users["officer1"].unit
    kept = DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN, name="Đoàn giữ nguyên", proposing_unit=unit)
    moved = DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN, name="Đoàn đổi lịch", proposing_unit=unit)
    dropped = DelegationFactory(year=YEAR, status=DelegationStatus.IN_PLAN, name="Đoàn bỏ", proposing_unit=unit)
    program = services.program_submit(plan=ProgramFactory(year=YEAR), by=users["coordinator"])
    program = services.program_issue(
        plan=program, by=users["leader"], number="818/CTr-UBND", issued_on=dt.date(2026, 11, 30), signer_name="A"
    )
    c = client_for("coordinator")
    only_one = body(c.get(f"/plans/{program.pk}/versions/"))
    assert "Không thay đổi." in only_one  # version 1 against the registries now
    services.program_open_adjustment(plan=program, by=users["coordinator"], today=dt.date(YEAR, 3, 1))
    moved.time_text = "Quý IV"
    moved.save()
    dropped.status = DelegationStatus.CANCELLED
    dropped.save()
    added = DelegationFactory(year=YEAR, status=DelegationStatus.APPROVED, name="Đoàn mới", proposing_unit=unit)
    services.program_record_version(plan=program, by=users["coordinator"])

    response = client_for("officer1").get(f"/plans/{program.pk}/versions/?a=1&b=2")
    page = body(response)
    assert response.status_code == 200
    assert "Đoàn mới" in page and f"/delegations/{added.pk}/" in page
    assert "Đoàn bỏ" in page and "Đoàn đổi lịch" in page and "Quý IV" in page
    assert "Đoàn giữ nguyên" not in page and kept.name == "Đoàn giữ nguyên"
    assert 'class="badge text-bg-success">Thêm 1<' in page and 'class="badge text-bg-danger">Bớt 1<' in page
    assert client_for("officer1").get(f"/plans/{program.pk}/versions/?a=7").status_code == 400


def test_versions_page_without_versions(client_for, users):
    program = ProgramFactory(year=YEAR)
    page = body(client_for("finance").get(f"/plans/{program.pk}/versions/"))
    assert "Chưa có phiên bản nào." in page


def test_item_list_filters_by_pillar(client_for, users):
    ProgramItemFactory(pillar="party", text="Việc của Đảng")
    ProgramItemFactory(pillar="people", text="Việc nhân dân")
    page = body(client_for("leader").get("/plans/tasks/?pillar=party"))
    assert "Việc của Đảng" in page and "Việc nhân dân" not in page
