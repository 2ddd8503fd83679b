"""Vietnam's administrative units in the database: loaded by load_refdata, chosen by units and border markers."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from doingoai.core.choices import UnitKind
from doingoai.core.forms import UnitForm
from doingoai.core.models import AdministrativeUnit, AdminUnitKind


@pytest.fixture
def refdata(refdata_for_the_module, db):
    pass


def test_load_refdata_loads_todays_units_and_the_former_districts_once(refdata):
    assert AdministrativeUnit.objects.filter(kind=AdminUnitKind.PROVINCE).count() == 34
    assert AdministrativeUnit.objects.filter(kind=AdminUnitKind.FORMER_PROVINCE).count() == 63
    assert AdministrativeUnit.objects.filter(kind=AdminUnitKind.FORMER_DISTRICT).count() > 690
    ky_son = AdministrativeUnit.objects.get(kind=AdminUnitKind.FORMER_DISTRICT, name="Huyện Kỳ Sơn", province__code=40)
    assert (ky_son.province.name, ky_son.former_province.name) == ("Nghệ An", "Tỉnh Nghệ An")
    muong_tip = AdministrativeUnit.objects.get(kind=AdminUnitKind.COMMUNE, name="Xã Mường Típ")
    assert muong_tip.province.name == "Nghệ An" and muong_tip.is_current
    # A second run changes nothing.
    out = io.StringIO()
    call_command("load_refdata", stdout=out)
    assert "đơn vị hành chính" in out.getvalue() and "mới 0, cập nhật 0" in out.getvalue().split("đơn vị hành chính")[1]


def test_a_renamed_unit_is_updated(refdata):
    unit = AdministrativeUnit.objects.get(kind=AdminUnitKind.COMMUNE, name="Xã Mường Típ")
    AdministrativeUnit.objects.filter(pk=unit.pk).update(name="Xã sai tên")
    call_command("load_refdata", stdout=io.StringIO())
    unit.refresh_from_db()
    assert unit.name == "Xã Mường Típ" and unit.version == 2


def test_unit_form_offers_the_provinces_communes_and_checks_the_kind(refdata, users):
    form = UnitForm(user=users["coordinator"])
    offered = form.fields["admin_unit"].queryset
    assert offered.filter(name="Xã Mường Típ").exists()
    assert offered.filter(name="Huyện Kỳ Sơn", province__code=40).exists()
    assert not offered.exclude(province__code=40).exists()  # only Nghệ An's (settings.PROVINCE_NAME)
    district = offered.get(name="Huyện Kỳ Sơn")
    commune = offered.get(name="Xã Mường Típ")
    data = {"name": "UBND xã Mường Típ", "kind": UnitKind.COMMUNE, "admin_unit": district.pk}
    form = UnitForm(data=data, user=users["coordinator"])
    assert not form.is_valid()
    assert "xã, phường, đặc khu" in form.errors["admin_unit"][0]
    form = UnitForm(data=data | {"admin_unit": commune.pk}, user=users["coordinator"])
    assert form.is_valid(), form.errors


def test_admin_units_list_and_search_read_only(refdata, client_for):
    client = client_for("coordinator")
    html = client.get(reverse("core:administrativeunit_list"), {"q": "muong tip"}).content.decode()
    assert "Xã Mường Típ" in html, html[html.find("<main") :][:3000]
    with pytest.raises(NoReverseMatch):  # the units follow the package: no form to add or edit them
        reverse("core:administrativeunit_add")
