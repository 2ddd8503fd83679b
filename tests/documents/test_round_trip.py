"""Round trip: the programme exported as .docx, extracted again, gives back its rows and fields (≥ 99 %)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from doingoai.agreements.models import AgreementStatus
from doingoai.conferences.models import ConferenceStatus
from doingoai.core.choices import FundingSource
from doingoai.core.models import Country
from doingoai.delegations.models import DelegationGroup, DelegationStatus, Direction
from doingoai.documents.extract import extract
from doingoai.documents.readers import read
from doingoai.documents.timeparse import parse_planned_time
from doingoai.programs.exports import program_docx
from tests.factories import AgreementFactory, ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db

TIMES = ["Quý I", "Quý II/Quý III", "Tháng 6", "Tháng 11-12", "Quý IV", "Quý I, II, III", "Tháng 3"]
DESTINATIONS = [["LA"], ["JP"], ["KR"], ["LA"], ["TH"], ["CN"], ["RU"]]
GROUPS_OUT = [
    DelegationGroup.CENTRAL_LEADERS,
    DelegationGroup.PROVINCIAL_LEADERS,
    DelegationGroup.DEPARTMENTS,
    DelegationGroup.ARMED_FORCES,
    DelegationGroup.DISTRICTS,
]


def build_plan(year: int, users: dict) -> list:
    call_command("load_refdata", verbosity=0)
    unit = users["officer1"].unit  # Sở Du lịch
    police = users["officer2"].unit  # Công an tỉnh: armed-force delegations come from armed-force units
    rows = []
    for i in range(28):
        direction = Direction.OUT if i % 3 else Direction.IN
        group = GROUPS_OUT[i % len(GROUPS_OUT)] if direction == Direction.OUT else DelegationGroup.PROVINCIAL_LEADERS
        countries = list(Country.objects.filter(code__in=DESTINATIONS[i % len(DESTINATIONS)]))
        rows.append(
            DelegationFactory(
                year=year,
                direction=direction,
                group=group,
                status=DelegationStatus.IN_PLAN,
                proposing_unit=police if group == DelegationGroup.ARMED_FORCES else unit,
                name=f"Đoàn công tác số {i + 1} của tỉnh",
                capacity="Đoàn công tác",
                head="Phó Giám đốc Sở",
                size=5 + i % 4,
                purpose=f"Trao đổi hợp tác lĩnh vực {i + 1}",
                duration_text=f"0{3 + i % 5} ngày",
                time_text=TIMES[i % len(TIMES)],
                funding_source=FundingSource.PROVINCE,
                uses_state_budget=True,
                countries=countries,
            )
        )
    for i in range(4):
        ConferenceFactory(
            year=year,
            status=ConferenceStatus.PROPOSED,
            organising_unit=unit,
            title=f"Hội thảo xúc tiến đầu tư số {i + 1}",
            time_text=TIMES[i],
            delegates_vn=20 + i,
            delegates_foreign_in_vn=5,
            delegates_from_abroad=10,
        )
    for i in range(3):
        AgreementFactory(
            year=year,
            status=AgreementStatus.PROPOSED,
            proposing_unit=unit,
            country=Country.objects.get(code="LA"),
            title=f"Biên bản ghi nhớ hợp tác số {i + 1}",
            time_text="Quý III",
        )
    return rows


def test_exported_programme_extracts_back(users):
    year = 2027
    delegations = build_plan(year, users)
    exported = program_docx(year=year)
    result = extract(read(exported.content, exported.filename))

    by_name = {row["name"]: row for row in result["delegations"]}
    compared = equal = 0
    wrong = []
    for d in delegations:
        row = by_name.get(d.name)
        expected = {
            "direction": d.direction,
            "group": d.group,
            "countries": sorted(c.code for c in d.countries.all()),
            "months": sorted(parse_planned_time(d.time_text).months),
            "time_text": d.time_text,
            "head": d.head,
            "size": d.size,
            "purpose": d.purpose,
            "state_budget": d.uses_state_budget,
        }
        for key, value in expected.items():
            compared += 1
            got = None if row is None else row.get(key)
            if key == "countries" and got is not None:
                got = sorted(got)
            if key == "months" and got is not None:
                got = sorted(got)
            equal += got == value
            if got != value:
                wrong.append((d.name, key, value, got))
    assert compared == 28 * 9
    assert equal / compared >= 0.99, f"{equal}/{compared} fields came back: {wrong}"
    assert len(result["conferences"]) == 4 and len(result["agreements"]) == 3
    titles = {c["title"] for c in result["conferences"]}
    assert "Hội thảo xúc tiến đầu tư số 1" in titles
