"""The API of the restricted false-information cases and of the commemorations calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.infowork.models import Commemoration, FalseInfoCase
from doingoai.persons.models import PersonalDataAccess
from tests.api_cases import api_client

pytestmark = pytest.mark.django_db


def test_false_information_through_the_api_keeps_its_restriction_and_log(users):
    case = FalseInfoCase.objects.create(
        detected_on=dt.date(2026, 10, 1), source="Kênh video X", summary="Video cắt ghép", topic="Lễ hội biên giới",
        handling_unit=users["officer2"].unit,
    )  # fmt: skip
    for role, status in [("officer2", 200), ("leader", 200), ("officer1", 404), ("finance", 404)]:
        assert api_client(users[role]).get(f"/api/false-information/{case.pk}/").status_code == status, role
    listed = api_client(users["officer1"]).get("/api/false-information/").json()
    assert listed["count"] == 0 if isinstance(listed, dict) else listed == []
    assert PersonalDataAccess.objects.filter(object_id=case.pk, action="api").count() == 2
    assert api_client(users["coordinator"]).delete(f"/api/false-information/{case.pk}/").status_code == 405
    created = api_client(users["officer1"]).post(
        "/api/false-information/",
        {"detected_on": "2026-11-01", "source": "Trang Y", "summary": "Tin sai", "topic": "Thủy điện",
         "channel": "social", "risk": "low", "handling_unit": users["officer2"].unit.pk},
        format="json",
    )  # fmt: skip
    assert created.status_code == 201, created.json()
    assert FalseInfoCase.objects.get(pk=created.json()["id"]).handling_unit == users["officer1"].unit


def test_commemorations_are_read_by_everyone_and_written_by_the_coordinator(users):
    body = {"kind": "historic", "title": "Ngày thành lập tỉnh", "date": "1831-10-01", "source": "Địa chí tỉnh"}
    assert api_client(users["officer1"]).post("/api/commemorations/", body, format="json").status_code == 403
    created = api_client(users["coordinator"]).post("/api/commemorations/", body, format="json")
    assert created.status_code == 201, created.json()
    assert Commemoration.objects.get().source == "Địa chí tỉnh"
    assert api_client(users["finance"]).get(f"/api/commemorations/{created.json()['id']}/").status_code == 200
