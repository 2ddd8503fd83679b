"""Programme objects for the authorisation matrix: a draft programme with one item."""

from __future__ import annotations

import pytest

from tests.programs.factories import ProgramFactory, ProgramItemFactory


@pytest.fixture
def programs_objects(users):
    program = ProgramFactory(year=2027)
    return {"program": program, "plantask": ProgramItemFactory(plan=program)}
