"""Rights by competence (issue 17, item 1): a competent body's subject — border inspections, citizen cases, APEC
card files, persons — is written only by the units an administrator declared competent for it (CompetentUnit),
through every path: the API, the web forms, the services and the workflow steps. Reading is unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.border import services as border_services
from doingoai.border.models import MarkerInspection
from doingoai.consular import services as consular_services
from doingoai.consular.models import CitizenCase
from doingoai.core.choices import Competence
from doingoai.core.models import CompetentUnit, User
from doingoai.core.services import object_create
from doingoai.core.workflow import StepPermissionDenied
from tests.api_cases import api_client
from tests.factories import (
    ApecCardApplicationFactory,
    BorderMarkerFactory,
    CitizenCaseFactory,
    CountryFactory,
    MarkerInspectionFactory,
)

pytestmark = pytest.mark.django_db


def withdraw(user, subject: str) -> User:
    """The user's unit no longer competent for `subject`; a fresh user object (the competences are read once)."""
    CompetentUnit.objects.filter(unit=user.unit, subject=subject).delete()
    return User.objects.get(pk=user.pk)


def test_the_tourism_department_cannot_change_a_markers_status_through_the_api(users):
    marker = BorderMarkerFactory(status="good")
    tourism = withdraw(users["officer1"], Competence.BORDER)
    body = {"marker": marker.pk, "inspected_on": "2025-06-02", "status_found": "destroyed"}
    refused = api_client(tourism).post("/api/marker-inspections/", body, format="json")
    assert refused.status_code == 403
    assert "không có thẩm quyền" in refused.json()["detail"] and "Biên giới" in refused.json()["detail"]
    marker.refresh_from_db()
    assert marker.status == "good" and not MarkerInspection.objects.exists()
    # The border guard (declared competent) records it, and the marker follows.
    assert api_client(users["officer2"]).post("/api/marker-inspections/", body, format="json").status_code == 201
    marker.refresh_from_db()
    assert marker.status == "destroyed"


def test_an_administrator_declares_a_unit_competent_and_it_may_write(users):
    tourism = withdraw(users["officer1"], Competence.BORDER)
    marker = BorderMarkerFactory()
    with pytest.raises(StepPermissionDenied, match="thẩm quyền"):
        border_services.marker_inspection_record(
            marker=marker,
            by=tourism,
            inspected_on=dt.date(2025, 6, 1),
            inspector_unit=tourism.unit,
            status_found="good",
        )
    CompetentUnit.objects.create(subject=Competence.BORDER, unit=tourism.unit)
    tourism = User.objects.get(pk=tourism.pk)
    inspection = border_services.marker_inspection_record(
        marker=marker, by=tourism, inspected_on=dt.date(2025, 6, 1), inspector_unit=tourism.unit, status_found="good"
    )
    assert inspection.pk


def test_a_unit_no_longer_competent_keeps_reading_its_own_inspections_but_no_longer_edits_them(users, client):
    officer = users["officer1"]
    inspection = MarkerInspectionFactory(inspector_unit=officer.unit)
    officer = withdraw(officer, Competence.BORDER)
    client.force_login(officer, backend="doingoai.core.backends.UserBackend")
    assert client.get(f"/border/inspections/{inspection.pk}/").status_code == 200
    assert client.get(f"/border/inspections/{inspection.pk}/edit/").status_code == 404
    assert client.get("/border/inspections/add/").status_code == 403
    patched = api_client(officer).patch(
        f"/api/marker-inspections/{inspection.pk}/", {"note": "x", "version": inspection.version}, format="json"
    )
    assert patched.status_code == 404


def test_citizen_cases_and_apec_files_are_written_only_by_competent_units(users):
    officer = withdraw(withdraw(users["officer1"], Competence.CONSULAR), Competence.APEC)
    values = {
        "person_name": "Trần Văn Thử",
        "country": CountryFactory(),
        "kind": "stranded",
        "opened_on": dt.date(2025, 3, 1),
        "summary": "Bị kẹt tại cửa khẩu",
    }
    with pytest.raises(StepPermissionDenied, match="Bảo hộ công dân"):
        object_create(model=CitizenCase, by=officer, values=values)
    assert not CitizenCase.objects.exists()
    # A case the unit recorded while it was competent: its steps are closed to it now.
    case = CitizenCaseFactory(recording_unit=officer.unit)
    with pytest.raises(StepPermissionDenied):
        consular_services.citizen_case_start(citizencase=case, by=officer)
    application = ApecCardApplicationFactory(receiving_unit=officer.unit, submitted_on=None)
    with pytest.raises(StepPermissionDenied):
        consular_services.apec_application_submit(
            apeccardapplication=application, by=officer, submitted_on=dt.date(2025, 6, 1)
        )
    # The coordinator is competent for everything.
    assert consular_services.citizen_case_start(citizencase=case, by=users["coordinator"]).status == "in_progress"


def test_persons_are_recorded_only_by_competent_units(users, client):
    officer = withdraw(users["officer1"], Competence.PERSONAL_DATA)
    client.force_login(officer, backend="doingoai.core.backends.UserBackend")
    assert client.get("/diaspora/add/").status_code == 403
    body = {"full_name": "Nguyễn Văn Thử", "country": CountryFactory().pk}
    assert api_client(officer).post("/api/overseas-vietnamese/", body, format="json").status_code == 403
