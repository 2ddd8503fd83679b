"""Consular objects for the authorisation matrix, all of officer2's unit: a citizen case, an APEC card file and
a foreign press visit (the last two drafts)."""

from __future__ import annotations

import pytest

from tests.factories import ApecCardApplicationFactory, CitizenCaseFactory, ForeignPressVisitFactory


@pytest.fixture
def consular_objects(users):
    unit = users["officer2"].unit
    return {
        "citizencase": CitizenCaseFactory(recording_unit=unit),
        "apeccardapplication": ApecCardApplicationFactory(receiving_unit=unit),
        "foreignpressvisit": ForeignPressVisitFactory(host_unit=unit),
    }
