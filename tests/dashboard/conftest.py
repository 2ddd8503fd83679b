"""Known registry rows for the dashboard and calendar tests (figures worked out by hand in the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.agreements.models import AgreementStatus
from doingoai.conferences.models import ConferenceStatus
from doingoai.core.choices import FundingSource, Region
from doingoai.delegations.models import DelegationStatus, Direction
from tests.factories import AgreementFactory, ConferenceFactory, CountryFactory, DelegationFactory

# The registry lists filter years around today (core.filters.year_choices): stay inside that range.
YEAR = dt.date.today().year


@pytest.fixture
def countries(db):
    return {
        "LA": CountryFactory(),
        "TH": CountryFactory(code="TH", name_vi="Thái Lan", name_en="Thailand", region=Region.SEA, aliases=[]),
        "JP": CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan", region=Region.NEA, aliases=[]),
    }


@pytest.fixture
def plan_rows(users, countries):
    """Delegations, conferences and agreements of YEAR; unit A = officer1's, unit B = officer2's."""
    unit_a, unit_b = users["officer1"].unit, users["officer2"].unit
    la, th, jp = countries["LA"], countries["TH"], countries["JP"]

    def delegation(key, direction, status, time_text, where, funding, unit, **kw):
        return key, DelegationFactory(
            year=kw.pop("year", YEAR),
            direction=direction,
            status=status,
            time_text=time_text,
            countries=where,
            funding_source=funding,
            proposing_unit=unit,
            name=kw.pop("name", f"Đoàn {key}"),
            **kw,
        )

    out, inb = Direction.OUT, Direction.IN
    s = DelegationStatus
    d = dict(
        [
            delegation("d1", out, s.IN_PLAN, "Quý II", [la], FundingSource.PROVINCE, unit_a),
            delegation("d2", out, s.DONE, "Quý II/Quý III", [la, th], FundingSource.PROVINCE, unit_a),
            delegation("d3", inb, s.APPROVED, "Tháng 11", [jp], FundingSource.PARTNER, unit_b),
            delegation("d4", out, s.DRAFT, "Quý I", [th], FundingSource.SECTOR, unit_b),
            delegation("d5", out, s.CANCELLED, "Quý I", [la], FundingSource.PROVINCE, unit_a),
            delegation("d6", inb, s.PROPOSED, "", [], FundingSource.SELF_PAID, unit_a),
            delegation("d7", out, s.POSTPONED, "Tùy thuộc lịch thi đấu", [jp], FundingSource.PROVINCE, unit_b),
            delegation(
                "d9",
                inb,
                s.DONE,
                "Tháng 8",
                [la],
                FundingSource.PARTNER,
                unit_a,
                actual_start=dt.date(YEAR, 8, 5),
                actual_end=dt.date(YEAR, 8, 7),
            ),
            delegation("d8", out, s.IN_PLAN, "Quý II", [la], FundingSource.PROVINCE, unit_a, year=YEAR + 1),
        ]
    )
    cs = ConferenceStatus
    c = {
        "c1": ConferenceFactory(year=YEAR, status=cs.HELD, organising_unit=unit_a),
        "c2": ConferenceFactory(year=YEAR, status=cs.DRAFT, organising_unit=unit_b),
        "c3": ConferenceFactory(year=YEAR, status=cs.REPORTED, organising_unit=unit_b),
        "c4": ConferenceFactory(year=YEAR, status=cs.PROPOSED, organising_unit=unit_a),
    }
    ags = AgreementStatus
    a = {
        "a1": AgreementFactory(year=YEAR, status=ags.PROPOSED, proposing_unit=unit_b),
        "a2": AgreementFactory(year=YEAR, status=ags.SIGNED, proposing_unit=unit_a, signed_on=dt.date(YEAR, 5, 14)),
        "a3": AgreementFactory(year=YEAR, status=ags.IN_FORCE, proposing_unit=unit_b),
    }
    return d | c | a
