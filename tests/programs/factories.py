"""factory_boy factories of the programs app."""

from __future__ import annotations

import factory

from doingoai.programs.models import CommitteeMember, Pillar, Plan, PlanTask, SteeringCommittee


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("year",)

    year = 2027
    signer_position = "Phó Chủ tịch"


class ProgramItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTask

    plan = factory.SubFactory(ProgramFactory)
    section = factory.Sequence(lambda n: f"II.{n + 1}")
    pillar = Pillar.STATE
    text = factory.Sequence(lambda n: f"Nhiệm vụ thử nghiệm số {n}")
    order = factory.Sequence(lambda n: (n + 1) * 10)


class SteeringCommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SteeringCommittee

    name = factory.Sequence(lambda n: f"Ban Chỉ đạo thử nghiệm số {n}")
    standing_unit = factory.SubFactory("tests.factories.UnitFactory")


class CommitteeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMember

    committee = factory.SubFactory(SteeringCommitteeFactory)
    full_name = factory.Sequence(lambda n: f"Thành viên số {n}")
    position = "Phó Giám đốc Sở"
    unit = factory.SubFactory("tests.factories.UnitFactory")
