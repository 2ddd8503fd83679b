"""Units' proposals from Excel, through the web: template, upload, every error listed, all or nothing, rights."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.agreements.models import Agreement
from doingoai.conferences.models import Conference
from doingoai.core.models import BusinessEvent
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.documents.proposals_xlsx import MAX_BYTES

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROW = {
    "A": "Đoàn công tác Sở Du lịch khảo sát tuyến Đường 8",
    "C": "Phó Giám đốc Sở",
    "D": 5,
    "F": "Lào",
    "G": "Sở Du lịch tỉnh Bolykhămxay",
    "J": "Quý II/Quý III",
    "K": "Ngân sách tỉnh",
    "L": "Sở, ban, ngành, đoàn thể cấp tỉnh",
    "N": 2027,
}


def template(client, kind: str = "delegations_out") -> bytes:
    response = client.get(reverse(f"imports:proposal_template_{kind}") + "?year=2027")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    return response.content


def fill(data: bytes, rows: list[dict[str, object]], sheet: str = "Đoàn ra") -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[sheet]
    for offset, row in enumerate(rows):
        for letter, value in row.items():
            ws[f"{letter}{3 + offset}"] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(client, data: bytes, kind: str = "delegations_out", name: str = "de-xuat.xlsx", **extra: object):
    file = SimpleUploadedFile(name, data, content_type=XLSX)
    return client.post(reverse(f"imports:proposal_upload_{kind}"), {"file": file, **extra})


def confirm(client, response, kind: str = "delegations_out"):
    return client.post(reverse(f"imports:proposal_upload_{kind}"), {"token": response.context["token"]})


def test_any_signed_in_user_downloads_a_template_with_lists_validations_and_instructions(client_for, countries, users):
    client = client_for("leader")
    wb = load_workbook(io.BytesIO(template(client)))
    assert wb.sheetnames == ["Đoàn ra", "Danh mục", "Hướng dẫn"]
    assert wb["Danh mục"].sheet_state == "hidden"
    ranges = {str(dv.sqref) for dv in wb["Đoàn ra"].data_validations.dataValidation}
    assert {"F2:F1002", "K2:K1002", "L2:L1002", "M2:M1002", "N2:N1002", "O2:O1002"} <= ranges
    listed = {str(c.value) for row in wb["Danh mục"].iter_rows() for c in row if c.value}
    assert {"Xinh-ga-po", "Nhật Bản", "Sở Du lịch", "Công an tỉnh", "Ngân sách tỉnh", "Có", "Không"} <= listed
    assert "Lãnh đạo tỉnh" in listed and "Trực tiếp" in listed and "Thủ tướng Chính phủ" in listed
    guide = " ".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    assert "Quý II/Quý III" in guide and "Tháng 11-12" in guide
    for kind in ("delegations_in", "conferences", "agreements"):
        assert load_workbook(io.BytesIO(template(client, kind))).sheetnames[1:] == ["Danh mục", "Hướng dẫn"]


def test_officer_uploads_valid_rows_reviews_and_confirms_them_as_drafts_of_their_unit(
    client_for, users, countries, partners
):
    client = client_for("officer1")
    data = fill(template(client), [ROW, ROW | {"A": "Đoàn thứ hai", "F": "Nhật Bản; Xinh-ga-po", "J": "Tháng 11-12"}])
    response = upload(client, data)
    assert response.status_code == 200
    assert "2 đề xuất sẽ được tạo" in response.content.decode()
    assert not Delegation.objects.exists(), "nothing is saved before the confirmation"
    response = confirm(client, response)
    assert response.status_code == 302 and response["Location"].endswith("?direction=out")
    first, second = Delegation.objects.order_by("pk")
    unit = users["officer1"].unit
    assert first.proposing_unit == unit and second.proposing_unit == unit
    assert first.status == DelegationStatus.DRAFT and first.direction == Direction.OUT and first.year == 2027
    assert first.month_mask == 0b111111000 and first.uses_state_budget is True
    assert [c.code for c in first.countries.all()] == ["LA"]
    assert list(first.partners.all()) == [partners["bolykhamxay"]], "the partner is found through its alias"
    assert sorted(c.code for c in second.countries.all()) == ["JP", "SG"]
    history = first.history.first()
    assert history.history_user == users["officer1"] and history.history_change_reason == "Nhập từ Excel"
    event = BusinessEvent.objects.get(object_id=first.pk, content_type__model="delegation")
    assert event.verb == "imported" and event.actor == users["officer1"] and "dòng 3" in event.summary
    assert confirm_again_is_refused(client)


def confirm_again_is_refused(client) -> bool:
    response = client.post(reverse("imports:proposal_upload_delegations_out"), {"token": "da-dung"}, follow=True)
    return "Phiên nhập đã hết hạn" in response.content.decode() and Delegation.objects.count() == 2


def test_several_invalid_rows_are_all_listed_and_nothing_is_saved(client_for, users, countries):
    client = client_for("officer1")
    rows = [
        ROW,
        ROW | {"A": None, "F": "Atlantis"},
        ROW,
        ROW | {"D": "năm người", "J": "Tháng 13"},
        ROW | {"K": "Quỹ riêng"},
    ]
    response = upload(client, fill(template(client), rows))
    assert response.status_code == 400
    html = response.content.decode()
    assert "3 dòng chưa hợp lệ" in html and "Chưa có dòng nào được lưu" in html
    errors = [(e.row, e.column, e.header) for e in response.context["sheet"].errors]
    assert errors == [
        (4, "A", "Tên đoàn"),
        (4, "F", "Đến nước"),
        (6, "D", "Số người"),
        (6, "J", "Thời gian thực hiện"),
        (7, "K", "Nguồn kinh phí"),
    ]
    for text in ("Atlantis", "Tháng 13", "không phải là số nguyên", "Quỹ riêng", "Chưa nhập “Tên đoàn”"):
        assert text in html
    assert not Delegation.objects.exists()
    assert "proposal_import" not in client.session


def test_officer_cannot_import_into_another_unit(client_for, users, countries):
    client = client_for("officer1")
    other = users["officer2"].unit.name
    rows = [ROW, ROW | {"O": other}, ROW | {"O": other, "F": "Atlantis"}]
    response = upload(client, fill(template(client), rows))
    assert response.status_code == 400
    errors = response.context["sheet"].errors
    assert [(e.row, e.column) for e in errors] == [(4, "O"), (5, "F"), (5, "O")]
    assert "chỉ được nhập đề xuất của đơn vị mình (Sở Du lịch)" in errors[0].message and other in errors[0].message
    # The unit field is fixed for an officer: posting another unit changes nothing.
    response = upload(client, fill(template(client), [ROW]), unit=users["officer2"].unit.pk)
    assert response.context["preview"][0]["unit"] == users["officer1"].unit
    assert not Delegation.objects.exists()


def test_coordinator_chooses_the_unit_or_names_it_per_row(client_for, users, countries):
    client = client_for("coordinator")
    data = fill(
        template(client, "conferences"),
        [
            {"A": "Hội thảo xúc tiến du lịch", "D": "Nhật Bản", "E": 120, "H": "Tháng 9", "K": "Ngân sách tỉnh"}
            | {"L": "Chủ tịch UBND tỉnh", "O": 2027},
            {"A": "Hội nghị an ninh biên giới", "H": "Quý IV", "K": "Ngân sách tỉnh", "L": "Thủ tướng Chính phủ"}
            | {"N": "Có", "O": 2027, "P": "Công an tỉnh"},
        ],
        sheet="Hội nghị, hội thảo",
    )
    response = upload(client, data, kind="conferences", unit=users["officer1"].unit.pk)
    assert response.status_code == 200
    assert confirm(client, response, "conferences").status_code == 302
    tourism, border = Conference.objects.order_by("pk")
    assert tourism.organising_unit == users["officer1"].unit and tourism.delegates_vn == 120
    assert border.organising_unit == users["officer2"].unit and border.sensitive_topics is True
    assert border.permitting_authority_text == "Thủ tướng Chính phủ"
    assert border.required_authority.code == "prime_minister"
    assert border.history.first().history_user == users["coordinator"]


def test_agreements_template_round_trip(client_for, users, countries):
    client = client_for("officer2")
    data = fill(
        template(client, "agreements"),
        [
            {"C": "Biên bản ghi nhớ", "D": "Bản ghi nhớ hợp tác phòng, chống tội phạm", "E": "Lào"}
            | {"F": "Công an tỉnh Hủa Phăn", "G": "Quý III", "I": "Chủ tịch UBND tỉnh", "J": 2027}
        ],
        sheet="Thỏa thuận quốc tế",
    )
    response = upload(client, data, kind="agreements")
    assert confirm(client, response, "agreements").status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.proposing_unit == users["officer2"].unit and agreement.country.code == "LA"
    assert agreement.type == "mou" and agreement.status == "draft"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"TT\tTen doan\n1\tDoan A\n", "không phải là bảng tính Excel"),
        ("Đây là văn bản, không phải bảng tính".encode(), "không phải là bảng tính Excel"),
    ],
)
def test_a_non_xlsx_file_renamed_xlsx_is_refused(client_for, users, data, message):
    response = upload(client_for("officer1"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Delegation.objects.exists()


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(client_for, users, monkeypatch):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
            '.sheet.main+xml"/></Types>',
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" * 20_000_000)

    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr("doingoai.documents.proposals_xlsx.reading.load_workbook", never)
    response = upload(client_for("officer1"), out.getvalue())
    assert response.status_code == 400
    assert "bom nén" in response.content.decode()


def test_an_oversized_file_is_refused(client_for, users):
    response = upload(client_for("officer1"), b"PK\x03\x04" + b"\0" * MAX_BYTES)
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode() and "5 MB" in response.content.decode()


@pytest.mark.parametrize("role", ["leader", "finance"])
def test_readers_cannot_upload_proposals(client_for, users, role):
    client = client_for(role)
    assert client.get(reverse("imports:proposal_upload_delegations_out")).status_code == 403
    assert upload(client, b"x").status_code == 403


def test_list_pages_link_to_templates_and_uploads(client_for, users):
    client = client_for("officer1")
    html = client.get(reverse("delegations:delegation_list") + "?direction=in").content.decode()
    assert reverse("imports:proposal_template_delegations_in") in html
    assert reverse("imports:proposal_upload_delegations_in") in html
    for kind, url in (("conferences", "conferences:conference_list"), ("agreements", "agreements:agreement_list")):
        html = client.get(reverse(url)).content.decode()
        assert "Tải mẫu Excel" in html and reverse(f"imports:proposal_upload_{kind}") in html
    leader_html = client_for("leader").get(reverse("conferences:conference_list")).content.decode()
    assert "Tải mẫu Excel" in leader_html and "Nhập từ Excel" not in leader_html
