"""Issue 16 in the browser, the points test_first_week.py does not drive: a period opened twice (1), implausible
years (3), the plan-version diff counting a postponement as a removal (5), each role's home (6), reviewed
Vietnamese messages on the page and in the API (14), and the language switch (16)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from doingoai.delegations.models import Delegation, DelegationStatus
from doingoai.programs import services as programs
from doingoai.reporting import services as reporting
from doingoai.reporting.models import ReportingPeriod
from tests.browser.test_delegation_flow import login
from tests.factories import DelegationFactory
from tests.programs.factories import ProgramFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.real_clock]

NEXT_YEAR = timezone.localdate().year + 1


def submit(page) -> str:
    """Send the page's form and return the error summary it comes back with."""
    page.locator("main button[type=submit]").first.click()
    # Field errors come in the summary with links; a refusal of the whole form is the alert above it.
    page.wait_for_selector("#error-summary, main .alert-danger")
    return page.locator("#error-summary, main .alert-danger").first.inner_text()


def test_a_reporting_period_cannot_be_opened_twice(live_server, page, users):
    """Point 1: the second "Năm …" is refused by name, and the units owe one report."""
    unit = users["officer2"].unit
    reporting.period_open(
        by=users["coordinator"], kind="annual", year=NEXT_YEAR, label=f"Năm {NEXT_YEAR}",
        start=dt.date(NEXT_YEAR, 1, 1), end=dt.date(NEXT_YEAR, 12, 14), due_date=dt.date(NEXT_YEAR, 12, 15),
        units=[unit],
    )  # fmt: skip
    login(page, live_server.url, "coordinator")
    # The kind and year come in the address, as the form's own suggestion request sends them: the page opens
    # with them chosen, and no late suggestion (htmx) replaces what is typed next.
    page.goto(live_server.url + reverse("reporting:period_add") + f"?kind=annual&year={NEXT_YEAR}")
    assert page.locator("#id_year").input_value() == str(NEXT_YEAR)
    page.locator("#id_label").fill(f"Năm {NEXT_YEAR}")
    page.locator("#id_start").fill(f"01/01/{NEXT_YEAR}")
    page.locator("#id_end").fill(f"14/12/{NEXT_YEAR}")
    page.locator("#id_due_date").fill(f"15/12/{NEXT_YEAR}")
    page.locator(f"input[name=units][value='{unit.pk}']").check()

    assert f"Kỳ báo cáo này đã được mở: “Năm {NEXT_YEAR}”" in submit(page)
    assert ReportingPeriod.objects.filter(year=NEXT_YEAR).count() == 1


def test_a_conference_in_1800_and_a_negative_size_are_refused_in_reviewed_vietnamese(live_server, page, users):
    """Points 3 and 14: the year is checked against what the record is; the stock messages read well."""
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/conferences/add/")
    page.locator("#id_year").fill("1800")
    summary = submit(page)
    assert "từ 2000" in summary
    assert page.locator("#id_year").get_attribute("aria-invalid") == "true"

    page.goto(f"{live_server.url}/delegations/add/?direction=out")
    page.locator("#id_size").fill("-3")
    summary = submit(page)
    assert "Giá trị nhỏ nhất là 0." in summary
    assert "tổng thể" not in summary and "lớn hơn hoặc bằng với" not in summary


def test_the_version_diff_counts_a_postponed_delegation_as_removed(live_server, page, users):
    """Point 5: taking a delegation out of the plan (postponed) is a change of the plan."""
    unit = users["officer1"].unit
    year = NEXT_YEAR
    kept = DelegationFactory(year=year, status=DelegationStatus.IN_PLAN, name="Đoàn vẫn đi", proposing_unit=unit)
    later = DelegationFactory(year=year, status=DelegationStatus.IN_PLAN, name="Đoàn hoãn", proposing_unit=unit)
    plan = programs.program_submit(plan=ProgramFactory(year=year), by=users["coordinator"])
    plan = programs.program_issue(
        plan=plan, by=users["leader"], number="9/CTr-UBND", issued_on=timezone.localdate(), signer_name="A"
    )
    programs.program_open_adjustment(plan=plan, by=users["coordinator"], today=dt.date(year, 3, 1))
    Delegation.objects.filter(pk=later.pk).update(status=DelegationStatus.POSTPONED)
    programs.program_record_version(plan=plan, by=users["coordinator"])

    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/plans/{plan.pk}/versions/?a=1&b=2")
    main = page.inner_text("main")
    assert "Đoàn hoãn" in main and "Đoàn vẫn đi" not in main and kept.name == "Đoàn vẫn đi"
    assert page.locator(".badge.text-bg-danger", has_text="Bớt 1").count() >= 1


