"""The /reports/ pages: rights per role and unit, the report flow through the forms, files, exports, inbox."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from doingoai.reporting import services
from doingoai.reporting.models import SECTIONS as REPORT_SECTIONS
from doingoai.reporting.models import (
    ExportStatus,
    Notification,
    ReportExport,
    ReportingPeriod,
    ReportStatus,
)
from tests.reporting.conftest import H1_DUE

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def form_texts(**texts: str) -> dict[str, str]:
    return {key: texts.get(key, "") for key, _ in REPORT_SECTIONS}


@pytest.fixture
def report_a(users, period):
    return period.reports.get(unit=users["officer1"].unit)


def test_officer_opens_its_report_prefilled_and_never_another_units(client_for, users, registry, report_a, period):
    page = client_for("officer1").get(report_a.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "D1 khảo sát Lào" in html and "Trong kỳ, đơn vị đã thực hiện 03 đoàn ra" in html
    assert 'name="_action" value="submit"' in html
    other = period.reports.get(unit=users["officer2"].unit)
    assert client_for("officer1").get(other.get_absolute_url()).status_code == 404
    assert client_for("officer1").post(other.get_absolute_url(), form_texts(other="x")).status_code == 404


def test_the_report_flow_through_the_pages(client_for, users, report_a):
    url = report_a.get_absolute_url()
    officer = client_for("officer1")
    response = officer.post(url, form_texts(other="Nháp lần đầu") | {"_action": "save"})
    assert response.status_code == 302
    report_a.refresh_from_db()
    assert report_a.status == ReportStatus.DRAFT and report_a.text("other") == "Nháp lần đầu"
    officer.post(url, form_texts(other="Bản nộp 1") | {"_action": "submit", "_version": report_a.version})
    report_a.refresh_from_db()
    assert report_a.status == ReportStatus.SUBMITTED
    assert 'name="_action"' not in officer.get(url).content.decode()  # no more editing once sent

    coordinator = client_for("coordinator")
    assert "accept-button" in coordinator.get(url).content.decode()
    action = reverse("reporting:unitreport_action", args=[report_a.pk, "return"])
    bad = coordinator.post(action, {"comment": ""})
    assert bad.status_code == 400 and "Cần ghi ý kiến để đơn vị chỉnh sửa." in bad.content.decode()
    coordinator.post(action, {"comment": "Bổ sung đánh giá"})
    report_a.refresh_from_db()
    assert report_a.status == ReportStatus.RETURNED

    officer = client_for("officer1")
    page = officer.get(url).content.decode()
    assert "Bổ sung đánh giá" in page and "Bản nộp 1" in page
    officer.post(url, form_texts(other="Bản nộp 2", assessment="Đã bổ sung") | {"_action": "submit"})
    report_a.refresh_from_db()
    assert report_a.status == ReportStatus.SUBMITTED and report_a.versions.count() == 2
    version_1 = report_a.versions.get(number=1)
    assert "Bản nộp 1" in officer.get(reverse("reporting:version_detail", args=[version_1.pk])).content.decode()
    client_for("coordinator").post(reverse("reporting:unitreport_action", args=[report_a.pk, "accept"]))
    report_a.refresh_from_db()
    assert report_a.status == ReportStatus.ACCEPTED


def test_readers_cannot_write_or_review(client_for, users, report_a):
    services.unit_report_submit(report=report_a, by=users["officer1"], texts={"other": "x"})
    for role in ("leader", "finance"):
        c = client_for(role)
        assert c.get(report_a.get_absolute_url()).status_code == 200
        assert c.post(report_a.get_absolute_url(), form_texts(other="y")).status_code == 403
        assert c.post(reverse("reporting:unitreport_action", args=[report_a.pk, "accept"])).status_code == 302
        report_a.refresh_from_db()
        assert report_a.status == ReportStatus.SUBMITTED  # refused, with a message
    assert (
        client_for("officer1").get(reverse("reporting:unitreport_action", args=[report_a.pk, "accept"])).status_code
        == 403
    )


def test_opening_a_period_from_the_page(client_for, users, unit_c):
    coordinator = client_for("coordinator")
    partial = coordinator.get(
        reverse("reporting:period_add"), {"kind": "monthly", "year": "2027", "month": "3"}, **HTMX
    )
    html = partial.content.decode()
    assert 'id="suggested"' in html and "Tháng 3 năm 2027" in html and 'value="20/03/2027"' in html
    assert "<html" not in html
    full = coordinator.get(reverse("reporting:period_add"))
    assert users["officer1"].unit.name in full.content.decode()

    bad = coordinator.post(reverse("reporting:period_add"), {"kind": "semiannual", "year": "2027", "label": ""})
    errors = bad.content.decode()
    assert bad.status_code == 400
    assert "Cần nhập tên kỳ báo cáo." in errors and "Cần nhập hạn nộp." in errors
    assert "Cần chọn ít nhất một đơn vị phải báo cáo." in errors
    data = {
        "kind": "semiannual",
        "year": "2027",
        "label": "6 tháng đầu năm 2027",
        "start": "2027-01-01",
        "end": "2027-06-14",
        "due_date": "2027-06-15",
        "units": [users["officer1"].unit.pk, unit_c.pk],
        "basis": "Theo lịch",
    }
    response = coordinator.post(reverse("reporting:period_add"), data)
    period = ReportingPeriod.objects.get()
    assert response.status_code == 302 and response["Location"] == period.get_absolute_url()
    assert period.reports.count() == 2 and period.due_date == H1_DUE
    assert client_for("officer1").get(reverse("reporting:period_add")).status_code == 403


def test_period_page_shows_an_officer_only_its_own_report(client_for, users, period):
    def reports_table(role: str) -> str:
        html = client_for(role).get(period.get_absolute_url()).content.decode()
        assert (role == "coordinator") == ("consolidated-link" in html)
        return html.split('id="reports"')[1].split("</table>")[0]

    own = reports_table("officer1")
    assert "Sở Du lịch" in own and "Công an tỉnh" not in own and "Sở Y tế" not in own
    every = reports_table("coordinator")
    assert "Công an tỉnh" in every and "Sở Y tế" in every


def test_attachments_through_the_pages(client_for, users, report_a):
    officer = client_for("officer1")
    upload = reverse("reporting:unitreport_attach", args=[report_a.pk])
    bad = officer.post(upload, {"file": SimpleUploadedFile("virus.exe", b"MZ")})
    assert bad.status_code == 400 and "chỉ nhận các loại tệp" in bad.content.decode()
    officer.post(upload, {"file": SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.7 noi dung")})
    attachment = report_a.attachments.get()
    url = reverse("reporting:attachment_download", args=[attachment.pk])
    assert b"".join(client_for("coordinator").get(url).streaming_content) == b"%PDF-1.7 noi dung"
    assert client_for("officer2").get(url).status_code == 404
    assert client_for("officer2").post(upload, {"file": SimpleUploadedFile("a.pdf", b"%PDF-")}).status_code == 404
    client_for("officer1").post(reverse("reporting:attachment_remove", args=[attachment.pk]))
    attachment.refresh_from_db()
    assert attachment.removed_at is not None


def test_consolidated_files_are_built_in_the_background(
    client_for, users, registry, period, django_capture_on_commit_callbacks
):
    coordinator = client_for("coordinator")
    page = coordinator.get(reverse("reporting:period_consolidated", args=[period.pk])).content.decode()
    assert "Phụ lục 1" in page and "export-docx" in page
    for fmt in ("docx", "xlsx"):
        with django_capture_on_commit_callbacks(execute=True):
            box = coordinator.post(reverse("reporting:period_export", args=[period.pk]), {"format": fmt}, **HTMX)
        assert box.status_code == 200 and "export-status" in box.content.decode()
    docx, xlsx = ReportExport.objects.order_by("fmt")
    assert (docx.status, xlsx.status) == (ExportStatus.DONE, ExportStatus.DONE)
    status = coordinator.get(reverse("reporting:export_detail", args=[docx.pk])).content.decode()
    assert "Tải về" in status and "hx-trigger" not in status  # finished: the box stops polling
    content = b"".join(coordinator.get(reverse("reporting:export_download", args=[docx.pk])).streaming_content)
    assert "Kết quả thực hiện công tác đối ngoại" in "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    content = b"".join(coordinator.get(reverse("reporting:export_download", args=[xlsx.pk])).streaming_content)
    assert load_workbook(io.BytesIO(content)).sheetnames[0] == "Theo phụ lục"
    # a unit officer sees neither the consolidation nor its files
    officer = client_for("officer1")
    assert officer.get(reverse("reporting:period_consolidated", args=[period.pk])).status_code == 403
    assert officer.post(reverse("reporting:period_export", args=[period.pk]), {"format": "docx"}).status_code == 403
    assert officer.get(reverse("reporting:export_download", args=[docx.pk])).status_code == 404


def test_a_queued_export_box_polls_until_done(client_for, users, period):
    export = ReportExport.objects.create(period=period, fmt="docx", requested_by=users["coordinator"])
    box = client_for("coordinator").get(reverse("reporting:export_detail", args=[export.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in box and "Đang chờ" in box
    services.report_export_build(export_id=export.pk)
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE and zipfile.is_zipfile(export.file.path)


def test_compliance_page(client_for, users, period, clock):
    clock.set(dt.datetime(2027, 6, 14, 10))
    services.unit_report_submit(
        report=period.reports.get(unit=users["officer1"].unit), by=users["officer1"], texts={"other": "x"}
    )
    clock.set(dt.datetime(2027, 6, 20, 10))
    html = client_for("coordinator").get(reverse("reporting:compliance")).content.decode()
    assert "100%" in html and "Quá hạn, chưa nộp" in html and "Công an tỉnh" in html
    own = client_for("officer1").get(reverse("reporting:compliance")).content.decode()
    assert "Sở Du lịch" in own and "Công an tỉnh" not in own


def test_deadlines_page(client_for, users, period, clock):
    clock.set(dt.datetime(2027, 6, 16, 10))
    html = client_for("officer2").get(reverse("reporting:deadlines")).content.decode()
    assert "Quá hạn" in html and "Báo cáo 6 tháng đầu năm 2027" in html and "15/06/2027" in html


def test_inbox_badge_open_and_mark_all_read(client_for, users, period):
    officer = client_for("officer1")
    home = officer.get(reverse("reporting:period_list")).content.decode()
    assert 'id="inbox-count">1<' in home
    note = Notification.objects.get(user=users["officer1"])
    response = officer.get(reverse("reporting:notification_open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == period.get_absolute_url()
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'id="inbox-count"' not in officer.get(reverse("reporting:inbox")).content.decode()
    Notification.objects.create(user=users["officer1"], title="Nhắc", url="https://ví-dụ.example/")
    officer.post(reverse("reporting:inbox"))
    assert not Notification.objects.filter(user=users["officer1"], read_at__isnull=True).exists()
    evil = Notification.objects.create(user=users["officer1"], title="x", url="https://evil.example/")
    assert officer.get(reverse("reporting:notification_open", args=[evil.pk]))["Location"] == reverse("reporting:inbox")
    assert client_for("officer2").get(reverse("reporting:notification_open", args=[note.pk])).status_code == 404


def test_export_report_command(users, registry, period, tmp_path):
    docx_path, xlsx_path = tmp_path / "bc.docx", tmp_path / "bc.xlsx"
    err = io.StringIO()
    call_command("export", "report", str(period.pk), "-o", str(docx_path), stderr=err)
    assert "3 đơn vị" in err.getvalue() and "Đã ghi" in err.getvalue()
    text = "\n".join(p.text for p in Document(docx_path).paragraphs)
    assert "BÁO CÁO" in text and "6 tháng đầu năm 2027" in text
    call_command("export", "report", str(period.pk), "-o", str(xlsx_path), stderr=io.StringIO())
    rows = list(load_workbook(xlsx_path)["Theo phụ lục"].iter_rows(min_row=4, values_only=True))
    assert rows[0][:5] == ("Phụ lục 1", "Đoàn ra", 9, 7, 5)
    with pytest.raises(CommandError, match="Không có kỳ báo cáo mã 999"):
        call_command("export", "report", "999", "-o", str(docx_path), stderr=io.StringIO())
    with pytest.raises(CommandError, match=r"dùng \.docx hoặc \.xlsx"):
        call_command("export", "report", str(period.pk), "-o", str(tmp_path / "bc.pdf"), stderr=io.StringIO())
