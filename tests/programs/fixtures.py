"""Programme objects for the authorisation matrix: a draft programme with one item, a steering committee."""

from __future__ import annotations

import pytest

from doingoai.programs.models import CommitteeMember, SteeringCommittee
from tests.programs.factories import ProgramFactory, ProgramItemFactory


@pytest.fixture
def programs_objects(users):
    program = ProgramFactory(year=2027)
    committee = SteeringCommittee.objects.create(
        name="Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", standing_unit=users["coordinator"].unit
    )
    member = CommitteeMember.objects.create(
        committee=committee, full_name="Nguyễn Văn A", position="Giám đốc Sở", unit=users["officer1"].unit
    )
    return {
        "program": program,
        "plan": program,
        "plantask": ProgramItemFactory(plan=program),
        "steeringcommittee": committee,
        "committeemember": member,
    }