def test_each_home_shows_what_its_user_can_act_on(live_server, page, users):
    """Point 6: the officer's late items are its unit's; the coordinator sees both; the rest is one link away."""
    long_ago = timezone.localdate() - dt.timedelta(days=60)
    mine = DelegationFactory(proposing_unit=users["officer1"].unit, name="Đoàn của Sở Du lịch")
    theirs = DelegationFactory(proposing_unit=users["officer2"].unit, name="Đoàn của Công an tỉnh")
    Delegation.objects.filter(pk__in=[mine.pk, theirs.pk]).update(
        status=DelegationStatus.DONE, actual_start=long_ago, actual_end=long_ago
    )
    login(page, live_server.url, "officer1")
    late = page.locator("#late")
    assert "Đoàn của Sở Du lịch" in late.inner_text() and "Đoàn của Công an tỉnh" not in late.inner_text()
    page.get_by_role("link", name="mọi thời hạn").click()
    page.wait_for_load_state()
    assert page.url != f"{live_server.url}/"  # one link away

    page.context.clear_cookies()
    login(page, live_server.url, "coordinator")
    late = page.locator("#late").inner_text()
    assert "Đoàn của Sở Du lịch" in late and "Đoàn của Công an tỉnh" in late


def test_the_api_answers_in_vietnamese_unless_asked_for_english(live_server, page, users):
    """Point 14: an unknown token and an unknown record, as a script calling the API meets them."""
    bad = page.request.get(f"{live_server.url}/api/delegations/", headers={"Authorization": "Token khong-co"})
    assert bad.status == 401 and "không hợp lệ" in bad.json()["detail"]
    key = Token.objects.create(user=users["coordinator"]).key
    missing = page.request.get(f"{live_server.url}/api/delegations/999999/", headers={"Authorization": f"Token {key}"})
    assert missing.status == 404 and missing.json()["detail"] == "Không tìm thấy bản ghi."
    english = page.request.get(
        f"{live_server.url}/api/delegations/999999/",
        headers={"Authorization": f"Token {key}", "Accept-Language": "en"},
    )
    assert english.status == 404 and "Không" not in english.json()["detail"]


def test_the_language_switch_turns_the_pages_english_and_back(live_server, page, users):
    """Point 16: from the user menu; the choice holds on the next page; Vietnamese is the default."""
    login(page, live_server.url, "coordinator")
    assert page.get_attribute("html", "lang") == "vi"
    page.locator("#user-menu").click()
    page.locator("#language-switch button[value=en]").first.click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "en"
    page.goto(f"{live_server.url}/delegations/")
    assert page.get_attribute("html", "lang") == "en"
    assert "Đăng xuất" not in page.content()
    page.locator("#user-menu").click()
    page.locator("#language-switch button[value=vi]").first.click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "vi"


def test_textareas_grow_with_their_text_and_the_overlap_page_opens_on_the_year_planned(live_server, page, users):
    """Point 12, the rest: a long text is read without scrolling inside its box; proposals for next year open the
    overlap page on next year."""
    login(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/delegations/add/?direction=out")
    area = page.locator("main textarea.form-control").first
    empty = area.bounding_box()["height"]
    area.fill("\n".join(f"Dòng {n} của nội dung làm việc" for n in range(12)))
    grown = area.bounding_box()["height"]
    assert grown > empty * 2
    assert area.evaluate("a => a.scrollHeight <= a.clientHeight + 2")

    proposal = DelegationFactory(proposing_unit=users["officer1"].unit, year=NEXT_YEAR)
    Delegation.objects.filter(pk=proposal.pk).update(status=DelegationStatus.PROPOSED)
    page.goto(f"{live_server.url}/delegations/overlaps/")
    assert str(NEXT_YEAR) in page.locator("h1").inner_text() + page.locator("main form").first.inner_text() + (
        page.locator("main select[name=year], main input[name=year]").first.input_value()
    )
