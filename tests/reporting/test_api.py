"""The reporting follow-up through the API: same rights and services as the web (reporting.api)."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from doingoai.core.models import BusinessEvent
from doingoai.reporting.models import ReportStatus, UnitReport, UnitReportVersion
from tests.api_cases import api_client

pytestmark = pytest.mark.django_db
TEXTS = {"other": "Đơn vị tiếp 02 đoàn doanh nghiệp Lào.", "assessment": "Cơ bản hoàn thành kế hoạch."}


def report_of(period, user) -> UnitReport:
    return period.reports.get(unit=user.unit)


def test_periods_and_reports_are_read_with_the_web_rights(users, period):
    assert api_client().get("/api/reporting-periods/").status_code == 401
    officer = api_client(users["officer1"])
    rows = officer.get("/api/reporting-periods/", {"year": 2027}).json()["results"]
    assert [r["id"] for r in rows] == [period.pk] and rows[0]["label"] == "6 tháng đầu năm 2027"
    reports = officer.get("/api/unit-reports/").json()["results"]
    assert [r["unit"] for r in reports] == [users["officer1"].unit_id]  # its own unit's only
    theirs = report_of(period, users["officer2"])
    assert officer.get(f"/api/unit-reports/{theirs.pk}/").status_code == 404
    leader_rows = api_client(users["leader"]).get("/api/unit-reports/", {"period": period.pk}).json()["results"]
    assert len(leader_rows) == 3
    assert "unit-reports" in api_client(users["leader"]).get("/api/").json()


def test_officer_saves_submits_and_coordinator_returns_then_accepts(users, period):
    mine = report_of(period, users["officer1"])
    token = Token.objects.create(user=users["officer1"])
    officer = APIClient()
    officer.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    url = f"/api/unit-reports/{mine.pk}/"

    saved = officer.patch(url, {"texts": TEXTS, "version": mine.version}, format="json")
    assert saved.status_code == 200, saved.json()
    assert saved.json()["texts"]["other"] == TEXTS["other"] and saved.json()["status"] == "draft"
    stale = officer.patch(url, {"texts": {"other": "Ghi đè"}, "version": mine.version}, format="json")
    assert stale.status_code == 409 and "người khác" in stale.json()["detail"]
    not_a_number = officer.patch(url, {"texts": TEXTS, "version": "hai"}, format="json")
    assert not_a_number.status_code == 400 and not_a_number.json() == {"version": ["Phiên bản phải là số nguyên."]}
    bad = officer.patch(url, {"texts": {"khong_co": "x"}}, format="json")
    assert bad.status_code == 400 and "Không có mục: khong_co" in bad.json()["texts"][0]

    assert [s["name"] for s in officer.get(url + "actions/").json()] == ["submit"]
    assert officer.post(url + "actions/accept/").status_code == 403
    submitted = officer.post(url + "actions/submit/", format="json")
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["status"] == ReportStatus.SUBMITTED
    assert UnitReportVersion.objects.filter(report=mine).count() == 1
    assert officer.patch(url, {"texts": TEXTS}, format="json").status_code == 404  # no longer editable

    coordinator = api_client(users["coordinator"])
    assert coordinator.post(url + "actions/return/", {"comment": " "}, format="json").json() == {
        "comment": ["Cần ghi ý kiến để đơn vị chỉnh sửa."]
    }
    returned = coordinator.post(url + "actions/return/", {"comment": "Bổ sung số liệu đoàn vào."}, format="json")
    assert returned.status_code == 200 and returned.json()["status"] == ReportStatus.RETURNED
    resubmitted = officer.post(url + "actions/submit/", {"texts": TEXTS | {"inbound": "02 đoàn"}}, format="json")
    assert resubmitted.status_code == 200, resubmitted.json()
    accepted = coordinator.post(url + "actions/accept/")
    assert accepted.status_code == 200 and accepted.json()["status"] == ReportStatus.ACCEPTED
    assert coordinator.post(url + "actions/accept/").status_code == 409
    assert coordinator.post(url + "actions/no_such_step/").status_code == 404
    verbs = BusinessEvent.objects.filter(object_id=mine.pk, content_type__model="unitreport").values_list("verb")
    assert [v for (v,) in verbs.order_by("id")] == ["submit", "return", "submit", "accept"]
    mine.refresh_from_db()
    assert mine.texts["inbound"] == "02 đoàn" and mine.history.first().history_user == users["coordinator"]


def test_others_cannot_write(users, period):
    theirs = report_of(period, users["officer2"])
    url = f"/api/unit-reports/{theirs.pk}/"
    assert api_client(users["officer1"]).post(url + "actions/submit/").status_code == 404
    assert api_client(users["coordinator"]).patch(url, {"texts": TEXTS}, format="json").status_code == 404
    assert api_client(users["leader"]).post(url + "actions/submit/").status_code == 403
    assert api_client(users["leader"]).post(url + "actions/return/", {"comment": "x"}).status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == ReportStatus.DRAFT
