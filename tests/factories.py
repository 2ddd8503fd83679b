"""factory_boy factories for every registry (test data only; demo data lives in core/demo.py)."""

from __future__ import annotations

import factory

from doingoai.agreements.models import Agreement
from doingoai.conferences.models import Conference
from doingoai.core.choices import FundingSource, PartnerKind, Region, Role, UnitKind
from doingoai.core.models import Country, DiplomaticRelation, Partner, Unit, User
from doingoai.delegations.models import Delegation, DelegationGroup, Direction


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Sở thử nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"STN{n}")
    kind = UnitKind.DEPARTMENT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.UNIT_OFFICER
    unit = factory.SubFactory(UnitFactory)
    password = factory.PostGenerationMethodCall("set_password", "matkhau-thu-nghiem-1")

    @factory.post_generation
    def _save(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "LA"
    name_vi = "Lào"
    name_en = "Laos"
    region = Region.LAO
    aliases = factory.LazyFunction(lambda: ["CHDCND Lào"])


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Tỉnh đối tác {n}")
    kind = PartnerKind.LOCALITY
    country = factory.SubFactory(CountryFactory)
    aliases = factory.LazyFunction(list)


class DiplomaticRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiplomaticRelation

    code = "LA"
    name_vi = "Lào"
    established_on = factory.Faker("date_object")


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation
        skip_postgeneration_save = True

    year = 2027
    direction = Direction.OUT
    group = DelegationGroup.DEPARTMENTS
    name = factory.Sequence(lambda n: f"Đoàn công tác số {n}")
    capacity = "Đoàn nghiệp vụ"
    head = "Giám đốc Sở"
    size = 5
    time_text = "Quý II"
    funding_source = FundingSource.PROVINCE
    uses_state_budget = True
    proposing_unit = factory.SubFactory(UnitFactory)

    @factory.post_generation
    def countries(self, create: bool, extracted: list[Country] | None, **kwargs: object) -> None:
        if create:
            self.countries.set(extracted if extracted is not None else [CountryFactory()])


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference
        skip_postgeneration_save = True

    year = 2027
    title = factory.Sequence(lambda n: f"Hội thảo hợp tác số {n}")
    time_text = "Tháng 9"
    funding_source = FundingSource.PROVINCE
    organising_unit = factory.SubFactory(UnitFactory)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    year = 2027
    title = factory.Sequence(lambda n: f"Bản ghi nhớ hợp tác số {n}")
    country = factory.SubFactory(CountryFactory)
    partner_text = "Chính quyền tỉnh đối tác"
    time_text = "Quý III"
    proposing_unit = factory.SubFactory(UnitFactory)
