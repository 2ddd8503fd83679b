"""Importing a programme read from a document: upload → background reading → review → confirm; no duplicates."""

from __future__ import annotations

import copy
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from doingoai.agreements.models import Agreement
from doingoai.conferences.models import Conference
from doingoai.core.models import BusinessEvent, Partner
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus
from doingoai.documents.model import DocumentError
from doingoai.imports.models import ImportStatus, PendingImport
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

# A programme as `doingoai extract` returns it (DESIGN.md, "the contract").
CONTRACT = {
    "document": {
        "kind": "program",
        "title": "Chương trình hoạt động đối ngoại năm 2022",
        "year": 2022,
        "province": "Nghệ An",
        "issuer": "UBND tỉnh Nghệ An",
        "number": "818/CTr-UBND",
        "signer": "Lê Hồng Vinh",
    },
    "planned_counts": {"outbound_delegations": 2, "inbound_delegations": 1, "conferences": 1, "agreements": 1},
    "deadlines": [],
    "reporting": [],
    "anniversaries": [],
    "legal_references": [],
    "partners": [
        {"name": "Bolykhămxay", "canonical": "Bo Ly Khăm Xay", "country": "LA", "kind": "locality"},
        {"name": "Daegu", "canonical": "Daegu", "country": "KR", "kind": "locality"},
    ],
    "delegations": [
        {
            "direction": "out",
            "group": "ĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH",
            "name": "Đoàn công tác Sở Du lịch",
            "capacity": "Đoàn nghiệp vụ",
            "head": "Giám đốc Sở Du lịch",
            "size": 5,
            "composition": "Lãnh đạo Sở",
            "countries": ["LA"],
            "partner_text": "Sở Du lịch tỉnh Bolykhămxay",
            "purpose": "Khảo sát tuyến du lịch",
            "duration": "05 ngày",
            "time_text": "Quý III",
            "months": [7, 8, 9],
            "funding": "Ngân sách tỉnh",
            "state_budget": True,
        },
        {
            "direction": "out",
            "group": "A",
            "name": "Đoàn đại biểu cấp cao tỉnh",
            "capacity": "Đoàn đối ngoại",
            "head": "Thường trực",
            "size": "08 người",
            "composition": "",
            "countries": ["KR"],
            "partner_text": "Chính quyền thành phố Daegu",
            "purpose": "",
            "duration": "03 ngày",
            "time_text": "Tháng 6",
            "months": [6],
            "funding": "Ngân sách tỉnh",
            "state_budget": None,
        },
        {
            "direction": "in",
            "group": "ĐOÀN VÀO LÀM VIỆC VỚI CÁC SỞ, BAN, NGÀNH",
            "name": "Đoàn tỉnh Bô Ly Khăm Xay",
            "capacity": "",
            "head": "",
            "size": None,
            "composition": "",
            "countries": ["LA"],
            "partner_text": "",
            "purpose": "Trao đổi kinh nghiệm",
            "duration": "",
            "time_text": "Quý IV",
            "months": [10, 11, 12],
            "funding": "Tự túc",
            "state_budget": False,
        },
    ],
    "conferences": [
        {
            "title": "Hội thảo xúc tiến đầu tư Hàn Quốc",
            "partner_text": "Chính quyền thành phố Daegu",
            "delegates_vn": 150,
            "delegates_foreign_in_vn": "20",
            "delegates_from_abroad": None,
            "time_text": "Tháng 9",
            "permitting_authority": "Chủ tịch UBND tỉnh",
            "funding": "Ngân sách tỉnh",
        }
    ],
    "agreements": [
        {
            "proposer": "Sở Ngoại vụ",
            "capacity": "Đối ngoại",
            "type": "Thỏa thuận quốc tế",
            "title": "Bản ghi nhớ hợp tác hữu nghị với thành phố Daegu",
            "country": "KR",
            "partner": "Chính quyền thành phố Daegu",
            "time_text": "Quý III",
            "signing_level": "Chủ tịch UBND tỉnh",
            "approving_authority": "Bộ Ngoại giao",
            "note": "",
        }
    ],
    "tasks": [],
}
TEXT = "CHƯƠNG TRÌNH Hoạt động đối ngoại năm 2022 của tỉnh Nghệ An\n".encode()


