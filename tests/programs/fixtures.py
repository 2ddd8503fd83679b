"""Plan objects for the authorisation matrix: a draft programme with one task."""

from __future__ import annotations

import pytest

from tests.programs.factories import ProgramFactory, ProgramItemFactory


@pytest.fixture
def programs_objects(users):
    program = ProgramFactory(year=2027)
    return {"plan": program, "plantask": ProgramItemFactory(plan=program)}
