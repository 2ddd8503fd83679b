"""Decree 13/2023/NĐ-CP: masking per role, the data subject's export, erasure on request, and the log."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.diaspora.models import OverseasVietnamese
from doingoai.persons import services
from doingoai.persons.masking import mask_address, mask_email, mask_phone
from doingoai.persons.models import ErasureRecord, PersonalDataAccess
from tests.factories import CitizenCaseFactory, OverseasVietnameseFactory

pytestmark = pytest.mark.django_db

PHONE, MASKED_PHONE = "0912 345 612", "09******12"
EMAIL, MASKED_EMAIL = "nguyen.thu@gmail.com", "n***@gmail.com"


def test_masking_functions():
    assert mask_phone("0912345612") == mask_phone(PHONE) == MASKED_PHONE
    assert mask_phone("+856 20 5555 1234") == "+8**********34"
    assert mask_phone("113") == "***"
    assert mask_email(EMAIL) == MASKED_EMAIL
    assert mask_email("khong-co-a-cong") == "***"
    assert mask_address("12 Rue des Lilas, Lyon") == "***, Lyon"
    assert mask_address("Bản Thử") == "***"


@pytest.fixture
def person(users):
    return OverseasVietnameseFactory(
        full_name="Nguyễn Thị Thử Nghiệm",
        phone=PHONE,
        email=EMAIL,
        address="99 Đường Thử, Viêng Chăn",
        note="Ghi chú riêng về người thử",
        recording_unit=users["officer1"].unit,
    )


@pytest.mark.parametrize(
    ("role", "full_in_list", "full_on_record"),
    [
        ("coordinator", True, True),
        ("admin", True, True),
        ("leader", False, False),
        ("finance", False, False),
        ("officer1", False, True),  # the recording unit: masked in lists, in full on the record it works with
    ],
)
def test_contacts_masked_for_roles_that_do_not_need_them(client_for, person, role, full_in_list, full_on_record):
    c = client_for(role)
    listing = c.get("/diaspora/").content.decode()
    assert person.full_name in listing
    assert (PHONE in listing, EMAIL in listing) == (full_in_list, full_in_list)
    assert (MASKED_PHONE in listing, MASKED_EMAIL in listing) == (not full_in_list, not full_in_list)
    record = c.get(f"/diaspora/{person.pk}/").content.decode()
    assert (PHONE in record, EMAIL in record, "99 Đường Thử" in record) == (full_on_record,) * 3
    assert (MASKED_PHONE in record) == (not full_on_record)


def test_history_of_contacts_is_masked_too(client_for, users, person):
    data = {
        "full_name": person.full_name,
        "country": person.country_id,
        "phone": "0987 654 321",
        "email": EMAIL,
        "purpose": person.purpose,
        "consent_given_on": "2025-01-10",
        "consent_means": "written",
        "_version": person.version,
    }
    assert client_for("officer1").post(f"/diaspora/{person.pk}/edit/", data).status_code == 302
    leader_page = client_for("leader").get(f"/diaspora/{person.pk}/").content.decode()
    assert "0987 654 321" not in leader_page and PHONE not in leader_page and "09******21" in leader_page
    coordinator_page = client_for("coordinator").get(f"/diaspora/{person.pk}/").content.decode()
    assert "0987 654 321" in coordinator_page


def test_sensitive_case_text_hidden_from_roles_that_do_not_need_it(client_for, users):
    case = CitizenCaseFactory(
        summary="Nạn nhân mua bán người, đang điều trị", sensitive=True, recording_unit=users["officer1"].unit
    )
    assert "Nạn nhân mua bán người" not in client_for("leader").get(f"/consular/cases/{case.pk}/").content.decode()
    for role in ("officer1", "coordinator"):
        assert "Nạn nhân mua bán người" in client_for(role).get(f"/consular/cases/{case.pk}/").content.decode()
    listing = client_for("officer1").get("/consular/cases/").content.decode()
    assert "C1****67" in listing and "C1234567" not in listing


def test_subject_export_json_and_xlsx_for_the_coordinator_only(client_for, users, person):
    response = client_for("coordinator").get(f"/diaspora/{person.pk}/export/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    values = {row["field"]: row["value"] for row in data["fields"]}
    assert values["Họ và tên"] == person.full_name and values["Điện thoại"] == PHONE
    assert values["Mục đích xử lý dữ liệu cá nhân"] == person.purpose
    assert values["Ngày chủ thể dữ liệu đồng ý"] == "2025-01-10"
    assert data["history"] and data["record"] == f"Kiều bào #{person.pk}"
    xlsx = client_for("admin").get(f"/diaspora/{person.pk}/export/?format=xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active.iter_rows(values_only=True))
    assert ("Thư điện tử", EMAIL) in rows
    logged = PersonalDataAccess.objects.filter(object_id=person.pk, action="export_subject")
    assert list(logged.order_by("id").values_list("username", flat=True)) == ["coordinator", "admin"]
    assert client_for("officer1").get(f"/diaspora/{person.pk}/export/").status_code == 403
    with pytest.raises(StepPermissionDenied):
        services.personal_data_subject_export(obj=person, by=users["officer1"])


def test_erasure_blanks_the_data_anonymises_the_history_and_is_recorded(client_for, users, person):
    client_for("officer1").post(
        f"/diaspora/{person.pk}/edit/",
        {
            "full_name": "Nguyễn Thị Thử Nghiệm Sửa",
            "country": person.country_id,
            "phone": "0987 654 321",
            "purpose": person.purpose,
            "consent_given_on": "2025-01-10",
            "consent_means": "written",
            "_version": person.version,
        },
    )
    BusinessEvent.objects.create(
        content_type_id=PersonalDataAccess._meta.get_field("content_type")
        .related_model.objects.get_for_model(OverseasVietnamese)
        .pk,
        object_id=person.pk,
        verb="note",
        summary=f"Đã gọi điện cho {person.full_name}",
        data={"phone": PHONE},
    )
    client_for("leader").get(f"/diaspora/{person.pk}/")
    c = client_for("coordinator")
    page = c.get(f"/diaspora/{person.pk}/erase/").content.decode()
    assert "Họ và tên" in page and "Điện thoại" in page
    refused = c.post(f"/diaspora/{person.pk}/erase/", {"requested_on": "2026-01-05", "reason": "Theo đơn"})
    assert refused.status_code == 400 and "Cần xác nhận trước khi xóa." in refused.content.decode()
    response = c.post(
        f"/diaspora/{person.pk}/erase/",
        {"requested_on": "2026-01-05", "request_ref": "Đơn số 12", "reason": "Chủ thể yêu cầu xóa", "confirm": "on"},
    )
    assert response.status_code == 302

    person.refresh_from_db()
    assert person.is_erased and person.full_name == "" and person.phone == "" and person.email == ""
    assert person.address == "" and person.note == "" and person.birth_year is None and person.search_text == ""
    assert person.country_id and person.recording_unit_id  # kept for statistics
    # no trace of the data anywhere: history rows, events, logs, the erasure record
    for row in person.history.all():
        assert row.full_name == "" and row.phone == "" and row.email == "" and row.search_text == ""
    texts = [
        e.summary + json.dumps(e.data, ensure_ascii=False) for e in BusinessEvent.objects.filter(object_id=person.pk)
    ]
    texts += [str(a) for a in PersonalDataAccess.objects.filter(object_id=person.pk)]
    erasure = ErasureRecord.objects.get(object_id=person.pk)
    texts += [json.dumps([erasure.record_label, erasure.reason, erasure.request_ref, erasure.erased_fields])]
    for text in texts:
        for secret in ("Thử Nghiệm", "0912", "0987", "nguyen.thu", "Ghi chú riêng"):
            assert secret not in text, (secret, text)
    assert erasure.erased_by == users["coordinator"] and erasure.requested_on == dt.date(2026, 1, 5)
    assert erasure.reason == "Chủ thể yêu cầu xóa" and erasure.history_rows == 2 and erasure.events == 1
    assert "Họ và tên" in erasure.erased_fields
    assert PersonalDataAccess.objects.filter(object_id=person.pk, action="erase").count() == 1
    assert BusinessEvent.objects.filter(object_id=person.pk, verb="erased").exists()

    # the record page says it was erased; nobody may edit it any more, nor erase it twice
    page = c.get(f"/diaspora/{person.pk}/").content.decode()
    assert 'id="erased"' in page and 'id="erase"' not in page
    assert c.get(f"/diaspora/{person.pk}/edit/").status_code == 404
    assert client_for("officer1").get(f"/diaspora/{person.pk}/edit/").status_code == 404
    with pytest.raises(WorkflowError, match="đã được xóa"):
        services.personal_data_erase(
            obj=person, by=users["coordinator"], reason="Lần hai", requested_on=dt.date(2026, 1, 6)
        )
    log = client_for("coordinator").get("/persons/erasures/").content.decode()
    assert f"Kiều bào #{person.pk}" in log and "Đơn số 12" in log


def test_erasure_of_a_citizen_case(users):
    case = CitizenCaseFactory(
        person_name="Lò Văn Thử", passport_number="B7654321", recording_unit=users["officer2"].unit
    )
    with pytest.raises(StepPermissionDenied):
        services.personal_data_erase(obj=case, by=users["officer2"], reason="x", requested_on=timezone.localdate())
    services.personal_data_erase(obj=case, by=users["admin"], reason="Theo đơn", requested_on=timezone.localdate())
    case.refresh_from_db()
    assert case.person_name == "" and case.passport_number == "" and case.summary == "" and case.is_erased
    assert case.kind and case.country_id and case.opened_on  # statistics survive
    assert not case.history.filter(person_name="Lò Văn Thử").exists()
    assert "Đã xóa dữ liệu cá nhân" in str(case)


def test_erasure_refuses_a_future_request_date_and_an_empty_reason(users, person):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(WorkflowError, match="không được sau ngày hôm nay"):
        services.personal_data_erase(obj=person, by=users["coordinator"], reason="x", requested_on=tomorrow)
    with pytest.raises(WorkflowError, match="Cần ghi lý do"):
        services.personal_data_erase(obj=person, by=users["coordinator"], reason=" ", requested_on=timezone.localdate())
    person.refresh_from_db()
    assert not person.is_erased


def test_access_log_page_for_the_coordinator_only(client_for, users, person):
    client_for("officer1").get(f"/diaspora/{person.pk}/")
    page = client_for("coordinator").get(f"/persons/access-log/?content_type=overseasvietnamese&object_id={person.pk}")
    body = page.content.decode()
    assert page.status_code == 200 and "officer1" in body and f"Kiều bào #{person.pk}" in body
    assert person.full_name not in body  # the log names the record, never the person
    for role in ("leader", "finance", "officer1"):
        assert client_for(role).get("/persons/access-log/").status_code == 403
        assert client_for(role).get("/persons/erasures/").status_code == 403


def test_withdrawn_consent_is_flagged_on_the_record(client_for, users, person):
    OverseasVietnamese.objects.filter(pk=person.pk).update(consent_withdrawn_on=dt.date(2025, 6, 1))
    body = client_for("officer1").get(f"/diaspora/{person.pk}/").content.decode()
    assert 'id="consent-withdrawn"' in body and "01/06/2025" in body
    listing = client_for("coordinator").get("/diaspora/?consent=withdrawn").content.decode()
    assert person.full_name in listing