@pytest.fixture
def extracted(monkeypatch):
    """The reader and extraction, replaced by the contract above (they are tested on their own)."""
    data = copy.deepcopy(CONTRACT)
    monkeypatch.setattr("doingoai.imports.documents.extract_file", lambda path: copy.deepcopy(data))
    return data


def upload(client, content: bytes = TEXT, name: str = "chuong-trinh-2022.txt", year: str = ""):
    file = SimpleUploadedFile(name, content, content_type="text/plain")
    return client.post(reverse("imports:document_upload"), {"file": file, "year": year})


def review(client, pending: PendingImport):
    return client.get(reverse("imports:document_detail", args=[pending.pk]))


def confirm(client, pending: PendingImport, **choices: object):
    data = {"action": "confirm", "default_unit": choices.pop("default_unit"), **choices}
    return client.post(reverse("imports:document_detail", args=[pending.pk]), data)


def test_review_then_confirm_creates_the_records_with_history(client_for, users, partners, extracted):
    tourism = users["officer1"].unit
    client = client_for("coordinator")
    response = upload(client)
    pending = PendingImport.objects.get()
    assert response.status_code == 302 and response["Location"] == pending.get_absolute_url()
    assert pending.status == ImportStatus.READY and pending.file.name.endswith(".txt")
    assert pending.effective_year == 2022
    assert not Delegation.objects.exists() and not Partner.objects.filter(name="Daegu").exists()

    response = review(client, pending)
    html = response.content.decode()
    assert response.status_code == 200
    plan = response.context["plan"]
    assert plan.counts == {
        "delegations_out": (2, 0),
        "delegations_in": (1, 0),
        "conferences": (1, 0),
        "agreements": (1, 0),
    }
    matched = {pm.written: pm for pm in response.context["matched"]}
    assert matched["Bolykhămxay"].partner == partners["bolykhamxay"] and matched["Bolykhămxay"].via_alias
    assert [pm.canonical for pm in response.context["new_partners"]] == ["Daegu"]
    assert "tên gọi khác" in html and "Đối tác mới" in html and "Xác nhận nhập 5 bản ghi" in html
    rows = {row.label: row for row in plan.rows}
    assert rows["Đoàn công tác Sở Du lịch"].unit == tourism, "the unit named in the row is proposed"
    assert rows["Bản ghi nhớ hợp tác hữu nghị với thành phố Daegu"].unit == users["coordinator"].unit
    assert rows["Đoàn đại biểu cấp cao tỉnh"].unit is None
    assert not Delegation.objects.exists(), "the review saves nothing"

    police = users["officer2"].unit
    high_level = rows["Đoàn đại biểu cấp cao tỉnh"].key
    response = confirm(client, pending, default_unit=users["coordinator"].unit.pk, **{f"unit:{high_level}": police.pk})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == ImportStatus.IMPORTED and pending.imported_by == users["coordinator"]
    assert pending.report["total_created"] == 5 and pending.report["partners_created"] == 1

    study = Delegation.objects.get(name="Đoàn công tác Sở Du lịch")
    assert study.status == DelegationStatus.IN_PLAN and study.year == 2022 and study.proposing_unit == tourism
    assert study.group == DelegationGroup.PROVINCIAL_LEADERS and study.duration_days == 5
    assert list(study.partners.all()) == [partners["bolykhamxay"]] and study.month_mask == 0b111000000
    assert study.history.first().history_user == users["coordinator"]
    assert BusinessEvent.objects.filter(object_id=study.pk, content_type__model="delegation", verb="imported").exists()
    high = Delegation.objects.get(name="Đoàn đại biểu cấp cao tỉnh")
    assert high.proposing_unit == police and high.size == 8 and high.group == DelegationGroup.DEPARTMENTS
    daegu = Partner.objects.get(name="Daegu")
    assert daegu.country.code == "KR" and list(high.partners.all()) == [daegu]
    inbound = Delegation.objects.get(direction="in")
    assert inbound.funding_source == "self_paid" and inbound.uses_state_budget is False
    conference = Conference.objects.get()
    assert conference.status == "proposed" and conference.delegates_foreign_in_vn == 20
    assert [c.code for c in conference.countries.all()] == ["KR"] and list(conference.partners.all()) == [daegu]
    agreement = Agreement.objects.get()
    assert agreement.partner == daegu and agreement.country.code == "KR" and agreement.status == "proposed"
    assert agreement.proposing_unit == users["coordinator"].unit, "“Sở Ngoại vụ” is the proposer column"


