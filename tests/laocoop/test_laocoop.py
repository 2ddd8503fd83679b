"""Lao border cooperation: meetings and the points agreed there, twinned villages, seasons, assistance projects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from doingoai.core.models import Unit
from doingoai.core.registry import registry_for
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.laocoop import services
from doingoai.laocoop.deadlines import ACTION_DUE
from doingoai.laocoop.models import (
    ActionStatus,
    AssistanceProject,
    AssistanceStatus,
    BorderMeeting,
    MeetingAction,
    RemainsSeason,
    TwinningActivity,
    TwinningPair,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def refs(db):
    return services.example_references()


def meeting_values(unit: Unit, **extra):
    return {
        "title": "Hội đàm cấp huyện Kỳ Sơn – Noọng Hét",
        "kind": "talks",
        "level": "district",
        "year": 2025,
        "held_on": dt.date(2025, 3, 10),
        "lao_side_text": "Huyện Noọng Hét, tỉnh Xiêng Khoảng",
        "host_unit": unit,
    } | extra


def test_agreed_points_one_a_line_without_list_marks():
    text = "- Phối hợp tuần tra song phương\n\n+ Trao đổi thông tin hằng tháng\n2. Sửa chữa mốc 405(1)\n"
    text += "a) Tổ chức giao lưu"
    assert services.agreed_points(text) == [
        "Phối hợp tuần tra song phương",
        "Trao đổi thông tin hằng tháng",
        "Sửa chữa mốc 405(1)",
        "Tổ chức giao lưu",
    ]


def test_meeting_with_points_then_reported_puts_the_points_under_follow_up(users):
    officer = users["officer1"]
    meeting = services.border_meeting_create(
        by=officer,
        values=meeting_values(officer.unit),
        points="Phối hợp tuần tra song phương\nTrao đổi thông tin hằng tháng",
        points_due_on=dt.date(2025, 6, 30),
    )
    actions = list(meeting.actions.order_by("id"))
    assert [a.status for a in actions] == [ActionStatus.DRAFT] * 2
    assert {a.owner_unit for a in actions} == {officer.unit}
    # Another unit sees neither the draft meeting nor its points.
    assert not BorderMeeting.objects.restrict(users["officer2"]).exists()
    assert not MeetingAction.objects.restrict(users["officer2"]).exists()
    services.border_meeting_report(bordermeeting=meeting, by=officer)
    assert set(meeting.actions.values_list("status", flat=True)) == {ActionStatus.OPEN}
    assert MeetingAction.objects.restrict(users["officer2"]).count() == 2
    # The open points are deadlines of the unit in charge.
    registry = registry_for(MeetingAction)
    deadlines = list(ACTION_DUE.deadlines(registry, users["coordinator"]))
    assert [d.due for d in deadlines] == [dt.date(2025, 6, 30)] * 2
    assert deadlines[0].unit == officer.unit
    done = services.meeting_action_complete(
        meetingaction=actions[0], by=officer, done_on=dt.date(2025, 5, 2), result="Đã tuần tra 3 đợt"
    )
    assert done.status == ActionStatus.DONE and done.done_on == dt.date(2025, 5, 2)
    assert len(list(ACTION_DUE.deadlines(registry, users["coordinator"]))) == 1
    with pytest.raises(StepPermissionDenied):
        services.meeting_action_complete(
            meetingaction=actions[1], by=users["officer2"], done_on=dt.date(2025, 5, 2), result="x"
        )


def test_points_due_before_the_meeting_are_refused_and_nothing_saved(users):
    officer = users["officer1"]
    with pytest.raises(WorkflowError, match="không được trước ngày hội đàm"):
        services.border_meeting_create(
            by=officer, values=meeting_values(officer.unit), points="Một nội dung", points_due_on=dt.date(2025, 1, 1)
        )
    assert not BorderMeeting.objects.exists() and not MeetingAction.objects.exists()


def test_a_meeting_is_reported_only_with_its_date(users):
    officer = users["officer1"]
    meeting = services.border_meeting_create(by=officer, values=meeting_values(officer.unit, held_on=None))
    with pytest.raises(WorkflowError, match="Cần ghi ngày tổ chức"):
        services.border_meeting_report(bordermeeting=meeting, by=officer)
    assert BorderMeeting.objects.get().status == "draft"


def test_meeting_form_creates_points_and_needs_the_lao_side(client_for, users):
    client = client_for("officer1")
    data = {
        "title": "Giao ban biên giới quý I",
        "kind": "briefing",
        "level": "commune",
        "year": 2025,
        "held_on": "2025-03-10",
        "points": "Trao đổi danh sách đối tượng\nPhối hợp kiểm tra mốc",
        "points_due_on": "2025-06-30",
    }
    response = client.post(reverse("laocoop:bordermeeting_add"), data)
    assert response.status_code == 400
    assert "Cần chọn phía Lào hoặc ghi tên phía Lào." in response.content.decode()
    response = client.post(reverse("laocoop:bordermeeting_add"), data | {"lao_side_text": "Bản Huồi Khăm"})
    assert response.status_code == 302
    meeting = BorderMeeting.objects.get()
    assert meeting.host_unit == users["officer1"].unit
    assert list(meeting.actions.values_list("text", flat=True)) == [
        "Trao đổi danh sách đối tượng",
        "Phối hợp kiểm tra mốc",
    ]
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Phối hợp kiểm tra mốc" in html and "30/06/2025" in html


def test_twinning_pair_page_groups_activities_by_year(client_for, users, refs):
    commune, lao = refs
    unit = users["officer1"].unit
    pair = TwinningPair.objects.create(
        vn_commune=commune, vn_village="Bản Huồi Tụ", lao_level="village", lao_name="Bản Nậm Khăn",
        lao_district="Noọng Hét", lao_province=lao, managing_unit=unit, status="active", year=2012,
    )  # fmt: skip
    for day, title in [(dt.date(2023, 9, 2), "Giao lưu Quốc khánh"), (dt.date(2024, 4, 13), "Tết Bunpimay")]:
        TwinningActivity.objects.create(pair=pair, held_on=day, title=title, unit=unit, status="reported")
    html = client_for("officer2").get(pair.get_absolute_url()).content.decode()
    assert html.index("Năm 2024") < html.index("Tết Bunpimay") < html.index("Năm 2023") < html.index("Giao lưu")
    assert "Bản Huồi Tụ, Xã Mường Típ – Bản Nậm Khăn" in html


def test_twinning_form_needs_the_lao_villages_district_and_no_future_date(client_for, users, refs):
    commune, lao = refs
    data = {
        "vn_commune": commune.pk, "lao_level": "village", "lao_name": "Bản Pha", "lao_province": lao.pk, "year": 2020,
        "signed_on": (dt.date.today() + dt.timedelta(days=3)).isoformat(),
    }  # fmt: skip
    html = client_for("officer1").post(reverse("laocoop:twinningpair_add"), data).content.decode()
    assert "Cần ghi huyện (mường) của bản phía Lào." in html
    assert "Ngày ký kết nghĩa không được sau ngày hôm nay." in html
    data |= {"signed_on": "2019-05-01", "lao_district": "Noọng Hét"}
    html = client_for("officer1").post(reverse("laocoop:twinningpair_add"), data).content.decode()
    assert "Ngày ký kết nghĩa (01/05/2019) không thuộc năm 2020." in html
    assert not TwinningPair.objects.exists()


def test_remains_seasons_totals_and_checks(client_for, users, refs):
    unit = users["officer1"].unit
    for year, found, back in [(2022, 12, 12), (2023, 9, 8)]:
        season = RemainsSeason.objects.create(
            season=f"{year} – {year + 1}", year=year, team="Đội 4", team_unit=unit,
            remains_found=found, remains_repatriated=back, status="reported",
        )  # fmt: skip
        season.lao_provinces.set([refs[1]])
    html = client_for("coordinator").get(reverse("laocoop:remainsseason_list")).content.decode()
    assert "Tổng cộng" in html and ">21<" in html.replace(" ", "") and ">20<" in html.replace(" ", "")
    data = {
        "season": "2024 – 2025", "year": 2024, "team": "Đội 4", "started_on": "2023-11-01",
        "ended_on": "2023-10-01", "remains_found": 5, "remains_repatriated": 3, "identified": 4,
    }  # fmt: skip
    html = client_for("officer1").post(reverse("laocoop:remainsseason_add"), data).content.decode()
    assert "Ngày kết thúc không được trước ngày bắt đầu." in html
    assert "không được lớn hơn số hài cốt hồi hương" in html
    assert "Ngày bắt đầu phải thuộc mùa khô bắt đầu năm 2024." in html


def test_assistance_project_workflow(users, refs):
    officer, leader = users["officer1"], users["leader"]
    project = services.core_services.object_create(
        model=AssistanceProject,
        by=officer,
        values={
            "year": 2024, "title": "Trường tiểu học bản Xiêng Lắm", "beneficiary": refs[1], "sector": "education",
            "amount_vnd": Decimal("2500000000"),
        },
    )  # fmt: skip
    assert project.managing_unit == officer.unit and project.status == AssistanceStatus.DRAFT
    services.assistance_project_submit(assistanceproject=project, by=officer)
    with pytest.raises(StepPermissionDenied):
        services.assistance_project_approve(assistanceproject=project, by=officer, decision_ref="1/QĐ-UBND")
    services.assistance_project_approve(assistanceproject=project, by=leader, decision_ref="1234/QĐ-UBND")
    services.assistance_project_start(assistanceproject=project, by=officer)
    project = services.assistance_project_hand_over(
        assistanceproject=project, by=officer, handed_over_on=dt.date(2025, 8, 30)
    )
    assert (project.status, project.decision_ref, project.handed_over_on) == (
        AssistanceStatus.HANDED_OVER,
        "1234/QĐ-UBND",
        dt.date(2025, 8, 30),
    )
    assert project.history.count() >= 5
