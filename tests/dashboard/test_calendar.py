"""Calendar contents (month and list), deadlines, filters and rights."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.apps import apps
from django.urls import reverse

from doingoai.agreements.models import AgreementStatus
from doingoai.conferences.models import ConferenceStatus
from doingoai.dashboard.calendar_selectors import CalendarFilter, CalendarKind, calendar_entries, month_bounds
from doingoai.delegations.models import DelegationStatus, Direction
from tests.factories import (
    AgreementFactory,
    ConferenceFactory,
    CountryFactory,
    DelegationFactory,
    DiplomaticRelationFactory,
)

pytestmark = pytest.mark.django_db
Y = 2030  # the calendar is not tied to the list filters' years; 2030-05-09 is a Thursday
MAY = month_bounds(Y, 5)


@pytest.fixture
def rows(users):
    unit_a, unit_b = users["officer1"].unit, users["officer2"].unit
    laos = CountryFactory()
    japan = CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan", region="nea", aliases=[])
    return {
        "trip": DelegationFactory(
            year=Y,
            name="Đoàn khảo sát nông nghiệp",
            status=DelegationStatus.DONE,
            direction=Direction.OUT,
            proposing_unit=unit_a,
            actual_start=dt.date(Y, 5, 9),
            actual_end=dt.date(Y, 5, 14),
            countries=[laos],
        ),
        "planned": DelegationFactory(
            year=Y,
            name="Đoàn vào dự kiến tháng 5",
            status=DelegationStatus.IN_PLAN,
            direction=Direction.IN,
            time_text="Tháng 5",
            proposing_unit=unit_b,
            countries=[japan],
        ),
        "draft_b": DelegationFactory(
            year=Y,
            name="Đoàn nháp của đơn vị B",
            status=DelegationStatus.DRAFT,
            time_text="Tháng 5",
            proposing_unit=unit_b,
            countries=[laos],
        ),
        "cancelled": DelegationFactory(
            year=Y, name="Đoàn đã hủy", status=DelegationStatus.CANCELLED, time_text="Tháng 5", proposing_unit=unit_a
        ),
        "conference": ConferenceFactory(
            year=Y,
            title="Hội thảo hợp tác y tế",
            status=ConferenceStatus.PROPOSED,
            start_date=dt.date(Y, 6, 20),
            days=2,
            organising_unit=unit_a,
        ),
        "signed": AgreementFactory(
            year=Y,
            title="Biên bản hợp tác giáo dục",
            status=AgreementStatus.SIGNED,
            signed_on=dt.date(Y, 5, 14),
            proposing_unit=unit_a,
            country=laos,
        ),
        "consulted": AgreementFactory(
            year=Y,
            title="Thỏa thuận đang xin ý kiến",
            status=AgreementStatus.CONSULTED,
            consulted_on=dt.date(Y, 5, 6),
            proposing_unit=unit_b,
            country=japan,
        ),
        "relation": DiplomaticRelationFactory(
            code="JP", name_vi="Nhật Bản", country=japan, established_on=dt.date(Y - 50, 5, 20)
        ),
        "laos": laos,
        "japan": japan,
    }


def summary(entries):
    return [(e.start.isoformat(), e.kind, e.title, e.exact) for e in entries]


def test_month_entries_for_the_coordinator(users, rows):
    entries = calendar_entries(user=users["coordinator"], start=MAY[0], end=MAY[1])
    assert summary(entries) == [
        (f"{Y}-05-01", "delegation_out", "Đoàn nháp của đơn vị B", False),
        (f"{Y}-05-01", "delegation_in", "Đoàn vào dự kiến tháng 5", False),
        (f"{Y}-05-09", "delegation_out", "Đoàn khảo sát nông nghiệp", True),
        (f"{Y}-05-14", "signing", "Ký: Biên bản hợp tác giáo dục", True),
        # 7 working days after Monday 06/05: 07, 08, 09, 10, 13, 14, 15.
        (f"{Y}-05-15", "deadline", "Hạn trả lời ý kiến về thỏa thuận: Thỏa thuận đang xin ý kiến", True),
        (f"{Y}-05-20", "anniversary", "Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản", True),
        # Apply 30 days before the 20/06 opening (the chairman permits it).
        (f"{Y}-05-21", "deadline", "Hạn xin phép hội nghị: Hội thảo hợp tác y tế", True),
        # Signed 14/05 + 15 days.
        (f"{Y}-05-29", "deadline", "Hạn báo cáo Thủ tướng sau khi ký: Biên bản hợp tác giáo dục", True),
        # Return 14/05 + 15 days.
        (f"{Y}-05-29", "deadline", "Hạn báo cáo kết quả đoàn: Đoàn khảo sát nông nghiệp", True),
    ]
    trip = next(e for e in entries if e.kind == "delegation_out" and e.exact)
    assert (trip.end, trip.url, trip.unit_name, trip.countries) == (
        dt.date(Y, 5, 14),
        rows["trip"].get_absolute_url(),
        users["officer1"].unit.name,
        "Lào",
    )


def test_plan_adjustment_deadline_and_conference_dates(users, rows):
    march = calendar_entries(user=users["leader"], start=dt.date(Y, 3, 1), end=dt.date(Y, 3, 31))
    assert [(e.start, e.title) for e in march if e.kind == "deadline"] == [
        (dt.date(Y, 3, 30), f"Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào năm {Y}")
    ]
    june = calendar_entries(user=users["leader"], start=dt.date(Y, 6, 1), end=dt.date(Y, 6, 30))
    conference = next(e for e in june if e.kind == "conference")
    assert (conference.start, conference.end, conference.exact) == (dt.date(Y, 6, 20), dt.date(Y, 6, 21), True)


def test_deadlines_disappear_once_met(users, rows):
    rows["trip"].result_reported_on = dt.date(Y, 5, 20)
    rows["trip"].save()
    rows["signed"].reported_on = dt.date(Y, 5, 20)
    rows["signed"].save()
    entries = calendar_entries(user=users["coordinator"], start=MAY[0], end=MAY[1])
    assert [e.start.day for e in entries if e.kind == "deadline"] == [15, 21]


def test_an_officer_sees_no_other_units_drafts(users, rows):
    titles = [e.title for e in calendar_entries(user=users["officer1"], start=MAY[0], end=MAY[1])]
    assert "Đoàn nháp của đơn vị B" not in titles
    assert "Đoàn vào dự kiến tháng 5" in titles  # unit B's, but in the plan: published
    assert "Đoàn nháp của đơn vị B" in [
        e.title for e in calendar_entries(user=users["officer2"], start=MAY[0], end=MAY[1])
    ]


def test_filters_by_kind_unit_and_country(users, rows):
    coordinator = users["coordinator"]
    only_deadlines = calendar_entries(
        user=coordinator, start=MAY[0], end=MAY[1], filters=CalendarFilter(kinds=frozenset({CalendarKind.DEADLINE}))
    )
    assert {e.kind for e in only_deadlines} == {"deadline"}
    assert len(only_deadlines) == 4
    unit_a = calendar_entries(
        user=coordinator, start=MAY[0], end=MAY[1], filters=CalendarFilter(unit=users["officer1"].unit)
    )
    # Unit A: its trip, the signing, both their deadlines and the conference's apply-by; no anniversary.
    assert [e.title for e in unit_a] == [
        "Đoàn khảo sát nông nghiệp",
        "Ký: Biên bản hợp tác giáo dục",
        "Hạn xin phép hội nghị: Hội thảo hợp tác y tế",
        "Hạn báo cáo Thủ tướng sau khi ký: Biên bản hợp tác giáo dục",
        "Hạn báo cáo kết quả đoàn: Đoàn khảo sát nông nghiệp",
    ]
    japan = calendar_entries(user=coordinator, start=MAY[0], end=MAY[1], filters=CalendarFilter(country=rows["japan"]))
    assert [e.title for e in japan] == [
        "Đoàn vào dự kiến tháng 5",
        "Hạn trả lời ý kiến về thỏa thuận: Thỏa thuận đang xin ý kiến",
        "Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản",
    ]


def test_planned_months_only_fall_in_their_months(users, rows):
    DelegationFactory(year=Y, name="Tháng 3 và tháng 9", status=DelegationStatus.IN_PLAN, time_text="Tháng 3, 9")
    july = calendar_entries(user=users["coordinator"], start=dt.date(Y, 7, 1), end=dt.date(Y, 7, 31))
    assert "Tháng 3 và tháng 9" not in [e.title for e in july]
    september = calendar_entries(user=users["coordinator"], start=dt.date(Y, 9, 1), end=dt.date(Y, 9, 30))
    assert "Tháng 3 và tháng 9" in [e.title for e in september]


@pytest.mark.skipif(not apps.is_installed("doingoai.reporting"), reason="the reporting app is optional here")
def test_reporting_period_due_dates(users, rows):
    from doingoai.reporting.models import ReportingPeriod

    period = ReportingPeriod.objects.create(
        kind="semiannual",
        year=Y,
        label=f"6 tháng đầu năm {Y}",
        start=dt.date(Y, 1, 1),
        end=dt.date(Y, 6, 30),
        due_date=dt.date(Y, 5, 25),
    )
    period.units.set([users["officer1"].unit])
    due = [
        e for e in calendar_entries(user=users["officer1"], start=MAY[0], end=MAY[1]) if "Hạn nộp báo cáo" in e.title
    ]
    assert [(e.start, e.title) for e in due] == [(dt.date(Y, 5, 25), f"Hạn nộp báo cáo: 6 tháng đầu năm {Y}")]
    # officer2's unit does not report in this period.
    assert not [e for e in calendar_entries(user=users["officer2"], start=MAY[0], end=MAY[1]) if "Hạn nộp" in e.title]


def test_month_page(users, rows, client_for):
    response = client_for("officer1").get(reverse("dashboard:calendar"), {"month": f"{Y}-05"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Tháng 5/{Y}" in html
    grid = html[html.index('id="calendar-grid"') :]
    cell = grid[grid.index(f'data-date="{Y}-05-09"') :]
    cell = cell[: cell.index("</td>")]
    assert "Đoàn khảo sát nông nghiệp" in cell
    assert rows["trip"].get_absolute_url() in cell
    planned = html[html.index('id="calendar-planned"') :]
    assert "Đoàn vào dự kiến tháng 5" in planned
    assert "Đoàn nháp của đơn vị B" not in html
    assert "Đoàn đã hủy" not in html
    # Navigation keeps the filters and moves the month.
    assert f"month={Y}-04" in html and f"month={Y}-06" in html


def test_list_page_and_htmx_navigation(users, rows, client_for):
    client = client_for("coordinator")
    response = client.get(reverse("dashboard:calendar"), {"month": f"{Y}-05", "view": "list", "kind": "deadline"})
    html = response.content.decode()
    assert "calendar-grid" not in html
    assert f"Thứ Tư, 15/05/{Y}" in html
    assert f"Thứ Tư, 29/05/{Y}" in html
    assert ">Đoàn khảo sát nông nghiệp</a>" not in html  # only deadlines
    partial = client.get(reverse("dashboard:calendar"), {"month": f"{Y}-06"}, headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert "<html" not in body and 'id="calendar"' in body
    assert "Hội thảo hợp tác y tế" in body


def test_wrong_filters_get_vietnamese_messages(users, client_for):
    response = client_for("leader").get(reverse("dashboard:calendar"), {"month": "2030-13", "unit": "999999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tháng: nhập theo dạng tháng/năm, ví dụ 05/2026." in html
    assert "Đơn vị: không có đơn vị này." in html


def test_entries_are_drawn_escaped():
    """The calendar's entry blocks and grid links (drawn in Python, `dashboard_tags`): every text escaped."""
    from doingoai.dashboard.calendar_selectors import CalendarEntry
    from doingoai.dashboard.templatetags.dashboard_tags import calendar_entries, calendar_links

    e = CalendarEntry(
        uid="delegation-1",
        kind="delegation_out",
        title='Đoàn <script>alert("x")</script>',
        start=dt.date(2030, 5, 3),
        end=dt.date(2030, 5, 9),
        url="/delegations/1/",
        unit_name="Sở <Du lịch>",
        countries="Lào & Nhật",
        status="Đã duyệt",
        detail="",
    )
    html = calendar_entries([e, replace(e, uid="x", url="", end=e.start, unit_name="")])
    assert "<script>" not in html and "&lt;script&gt;" in html and "Sở &lt;Du lịch&gt;" in html
    assert "Lào &amp; Nhật</span> <span>· Đã duyệt" in html  # spaced, as the template's lines were
    assert "· 03/05–09/05/2030" in html and html.count("03/05–") == 1
    assert '<a href="/delegations/1/" class="link-dark">' in html and html.count("<a ") == 1
    assert html.count('class="cal-item kind-delegation_out mb-1"') == 2 and "text-body-secondary" not in html
    links = calendar_links([e])
    assert links.startswith('<a class="cal-item kind-delegation_out" href="/delegations/1/" title="Đoàn ra: Đoàn &lt;')
    assert "— Sở &lt;Du lịch&gt;" in links and "<script>" not in links


