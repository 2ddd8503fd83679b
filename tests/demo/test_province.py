"""`load_demo`: the province it builds, and that running it (or `load_refdata`) again writes nothing."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from django.utils import timezone

from doingoai.agreements.models import Agreement, AgreementStatus
from doingoai.agreements.selectors import agreements_report_late
from doingoai.conferences.models import Conference, ConferenceStatus
from doingoai.conferences.selectors import conferences_permit_late
from doingoai.core.choices import Role, UnitKind
from doingoai.core.models import BusinessEvent, Country, DiplomaticRelation, Partner, Unit, User
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.delegations.selectors import delegation_overlap_groups, delegations_late_reports
from doingoai.devtools.demo.builder import DEFAULT_PASSWORD
from doingoai.devtools.demo.units import DEMO_USERS
from doingoai.reference import refdata

REFDATA_MODELS = (Country, DiplomaticRelation, Partner)
DEMO_MODELS = (Unit, User, Delegation, Conference, Agreement, Country, DiplomaticRelation, Partner)


def demo_rows() -> dict[str, int]:
    rows = {model.__name__: model.objects.count() for model in DEMO_MODELS}
    for model in (Unit, Delegation, Conference, Agreement, *REFDATA_MODELS):
        rows[f"{model.__name__}.history"] = model.history.count()  # type: ignore[attr-defined]
    rows["events"] = BusinessEvent.objects.count()
    return rows


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_load_demo_builds_a_province_with_this_years_and_next_years_work(demo):
    this_year = timezone.localdate().year
    next_year = this_year + 1
    admin = User.objects.get(username="admin")
    assert "Đã nạp dữ liệu minh họa" in demo

    # reference data came along, since the database had no countries
    assert Country.objects.count() >= 200
    assert DiplomaticRelation.objects.count() == len(refdata.load_relations())
    assert sum(1 for p in Partner.objects.all() if p.aliases) >= 30

    # units: every kind, the coordinator, and a unit merged in 2025 kept with the unit it went into
    assert Unit.objects.count() >= 40
    assert set(Unit.objects.values_list("kind", flat=True)) == set(UnitKind.values)
    assert Unit.objects.get(is_coordinator=True).name == settings.COORDINATOR_UNIT_NAME
    merged = Unit.objects.get(name="Sở Kế hoạch và Đầu tư")
    assert merged.active_to is not None and merged.parent.name == "Sở Tài chính"

    # users
    officer1, officer2 = User.objects.get(username="officer1"), User.objects.get(username="officer2")
    assert officer1.unit.name == "Sở Du lịch" and officer2.unit.name == "Công an tỉnh"
    assert User.objects.get(username="coordinator").role == Role.COORDINATOR
    assert admin.is_superuser and admin.is_staff
    assert all(u.first_name and u.last_name and u.email.endswith("@example.org") for u in User.objects.all())

    for year in (this_year, next_year):
        delegations = Delegation.objects.filter(year=year)
        assert delegations.count() >= 80
        assert set(delegations.values_list("direction", flat=True)) == {Direction.OUT, Direction.IN}
        assert set(delegations.values_list("group", flat=True)) == set(DelegationGroup.values)
        assert delegations.values("countries").distinct().count() >= 10
        assert delegations.filter(partners__isnull=False).distinct().count() >= 60
        assert delegations.filter(direction=Direction.IN, uses_state_budget=False).exists()
        assert {"Quý II/Quý III", "Tùy thuộc lịch thi đấu"} <= set(delegations.values_list("time_text", flat=True))
        assert Conference.objects.filter(year=year).count() >= 7
        assert Agreement.objects.filter(year=year).count() >= 4

    # this year is under way …
    statuses = set(Delegation.objects.filter(year=this_year).values_list("status", flat=True))
    S = DelegationStatus
    assert {S.IN_PLAN, S.APPROVED, S.DONE, S.POSTPONED, S.CANCELLED} <= statuses
    assert Delegation.objects.filter(year=this_year, status=S.DONE).exclude(result_reported_on=None).exists()
    assert delegations_late_reports(user=admin, today=timezone.localdate())
    conference_statuses = set(Conference.objects.filter(year=this_year).values_list("status", flat=True))
    assert {
        ConferenceStatus.PROPOSED,
        ConferenceStatus.PERMITTED,
        ConferenceStatus.HELD,
        ConferenceStatus.REPORTED,
    } <= conference_statuses
    assert conferences_permit_late(user=admin, today=timezone.localdate())
    high_level = Conference.objects.filter(year=this_year, has_foreign_high_level=True)
    assert high_level and all(c.required_authority.code == "prime_minister" for c in high_level)
    agreement_statuses = set(Agreement.objects.filter(year=this_year).values_list("status", flat=True))
    assert {
        AgreementStatus.CONSULTED,
        AgreementStatus.APPROVED,
        AgreementStatus.SIGNED,
        AgreementStatus.IN_FORCE,
    } <= agreement_statuses
    assert agreements_report_late(user=admin, today=timezone.localdate())
    flagged = {o.delegation.proposing_unit.name for o in delegation_overlap_groups(year=this_year, user=admin)}
    assert {"Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Nông nghiệp và Môi trường"} <= flagged

    # … next year is being planned, and both demo officers have drafts and proposals in it
    next_statuses = set(Delegation.objects.filter(year=next_year).values_list("status", flat=True))
    assert {S.DRAFT, S.PROPOSED} <= next_statuses <= {S.DRAFT, S.PROPOSED, S.IN_PLAN}
    assert officer1.unit != officer2.unit
    for officer in (officer1, officer2):
        own = Delegation.objects.filter(year=next_year, proposing_unit=officer.unit)
        assert own.filter(status=S.DRAFT).count() >= 2
        assert own.filter(status=S.PROPOSED).count() >= 2

    # the records went through the workflow services, as the users who take each step
    done = Delegation.objects.filter(year=this_year, status=S.DONE, direction=Direction.OUT).first()
    actors = {h.history_user.username for h in done.history.all()}
    deciders = {"leader", "leader2"}  # the chairman, or the vice-chairman by his tier or by delegation
    officer = {u.username for u in done.proposing_unit.user_set.all()}
    assert "coordinator" in actors and actors & deciders and actors & officer
    assert actors <= {"coordinator", "finance", *deciders, *officer}
    assert ("finance" in actors) == done.uses_state_budget  # appraised before the decision
    assert BusinessEvent.objects.filter(verb="approve").count() >= 30
    # money and authority: decisions at every tier, a delegated one, a returned estimate, settled trips
    decided = set(Delegation.objects.exclude(authority=None).values_list("authority__kind", flat=True))
    assert {"central", "party_standing", "chairman", "vice_chairman"} <= decided
    assert Delegation.objects.filter(decided_by__contains="theo ủy quyền").exists()
    assert Delegation.objects.filter(budget_status="returned").exists()
    assert Delegation.objects.filter(budget_status="settled", status=S.DONE).count() >= 5


def test_demo_users_log_in_and_running_again_writes_nothing(demo, client):
    request = RequestFactory().post("/accounts/login/")  # django-axes wants the request
    for username in [spec.username for spec in DEMO_USERS] + ["canbo_soyte"]:
        assert client.login(request=request, username=username, password=DEFAULT_PASSWORD), username
        client.logout()

    rows = demo_rows()
    assert "không nạp" in run("load_demo", "--if-empty")
    with pytest.raises(CommandError):
        run("load_demo")
    run("load_refdata")
    assert demo_rows() == rows
