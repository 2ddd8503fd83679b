"""factory_boy factories for every registry (test data only; demo data lives in devtools/demo/)."""

from __future__ import annotations

import datetime as dt

import factory

from doingoai.agreements.models import Agreement, AgreementAction, AgreementStatus
from doingoai.aid.models import AidKind, AidProject, InvestmentOpportunity, Sector
from doingoai.border.models import BorderGate, BorderMarker, GateClass, MarkerInspection, MarkerKind
from doingoai.conferences.models import Conference
from doingoai.consular.models import ApecCardApplication, CaseKind, CitizenCase, ForeignPressVisit
from doingoai.core.choices import FundingSource, PartnerKind, Region, Role, UnitKind
from doingoai.core.models import Country, DiplomaticRelation, Partner, Unit, User
from doingoai.delegations.models import Delegation, DelegationGroup, Direction
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.events.models import Event, Inspection, TrainingCourse
from doingoai.persons.models import ConsentMeans


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Sở thử nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"STN{n}")
    kind = UnitKind.DEPARTMENT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.UNIT_OFFICER
    unit = factory.SubFactory(UnitFactory)
    # Hashed before the one INSERT. Set after it (set_password, then save), it was a second save that the user
    # model's signals take for a change of password (core.accounts: credentials ended, tokens and feed addresses
    # revoked), with a second history row and a second search indexing: for each of the six users of nearly
    # every test, a third of the `users` fixture's time.
    password = factory.django.Password("matkhau-thu-nghiem-1")


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


class AgreementActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementAction

    agreement = factory.SubFactory(
        AgreementFactory,
        status=AgreementStatus.IN_FORCE,
        signed_on=dt.date(2026, 3, 1),
        valid_until=dt.date(2031, 3, 1),
    )
    title = factory.Sequence(lambda n: f"Trao đổi đoàn khảo sát nông nghiệp số {n}")
    owner_unit = factory.SubFactory(UnitFactory)
    due_on = factory.LazyAttribute(lambda o: dt.date(o.year, 6, 30))

    class Params:
        year = 2027  # the generated cases filter registries by year: here the due date's


class AidProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AidProject

    year = 2027
    kind = AidKind.NGO
    title = factory.Sequence(lambda n: f"Dự án viện trợ nước sạch số {n}")
    donor_text = "Tổ chức phi chính phủ nước ngoài"
    sector = Sector.ENVIRONMENT
    amount = 250000
    currency = "USD"
    place = "Huyện Kỳ Sơn"
    managing_unit = factory.SubFactory(UnitFactory)


class InvestmentOpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InvestmentOpportunity

    year = 2027
    title = factory.Sequence(lambda n: f"Dự án kêu gọi đầu tư số {n}")
    sector = Sector.INDUSTRY
    place = "Khu kinh tế Đông Nam"
    total_investment = 50000000
    currency = "USD"
    managing_unit = factory.SubFactory(UnitFactory)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    year = 2027
    title = factory.Sequence(lambda n: f"Giao lưu hữu nghị số {n}")
    time_text = "Tháng 10"
    organising_unit = factory.SubFactory(UnitFactory)


class TrainingCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingCourse

    year = 2027
    title = factory.Sequence(lambda n: f"Lớp tập huấn nghiệp vụ đối ngoại số {n}")
    time_text = "Quý II"
    organising_unit = factory.SubFactory(UnitFactory)


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection

    year = 2027
    title = factory.Sequence(lambda n: f"Thanh tra công tác đối ngoại số {n}")
    time_text = "Quý III"
    inspecting_unit = factory.SubFactory(UnitFactory)
    inspected_unit = factory.SubFactory(UnitFactory)


# --- diaspora, consular, border (people are invented: "Thử" marks them as test data)


class DiasporaAssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiasporaAssociation

    name = factory.Sequence(lambda n: f"Hội đồng hương thử nghiệm {n}")
    country = factory.SubFactory(CountryFactory)
    city = "Viêng Chăn"
    leader = "Lê Văn Thử"
    members_count = 120


class OverseasVietnameseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OverseasVietnamese

    full_name = factory.Sequence(lambda n: f"Nguyễn Thị Thử {n}")
    birth_year = 1980
    country = factory.SubFactory(CountryFactory)
    city = "Viêng Chăn"
    occupation = "Kinh doanh"
    phone = "0912345612"
    email = factory.Sequence(lambda n: f"nguoithu{n}@example.org")
    address = "12 Đường Thử Nghiệm, Viêng Chăn"
    purpose = "Kết nối kiều bào với quê hương, mời dự các sự kiện của tỉnh"
    consent_given_on = dt.date(2025, 1, 10)
    consent_means = ConsentMeans.WRITTEN
    recording_unit = factory.SubFactory(UnitFactory)


class CitizenCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenCase

    class Params:
        year = 2025

    person_name = factory.Sequence(lambda n: f"Trần Văn Thử {n}")
    passport_number = "C1234567"
    country = factory.SubFactory(CountryFactory)
    place = "Bản Thử Nghiệm"
    kind = CaseKind.STRANDED
    opened_on = factory.LazyAttribute(lambda o: dt.date(o.year, 3, 15))
    summary = "Công dân bị mất giấy tờ, cần hỗ trợ về nước"
    purpose = "Bảo hộ công dân"
    recording_unit = factory.SubFactory(UnitFactory)


class ApecCardApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApecCardApplication

    class Params:
        year = 2025

    applicant_name = factory.Sequence(lambda n: f"Phạm Văn Thử {n}")
    birth_date = dt.date(1980, 5, 1)
    position = "Giám đốc"
    in_post_since = dt.date(2015, 1, 1)
    enterprise = factory.Sequence(lambda n: f"Công ty TNHH Thử Nghiệm {n}")
    enterprise_established_on = dt.date(2010, 1, 1)
    submitted_on = factory.LazyAttribute(lambda o: dt.date(o.year, 6, 1))
    receiving_unit = factory.SubFactory(UnitFactory)


class ForeignPressVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForeignPressVisit

    class Params:
        year = 2027

    outlet = factory.Sequence(lambda n: f"Báo Thử Nghiệm số {n}")
    country = factory.SubFactory(CountryFactory)
    journalists = "02 phóng viên"
    start_date = factory.LazyAttribute(lambda o: dt.date(o.year, 5, 10))
    end_date = factory.LazyAttribute(lambda o: dt.date(o.year, 5, 14))
    places = "Các xã biên giới"
    topic = "Hợp tác Việt Nam – Lào"
    host_unit = factory.SubFactory(UnitFactory)


class BorderMarkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BorderMarker

    number = factory.Sequence(lambda n: str(300 + n))
    kind = MarkerKind.MAIN
    commune = "Thử Nghiệm"
    latitude = 19.2
    longitude = 104.3


class BorderGateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BorderGate

    name = factory.Sequence(lambda n: f"Thử Nghiệm {n}")
    gate_class = GateClass.MAIN
    commune = "Thử Nghiệm"


class MarkerInspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MarkerInspection

    marker = factory.SubFactory(BorderMarkerFactory)
    inspected_on = dt.date(2025, 6, 1)
    inspector_unit = factory.SubFactory(UnitFactory)
    status_found = "good"
