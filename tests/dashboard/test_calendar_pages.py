"""The calendar at scale: a crowded day shows its first entries and "+K mục khác", the month's list comes by
pages, a day has its own list; what the pages show, put together, is exactly `calendar_entries` for that user
and those filters, and the light index (`calendar_index`) counts and orders as the full computation does."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from doingoai.agreements.models import AgreementStatus
from doingoai.conferences.models import ConferenceStatus
from doingoai.dashboard import calendar_selectors as cs
from doingoai.dashboard import views
from doingoai.dashboard.calendar_selectors import CalendarFilter, CalendarKind, calendar_entries, month_bounds
from doingoai.delegations.models import DelegationStatus, Direction
from tests.factories import AgreementFactory, ConferenceFactory, CountryFactory, DelegationFactory

pytestmark = pytest.mark.django_db
Y = 2030
MAY = month_bounds(Y, 5)
BUSY = dt.date(Y, 5, 13)  # a Monday


@pytest.fixture
def crowd(module_rows):
    return module_rows


def MODULE_ROWS(users):  # tests/conftest.py's name for the rows a module's tests share
    """A crowded 13 May, planned trips beyond what the month grid shows, and records on the range's edges."""
    unit_a, unit_b = users["officer1"].unit, users["officer2"].unit
    laos = CountryFactory()
    japan = CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan", region="nea", aliases=[])
    for i in range(5):
        DelegationFactory(
            year=Y,
            name=f"Đoàn ngày 13 số {i}",
            status=DelegationStatus.APPROVED,
            proposing_unit=unit_a if i % 2 else unit_b,
            actual_start=BUSY,
            actual_end=BUSY + dt.timedelta(days=i % 3),
            countries=[laos if i % 2 else japan],
        )
    DelegationFactory(  # unit B's draft: officer1 does not see it
        year=Y,
        name="Đoàn nháp ngày 13",
        status=DelegationStatus.DRAFT,
        proposing_unit=unit_b,
        actual_start=BUSY,
        actual_end=BUSY,
        countries=[japan],
    )
    ConferenceFactory(  # 12–14 May: on the busy day too
        year=Y, title="Hội nghị ba ngày", status=ConferenceStatus.PERMITTED, start_date=dt.date(Y, 5, 12), days=3
    )
    ConferenceFactory(  # began in April, lasts 45 days: still on in May
        year=Y, title="Triển lãm dài ngày", status=ConferenceStatus.PERMITTED, start_date=dt.date(Y, 4, 1), days=45
    )
    ConferenceFactory(  # planned for July, foreign minister: apply 40 days before 1 July (22 May)
        year=Y,
        title="Diễn đàn cấp bộ trưởng",
        status=ConferenceStatus.PROPOSED,
        time_text="Tháng 7",
        has_foreign_high_level=True,
        organising_unit=unit_a,
    )
    ConferenceFactory(  # planned for July, the chairman permits: apply by 1 June, not in May
        year=Y, title="Hội thảo tháng 7", status=ConferenceStatus.DRAFT, time_text="Tháng 7", organising_unit=unit_b
    )
    DelegationFactory(  # 25 April – 3 May: on the month's first days
        year=Y,
        name="Đoàn cuối tháng 4",
        status=DelegationStatus.DONE,
        direction=Direction.OUT,
        proposing_unit=unit_a,
        actual_start=dt.date(Y, 4, 25),
        actual_end=dt.date(Y, 5, 3),
        countries=[laos],
    )
    DelegationFactory(  # back 20 April without a report: due 5 May
        year=Y,
        name="Đoàn về tháng 4",
        status=DelegationStatus.DONE,
        direction=Direction.OUT,
        proposing_unit=unit_b,
        actual_start=dt.date(Y, 4, 15),
        actual_end=dt.date(Y, 4, 20),
        countries=[japan],
    )
    AgreementFactory(  # asked 28 April: opinions due in May
        year=Y,
        title="Thỏa thuận xin ý kiến cuối tháng 4",
        status=AgreementStatus.CONSULTED,
        consulted_on=dt.date(Y, 4, 28),
        proposing_unit=unit_a,
        country=laos,
    )
    AgreementFactory(
        year=Y,
        title="Ký ngày 13",
        status=AgreementStatus.SIGNED,
        signed_on=BUSY,
        proposing_unit=unit_b,
        country=japan,
    )
    for i in range(24):
        DelegationFactory(
            year=Y,
            name=f"Đoàn dự kiến số {i:02d}",
            status=DelegationStatus.IN_PLAN if i % 3 else DelegationStatus.PROPOSED,
            direction=Direction.IN if i % 2 else Direction.OUT,
            time_text="Tháng 5" if i % 4 else "Quý II",
            proposing_unit=unit_a if i % 2 else unit_b,
            countries=[laos if i % 2 else japan],
        )
    # Planned in Quý II (from 1 April: first in the month's planned list), for the order the database gives
    # (`planned_window`): one name twice with ids whose text sorts the other way ("delegation-100000" before
    # "delegation-99999"), titles whose code-point order is not a dictionary's ("Zeta" before "an" before "Đoàn"),
    # a cancelled trip (no entry), a conference and a signing of the same months.
    for pk in (99_999, 100_000):
        DelegationFactory(
            pk=pk, year=Y, name="Đoàn trùng tên", status=DelegationStatus.IN_PLAN, time_text="Quý II", countries=[laos]
        )
    for name, status in [
        ("Zeta đoàn khảo sát", DelegationStatus.IN_PLAN),
        ("an đoàn chữ thường", DelegationStatus.PROPOSED),
        ("Đoàn đã hủy", DelegationStatus.CANCELLED),
    ]:
        DelegationFactory(
            year=Y, name=name, status=status, time_text="Quý II", proposing_unit=unit_b, countries=[japan]
        )
    ConferenceFactory(year=Y, title="Hội thảo quý II", status=ConferenceStatus.PROPOSED, time_text="Quý II")
    ConferenceFactory(year=Y, title="Hội thảo quý II đã hủy", status=ConferenceStatus.CANCELLED, time_text="Quý II")
    AgreementFactory(
        year=Y, title="Thỏa thuận dự kiến quý II", status=AgreementStatus.PROPOSED, time_text="Quý II", country=laos
    )
    return {"laos": laos, "japan": japan, "unit_a": unit_a}


