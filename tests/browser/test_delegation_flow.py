"""A unit officer proposes an outbound delegation; the coordinator puts it in the plan, filters, exports."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from doingoai.core.models import Country
from doingoai.delegations.models import Delegation
from tests.conftest import PASSWORD
from tests.factories import DelegationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")


def logout(page) -> None:
    page.locator("#user-menu").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/accounts/login/")


def test_officer_proposes_coordinator_plans_filters_and_exports(live_server, page, users, shots):
    call_command("load_refdata", verbosity=0)
    base = live_server.url
    # Another unit's delegation to Japan, so that filtering by country visibly removes a row.
    DelegationFactory(
        proposing_unit=users["officer2"].unit,
        status="in_plan",
        name="Đoàn xúc tiến tại Nhật Bản",
        countries=[Country.objects.get(code="JP")],
    )

    login(page, base, "officer1")
    page.screenshot(path=shots / "home-officer.png", full_page=True)
    page.goto(f"{base}/delegations/add/")
    page.get_by_label("Năm kế hoạch").fill("2027")
    page.get_by_label("Loại đoàn").select_option(label="Đoàn ra")
    page.get_by_label("Nhóm").select_option(label="Sở, ban, ngành, đoàn thể cấp tỉnh")
    page.get_by_label("Tên đoàn").fill("Đoàn Sở Du lịch khảo sát tuyến du lịch Đường 8")
    page.get_by_label("Trưởng đoàn").fill("Phó Giám đốc Sở Du lịch")
    page.locator("#id_size").fill("5")
    page.locator("#id_countries").select_option(label="Lào")
    page.get_by_label("Thời gian dự kiến").fill("Quý II/Quý III")
    page.locator("#id_funding_source").select_option(label="Ngân sách tỉnh")
    page.screenshot(path=shots / "form.png", full_page=True)
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_selector("#status")
    assert "Dự thảo" in page.inner_text("#status")
    page.get_by_role("link", name="Gửi đề xuất").click()
    page.get_by_role("button", name="Gửi đề xuất").click()
    page.wait_for_selector("#status")
    assert "Đề xuất" in page.inner_text("#status")
    delegation = Delegation.objects.get(name="Đoàn Sở Du lịch khảo sát tuyến du lịch Đường 8")
    assert delegation.proposing_unit == users["officer1"].unit and delegation.month_mask == 0b111111000
    logout(page)

    login(page, base, "coordinator")
    assert "Đoàn Sở Du lịch khảo sát" in page.inner_text("#waiting")
    page.screenshot(path=shots / "home-coordinator.png", full_page=True)
    page.goto(f"{base}{delegation.get_absolute_url()}")
    page.get_by_role("link", name="Đưa vào kế hoạch").click()
    page.get_by_role("button", name="Đưa vào kế hoạch").click()
    page.wait_for_selector("#status")
    assert "Trong kế hoạch" in page.inner_text("#status")
    assert "Đưa vào kế hoạch" in page.inner_text("#history")
    page.screenshot(path=shots / "detail.png", full_page=True)

    page.goto(f"{base}/delegations/")
    assert page.locator("#results tbody tr").count() == 2
    with page.expect_response(lambda r: "country=" in r.url):
        page.locator("#id_country").select_option(label="Lào")
    page.wait_for_function("() => document.querySelectorAll('#results tbody tr').length === 1")
    assert "country=" in page.url  # htmx pushed the filter into the address
    assert "Đoàn Sở Du lịch khảo sát" in page.inner_text("#results")
    page.screenshot(path=shots / "list-filtered.png", full_page=True)

    with page.expect_download() as info:
        page.locator("#export-xlsx").click()
    path = shots / "export.xlsx"
    info.value.save_as(path)
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [delegation.pk]
