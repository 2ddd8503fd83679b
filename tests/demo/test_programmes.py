"""The demo province has this year's programme (issued, adjusted once) and next year's (waiting for the leader),
and beside them plans of other kinds, followed up by other units, with tasks in every status."""

from __future__ import annotations

from django.utils import timezone

from doingoai.core.models import User
from doingoai.programs.exports import program_docx
from doingoai.programs.models import Pillar, Plan, PlanKind, PlanStatus, PlanTask, ProgressKind, TaskProgress
from doingoai.programs.selectors import program_tree, version_diff, walk_tree
from doingoai.reporting.models import ReportingPeriod


def test_demo_programmes(demo):
    today = timezone.localdate()
    current = Plan.objects.get(year=today.year, kind=PlanKind.PROGRAM)
    following = Plan.objects.get(year=today.year + 1, kind=PlanKind.PROGRAM)

    assert current.number.endswith("/CTr-UBND") and current.issued_on.year == today.year - 1
    nodes = list(walk_tree(program_tree(plan=current)))
    assert len(nodes) >= 30
    assert {n.item.pillar for n in nodes} == set(Pillar.values)
    assert [n.heading[:3] for n in program_tree(plan=current)] == ["I. ", "II.", "III", "IV."]
    assert any(n.label == "-" for n in nodes) and any(n.label == "a)" for n in nodes)
    assert any(n.item.lead_unit and n.item.coordinating_units.exists() for n in nodes)

    versions = list(current.versions.order_by("number"))
    if today > current.adjustment_deadline:
        assert current.status == PlanStatus.ADJUSTED and len(versions) == 2
        (outbound, inbound, *_) = version_diff(versions[0].snapshot, versions[1].snapshot)
        assert inbound.added and inbound.removed and inbound.changed
        assert outbound.empty
    else:
        assert current.status == PlanStatus.ISSUED and current.adjustment_open and len(versions) == 1

    assert following.status == PlanStatus.CONSOLIDATED and not following.versions.exists()
    assert following.tasks.count() >= 30
    assert program_docx(year=today.year).content.startswith(b"PK")
    _check_follow_up(today)  # one demo load (about 20 s) serves both checks


def _check_follow_up(today):
    running = Plan.objects.filter(year=today.year).exclude(status=PlanStatus.DRAFT)
    assert {PlanKind.PROGRAM, PlanKind.INFORMATION, PlanKind.NOTICE} <= set(running.values_list("kind", flat=True))
    assert running.values("coordinating_unit").distinct().count() >= 3

    information = running.get(kind=PlanKind.INFORMATION)
    assert information.committee is not None and information.committee.members.count() >= 5
    assert information.coordinating_unit == information.committee.standing_unit
    assert information.reporting and ReportingPeriod.objects.filter(plan=information).exists()

    tasks = PlanTask.objects.filter(plan__in=running, lead_unit__isnull=False)
    assert set(tasks.values_list("status", flat=True)) == {
        "not_started",
        "in_progress",
        "reported",
        "done",
        "cancelled",
    }
    assert any(task.is_overdue(today) for task in tasks)
    assert TaskProgress.objects.filter(kind=ProgressKind.REVIEW, text__startswith="Trả lại").exists()
    # progress is posted by the lead units' own officers, never in the future
    posted = TaskProgress.objects.filter(kind=ProgressKind.PROGRESS).select_related("task")
    assert posted.exists() and all(p.reported_on <= today for p in posted)
    assert any(p.unit_id == p.task.lead_unit_id and p.author.role == "unit_officer" for p in posted)
    for username in ("officer1", "officer2"):
        officer = User.objects.get(username=username)
        assert tasks.filter(lead_unit=officer.unit).exists(), username
    assert any(t.is_overdue(today) for t in tasks.filter(lead_unit=User.objects.get(username="officer2").unit))