def cases(users, crowd):
    """(user, query, filters): several roles, and the filters of the page."""
    only_trips = frozenset({CalendarKind.DELEGATION_OUT, CalendarKind.DELEGATION_IN})
    return [
        ("coordinator", {}, CalendarFilter()),
        ("officer1", {}, CalendarFilter()),
        ("officer2", {}, CalendarFilter()),
        ("leader", {"kind": sorted(only_trips)}, CalendarFilter(kinds=only_trips)),
        ("coordinator", {"unit": crowd["unit_a"].pk}, CalendarFilter(unit=crowd["unit_a"])),
        ("officer1", {"country": crowd["japan"].pk}, CalendarFilter(country=crowd["japan"])),
    ]


def get(client, **query):
    response = client.get(reverse("dashboard:calendar"), query)
    assert response.status_code == 200
    return response


def test_a_crowded_day_shows_its_first_entries_and_how_many_more(users, crowd, client_for):
    html = get(client_for("coordinator"), month=f"{Y}-05").content.decode()
    on_day = [e for e in calendar_entries(user=users["coordinator"], start=BUSY, end=BUSY) if e.on(BUSY)]
    assert len(on_day) == 9  # five trips, the draft, the three-day conference, the long exhibition, the signing
    cell = html[html.index(f'data-date="{BUSY.isoformat()}"') :]
    cell = cell[: cell.index("</td>")]
    shown = re.findall(r'class="cal-item kind-[a-z_]+" href="[^"]*" title="[^"]*">([^<]*)</a>', cell)
    assert shown == [e.title for e in on_day[: views.DAY_LINES - 1]]
    assert f"+{len(on_day) - (views.DAY_LINES - 1)} mục khác" in cell
    assert f"day={BUSY.isoformat()}" in cell
    # A day with few entries shows them all, and no "+K".
    quiet = html[html.index(f'data-date="{Y}-05-22"') :]
    quiet = quiet[: quiet.index("</td>")]
    assert "Hạn xin phép hội nghị: Diễn đàn cấp bộ trưởng" in quiet and "mục khác" not in quiet
    # The planned trips: the first ones, their number and a link to the rest.
    planned = [e for e in calendar_entries(user=users["coordinator"], start=MAY[0], end=MAY[1]) if not e.exact]
    assert len(planned) == 30 > views.PLANNED_SHOWN  # the 24 trips and the six of Quý II (not the cancelled)
    block = html[html.index('id="calendar-planned"') :]
    assert f"{len(planned)}</span>" in block
    assert all(e.title in block for e in planned[: views.PLANNED_SHOWN])
    assert planned[-1].title not in block
    assert 'id="planned-more"' in block and "view=list" in block


