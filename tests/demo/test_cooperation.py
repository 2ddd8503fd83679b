"""The demo of the cooperation registries (aid, investment, events, training, inspections), one load for all.

Every state is shown and every record was moved by the services (the demo takes seconds to load, hence one test).
"""

from __future__ import annotations

from django.utils import timezone

from doingoai.aid.models import AidProject, AidStatus, InvestmentOpportunity, InvestmentStatus
from doingoai.aid.selectors import aid_projects_start_late, public_investment_opportunities
from doingoai.core.models import BusinessEvent, User
from doingoai.events.models import Event, EventStatus, Inspection, InspectionStatus, TrainingCourse, TrainingStatus


def test_demo_cooperation_registries(demo, client):
    assert {a.status for a in AidProject.objects.all()} == set(AidStatus.values) - {AidStatus.CANCELLED}
    coordinator = User.objects.get(username="coordinator")
    late = aid_projects_start_late(user=coordinator, today=timezone.localdate())
    assert len(late) == 1 and late[0].kind == "ngo"
    on_time = AidProject.objects.filter(kind="ngo", status=AidStatus.APPROVED).exclude(pk=late[0].pk)
    assert on_time.count() == 1 and not on_time.get().is_start_late()
    # Workflow steps went through the services: each moved record has its business events.
    for aid in AidProject.objects.exclude(status=AidStatus.DRAFT):
        assert BusinessEvent.objects.filter(content_type__model="aidproject", object_id=aid.pk, verb="submit").exists()
    public = list(public_investment_opportunities())
    assert len(public) >= 5 and len({o.sector for o in public}) >= 4
    assert sum(o.has_point for o in public) >= 4
    assert InvestmentOpportunity.objects.filter(status=InvestmentStatus.OPEN, public=False).exists()
    body = client.get("/public/investment/").content.decode()
    assert all(o.title in body for o in public)

    assert {e.status for e in Event.objects.all()} == {
        EventStatus.PROPOSED,
        EventStatus.PLANNED,
        EventStatus.HELD,
        EventStatus.REPORTED,
    }
    assert Event.objects.filter(countries__code="LA").exists() and Event.objects.filter(partners__isnull=False).exists()
    assert {c.status for c in TrainingCourse.objects.all()} == {
        TrainingStatus.DRAFT,
        TrainingStatus.PLANNED,
        TrainingStatus.HELD,
        TrainingStatus.REPORTED,
    }
    assert {i.status for i in Inspection.objects.all()} == {
        InspectionStatus.PROPOSED,
        InspectionStatus.PLANNED,
        InspectionStatus.IN_PROGRESS,
        InspectionStatus.CONCLUDED,
    }
    concluded = Inspection.objects.get(status=InspectionStatus.CONCLUDED)
    verbs = set(
        BusinessEvent.objects.filter(content_type__model="inspection", object_id=concluded.pk).values_list(
            "verb", flat=True
        )
    )
    assert {"submit", "decide", "start", "conclude"} <= verbs
    assert concluded.actual_start <= concluded.actual_end <= concluded.concluded_on
