"""The demo province has this year's programme (issued, adjusted once) and next year's (waiting for the leader)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from doingoai.programs.exports import program_docx
from doingoai.programs.models import Pillar, Plan, PlanStatus
from doingoai.programs.selectors import program_tree, version_diff, walk_tree


@pytest.mark.django_db
def test_demo_programmes(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("load_demo", stdout=io.StringIO())
    today = timezone.localdate()
    current = Plan.objects.get(year=today.year)
    following = Plan.objects.get(year=today.year + 1)

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