def test_the_day_list_is_that_days_entries(users, crowd, client_for, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 4)
    for username, query, filters in cases(users, crowd):
        client = client_for(username)
        first = get(client, day=BUSY.isoformat(), **query)
        # The entries on that day (the month's planned ones, without a day, are in the month's views).
        expected = [e for e in calendar_entries(user=users[username], start=BUSY, end=BUSY, filters=filters) if e.exact]
        assert expected and all(e.on(BUSY) for e in expected)
        assert first.context["count"] == len(expected)
        shown = []
        for page in range(1, first.context["pages"] + 1):
            shown += get(client, day=BUSY.isoformat(), page=page, **query).context["day_entries"]
        assert shown == expected, (username, query)
    html = get(client_for("officer1"), day=BUSY.isoformat()).content.decode()
    assert "Thứ Hai, 13/05/2030" in html and "Đoàn nháp ngày 13" not in html


def test_the_list_pages_put_together_are_the_months_entries(users, crowd, client_for, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 7)
    for username, query, filters in cases(users, crowd):
        client = client_for(username)
        expected = calendar_entries(user=users[username], start=MAY[0], end=MAY[1], filters=filters)
        # The list: dated entries first (by day), then the planned ones.
        expected = [e for e in expected if e.exact] + [e for e in expected if not e.exact]
        first = get(client, month=f"{Y}-05", view="list", **query)
        assert first.context["count"] == len(expected)
        assert first.context["pages"] == -(-len(expected) // 7)
        shown = []
        for page in range(1, first.context["pages"] + 1):
            ctx = get(client, month=f"{Y}-05", view="list", page=page, **query).context
            shown += [e for day in ctx["days"] for e in day["entries"]] + ctx["planned"]
        assert shown == expected, (username, query)
    # A page past the last shows the last, whole.
    every = calendar_entries(user=users["coordinator"], start=MAY[0], end=MAY[1])
    last = get(client_for("coordinator"), month=f"{Y}-05", view="list", page=999).context
    assert last["page"] == -(-len(every) // 7) and len(every) > 40
    assert [e for day in last["days"] for e in day["entries"]] + last["planned"] == (
        [e for e in every if e.exact] + [e for e in every if not e.exact]
    )[(last["page"] - 1) * 7 :]


def test_the_month_grid_counts_as_the_full_computation(users, crowd, client_for):
    for username, query, filters in cases(users, crowd):
        ctx = get(client_for(username), month=f"{Y}-05", **query).context
        weeks = ctx["weeks"]
        grid = calendar_entries(
            user=users[username], start=weeks[0][0]["date"], end=weeks[-1][-1]["date"], filters=filters
        )
        for week in weeks:
            for cell in week:
                on_day = [e for e in grid if e.on(cell["date"])]
                assert cell["entries"] == on_day[: len(cell["entries"])], (username, cell["date"])
                assert len(cell["entries"]) + cell["more"] == len(on_day), (username, cell["date"])
                assert len(cell["entries"]) == (len(on_day) if len(on_day) <= views.DAY_LINES else views.DAY_LINES - 1)
        month = calendar_entries(user=users[username], start=MAY[0], end=MAY[1], filters=filters)
        assert ctx["count"] == len(month)
        planned = [e for e in month if not e.exact]
        assert ctx["planned_count"] == len(planned)
        assert ctx["planned"] == planned[: views.PLANNED_SHOWN]


def test_the_index_builds_to_calendar_entries(users, crowd):
    for username, _, filters in cases(users, crowd):
        user = users[username]
        for start, end in [MAY, (dt.date(Y, 4, 29), dt.date(Y, 6, 2)), (BUSY, BUSY), month_bounds(Y, 6)]:
            full = calendar_entries(user=user, start=start, end=end, filters=filters)
            refs = cs.calendar_index(user=user, start=start, end=end, filters=filters)
            assert [r.uid for r in refs] == [e.uid for e in full]
            assert cs.calendar_build(user=user, refs=refs) == full
            dated = cs.calendar_index(user=user, start=start, end=end, filters=filters, exact=cs.DATED)
            planned = cs.calendar_index(user=user, start=start, end=end, filters=filters, exact=cs.PLANNED)
            assert [r.uid for r in dated] == [e.uid for e in full if e.exact]
            assert [r.uid for r in planned] == [e.uid for e in full if not e.exact]


def test_the_narrowing_queries_keep_every_entry(users, crowd):
    """Each registry's query keeps the rows with an entry in the range: the same entries as building every
    record the user may see and keeping those in the range."""
    kinds = frozenset(CalendarKind.values)
    for username in ("coordinator", "officer1"):
        user = users[username]
        every = []
        for source in cs.SOURCES:
            every += cs._record_entries(source, source.records(user=user), kinds)
        for month in range(3, 8):
            start, end = month_bounds(Y, month)
            naive = sorted((e for e in every if e.overlaps(start, end)), key=cs.sort_key)
            records = [
                e
                for e in calendar_entries(user=user, start=start, end=end)
                if e.uid.split("-")[0] in ("delegation", "conference", "agreement")
            ]
            assert records == naive, (username, month)
    may = [e.title for e in calendar_entries(user=users["coordinator"], start=MAY[0], end=MAY[1])]
    assert "Hạn xin phép hội nghị: Diễn đàn cấp bộ trưởng" in may
    assert "Hạn xin phép hội nghị: Hội thảo tháng 7" not in may
    assert "Triển lãm dài ngày" in may and "Đoàn cuối tháng 4" in may
    assert "Hạn báo cáo kết quả đoàn: Đoàn về tháng 4" in may
    assert "Hạn trả lời ý kiến về thỏa thuận: Thỏa thuận xin ý kiến cuối tháng 4" in may


def test_month_navigation_leaves_the_day_and_the_page(users, crowd, client_for):
    html = get(client_for("coordinator"), day=BUSY.isoformat(), kind="delegation_out").content.decode()
    assert f"month={Y}-05" in html and "kind=delegation_out" in html
    day_after = get(client_for("coordinator"), day="2030-05-14", month="05/2030").context
    assert day_after["view"] == "day" and day_after["day"] == dt.date(Y, 5, 14)
    # The filter panel's month changed while a day was shown: that month's grid.
    other = get(client_for("coordinator"), day=BUSY.isoformat(), month="06/2030").context
    assert other["view"] == "month" and other["month"] == 6


def test_the_planned_order_is_by_code_point_whatever_the_databases_collation(users, crowd):
    """A PostgreSQL server made with a language's collation ("an" before "Đoàn" before "Zeta") still gives the
    calendar's order (Python's, by code point): `planned_window` asks for the "C" collation."""
    from django.db import connection

    from doingoai.delegations.models import Delegation

    if connection.vendor != "postgresql":
        pytest.skip("SQLite compares text by code point, whatever the column")
    column = Delegation._meta.get_field("name").db_type(connection)
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the fixture's deferred checks, before the table changes
        cursor.execute(f'ALTER TABLE delegations_delegation ALTER COLUMN name TYPE {column} COLLATE "und-x-icu"')
    names = ["Zeta đoàn khảo sát", "an đoàn chữ thường", "Đoàn trùng tên"]
    by_collation = list(Delegation.objects.filter(name__in=names).order_by("name").values_list("name", flat=True))
    assert by_collation[0] == "an đoàn chữ thường"  # the column now sorts as a dictionary would
    for username in ("coordinator", "officer1"):
        planned = cs.calendar_index(user=users[username], start=MAY[0], end=MAY[1], exact=cs.PLANNED)
        for offset, limit in [(0, 100), (0, 5), (3, 4)]:
            count, window = cs.planned_window(
                user=users[username], start=MAY[0], end=MAY[1], offset=offset, limit=limit
            )
            assert count == len(planned)
            assert [r.uid for r in window] == [r.uid for r in planned[offset : offset + limit]], (username, offset)
