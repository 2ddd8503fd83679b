"""The demo's external-information work: products at every stage in several languages, a handled and an open
false-information case, press releases, next year's calendar, and a member's report sent late."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from doingoai.infowork.models import FalseInfoCase, InfoProduct, InfoProductVersion, PressRelease
from doingoai.infowork.selectors import commemorations_for_year
from doingoai.reporting.models import UnitReport


@pytest.mark.django_db
def test_demo_external_information(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("load_demo", stdout=io.StringIO())
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
    assert "External Information Bulletin" in Client().get("/infowork/public/", {"lang": "en"}).content.decode()