def test_a_second_import_of_the_same_document_creates_nothing(client_for, users, partners, extracted):
    client = client_for("coordinator")
    upload(client)
    first = PendingImport.objects.get()
    confirm(client, first, default_unit=users["coordinator"].unit.pk)
    counts = (
        Delegation.objects.count(),
        Conference.objects.count(),
        Agreement.objects.count(),
        Partner.objects.count(),
    )

    upload(client)
    second = PendingImport.objects.latest("pk")
    response = review(client, second)
    plan = response.context["plan"]
    assert plan.to_create == 0 and plan.skipped == 5
    assert [pm.is_new for pm in plan.partners] == [False, False]
    html = response.content.decode()
    assert "đã được nhập" in html and "đã có, bỏ qua" in html
    confirm(client, second, default_unit=users["coordinator"].unit.pk)
    second.refresh_from_db()
    assert second.report["total_created"] == 0 and second.report["total_skipped"] == 5
    assert counts == (
        Delegation.objects.count(),
        Conference.objects.count(),
        Agreement.objects.count(),
        Partner.objects.count(),
    )


def test_unticked_new_partners_are_not_created_and_stay_text(client_for, users, partners, extracted):
    client = client_for("coordinator")
    upload(client)
    pending = PendingImport.objects.get()
    (new,) = review(client, pending).context["new_partners"]
    assert f'name="create_partner" value="{new.key}"' in review(client, pending).content.decode()
    confirm(client, pending, default_unit=users["coordinator"].unit.pk, partners_listed="1")
    assert not Partner.objects.filter(name="Daegu").exists()
    agreement = Agreement.objects.get()
    assert agreement.partner is None and agreement.partner_text == "Chính quyền thành phố Daegu"
    assert not Delegation.objects.get(name="Đoàn đại biểu cấp cao tỉnh").partners.exists()
    study = Delegation.objects.get(name="Đoàn công tác Sở Du lịch")
    assert list(study.partners.all()) == [partners["bolykhamxay"]], "partners already known are still linked"


def test_identical_rows_in_one_document_are_two_records(client_for, users, countries, extracted):
    extracted["delegations"].append(copy.deepcopy(extracted["delegations"][2]))
    client = client_for("coordinator")
    upload(client)
    confirm(client, PendingImport.objects.get(), default_unit=users["coordinator"].unit.pk)
    assert Delegation.objects.filter(direction="in").count() == 2
    upload(client)
    assert review(client, PendingImport.objects.latest("pk")).context["plan"].to_create == 0


def test_the_year_can_be_changed_before_confirming(client_for, users, countries, extracted):
    client = client_for("coordinator")
    upload(client, year="2023")
    pending = PendingImport.objects.get()
    assert pending.effective_year == 2023
    client.post(reverse("imports:document_detail", args=[pending.pk]), {"action": "year", "year": "2024"})
    pending.refresh_from_db()
    assert pending.year == 2024
    response = client.post(reverse("imports:document_detail", args=[pending.pk]), {"action": "year", "year": "1800"})
    assert response.status_code == 302 and PendingImport.objects.get().year == 2024
    confirm(client, pending, default_unit=users["coordinator"].unit.pk)
    assert set(Delegation.objects.values_list("year", flat=True)) == {2024}


def test_only_the_coordinator_sees_and_confirms_document_imports(client_for, users, countries, extracted):
    upload(client_for("coordinator"))
    pending = PendingImport.objects.get()
    for role in ("officer1", "leader", "finance"):
        client = client_for(role)
        assert client.get(reverse("imports:document_upload")).status_code == 403
        assert upload(client).status_code == 403
        assert review(client, pending).status_code == 404
        assert confirm(client, pending, default_unit=users["officer1"].unit.pk).status_code == 404
    assert not Delegation.objects.exists()
    assert PendingImport.objects.get().status == ImportStatus.READY
    assert "Nhập văn bản" not in client_for("officer1").get(reverse("home")).content.decode()
    assert reverse("imports:document_upload") in client_for("coordinator").get(reverse("home")).content.decode()


