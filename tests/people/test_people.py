"""Foreign students and workers: form rules, the permit-expiry deadline (without the person's name), the link
to a followed foreign organisation, the unit report's counts, erasure on request."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.core.registry import registry_for
from doingoai.foreignorgs.models import ForeignOrganisation
from doingoai.people.models import ForeignStudent, ForeignWorker
from doingoai.persons.services import personal_data_erase
from doingoai.reporting.deadlines import deadline_list
from doingoai.reporting.figures import registry_figures
from doingoai.reporting.selectors import SYSTEM, Window
from tests.people.test_views import example_form

pytestmark = pytest.mark.django_db


def worker(unit, **values) -> ForeignWorker:
    return ForeignWorker.objects.create(**registry_for(ForeignWorker).example(unit=unit, n=1) | values)


def permit_deadlines(today: dt.date, user=SYSTEM):
    return [d for d in deadline_list(user=user, today=today) if d.kind == "foreignworker_permit"]


def test_permit_expiry_is_a_deadline_of_the_recording_unit_without_the_name(client_for, users):
    person = worker(users["officer1"].unit, permit_valid_until=dt.date(2020, 5, 1))
    [deadline] = permit_deadlines(dt.date(2020, 4, 20))
    assert deadline.due == dt.date(2020, 5, 1) and deadline.unit == users["officer1"].unit
    assert person.full_name not in deadline.title and f"#{person.pk}" in deadline.title
    assert "Công ty TNHH minh họa" in deadline.title
    home = client_for("coordinator").get("/?year=2027").content.decode()
    assert person.record_label in home and person.full_name not in home
    person.status = "left"
    person.save()
    assert permit_deadlines(dt.date(2020, 4, 20)) == []


def test_a_worker_of_a_followed_organisation(client_for, users):
    org = ForeignOrganisation.objects.create(
        **registry_for(ForeignOrganisation).example(unit=users["officer1"].unit, n=1) | {"status": "approved"}
    )
    data = example_form(ForeignWorker, users, 7, organisation=org.pk, employer="")
    response = client_for("officer1").post("/people/workers/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    person = ForeignWorker.objects.get(full_name=data["full_name"])
    assert person.organisation == org and person.employer_display == org.name
    assert list(org.people.all()) == [person]


def test_forms_refuse_what_cannot_be(client_for, users):
    data = example_form(ForeignWorker, users, 8, employer="", stay_from="2026-05-01", stay_until="2026-01-01")
    body = client_for("officer1").post("/people/workers/add/", data).content.decode()
    assert "Cần chọn tổ chức nước ngoài hoặc ghi cơ quan, tổ chức sử dụng." in body
    assert "Ngày kết thúc không được trước ngày bắt đầu làm việc." in body
    data = example_form(ForeignStudent, users, 8, start_year=2024, end_year=2020)
    body = client_for("officer1").post("/people/students/add/", data).content.decode()
    assert "Năm tốt nghiệp không được trước năm nhập học." in body
    assert not ForeignWorker.objects.exists() and not ForeignStudent.objects.exists()


def test_counted_in_the_unit_report(users):
    unit = users["officer1"].unit
    worker(unit, stay_from=dt.date(2027, 2, 1))
    window = Window(2027, dt.date(2027, 1, 1), dt.date(2027, 6, 30), 0b111111)
    figures = {f["key"]: f for f in registry_figures(unit=unit, window=window, user=SYSTEM)}
    assert figures["people.foreignworker"]["done"] == 1
    assert "people.foreignstudent" in figures


def test_erasure_on_request_keeps_the_study_but_not_the_person(users):
    student = ForeignStudent.objects.create(**registry_for(ForeignStudent).example(unit=users["officer1"].unit, n=1))
    personal_data_erase(
        obj=student, by=users["coordinator"], requested_on=dt.date(2026, 1, 5), request_ref="", reason="Theo đơn"
    )
    student.refresh_from_db()
    assert student.is_erased and student.full_name == "" and student.phone == ""
    assert student.school == "Trường Đại học Vinh" and student.start_year == 2024
