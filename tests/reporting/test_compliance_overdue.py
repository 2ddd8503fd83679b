"""The compliance page's "overdue now", unit by unit (reporting.deadlines.overdue_by_unit): each unit's count is
the number of its overdue deadlines that `deadline_list` gives, the first few shown are the first of them in the
deadline page's order, for each role; the page's link to a unit's overdue deadlines lists exactly those (all pages
put together), and the deadline page's unit filter never shows an officer another unit's."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from doingoai.agreements.models import AgreementStatus
from doingoai.delegations.models import DelegationStatus
from doingoai.reporting import selectors
from doingoai.reporting.deadlines import GROUPS, _ident, deadline_list, deadline_page, overdue_by_unit
from tests.factories import AgreementFactory, DelegationFactory, UnitFactory
from tests.reporting.conftest import open_first_half
from tests.reporting.test_deadline_page import SOON_DAY, TODAY, expected, make_many

pytestmark = pytest.mark.django_db


def MODULE_ROWS(users):  # tests/conftest.py's name for the rows a module's tests share
    """`period`'s and `many`'s rows (tests/reporting), and `make_more`'s; the period's third unit."""
    unit_c = UnitFactory(name="Sở Y tế")
    open_first_half(users, unit_c)
    make_many(users)
    make_more(users)
    return {"unit_c": unit_c}


@pytest.fixture
def more(module_rows):
    return module_rows


@pytest.fixture
def unit_c(module_rows):
    return module_rows["unit_c"]


def make_more(users):
    """Overdue opinions and a review past its date, of a unit (`make_many`'s are of no unit)."""
    unit = users["officer1"].unit
    AgreementFactory(proposing_unit=unit, status=AgreementStatus.CONSULTED, consulted_on=TODAY - dt.timedelta(days=30))
    AgreementFactory(
        proposing_unit=unit,
        status=AgreementStatus.IN_FORCE,
        signed_on=TODAY - dt.timedelta(days=400),
        reported_on=TODAY - dt.timedelta(days=390),
        review_on=TODAY - dt.timedelta(days=5),
    )
    DelegationFactory(  # a name a %-format or the markup could spoil
        name="Đoàn 50% %(d)s <Lào> & “Thái”",
        proposing_unit=unit,
        status=DelegationStatus.DONE,
        actual_start=TODAY - dt.timedelta(days=60),
        actual_end=TODAY - dt.timedelta(days=55),
    )
    for days in (40, 41):  # the same due date as another kind's, and two of one kind on one day
        DelegationFactory(
            proposing_unit=users["officer2"].unit,
            status=DelegationStatus.DONE,
            actual_start=TODAY - dt.timedelta(days=days + 5),
            actual_end=TODAY - dt.timedelta(days=days),
        )
        DelegationFactory(
            proposing_unit=users["officer2"].unit,
            status=DelegationStatus.DONE,
            actual_start=TODAY - dt.timedelta(days=days + 5),
            actual_end=TODAY - dt.timedelta(days=days),
        )


def reference(user) -> dict[int, list]:
    """Each unit's overdue deadlines from the full computation (`deadline_list`), in the deadline page's order."""
    by_unit: dict[int, list] = {}
    for d in deadline_list(user=user, today=TODAY):
        if d.unit is not None and d.is_overdue(TODAY):
            by_unit.setdefault(d.unit.pk, []).append(d)
    return {unit: sorted(ds, key=lambda d: (d.due, d.kind, _ident(d))) for unit, ds in by_unit.items()}


def facts(deadlines):
    return [(d.key, d.title, d.url, d.due, d.unit, d.kind_label, d.responsible) for d in deadlines]


@pytest.mark.parametrize("first", [1, 3, 50])
@pytest.mark.parametrize("role", ["coordinator", "leader", "finance", "officer1", "officer2"])
def test_counts_and_first_rows_are_the_deadline_lists(users, more, role, first):
    user = users[role]
    want = reference(user)
    kinds = {d.kind for ds in want.values() for d in ds}
    if role.startswith("officer"):
        assert set(want) == {user.unit.pk} and len(kinds) >= 2
    else:  # every way of reading them: values, light records, full records
        assert len(want) >= 2 and max(len(ds) for ds in want.values()) > 3
        assert {"delegation_report", "agreement_report", "conference_permit"} <= kinds
        assert {"agreement_opinions", "agreement_review"} <= kinds
    got = overdue_by_unit(user=user, today=TODAY, first=first)
    assert {unit: o.total for unit, o in got.items()} == {unit: len(ds) for unit, ds in want.items()}
    assert {unit: facts(o.first) for unit, o in got.items()} == {unit: facts(ds[:first]) for unit, ds in want.items()}
    assert all(o.unit.pk == unit for unit, o in got.items())


@pytest.mark.parametrize("role", ["coordinator", "officer1", "officer2"])
def test_compliance_page_shows_each_units_count_first_rows_and_link(users, more, role, client_for, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    user = users[role]
    want = reference(user)
    rows = selectors.compliance(user=user, today=TODAY)
    assert {r.unit.pk: (r.overdue, r.overdue_first) for r in rows if r.overdue} == {
        unit: (len(ds), ds[:3]) for unit, ds in want.items()
    }
    page = client_for(role).get(reverse("reporting:compliance")).content.decode()
    for unit, ds in want.items():
        cell = "".join(
            f'<div><a href="{html.escape(d.url)}">{html.escape(d.title)}</a> '
            f'<span class="text-danger">(hạn {d.due:%d/%m/%Y})</span></div>'
            for d in ds[:3]
        )
        if len(ds) > 3:
            link = f"{reverse('reporting:deadlines')}?group=overdue&amp;unit={unit}"
            cell += f'<div class="overdue-all"><a href="{link}">Xem tất cả {len(ds)} hạn quá hạn của đơn vị »</a></div>'
        count = f'<td class="text-center stat-num overdue-count"><span class="text-danger fw-semibold">{len(ds)}</span>'
        count += "</td>"
        assert f'{count}<td class="small overdue">{cell}</td>' in page
    assert page.count('<td class="small overdue">') == len(rows)
    assert page.count('class="overdue-all"') == sum(1 for ds in want.values() if len(ds) > 3) >= 1


@pytest.mark.parametrize("role", ["coordinator", "leader", "officer1", "officer2"])
def test_the_link_lists_exactly_the_units_overdue_deadlines(users, more, role, client_for, monkeypatch):
    monkeypatch.setattr("doingoai.reporting.views.DEADLINES_PER_PAGE", 2)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    client = client_for(role)
    want = reference(users[role])
    page = client.get(reverse("reporting:compliance")).content.decode()
    links = dict(re.findall(r'<a href="([^"]*unit=(\d+))">Xem tất cả', page))
    assert links and {int(unit) for unit in links.values()} == {unit for unit, ds in want.items() if len(ds) > 3}
    for href, unit in links.items():
        url = html.unescape(href)
        keys, seen = [], 0
        while url:
            response = client.get(url)
            assert response.status_code == 200
            (group,) = response.context["groups"]
            assert group["total"] == len(want[int(unit)])
            assert response.context["unit"].pk == int(unit)
            assert html.escape(response.context["unit"].name) in response.content.decode().split("</h1>")[0]
            keys += [d.key for d in group["items"]]
            seen += 1
            url = f"{reverse('reporting:deadlines')}?{group['next']}" if group["next"] else ""
            if url:
                assert f"unit={unit}" in url and "group=overdue" in url
        assert keys == [d.key for d in want[int(unit)]] and seen > 1


@pytest.mark.parametrize(
    ("role", "unit_of", "kinds"),
    [
        ("coordinator", "officer1", None),
        ("leader", "officer2", None),
        ("officer1", "officer1", None),
        ("officer2", "officer2", {"delegation_report"}),
        ("coordinator", "officer2", {"conference_permit", "agreement_opinions"}),
    ],
)
def test_deadline_page_of_one_unit_is_the_deadline_list_of_that_unit(users, more, role, unit_of, kinds):
    user, unit = users[role], users[unit_of].unit
    want = {
        g: [d for d in ds if d.unit is not None and d.unit.pk == unit.pk] for g, ds in expected(user, kinds).items()
    }
    assert sum(len(ds) for ds in want.values()) > 2
    assert want == {
        g: [d for d in ds if d in deadline_list(user=user, kinds=kinds, unit=unit)] for g, ds in want.items()
    }
    for group in GROUPS:
        got, page = [], 1
        while True:
            (part,) = deadline_page(
                user=user, today=TODAY, soon=SOON_DAY, kinds=kinds, groups=(group,), page=page, per_page=3, unit=unit
            )
            assert part.total == len(want[group])
            got += part.deadlines
            if len(got) >= part.total or not part.deadlines:
                break
            page += 1
        assert facts(got) == facts(want[group])


def test_an_officer_cannot_see_another_units_deadlines_through_the_filter(users, more, client_for, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    own, other = users["officer1"].unit, users["officer2"].unit
    officer = client_for("officer1")
    url = reverse("reporting:deadlines")
    for query in (f"unit={other.pk}", f"group=overdue&unit={other.pk}", f"unit={other.pk}&kind=delegation_report"):
        response = officer.get(f"{url}?{query}")
        assert response.status_code == 404 and other.name not in response.content.decode()
    # the page itself never gives the other unit's, whichever way it is asked
    assert deadline_page(user=users["officer1"], today=TODAY, soon=SOON_DAY, unit=other)[0].total == 0
    mine = officer.get(f"{url}?unit={own.pk}")
    assert mine.status_code == 200 and mine.context["unit"] == own
    items = [d for g in mine.context["groups"] for d in g["items"]]
    assert items and all(d.unit == own for d in items)
    # the filter offers an officer its own unit only
    assert [pk for pk, _ in mine.context["unit_form"].fields["unit"].choices if pk] == [own.pk]
    coordinator = client_for("coordinator")
    assert coordinator.get(f"{url}?unit={other.pk}").status_code == 200
    assert coordinator.get(f"{url}?unit=987654").status_code == 404
    assert coordinator.get(f"{url}?unit=abc").status_code == 404
    everything = coordinator.get(f"{url}?unit=").context  # the filter's "Tất cả"
    assert everything["unit"] is None and [g["total"] for g in everything["groups"]] == [
        len(ds) for ds in expected(users["coordinator"]).values()
    ]


def test_the_filters_are_kept_across_the_pages(users, more, client_for, monkeypatch):
    monkeypatch.setattr("doingoai.reporting.views.DEADLINES_PER_PAGE", 2)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    unit = users["officer2"].unit
    response = client_for("coordinator").get(
        reverse("reporting:deadlines") + f"?kind=delegation_report&unit={unit.pk}&group=overdue&page=2"
    )
    (group,) = response.context["groups"]
    assert group["previous"] == f"kind=delegation_report&unit={unit.pk}&group=overdue&page=1"
    assert group["next"] == f"kind=delegation_report&unit={unit.pk}&group=overdue&page=3"
    assert response.context["all_query"] == f"kind=delegation_report&unit={unit.pk}"
    content = response.content.decode()
    assert '<input type="hidden" name="group" value="overdue">' in content
    assert f'<option value="{unit.pk}" selected>{html.escape(unit.name)}</option>' in content
    assert all(d.unit == unit and d.kind == "delegation_report" for d in group["items"])


# ------------------------------------------------------------------ varied data: every way a rule can be read
LATER_DAY = TODAY + dt.timedelta(days=30)  # the period's reports are overdue too (a source of its own)


@pytest.fixture
def varied(users, more, unit_c):
    """Beside `more`: plan tasks (a rule of its own class, its unit from `unit_field`) and implementation plans
    (deadlines built by the rule itself), agreement follow-up actions and foreign organisations (due date a field,
    no `title_fields`: built in full), conferences permitted by either authority and dated by planned months only,
    a third unit (the period's), and an officer of a unit the plan does not address."""
    from doingoai.agreements.models import ActionStatus
    from doingoai.conferences.models import ConferenceStatus
    from doingoai.core.registry import registry_for
    from doingoai.foreignorgs.models import ForeignOrganisation
    from tests.factories import AgreementActionFactory, ConferenceFactory
    from tests.programs.plan_data import make_info_plan

    unit_c.name = "Sở Y tế & <Dân số>"  # the plan's outsider belongs to a new unit named as this one was
    unit_c.save()
    plan = make_info_plan(users)
    a, b, c = users["officer1"].unit, users["officer2"].unit, unit_c
    for unit, days in ((a, 3), (c, 9), (c, 9), (b, 70)):
        AgreementActionFactory(owner_unit=unit, due_on=LATER_DAY - dt.timedelta(days=days), status=ActionStatus.OPEN)
    AgreementActionFactory(
        owner_unit=c, due_on=LATER_DAY + dt.timedelta(days=5), status=ActionStatus.OPEN
    )  # not yet due
    for unit, until in ((a, LATER_DAY - dt.timedelta(days=1)), (c, LATER_DAY - dt.timedelta(days=400))):
        data = registry_for(ForeignOrganisation).example(unit=unit, n=1) | {"status": "approved"}
        ForeignOrganisation.objects.create(**data | {"permit_valid_until": until})
    P = ConferenceStatus.PROPOSED
    ConferenceFactory(
        organising_unit=c, status=P, start_date=LATER_DAY + dt.timedelta(days=35), has_foreign_high_level=True
    )
    ConferenceFactory(organising_unit=c, status=P, start_date=LATER_DAY + dt.timedelta(days=35))  # chairman: not yet
    ConferenceFactory(organising_unit=b, status=P, start_date=None, year=LATER_DAY.year, time_text="Tháng 8")
    ConferenceFactory(organising_unit=a, status=P, start_date=None, year=LATER_DAY.year, time_text="Quý IV")
    users["outsider"] = plan.outsider
    return plan


def varied_reference(user, today=LATER_DAY) -> dict[int, list]:
    by_unit: dict[int, list] = {}
    for d in deadline_list(user=user, today=today):
        if d.unit is not None and d.is_overdue(today):
            by_unit.setdefault(d.unit.pk, []).append(d)
    return {unit: sorted(ds, key=lambda d: (d.due, d.kind, _ident(d))) for unit, ds in by_unit.items()}


def _without_unit_field(monkeypatch):
    """The plan tasks' rule as if its unit were known only from the record (no `unit_field`): read as
    `deadline_list` reads it, through the rule's own query of overdue records."""
    import dataclasses

    from doingoai.programs.deadlines import TASK_DEADLINE
    from doingoai.reporting import deadlines

    rules = [
        (r, dataclasses.replace(rule, unit_field=None) if rule is TASK_DEADLINE else rule)
        for r, rule in deadlines.declared_rules()
    ]
    monkeypatch.setattr(deadlines, "declared_rules", lambda: rules)


@pytest.mark.parametrize("unit_field", [True, False])
@pytest.mark.parametrize("role", ["coordinator", "leader", "finance", "officer1", "officer2", "outsider"])
def test_varied_rules_counts_and_first_rows_are_the_deadline_lists(users, varied, role, unit_field, monkeypatch):
    if not unit_field:
        _without_unit_field(monkeypatch)
    user = users[role]
    want = varied_reference(user)
    kinds = {d.kind for ds in want.values() for d in ds}
    if role in ("coordinator", "leader"):
        assert len(want) >= 3
        assert {"plan_task", "implementation_plan", "agreement_action", "foreignorg_permit", "unit_report"} <= kinds
        assert {"delegation_report", "agreement_report", "conference_permit", "agreement_opinions"} <= kinds
    elif role.startswith("officer"):
        assert set(want) == {user.unit.pk} and {"plan_task", "implementation_plan", "unit_report"} <= kinds
    for first in (1, 3, 50):
        got = overdue_by_unit(user=user, today=LATER_DAY, first=first)
        assert {u: o.total for u, o in got.items()} == {u: len(ds) for u, ds in want.items()}
        assert {u: facts(o.first) for u, o in got.items()} == {u: facts(ds[:first]) for u, ds in want.items()}
    # and the deadline page filtered to each unit lists exactly that unit's overdue deadlines
    for ds in want.values():
        unit = ds[0].unit
        (part,) = deadline_page(
            user=user, today=LATER_DAY, soon=LATER_DAY, groups=("overdue",), per_page=100, unit=unit
        )
        assert part.total == len(ds) and facts(part.deadlines) == facts(ds)


@pytest.mark.parametrize("role", ["coordinator", "leader", "officer1"])
def test_the_compliance_table_in_pages_is_the_whole_table(users, more, role):
    """`compliance_table(…).page(n, k)`: the pages put together are `compliance`'s rows, in order, each with its
    count and first rows — made only for the page's units."""
    user = users[role]
    whole = selectors.compliance(user=user, today=TODAY)
    table = selectors.compliance_table(user=user, today=TODAY)
    got, number = [], 1
    while True:
        page = table.page(number, 2)
        got += [(r.unit.pk, r.rate, r.overdue, facts(r.overdue_first)) for r in page.object_list]
        if not page.has_next():
            break
        number += 1
    assert got == [(r.unit.pk, r.rate, r.overdue, facts(r.overdue_first)) for r in whole]
    if role != "officer1":
        assert number >= 2  # more than one page to put together
    fresh = selectors.compliance_table(user=user, today=TODAY)
    fresh.page(1, 1)  # only the first row's first deadlines are made
    assert [bool(r.overdue_first) for r in fresh.rows[1:]] == [False] * (len(fresh.rows) - 1)


def test_the_compliance_page_pages_through_the_units(users, more, client_for, monkeypatch):
    monkeypatch.setattr("doingoai.reporting.views.COMPLIANCE_PER_PAGE", 1)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    rows = selectors.compliance(user=users["coordinator"], today=TODAY)
    assert len(rows) >= 2
    client = client_for("coordinator")
    seen = []
    for number in range(1, len(rows) + 1):
        page = client.get(reverse("reporting:compliance"), {"page": number, "last": 3}).content.decode()
        seen += re.findall(r'<tr data-unit="([^"]*)">', page)
        assert f"Đơn vị {number}–{number} trong {len(rows)}" in page
        if number < len(rows):
            assert f"page={number + 1}" in page and "last=3" in page  # the next page keeps the filters
    assert seen == [html.escape(r.unit.name) for r in rows]
    # A page past the last shows the last; a page that is no number, the first.
    last = client.get(reverse("reporting:compliance"), {"page": 999}).content.decode()
    assert re.findall(r'<tr data-unit="([^"]*)">', last) == [html.escape(rows[-1].unit.name)]
    first = client.get(reverse("reporting:compliance"), {"page": "x"}).content.decode()
    assert re.findall(r'<tr data-unit="([^"]*)">', first) == [html.escape(rows[0].unit.name)]
