"""Bulk steps (issue 16, item 9): the coordinator ticks rows of a list, puts them in the plan in one step and
reads what was done and what was refused, and why; then returns others with one comment."""

from __future__ import annotations

import pytest

from doingoai.delegations.models import Delegation
from tests.browser.test_delegation_flow import login
from tests.factories import DelegationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_includes_ticked_rows_in_the_plan(live_server, page, users, shots):
    unit = users["officer2"].unit
    proposed = [DelegationFactory(proposing_unit=unit, status="proposed", name=f"Đoàn đề xuất {i}") for i in range(3)]
    planned = DelegationFactory(proposing_unit=unit, status="in_plan", name="Đoàn đã trong kế hoạch")
    base = live_server.url
    login(page, base, "coordinator")
    page.goto(f"{base}/delegations/")
    assert page.inner_text("[data-bulk-count]") == "Chưa chọn dòng nào"
    for delegation in (proposed[0], proposed[1], planned):
        page.locator(f"input[name=ids][value='{delegation.pk}']").check()
    assert page.inner_text("[data-bulk-count]") == "Đã chọn 3 dòng"
    page.locator("#bulk-step").select_option("include_in_plan")
    assert page.locator("[data-bulk-note]").is_hidden()  # no reason asked for this step
    page.screenshot(path=shots / "bulk-bar.png", full_page=True)
    page.locator("#bulk-run").click()
    page.wait_for_selector("#bulk-summary")
    summary = page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
    assert "Đã thực hiện: 2 bản ghi; bị từ chối: 1 bản ghi." in " ".join(summary.split())
    assert "Đoàn đã trong kế hoạch" in page.inner_text("#bulk-refused + ul")
    assert "đang ở trạng thái “Trong kế hoạch”" in page.inner_text("#bulk-refused + ul")
    page.screenshot(path=shots / "bulk-summary.png", full_page=True)
    statuses = dict(Delegation.objects.filter(pk__in=[d.pk for d in proposed]).values_list("pk", "status"))
    assert statuses == {proposed[0].pk: "in_plan", proposed[1].pk: "in_plan", proposed[2].pk: "proposed"}

    # Back to the list: select the whole page, return with one comment (asked for once the step is chosen).
    page.get_by_role("link", name="Quay lại danh sách").click()
    page.locator("[data-select-page]").check()
    assert page.inner_text("[data-bulk-count]") == "Đã chọn 4 dòng"
    page.locator("#bulk-step").select_option("return_to_draft")
    assert page.locator("[data-bulk-note]").is_visible()
    page.locator("#bulk-note").fill("Bổ sung thành phần đoàn")
    page.locator("#bulk-run").click()
    page.wait_for_selector("#bulk-summary")
    assert "Đã thực hiện: 1 bản ghi; bị từ chối: 3 bản ghi." in " ".join(page.inner_text("#bulk-summary").split())
    proposed[2].refresh_from_db()
    assert proposed[2].status == "draft" and proposed[2].status_note == "Bổ sung thành phần đoàn"
