"""A unit officer submits a pre-filled report; the coordinator returns it; the officer resubmits; the coordinator's
compliance page and consolidated report reflect it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from django.utils import timezone
from docx import Document

from doingoai.delegations.models import DelegationStatus
from doingoai.reporting.models import ReportingPeriod, ReportStatus
from tests.browser.test_delegation_flow import login, logout
from tests.factories import DelegationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _immediate_tasks_and_media(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"


def test_officer_submits_coordinator_returns_officer_resubmits(live_server, page, users, shots):
    base = live_server.url
    today = timezone.localdate()
    officer_unit = users["officer1"].unit
    DelegationFactory(
        name="Đoàn Sở Du lịch khảo sát tuyến Đường 8",
        proposing_unit=officer_unit,
        year=today.year,
        status=DelegationStatus.DONE,
        time_text=f"Tháng {today.month}",
        actual_start=max(today - dt.timedelta(days=10), dt.date(today.year, 1, 1)),  # inside 1 January – today
        actual_end=max(today - dt.timedelta(days=6), dt.date(today.year, 1, 1)),
        result_reported_on=today,
    )
    page.on("dialog", lambda dialog: dialog.accept())  # the confirmations of "Nộp báo cáo"

    # the coordinator opens an ad hoc period: the dates come from the schedule (htmx), the units by default
    login(page, base, "coordinator")
    page.goto(f"{base}/reports/open/")
    page.locator("#id_kind").select_option(label="Đột xuất")
    due = today + dt.timedelta(days=10)
    page.wait_for_function(f"() => document.querySelector('#id_due_date').value === '{due:%d/%m/%Y}'")
    assert page.locator("#id_label").input_value() == f"Báo cáo đột xuất ngày {today:%d/%m/%Y}"
    assert page.locator("#id_start").input_value() == f"01/01/{today.year}"  # dd/mm/yyyy whatever the browser
    assert page.get_by_label(officer_unit.name).is_checked()
    page.screenshot(path=shots / "period-open.png", full_page=True)
    page.get_by_role("button", name="Mở kỳ báo cáo").click()
    page.wait_for_selector("#reports")
    period = ReportingPeriod.objects.get()
    assert period.due_date == due and set(period.units.all()) == {officer_unit, users["officer2"].unit}
    logout(page)

    report = period.reports.get(unit=officer_unit)

    # the officer finds the report waiting, pre-filled from the registries, adds a text and submits
    login(page, base, "officer1")
    page.goto(f"{base}/reports/")
    assert "Báo cáo đơn vị cần nộp" in page.inner_text("#own-open")
    page.locator("#own-open a").first.click()
    page.wait_for_selector("#report-form")
    assert "Đoàn Sở Du lịch khảo sát tuyến Đường 8" in page.inner_text("#report-form")
    assert "đã thực hiện 01 đoàn ra" in page.locator("#id_outbound").input_value()
    page.get_by_label("5. Các hoạt động đối ngoại khác").fill("Tiếp 02 đoàn doanh nghiệp lữ hành Lào.")
    page.screenshot(path=shots / "report-officer-draft.png", full_page=True)
    page.locator("#submit-button").click()
    page.wait_for_selector("#status .report-state")
    assert "Nộp đúng hạn" in page.inner_text("#status")
    logout(page)

    # the coordinator returns it with a comment
    login(page, base, "coordinator")
    page.goto(f"{base}{report.get_absolute_url()}")
    assert "Tiếp 02 đoàn doanh nghiệp lữ hành Lào." in page.inner_text("main")
    page.locator("#return-link").click()
    page.get_by_label("Ý kiến gửi đơn vị").fill("Đề nghị bổ sung đánh giá chung và kiến nghị.")
    page.get_by_role("button", name="Trả lại đơn vị").click()
    page.wait_for_selector("#review-comment")
    assert "Trả lại" in page.inner_text("#status")
    logout(page)

    # the officer sees the message and the comment, completes the report and sends it again
    login(page, base, "officer1")
    assert page.locator("#inbox-count").count() == 1
    page.goto(f"{base}{report.get_absolute_url()}")
    assert "Đề nghị bổ sung đánh giá chung" in page.inner_text("#review-comment")
    page.get_by_label("7. Đánh giá chung, khó khăn, vướng mắc và kiến nghị").fill(
        "Hoàn thành kế hoạch trong kỳ; đề nghị bố trí kinh phí cho đoàn xúc tiến quý sau."
    )
    page.locator("#submit-button").click()
    page.wait_for_selector("#versions")
    assert "Nộp đúng hạn" in page.inner_text("#status")
    assert page.locator("#versions tbody tr").count() == 2
    page.screenshot(path=shots / "report-officer-resubmitted.png", full_page=True)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.versions.count() == 2
    logout(page)

    # the coordinator's compliance page and consolidated report reflect it
    login(page, base, "coordinator")
    page.goto(f"{base}/reports/compliance/")
    row = page.locator("#compliance tr", has_text=officer_unit.name)
    assert "100%" in row.inner_text() and "Nộp đúng hạn" in row.inner_text()
    assert "chưa có kết quả" in page.locator("#compliance tr", has_text="Công an tỉnh").inner_text()
    page.screenshot(path=shots / "compliance.png", full_page=True)
    page.goto(f"{base}/dashboard/?year={period.year}")
    assert "Nộp đúng hạn: 1" in page.inner_text("#reporting-summary")
    page.screenshot(path=shots / "dashboard-reporting.png", full_page=True)
    page.goto(f"{base}/reports/{period.pk}/consolidated/")
    assert "Hoàn thành kế hoạch trong kỳ" in page.inner_text("#texts")
    page.locator("#export-docx").click()
    link = page.locator("#exports .export-download").first
    link.wait_for()
    page.screenshot(path=shots / "consolidated.png", full_page=True)
    with page.expect_download() as info:
        link.click()
    path = shots / "bao-cao-tong-hop.docx"
    info.value.save_as(path)
    text = "\n".join(p.text for p in Document(path).paragraphs)
    assert "BÁO CÁO" in text and "Hoàn thành kế hoạch trong kỳ" in text
    if shutil.which("soffice"):  # a look at the printed pages, when LibreOffice is there
        subprocess.run(  # noqa: S603 - fixed arguments, a file this test wrote
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(shots), str(path)],  # noqa: S607
            check=True,
            capture_output=True,
            timeout=120,
        )
        assert (shots / "bao-cao-tong-hop.pdf").stat().st_size > 0