def test_review_deadlines_in_a_range_are_those_the_model_dates(users):
    """The agreements' review deadlines between two days, as a query (`due_between`), are those the model's
    `review_due` dates: the review date, else the expiry less the days before; each edge of the range."""
    from doingoai.agreements import deadlines as agreement_deadlines
    from doingoai.agreements.models import REVIEW_DAYS_BEFORE_EXPIRY
    from doingoai.core.registry import declared_rules
    from doingoai.dashboard.calendar_selectors import _deadlines_between

    start, end = dt.date(2030, 5, 1), dt.date(2030, 5, 31)
    before = dt.timedelta(days=REVIEW_DAYS_BEFORE_EXPIRY)
    days = [start - dt.timedelta(days=1), start, dt.date(2030, 5, 15), end, end + dt.timedelta(days=1)]
    for i, day in enumerate(days):
        AgreementFactory(title=f"Rà soát theo ngày {i}", status=AgreementStatus.SIGNED, review_on=day)
        AgreementFactory(title=f"Rà soát theo hạn {i}", status=AgreementStatus.IN_FORCE, valid_until=day + before)
    AgreementFactory(  # a review date wins over the expiry
        title="Có cả hai",
        status=AgreementStatus.SIGNED,
        review_on=end + dt.timedelta(days=9),
        valid_until=start + before,
    )
    registry, rule = next((r, x) for r, x in declared_rules() if x is agreement_deadlines.REVIEW)
    for username in ("coordinator", "officer1"):
        user = users[username]
        by_query = sorted(d.title for d in _deadlines_between(registry, rule, user, start, end))
        by_model = sorted(
            d.title for d in _deadlines_between(registry, replace(rule, due_between=None), user, start, end)
        )
        assert by_query == by_model
    coordinator = sorted(d.title for d in _deadlines_between(registry, rule, users["coordinator"], start, end))
    assert len(coordinator) == 6 and not any(t.endswith((" 0", " 4")) or "Có cả hai" in t for t in coordinator)
