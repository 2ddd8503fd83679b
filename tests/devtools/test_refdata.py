"""`load_refdata`: what it writes, and that running it again writes nothing (`load_demo`: tests/demo/)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from doingoai.core.models import Country, DiplomaticRelation, Partner
from doingoai.reference import refdata

REFDATA_MODELS = (Country, DiplomaticRelation, Partner)


def refdata_history_rows() -> int:
    return sum(model.history.count() for model in REFDATA_MODELS)  # type: ignore[attr-defined]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_refdata_loads_countries_relations_and_partners():
    output = run("load_refdata")

    assert Country.objects.count() == len(refdata.load_countries()) >= 200
    assert DiplomaticRelation.objects.count() == len(refdata.load_relations())
    assert Partner.objects.count() == len(refdata.load_partners())
    assert sum(1 for p in Partner.objects.all() if p.aliases) >= 30
    assert Country.objects.get(code="SG").aliases  # Xinh-ga-po…
    assert DiplomaticRelation.objects.get(code="LA-TREATY").country == Country.objects.get(code="LA")
    assert DiplomaticRelation.objects.get(code="LA").country == Country.objects.get(code="LA")
    assert DiplomaticRelation.objects.get(code="EU").country is None
    assert DiplomaticRelation.objects.get(code="ASEAN").country is None
    assert Partner.objects.get(name="Xiêng Khoảng").country.code == "LA"
    assert len(output.strip().splitlines()) == 1
    assert f"mới {len(refdata.load_countries())}" in output

    history = refdata_history_rows()
    again = run("load_refdata")
    assert refdata_history_rows() == history
    assert again.count("mới 0, cập nhật 0") == 4  # countries, relations, partners, cost norms


@pytest.mark.django_db
def test_load_refdata_restores_an_edited_row_and_records_why():
    run("load_refdata")
    laos = Country.objects.get(code="LA")
    laos.name_vi = "Lao"
    laos.save()
    rows = laos.history.count()

    output = run("load_refdata")

    laos.refresh_from_db()
    assert laos.name_vi == "Lào"
    assert laos.history.count() == rows + 1
    assert laos.history.first().history_change_reason == "Nạp dữ liệu tham chiếu"
    assert "cập nhật 1" in output
