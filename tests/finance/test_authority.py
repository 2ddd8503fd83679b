"""Who decides a delegation: rules as data, the holders of each tier, delegation for a period, the approval path,
and the refusals — through the services, the pages and the API."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from doingoai.core.choices import DelegationGroup, Role
from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.delegations import services as delegation_services
from doingoai.delegations.models import Delegation
from doingoai.finance import selectors, services
from doingoai.finance.models import AuthorityGrant, Norm
from tests.api_cases import api_client
from tests.factories import DelegationFactory, UnitFactory, UserFactory
from tests.finance.data import appraise, make_authorities

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = TODAY - dt.timedelta(days=1)


@pytest.fixture
def tiers(users):
    return make_authorities(users)


@pytest.fixture
def vice(users, tiers):
    user = UserFactory(username="phochutich", role=Role.LEADER, unit=None)
    AuthorityGrant.objects.create(user=user, authority=tiers.vice, valid_from=dt.date(2020, 1, 1))
    return user


def delegation(users, **kw):
    values = {"proposing_unit": users["officer1"].unit, "status": "in_plan", "uses_state_budget": False} | kw
    return DelegationFactory(**values)


def approve(d, by, ref="12/QĐ-UBND"):
    return delegation_services.delegation_approve(delegation=d, by=by, decision_ref=ref, decision_date=DAY)


def test_each_group_goes_to_its_tier(users, tiers, vice):
    a = delegation(users, group=DelegationGroup.CENTRAL_LEADERS, head="Bí thư Tỉnh ủy")
    b = delegation(users, group=DelegationGroup.PROVINCIAL_LEADERS, head="Phó Chủ tịch UBND tỉnh")
    director = delegation(users, head="Giám đốc Sở Du lịch")
    deputy = delegation(users, head="Phó Giám đốc Sở Du lịch")
    guests = delegation(users, direction="in", head="Trưởng đoàn khách", uses_state_budget=True)
    assert [services.competent_rule(d).authority for d in (a, b, director, deputy, guests)] == [
        tiers.central, tiers.party, tiers.chairman, tiers.vice, tiers.chairman
    ]  # fmt: skip
    # the title is matched from its start, whatever the case: "phó giám đốc" is not "Giám đốc"
    lower = delegation(users, head="giám đốc Trung tâm")
    assert services.competent_rule(lower).authority == tiers.chairman


def test_group_a_is_recorded_by_the_coordinator_never_decided_here(users, tiers):
    a = delegation(users, group=DelegationGroup.CENTRAL_LEADERS)
    with pytest.raises(StepPermissionDenied, match="cơ quan điều phối ghi nhận"):
        approve(a, users["leader"])
    done = approve(a, users["coordinator"], ref="45-QĐ/TW")
    assert done.status == "approved" and done.authority == tiers.central


def test_the_coordinator_can_no_longer_approve_a_provincial_leaders_delegation(users, tiers):
    b = delegation(users, group=DelegationGroup.PROVINCIAL_LEADERS)
    for who in ("coordinator", "admin", "finance", "officer1"):
        with pytest.raises(StepPermissionDenied, match="Ban Thường vụ Tỉnh ủy"):
            approve(b, users[who])
    assert approve(b, users["leader"]).decided_by.endswith("Ban Thường vụ Tỉnh ủy")


def test_a_leader_without_the_tier_is_refused_with_the_reason(users, tiers, vice):
    deputy = delegation(users, head="Phó Giám đốc Sở")
    with pytest.raises(StepPermissionDenied, match="Phó Chủ tịch UBND tỉnh"):
        approve(deputy, users["leader"])
    assert approve(deputy, vice).authority == tiers.vice


def test_a_delegated_tier_is_used_within_its_period_and_recorded(users, tiers, vice):
    with pytest.raises(StepPermissionDenied):
        services.authority_delegate(by=vice, authority=tiers.chairman, to=users["finance"], valid_from=TODAY,
                                    valid_to=TODAY, basis="x")  # fmt: skip
    with pytest.raises(WorkflowError, match="văn bản ủy quyền"):
        services.authority_delegate(by=users["leader"], authority=tiers.chairman, to=vice, valid_from=TODAY,
                                    valid_to=TODAY, basis=" ")  # fmt: skip
    with pytest.raises(WorkflowError, match="không được trước"):
        services.authority_delegate(by=users["leader"], authority=tiers.chairman, to=vice, valid_from=TODAY,
                                    valid_to=TODAY - dt.timedelta(days=1), basis="12/UBND")  # fmt: skip
    director = delegation(users, head="Giám đốc Sở")
    later = services.authority_delegate(
        by=users["leader"], authority=tiers.chairman, to=vice, valid_from=TODAY + dt.timedelta(days=3),
        valid_to=TODAY + dt.timedelta(days=9), basis="Văn bản số 12/UBND-TH",
    )  # fmt: skip
    with pytest.raises(StepPermissionDenied):
        approve(director, vice)  # not yet
    later.valid_from = TODAY - dt.timedelta(days=1)
    later.save()
    done = approve(director, vice)
    assert "theo ủy quyền của" in done.decided_by and "12/UBND-TH" in done.decided_by
    event = BusinessEvent.objects.get(object_id=done.pk, verb="approve")
    assert event.data["grant"] == later.pk and "ủy quyền" in event.summary
    assert BusinessEvent.objects.filter(verb="delegate", object_id=later.pk).exists()


def test_a_unit_head_decides_for_its_own_unit_only(users, tiers):
    head = UserFactory(username="giamdoc", role=Role.LEADER, unit=users["officer1"].unit)
    AuthorityGrant.objects.create(user=head, authority=tiers.unit_head, valid_from=dt.date(2020, 1, 1))
    own = delegation(users, direction="in", head="Đoàn doanh nghiệp")
    other = delegation(users, direction="in", head="Đoàn doanh nghiệp", proposing_unit=UnitFactory())
    assert services.decides(head, own) and not services.decides(head, other)
    with pytest.raises(StepPermissionDenied):
        approve(other, head)
    assert approve(own, head).authority == tiers.unit_head


def test_state_budget_needs_finance_first(users, tiers):
    d = delegation(users, uses_state_budget=True, head="Giám đốc Sở")
    with pytest.raises(WorkflowError, match="thẩm định kinh phí"):
        approve(d, users["leader"])
    d = appraise(d, users)
    assert approve(d, users["leader"]).status == "approved"


def test_no_rule_is_a_clear_refusal(users):
    d = delegation(users)
    with pytest.raises(WorkflowError, match="Chưa có quy tắc thẩm quyền"):
        approve(d, users["leader"])
    assert not services.decides(users["leader"], d)


def test_the_authority_returns_a_proposal_with_its_reason(users, tiers):
    d = delegation(users, head="Giám đốc Sở")
    with pytest.raises(StepPermissionDenied):
        delegation_services.delegation_return_for_review(delegation=d, by=users["coordinator"], reason="x")
    back = delegation_services.delegation_return_for_review(delegation=d, by=users["leader"], reason="Làm rõ mục đích")
    assert back.status == "proposed" and back.status_note == "Làm rõ mục đích"


def test_the_filter_of_what_a_user_decides_agrees_with_the_step(users, tiers, vice):
    head = UserFactory(username="giamdoc", role=Role.LEADER, unit=users["officer1"].unit)
    AuthorityGrant.objects.create(user=head, authority=tiers.unit_head, valid_from=dt.date(2020, 1, 1))
    records = [
        delegation(users, group=g, direction=direction, head=h, uses_state_budget=budget, proposing_unit=unit)
        for g in DelegationGroup.values
        for direction in ("out", "in")
        for h in ("Giám đốc Sở", "Phó Giám đốc", "Chuyên viên")
        for budget in (True, False)
        for unit in (users["officer1"].unit, users["officer2"].unit)
    ]
    for user in (users["leader"], vice, head, users["coordinator"], users["finance"], users["officer1"]):
        filtered = set(Delegation.objects.filter(services.decidable_q(user)).values_list("pk", flat=True))
        stepwise = {d.pk for d in records if services.decides(user, d)}
        assert filtered == stepwise, user


def test_the_leaders_home_lists_what_they_decide(users, tiers, vice, client_for):
    delegation(users, head="Giám đốc Sở", name="Đoàn của Chủ tịch")
    delegation(users, head="Phó Giám đốc Sở", name="Đoàn của Phó Chủ tịch")
    page = client_for("leader").get("/").content.decode()
    waiting = page.split("Đoàn chờ quyết định của bạn")[1].split("</div>\n</div>")[0]
    assert "Đoàn của Chủ tịch" in waiting and "Đoàn của Phó Chủ tịch" not in waiting


def test_the_budget_page_shows_the_approval_path(users, tiers, client_for):
    d = delegation(users, head="Giám đốc Sở", uses_state_budget=True)
    path = selectors.approval_path(d)
    assert [t.state for t in path] == ["done", "done", "pending", "pending"]
    assert path[-1].holders == [str(users["leader"])]
    d = appraise(d, users)
    assert [t.state for t in selectors.approval_path(d)] == ["done", "done", "done", "waiting"]
    page = client_for("officer1").get(reverse("finance:budget", args=["delegations.delegation", d.pk])).content
    assert "Chủ tịch UBND tỉnh quyết định" in page.decode()


def test_the_api_refuses_a_decision_by_someone_without_the_tier(users, tiers):
    d = appraise(delegation(users, group=DelegationGroup.PROVINCIAL_LEADERS, uses_state_budget=True), users)
    body = {"decision_ref": "7-QĐ/TU", "decision_date": DAY.isoformat()}
    coordinator = api_client(users["coordinator"])
    assert "approve" not in {s["name"] for s in coordinator.get(f"/api/delegations/{d.pk}/actions/").json()}
    refused = coordinator.post(f"/api/delegations/{d.pk}/actions/approve/", body, format="json")
    assert refused.status_code == 403 and "Ban Thường vụ Tỉnh ủy" in refused.json()["detail"]
    ok = api_client(users["leader"]).post(f"/api/delegations/{d.pk}/actions/approve/", body, format="json")
    assert ok.status_code == 200 and ok.json()["status"] == "approved"


def test_only_the_administrator_writes_who_decides(users, tiers):
    rule = {"target": "delegation", "authority": tiers.chairman.pk, "priority": 1}
    assert api_client(users["coordinator"]).post("/api/approval-rules/", rule, format="json").status_code == 403
    grant = {"user": users["coordinator"].pk, "authority": tiers.chairman.pk, "valid_from": TODAY.isoformat()}
    assert api_client(users["coordinator"]).post("/api/authority-grants/", grant, format="json").status_code == 403
    assert api_client(users["officer1"]).get("/api/approval-rules/").status_code == 200
    made = api_client(users["admin"]).post("/api/authority-grants/", grant, format="json")
    assert made.status_code == 201, made.json()


def test_delegating_through_the_page(users, tiers, vice, client_for):
    assert client_for("coordinator").get(reverse("finance:delegate")).status_code == 403
    leader = client_for("leader")
    form = leader.get(reverse("finance:delegate")).content.decode()
    assert "Chủ tịch UBND tỉnh" in form and "Phó Chủ tịch UBND tỉnh</option>" not in form  # what the leader holds
    bad = leader.post(reverse("finance:delegate"), {"authority": tiers.chairman.pk, "to": vice.pk,
                      "valid_from": TODAY.isoformat(), "valid_to": (TODAY - dt.timedelta(days=2)).isoformat(),
                      "basis": "12/UBND"})  # fmt: skip
    assert bad.status_code == 400 and "không được trước" in bad.content.decode()
    ok = leader.post(reverse("finance:delegate"), {"authority": tiers.chairman.pk, "to": vice.pk,
                     "valid_from": TODAY.isoformat(), "valid_to": TODAY.isoformat(), "basis": "12/UBND"})  # fmt: skip
    assert ok.status_code == 302 and AuthorityGrant.objects.filter(user=vice, delegated_by=users["leader"]).exists()


def test_the_shipped_norms_load_once_and_keep_the_administrators_corrections(db):
    call_command("load_refdata", stdout=io.StringIO())
    shipped = Norm.objects.count()
    assert shipped >= 30 and Norm.objects.filter(amount__isnull=True).exists()  # unreadable figures: no amount
    assert not Norm.objects.filter(amount__isnull=False, source__contains="35/2026", verified=True).exists()
    corrected = Norm.objects.filter(amount__isnull=True).first()
    corrected.amount, corrected.verified = 123, True
    corrected.save()
    out = io.StringIO()
    call_command("load_refdata", stdout=out)
    assert Norm.objects.count() == shipped and "định mức chi" in out.getvalue()
    corrected.refresh_from_db()
    assert corrected.amount == 123 and corrected.verified


def test_the_path_of_a_conference_and_of_an_event_names_who_decides_them(users):
    from tests.factories import ConferenceFactory, EventFactory

    conference = ConferenceFactory(organising_unit=users["officer1"].unit, status="proposed")
    path = selectors.approval_path(conference)
    assert path[-1].label.startswith(conference.required_authority.label) and path[-1].state == "pending"
    conference.status, conference.permit_ref = "permitted", "12/UBND-NV"
    assert selectors.approval_path(conference)[-1].state == "done"
    event = EventFactory(organising_unit=users["officer1"].unit, status="planned")
    assert [t.label for t in selectors.approval_path(event)][-1] == "Sở Tài chính thẩm định kinh phí"
    assert "Chưa có quy tắc" not in " ".join(t.detail for t in selectors.approval_path(event))
