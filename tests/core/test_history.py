"""The history reads as a person reads it (issue 16, point 7): one row per action, labels, local dd/mm/yyyy HH:MM."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from doingoai.core.history import display_value, history_entries
from doingoai.core.registry import registry_for
from doingoai.delegations.models import Delegation
from tests.factories import CountryFactory, DelegationFactory


@pytest.mark.django_db
def test_creation_with_countries_is_one_row_and_the_page_shows_local_minutes(client, users):
    reg = registry_for(Delegation)
    values = reg.example(unit=users["officer1"].unit) or {}
    values["countries"] = [CountryFactory()]
    obj = reg.create(by=users["officer1"], values=values)
    entries = history_entries(obj)
    assert len(entries) == 1 and entries[0].kind == "Tạo mới" and entries[0].changes == []
    reg.update(
        obj=obj, by=users["officer1"], values={"countries": [CountryFactory(name_vi="Lào")]}, expected_version=None
    )
    entries = history_entries(obj)
    assert [e.kind for e in entries] == ["Cập nhật", "Tạo mới"]
    client.force_login(users["officer1"])
    page = client.get(reverse("delegations:delegation_detail", args=[obj.pk])).content.decode()
    local = timezone.localtime(obj.history.first().history_date)
    row = page[page.index('id="history"') :]
    assert f"{local:%d/%m/%Y %H:%M}</td>" in row  # local time to the minute, no seconds
    assert "Tạo mới · Tạo mới" not in row and "+00:00" not in row


def test_values_read_as_labels_not_internals():
    moment = dt.datetime(2026, 12, 5, 17, 30, 12, 123456, tzinfo=dt.UTC)
    assert display_value(moment) == "06/12/2026 00:30"  # Asia/Ho_Chi_Minh, to the minute
    assert display_value(dt.date(2026, 6, 3)) == "03/06/2026"
    assert display_value(Decimal("227742000")) == "227.742.000"
    assert display_value({"from": "Dự thảo", "to": True}) == "from: Dự thảo; to: Có"


@pytest.mark.django_db
def test_many_to_many_changes_are_the_ones_simple_history_finds(users):
    """The link rows of every history row are read at once (core.history._m2m_rows); the changes found are the ones
    simple-history's own `diff_against` finds pair by pair."""
    from doingoai.core.history import HIDDEN, _changes, _m2m_rows
    from tests.factories import PartnerFactory

    reg = registry_for(Delegation)
    values = reg.example(unit=users["officer1"].unit) or {}
    laos, japan, korea = CountryFactory(name_vi="Lào"), CountryFactory(name_vi="Nhật Bản"), CountryFactory()
    obj = reg.create(by=users["officer1"], values=values | {"countries": [laos]})
    steps = [
        {"countries": [laos, japan]},
        {"countries": [korea], "partners": [PartnerFactory(), PartnerFactory()]},
        {"name": "Đoàn đổi tên"},
        {"countries": [], "partners": []},
    ]
    for step in steps:
        reg.update(obj=obj, by=users["officer1"], values=step, expected_version=None)
    records = list(obj.history.order_by("-history_date", "-history_id"))
    rows = _m2m_rows(records)
    assert set(rows) == {"countries", "partners"}
    found_m2m = 0
    for record, previous in itertools.pairwise(records):
        expected = record.diff_against(previous, excluded_fields=HIDDEN).changes
        mine = _changes(record, previous, rows)
        # The order of the fields is simple-history's set order either way: compared sorted.
        assert sorted(((c.field, c.old, c.new) for c in mine), key=str) == sorted(
            ((c.field, c.old, c.new) for c in expected), key=str
        )
        found_m2m += sum(1 for c in expected if c.field in rows)
    assert found_m2m >= 4
    assert [e.kind for e in history_entries(obj)][-1] == "Tạo mới"


def test_every_history_manager_class_is_built_once(users):
    """`KeptHistoryDescriptor` stands in for simple_history's descriptor on every model with history, and gives the
    same manager, with one class, at every access; the history it reads is the record's own."""
    from django.apps import apps
    from simple_history.manager import HistoryDescriptor

    from doingoai.core.history import KeptHistoryDescriptor

    descriptors = [v for m in apps.get_models() for v in vars(m).values() if isinstance(v, HistoryDescriptor)]
    assert descriptors and all(type(d) is KeptHistoryDescriptor for d in descriptors)
    first, second = DelegationFactory(name="Đoàn một"), DelegationFactory(name="Đoàn hai")
    assert type(first.history) is type(second.history)
    first.name = "Đoàn một (sửa)"
    first.save()
    names = [h.name for h in first.history.order_by("history_id")]
    assert names[-1] == "Đoàn một (sửa)" and set(names) == {"Đoàn một", "Đoàn một (sửa)"}
    assert {h.name for h in second.history.all()} == {"Đoàn hai"}
    assert Delegation.history.count() == len(names) + second.history.count()  # on the class: every record's rows
