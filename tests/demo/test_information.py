"""The demo's external-information work: products at every stage in several languages, a handled and an open
false-information case, press releases, next year's calendar, and a member's report sent late."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from doingoai.core.models import User
from doingoai.infowork.models import FalseInfoCase, InfoProduct, InfoProductVersion, PressRelease
from doingoai.infowork.selectors import commemorations_for_year
from doingoai.programs.models import Plan
from doingoai.reporting import committee
from doingoai.reporting.models import UnitReport


def test_demo_external_information(demo):
    statuses = set(InfoProduct.objects.values_list("status", flat=True))
    assert {"planned", "drafted", "reviewed", "published"} <= statuses
    assert InfoProduct.objects.filter(status="planned", status_note__gt="").exists()  # returned for revision
    assert len(set(InfoProductVersion.objects.values_list("language", flat=True))) >= 6
    assert InfoProduct.objects.filter(plan_task__isnull=False).exists()
    assert set(FalseInfoCase.objects.values_list("status", flat=True)) == {"closed", "detected"}
    assert PressRelease.objects.filter(status="issued", press_visit__isnull=False).exists()
    next_year = commemorations_for_year(year=timezone.localdate().year + 1)
    assert any(o.greetings for o in next_year) and any(o.round for o in next_year)
    reports = UnitReport.objects.filter(period__plan__kind="information", first_submitted_at__isnull=False)
    on_time = [r.submitted_on_time() for r in reports]
    assert True in on_time  # this month's, sent before the 20th
    if timezone.localdate().month > 1:
        assert False in on_time  # last month's, sent after its due date
    # the committee's past periods: members on time, late and never, nothing sent in the future
    assert not UnitReport.objects.filter(first_submitted_at__gt=timezone.now()).exists()
    plan = Plan.objects.get(kind="information", year=timezone.localdate().year)
    standing = User.objects.get(username="canbo_bantgdv")
    r = committee.plan_reporting(plan=plan, user=standing, read_as=None)
    states = {s.state for m in r.members for s in m.submissions}
    assert {"on_time", "late"} <= states and len(r.periods) >= 2
    assert all(s.submitted_on <= timezone.localdate() for m in r.members for s in m.submissions if s.submitted_on)
    client = Client()
    client.force_login(standing)
    assert "Tỷ lệ đúng hạn" in client.get(f"/reports/plans/{plan.pk}/").content.decode()
    assert "External Information Bulletin" in Client().get("/infowork/public/", {"lang": "en"}).content.decode()
