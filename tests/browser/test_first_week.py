"""What officials meet in their first week (issue 16), as they meet it: in chromium, at 1366 and 390 px, with an
English browser as well as a Vietnamese one; and an axe-core check of the main pages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import timezone

import doingoai
from doingoai.delegations.models import Delegation, DelegationStatus
from tests.browser.test_delegation_flow import login
from tests.factories import CountryFactory, DelegationFactory
from tests.reporting.factories import ReportingPeriodFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.real_clock]

AXE = Path(doingoai.__file__).parent / "static" / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def english(browser):
    """A browser set to English (US): its own date inputs would read mm/dd/yyyy."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
    yield context.new_page()
    context.close()


def test_a_refused_form_says_why_at_the_top_and_takes_the_focus(live_server, page, users, shots):
    """Point 12: a summary with links, the focus on it; the link takes the focus to the field."""
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/delegations/add/?direction=out")
    assert page.locator("h1").inner_text() == "Thêm mới đoàn ra"  # "Thêm mới" from Đoàn ra: outbound
    assert page.locator("#id_direction").input_value() == "out"
    assert page.locator("#id_duration_days").count() == 0  # "Số ngày" once
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#error-summary a", has_text="Tên đoàn").count() == 1
    page.screenshot(path=shots / "form-errors.png")
    page.locator("#error-summary a", has_text="Tên đoàn").click()
    assert page.evaluate("document.activeElement.id") == "id_name"
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"


def test_countries_are_searched_without_accents(live_server, page, users):
    """Point 10: a searchable select; "ca dac" finds "Ca-dắc-xtan", "nhat" finds "Nhật Bản"."""
    CountryFactory(code="KZ", name_vi="Ca-dắc-xtan", name_en="Kazakhstan")
    CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan")
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/delegations/add/?direction=out")
    page.locator("#id_countries-ts-control").click()
    page.keyboard.type("ca dac")
    # The list narrows as the letters come: wait for the last of them ("c" alone still matches both).
    page.wait_for_function("() => document.querySelectorAll('#id_countries-ts-dropdown .option').length === 1")
    assert page.locator("#id_countries-ts-dropdown .option").inner_text() == "Ca-dắc-xtan"
    page.keyboard.press("Enter")
    page.keyboard.type("nhat")
    page.locator("#id_countries-ts-dropdown .option", has_text="Nhật Bản").click()
    selected = page.eval_on_selector("#id_countries", "s => Array.from(s.selectedOptions).map(o => o.text)")
    assert set(selected) == {"Ca-dắc-xtan", "Nhật Bản"}


def test_dates_read_and_write_dd_mm_yyyy_on_an_english_browser(live_server, english, users):
    """Point 11: the browser's language does not change how a date is written."""
    page = english
    d = DelegationFactory(proposing_unit=users["officer1"].unit, year=timezone.localdate().year)
    Delegation.objects.filter(pk=d.pk).update(status=DelegationStatus.APPROVED)
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/delegations/{d.pk}/action/complete/")
    start = page.locator("#id_actual_start")
    assert start.get_attribute("type") == "text" and start.get_attribute("placeholder") == "dd/mm/yyyy"
    today = timezone.localdate()
    first, last = today - dt.timedelta(days=9), today - dt.timedelta(days=2)
    start.fill(f"{first:%d/%m/%Y}")
    page.locator("#id_actual_end").fill(f"{last:%d/%m/%Y}")
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("#status")
    d.refresh_from_db()
    assert (d.status, d.actual_start, d.actual_end) == (DelegationStatus.DONE, first, last)
    assert f"{last:%d/%m/%Y}" in page.inner_text("main")


def test_done_in_the_future_is_refused_with_the_reason(live_server, page, users):
    """Point 2: the step names the date that has not come."""
    d = DelegationFactory(proposing_unit=users["officer1"].unit, year=timezone.localdate().year)
    Delegation.objects.filter(pk=d.pk).update(status=DelegationStatus.APPROVED)
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/delegations/{d.pk}/action/complete/")
    today = timezone.localdate()
    page.locator("#id_actual_start").fill(f"{today:%d/%m/%Y}")
    page.locator("#id_actual_end").fill(f"{today + dt.timedelta(days=5):%d/%m/%Y}")
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("#error-summary")
    assert "không được sau ngày hôm nay" in page.inner_text("#error-summary")
    d.refresh_from_db()
    assert d.status == DelegationStatus.APPROVED


