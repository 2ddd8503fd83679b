"""A plan's page: its tasks overdue first, filters, counts by unit, the progress timeline; its exports (.xlsx of
the tasks, .docx of the plan) and who may read them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from doingoai.core.models import Unit
from doingoai.programs import services
from doingoai.programs.models import Pillar, PlanKind
from tests.programs.factories import ProgramFactory, ProgramItemFactory
from tests.programs.plan_data import TODAY

pytestmark = pytest.mark.django_db


def page(client, plan, query=""):
    response = client.get(f"{plan.get_absolute_url()}{query}")
    assert response.status_code == 200
    return response


def test_tasks_overdue_first_then_by_deadline_with_their_status(client_for, info_plan):
    response = page(client_for("coordinator"), info_plan.plan)
    tasks = list(response.context["tasks"])
    # Overdue (oldest deadline first), then by deadline, the recurring one (no date) last; headings are not tasks.
    assert tasks == [info_plan.late, info_plan.late2, info_plan.soon, info_plan.reported]
    assert [t.display_status[0] for t in tasks] == ["overdue", "overdue", "in_progress", "reported"]
    html = response.content.decode()
    assert 'id="task-table"' in html and "Quá hạn" in html
    assert info_plan.late.get_absolute_url() in html
    assert "Đang dịch nội dung" in html  # the last progress note


def test_filters_by_lead_unit_pillar_and_status(client_for, users, info_plan):
    client = client_for("coordinator")
    unit_a = users["officer1"].unit
    assert list(page(client, info_plan.plan, f"?lead_unit={unit_a.pk}").context["tasks"]) == [
        info_plan.late,
        info_plan.soon,
    ]
    assert list(page(client, info_plan.plan, "?pillar=people").context["tasks"]) == [info_plan.soon]
    assert list(page(client, info_plan.plan, "?status=overdue").context["tasks"]) == [info_plan.late, info_plan.late2]
    assert list(page(client, info_plan.plan, "?status=reported").context["tasks"]) == [info_plan.reported]
    both = page(client, info_plan.plan, f"?lead_unit={unit_a.pk}&status=overdue").context["tasks"]
    assert list(both) == [info_plan.late]
    # A unit that leads nothing in this plan, or an unknown status, is ignored as a list filter would.
    other = Unit.objects.exclude(pk__in=[unit_a.pk, users["officer2"].unit.pk]).first()
    assert len(page(client, info_plan.plan, f"?lead_unit={other.pk}&status=bogus").context["tasks"]) == 4
    choices = page(client, info_plan.plan).context["task_filter_form"].fields["lead_unit"].choices
    assert [label for _, label in choices] == ["Tất cả", "Công an tỉnh", "Sở Du lịch"]


def test_counts_by_unit_and_recent_progress(client_for, users, info_plan):
    context = page(client_for("leader"), info_plan.plan).context
    rows = {r.name: r for r in context["unit_rows"]}
    assert rows["Sở Du lịch"].counts == {"in_progress": 2, "overdue": 1}
    assert rows["Công an tỉnh"].counts == {"not_started": 1, "reported": 1, "overdue": 1}
    assert [c[2] for c in rows["Công an tỉnh"].cells] == [1, 0, 1, 0, 0, 1]
    assert rows["Sở Du lịch"].total == 2
    timeline = context["timeline"]
    assert [e.text for e in timeline][:1] in (["Đã cung cấp thông tin quý I"], ["Đã liên hệ Bộ Ngoại giao"])
    assert {e.task_id for e in timeline} == {info_plan.late.pk, info_plan.soon.pk, info_plan.reported.pk}
    assert timeline[-1].reported_on == TODAY - dt.timedelta(days=12)  # oldest last
    summary = {v: n for v, _, _, n in context["task_summary"].by_status}
    assert summary["overdue"] == 2 and summary["reported"] == 1


def test_implementation_plans_shown_per_recipient(client_for, users, info_plan):
    services.plan_create(
        by=users["coordinator"],
        values={
            "kind": PlanKind.THEMATIC,
            "year": TODAY.year,
            "title": "Kế hoạch thực hiện của Công an tỉnh",
            "coordinating_unit": users["officer2"].unit,
            "parent": info_plan.plan,
        },
    )
    html = page(client_for("coordinator"), info_plan.plan).content.decode()
    assert "Công an tỉnh: đã có" in html
    assert "Sở Du lịch: chưa ban hành" in html


def test_programme_page_keeps_appendices_and_versions(client_for, users):
    program = ProgramFactory(year=TODAY.year + 1)
    ProgramItemFactory(plan=program, lead_unit=users["officer1"].unit)
    html = page(client_for("officer1"), program).content.decode()
    assert "Phụ lục 1" in html and "Phiên bản kế hoạch" in html
    assert 'id="pane-tasks"' in html and 'id="pane-tree"' in html
    assert reverse("programs:plan_tasks_xlsx", args=[program.pk]) in html


# ------------------------------------------------------------------------------------------------ rights


def test_an_officer_sees_only_the_plans_addressed_to_the_unit(client, users, info_plan):
    plan = info_plan.plan
    urls = [
        plan.get_absolute_url(),
        reverse("programs:plan_docx", args=[plan.pk]),
        reverse("programs:plan_tasks_xlsx", args=[plan.pk]),
    ]
    client.force_login(info_plan.outsider)
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert plan not in client.get(reverse("programs:plan_list")).context["filter"].qs
    for name in ("officer1", "officer2", "leader", "finance"):
        client.force_login(users[name])
        for url in urls:
            assert client.get(url).status_code == 200, (name, url)
    client.logout()
    assert client.get(urls[1]).status_code == 302  # to the login page


# ------------------------------------------------------------------------------------------------ exports


def test_task_list_xlsx_as_on_the_page(client_for, users, info_plan):
    response = client_for("coordinator").get(reverse("programs:plan_tasks_xlsx", args=[info_plan.plan.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert 'filename="ke-hoach-cong-tac-thong-tin-doi-ngoai' in response["Content-Disposition"]
    ws = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in ws[1]]
    assert header[:3] == ["TT", "Số mục", "Nội dung nhiệm vụ"]
    assert ws.freeze_panes == "A2"
    assert ws[1][0].font.bold
    assert round(ws.column_dimensions["C"].width) in (60, 61)  # 60 characters (+ Excel's padding)
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    col = {name: i for i, name in enumerate(header)}
    assert [r[col["Số mục"]] for r in rows] == ["II.1", "II.3", "II.2", "II.4"]
    first = rows[0]
    assert first[col["Trạng thái"]] == "Quá hạn"
    assert first[col["Cơ quan chủ trì"]] == "Sở Du lịch"
    assert first[col["Cơ quan phối hợp"]] == "Sở Ngoại vụ"
    assert first[col["Thời hạn"]].date() == TODAY - dt.timedelta(days=10)  # a date, not text
    assert ws.cell(row=2, column=col["Thời hạn"] + 1).number_format == "DD/MM/YYYY"
    assert first[col["Tiến độ (%)"]] == 40  # a number
    assert first[col["Ngày báo cáo gần nhất"]].date() == TODAY - dt.timedelta(days=12)
    assert rows[3][col["Thời hạn định kỳ"]] == "Hằng quý"
    # The page's filters apply to the export.
    filtered = client_for("coordinator").get(
        reverse("programs:plan_tasks_xlsx", args=[info_plan.plan.pk]) + f"?lead_unit={users['officer2'].unit.pk}"
    )
    ws = load_workbook(io.BytesIO(filtered.content)).active
    assert [r[1].value for r in ws.iter_rows(min_row=2)] == ["II.3", "II.4"]


def docx_text(content: bytes) -> tuple[str, list]:
    document = Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(paragraphs + cells), document.tables


def test_plan_docx_in_decree_30_format(client_for, info_plan):
    response = client_for("officer1").get(reverse("programs:plan_docx", args=[info_plan.plan.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    text, tables = docx_text(response.content)
    assert "KẾ HOẠCH" in text
    assert "Kế hoạch công tác thông tin đối ngoại năm" in text
    assert "Số: 125/KH-UBND" in text
    assert "ỦY BAN NHÂN DÂN" in text and "TM. ỦY BAN NHÂN DÂN" in text and "KT. CHỦ TỊCH" in text
    assert "Nguyễn Văn Đệ" in text
    assert "1. Xây dựng chuyên mục quảng bá du lịch bằng tiếng Lào" in text
    assert "Cơ quan chủ trì: Sở Du lịch; cơ quan phối hợp: Sở Ngoại vụ" in text
    assert f"thời hạn: {info_plan.late.deadline:%d/%m/%Y}" in text
    assert "trong thời hạn 15 ngày" in text  # the implementation plans asked for
    assert "Sở Du lịch" in text and "Lưu: VT" in text  # recipients: the plan's units
    # The list of tasks as an annex table, one row per task.
    annex = tables[-1]
    assert [c.text for c in annex.rows[0].cells][:4] == ["TT", "Mục", "Nội dung nhiệm vụ", "Cơ quan chủ trì"]
    assert len(annex.rows) == 1 + 4


def test_notice_and_letter_kinds(users):
    from doingoai.programs.exports import plan_docx

    coord = users["coordinator"]
    notice = services.plan_create(
        by=coord, values={"kind": PlanKind.NOTICE, "year": TODAY.year, "title": "Kết luận của Trưởng ban"}
    )
    text, _ = docx_text(plan_docx(plan=notice).content)
    assert "THÔNG BÁO" in text and "/TB-UBND" in text
    letter = services.plan_create(
        by=coord,
        values={"kind": PlanKind.DIRECTIVE, "year": TODAY.year, "title": "Triển khai công tác thông tin đối ngoại"},
    )
    text, _ = docx_text(plan_docx(plan=letter).content)
    assert "V/v triển khai công tác thông tin đối ngoại" in text
    assert "CÔNG VĂN" not in text and "KẾ HOẠCH" not in text  # a letter has no type name (Decree 30)


def test_programme_docx_is_the_programme_export(client_for):
    program = ProgramFactory(year=TODAY.year + 1)
    ProgramItemFactory(plan=program, pillar=Pillar.STATE, text="Tăng cường hợp tác với các tỉnh của Lào")
    response = client_for("coordinator").get(reverse("programs:plan_docx", args=[program.pk]))
    assert f"chuong-trinh-doi-ngoai-{program.year}.docx" in response["Content-Disposition"]
    text, _ = docx_text(response.content)
    assert "CHƯƠNG TRÌNH" in text and "PHỤ LỤC 1" in text
