"""Foreign organisations active in the province: permit validity and annual reports feed the deadlines; the
partner's timeline and the unit report count them. (Pages, rights, API, search: generated from `example()`.)"""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.core.partner_story import partner_timeline
from doingoai.core.registry import registry_for
from doingoai.foreignorgs.models import ForeignOrganisation
from doingoai.reporting.deadlines import deadline_list
from doingoai.reporting.figures import registry_figures
from doingoai.reporting.selectors import SYSTEM, Window
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def make(unit, **values) -> ForeignOrganisation:
    data = registry_for(ForeignOrganisation).example(unit=unit, n=1) | {"status": "approved"} | values
    return ForeignOrganisation.objects.create(**data)


def deadlines(kind: str, today: dt.date, user=SYSTEM):
    return [d for d in deadline_list(user=user, today=today) if d.kind == kind]


def test_permit_expiry_is_a_deadline_of_the_following_unit(users):
    org = make(users["officer1"].unit, permit_valid_until=dt.date(2027, 5, 1))
    [deadline] = deadlines("foreignorg_permit", dt.date(2027, 4, 1))
    assert deadline.due == dt.date(2027, 5, 1) and deadline.unit == users["officer1"].unit
    assert org.name in deadline.title
    org.status = "done"
    org.save()
    assert deadlines("foreignorg_permit", dt.date(2027, 4, 1)) == []


def test_annual_report_is_owed_until_received_for_its_cycle(users):
    org = make(users["officer1"].unit, annual_report_due=dt.date(2027, 1, 15))
    assert org.report_owed and len(deadlines("foreignorg_report", dt.date(2027, 1, 20))) == 1
    org.annual_report_received_on = dt.date(2026, 1, 10)  # last year's report: this year's is still owed
    org.save()
    assert org.report_owed and len(deadlines("foreignorg_report", dt.date(2027, 1, 20))) == 1
    org.annual_report_received_on = dt.date(2027, 1, 12)
    org.save()
    assert not org.report_owed and deadlines("foreignorg_report", dt.date(2027, 1, 20)) == []


def test_permit_expiring_before_it_was_issued_is_refused(client_for, users):
    data = registry_for(ForeignOrganisation).example(unit=None, n=1)
    data = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items() if k != "unit"}
    data["permit_valid_until"] = "2020-01-01"
    body = client_for("officer1").post("/foreignorgs/add/", data).content.decode()
    assert "Ngày hết hạn giấy đăng ký không được trước ngày cấp." in body
    assert not ForeignOrganisation.objects.exists()


def test_organisation_appears_on_its_partners_timeline_and_in_the_unit_report(users):
    partner = PartnerFactory(name="Tổ chức phi chính phủ đối tác")
    org = make(users["officer1"].unit, partner=partner, permit_issued_on=dt.date(2027, 2, 1))
    assert [e.title for e in partner_timeline(partner=partner, user=users["officer1"])] == [org.name]
    window = Window(2027, dt.date(2027, 1, 1), dt.date(2027, 6, 30), 0b111111)
    figures = {f["key"]: f for f in registry_figures(unit=users["officer1"].unit, window=window, user=SYSTEM)}
    line = figures["foreignorgs.foreignorganisation"]
    assert line["label"] == "Tổ chức nước ngoài hoạt động trên địa bàn" and line["done"] == 1