def test_a_discarded_import_saves_nothing_and_cannot_be_confirmed(client_for, users, countries, extracted):
    client = client_for("coordinator")
    upload(client)
    pending = PendingImport.objects.get()
    client.post(reverse("imports:document_detail", args=[pending.pk]), {"action": "discard"})
    pending.refresh_from_db()
    assert pending.status == ImportStatus.DISCARDED and not pending.file
    response = confirm(client, pending, default_unit=users["coordinator"].unit.pk)
    assert response.status_code == 302 and not Delegation.objects.exists()


def test_an_unreadable_document_shows_the_readers_message(client_for, users, monkeypatch):
    def broken(path):
        raise DocumentError("Văn bản PDF không có lớp chữ (bản quét).")

    monkeypatch.setattr("doingoai.imports.documents.extract_file", broken)
    client = client_for("coordinator")
    upload(client, b"%PDF-1.4\n%%EOF", name="ban-quet.pdf")
    pending = PendingImport.objects.get()
    assert pending.status == ImportStatus.FAILED
    assert "không có lớp chữ" in review(client, pending).content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("chuong-trinh.docx", b"khong phai zip", "văn bản Word"),
        ("chuong-trinh.xlsx", b"PK", "Chỉ nhận văn bản"),
        ("chuong-trinh.pdf", b"<html>", "không phải là PDF"),
    ],
)
def test_uploads_are_checked_by_content(client_for, users, name, content, message):
    response = upload(client_for("coordinator"), content, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PendingImport.objects.exists()


def test_progress_is_polled_while_reading_and_the_page_reloads_when_done(client_for, users, extracted, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = client_for("coordinator")
    upload(client)
    pending = PendingImport.objects.get()
    assert pending.status == ImportStatus.QUEUED
    html = review(client, pending).content.decode()
    status_url = reverse("imports:document_status", args=[pending.pk])
    assert f'hx-get="{status_url}"' in html and 'hx-trigger="every 2s"' in html
    polled = client.get(status_url, headers={"HX-Request": "true"})
    assert polled.status_code == 200 and "HX-Refresh" not in polled

    from doingoai.imports.documents import extract_document

    extract_document.call(pending.pk)  # what the worker does
    polled = client.get(status_url, headers={"HX-Request": "true"})
    assert polled["HX-Refresh"] == "true"
    assert review(client, pending).context["plan"].to_create == 5


def test_the_import_command_reviews_then_imports_without_duplicates(users, partners, extracted, tmp_path):
    path = tmp_path / "chuong-trinh-2022.txt"
    path.write_bytes(TEXT)
    out = io.StringIO()
    call_command("import", str(path), "--year", "2022", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Cộng: sẽ tạo 5, bỏ qua 0" in text
    assert "Bolykhămxay → Bo Ly Khăm Xay (Lào) [tên gọi khác]" in text
    assert "Daegu (Hàn Quốc)" in text and "chưa lưu gì" in text
    assert not Delegation.objects.exists() and not Partner.objects.filter(name="Daegu").exists()

    out = io.StringIO()
    call_command("import", str(path), "--year", "2022", "--user", "coordinator", stdout=out)
    assert "tạo 5 bản ghi, 1 đối tác mới" in out.getvalue()
    assert Delegation.objects.filter(year=2022, status=DelegationStatus.IN_PLAN).count() == 3
    assert Delegation.objects.get(name="Đoàn công tác Sở Du lịch").history.first().history_user == users["coordinator"]

    out = io.StringIO()
    call_command("import", str(path), "--year", "2022", stdout=out)
    assert "tạo 0 bản ghi, 0 đối tác mới; bỏ qua 5" in out.getvalue()
    assert Delegation.objects.count() == 3


def test_the_import_command_refuses_what_it_cannot_do(users, extracted, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "ct.txt"
    path.write_bytes(TEXT)
    with pytest.raises(CommandError, match="Không mở được"):
        call_command("import", str(tmp_path / "khong-co.txt"), "--year", "2022")
    with pytest.raises(CommandError, match="Chỉ cơ quan điều phối"):
        call_command("import", str(path), "--year", "2022", "--user", "officer1")
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("import", str(path), "--year", "2022", "--unit", "Sở không tồn tại")
    UnitFactory(name="Sở Nội vụ", short_name="SNV")
    call_command("import", str(path), "--year", "2022", "--unit", "snv", stdout=io.StringIO())
    assert Delegation.objects.get(name="Đoàn đại biểu cấp cao tỉnh").proposing_unit.name == "Sở Nội vụ"
