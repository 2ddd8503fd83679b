"""Friendship associations: the union as parent, the next congress as a deadline, the events both ways, the
partner's timeline and the unit report. (Pages, rights, API, search: generated from `example()`.)"""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.core.partner_story import partner_timeline
from doingoai.core.registry import registry_for
from doingoai.friendship.models import FriendshipAssociation
from doingoai.reporting.deadlines import deadline_list
from doingoai.reporting.figures import registry_figures
from doingoai.reporting.selectors import SYSTEM, Window
from tests.factories import EventFactory, PartnerFactory
from tests.registries.test_views import form_value

pytestmark = pytest.mark.django_db


def make(unit, n: int = 1, **values) -> FriendshipAssociation:
    data = registry_for(FriendshipAssociation).example(unit=unit, n=n) | {"status": "approved"} | values
    return FriendshipAssociation.objects.create(**data)


def congress_deadlines(today: dt.date):
    return [d for d in deadline_list(user=SYSTEM, today=today) if d.kind == "friendship_congress"]


def test_next_congress_is_a_deadline_while_the_association_is_active(users):
    association = make(users["officer1"].unit, next_congress_due=dt.date(2028, 6, 30))
    [deadline] = congress_deadlines(dt.date(2028, 6, 1))
    assert deadline.due == dt.date(2028, 6, 30) and association.name in deadline.title
    association.status = "done"
    association.save()
    assert congress_deadlines(dt.date(2028, 6, 1)) == []


def test_form_takes_the_congress_due_from_the_term_and_keeps_unions_on_top(client_for, users):
    union = make(users["officer1"].unit, n=2, kind="union", name="Liên hiệp các tổ chức hữu nghị tỉnh Thử")
    values = registry_for(FriendshipAssociation).example(unit=users["officer1"].unit, n=9)
    data = {k: form_value(v) for k, v in values.items()} | {"next_congress_due": "", "parent": union.pk}
    response = client_for("coordinator").post("/friendship/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    association = FriendshipAssociation.objects.get(name=values["name"])
    assert association.next_congress_due == dt.date(2028, 12, 31) and association.parent == union
    body = client_for("coordinator").get(union.get_absolute_url()).content.decode()
    assert 'id="member-associations"' in body and association.name in body
    bad = data | {"name": "Liên hiệp khác", "kind": "union", "term_end": "2020"}
    body = client_for("coordinator").post("/friendship/add/", bad).content.decode()
    assert "không thuộc một liên hiệp khác" in body and "Năm kết thúc nhiệm kỳ không được trước" in body


def test_events_show_their_associations_and_associations_their_events(client_for, users):
    unit = users["officer1"].unit
    event = EventFactory(organising_unit=unit, status="approved", title="Gặp mặt kỷ niệm ngày truyền thống")
    association = make(unit)
    association.events.set([event])
    body = client_for("officer1").get(event.get_absolute_url()).content.decode()
    assert 'id="event-friendship-associations"' in body and association.name in body
    body = client_for("officer1").get(association.get_absolute_url()).content.decode()
    assert event.title in body


def test_on_its_partners_timeline_and_in_the_unit_report(users):
    partner = PartnerFactory(name="Hội hữu nghị phía bạn")
    association = make(users["officer1"].unit, partner=partner, last_congress_on=dt.date(2027, 3, 1))
    assert [e.title for e in partner_timeline(partner=partner, user=users["officer1"])] == [association.name]
    window = Window(2027, dt.date(2027, 1, 1), dt.date(2027, 6, 30), 0b111111)
    figures = {f["key"]: f for f in registry_figures(unit=users["officer1"].unit, window=window, user=SYSTEM)}
    assert figures["friendship.friendshipassociation"]["done"] == 1