def test_the_history_reads_local_minutes_and_one_row_per_action(live_server, page, users):
    """Point 7."""
    login(page, live_server.url, "officer1")
    page.goto(f"{live_server.url}/delegations/add/?direction=out")
    page.locator("#id_group").select_option(index=1)
    page.locator("#id_name").fill("Đoàn khảo sát du lịch")
    page.locator("#id_partner_text").fill("Tỉnh Hủa Phăn")
    page.locator("#id_funding_source").select_option(index=1)
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("#history")
    rows = page.locator("#history tbody tr")
    assert rows.count() == 1
    when = rows.first.locator("td").first.inner_text()
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", when), when
    assert f"{timezone.localtime():%d/%m/%Y}" in when


def test_an_upload_keeps_the_text_being_typed(live_server, page, users, settings, tmp_path):
    """Point 4: attaching a file does not reload the page; the typed text is still there, unsaved."""
    settings.MEDIA_ROOT = tmp_path / "media"
    period = ReportingPeriodFactory(units=[users["officer1"].unit])
    report = period.reports.get()
    login(page, live_server.url, "officer1")
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    area = page.locator("#report-form textarea").last
    area.fill("Đang viết dở: tiếp 02 đoàn doanh nghiệp")
    pdf = tmp_path / "phu-luc.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.locator("#attachments input[type=file]").set_input_files(str(pdf))
    page.locator("#attachments button[type=submit]", has_text="Tải lên").click()
    page.locator("#attachments", has_text="phu-luc.pdf").wait_for()
    assert area.input_value() == "Đang viết dở: tiếp 02 đoàn doanh nghiệp"


def test_leaving_with_unsaved_typing_asks_first(live_server, page, users):
    """Point 4, for every form: another form's button asks before the typed text is thrown away."""
    d = DelegationFactory(proposing_unit=users["officer1"].unit, year=timezone.localdate().year)
    login(page, live_server.url, "officer1")
    page.goto(f"{live_server.url}/delegations/{d.pk}/edit/")
    page.locator("#id_name").fill("Tên mới chưa lưu")
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.locator("#user-menu").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_timeout(300)
    assert asked == ["confirm"]
    assert page.locator("#id_name").input_value() == "Tên mới chưa lưu"


def test_on_a_phone_the_rows_come_before_the_filters(live_server, phone, users, shots):
    """Point 13: the filters wait behind a button at 390 px; nothing is wider than the screen."""
    DelegationFactory(proposing_unit=users["officer1"].unit, name="Đoàn xúc tiến du lịch")
    page = phone
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/delegations/?direction=out")
    assert not page.locator("#filter-form").is_visible()
    assert page.locator("#results").is_visible()
    page.screenshot(path=shots / "list-390.png")
    page.locator("#filter-toggle").click()
    page.locator("#filter-form").wait_for(state="visible")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width


MAIN_PAGES = [
    "/",
    "/delegations/?direction=out",
    "/delegations/add/?direction=out",
    "/conferences/",
    "/agreements/",
    "/reports/",
    "/dashboard/",
]


@pytest.mark.parametrize(("width", "language"), [(1366, "vi"), (390, "vi"), (1366, "en"), (390, "en")])
def test_main_pages_have_no_serious_accessibility_violations(live_server, browser, users, shots, width, language):
    """axe-core (vendored) on the main pages: no serious or critical violation, in Vietnamese and in English."""
    d = DelegationFactory(proposing_unit=users["officer1"].unit)
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 500 else 768}, locale="vi-VN", bypass_csp=True
    )
    page = context.new_page()
    login(page, live_server.url, "coordinator")
    if language != "vi":  # the language switch's cookie (django_language), as the switch sets it
        context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    found = {}
    for path in [*MAIN_PAGES, f"/delegations/{d.pk}/"]:
        page.goto(f"{live_server.url}{path}")
        page.add_script_tag(path=str(AXE))  # the test's own script: the context lets it past the page's CSP
        result = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"
        )
        if result:
            found[path] = result
        page.screenshot(path=shots / f"axe-{language}-{width}-{path.strip('/').replace('/', '_') or 'home'}.png")
        if language != "vi":
            assert page.locator("html").get_attribute("lang") == language
    context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
