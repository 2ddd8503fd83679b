"""From a real programme file to the registries, through the real reader and extraction (no stand-ins).

Runs on the 2022 programme of ../shared/seeds; skipped when the seeds or the extraction are absent.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from doingoai.delegations.models import Delegation, DelegationStatus
from doingoai.imports.models import ImportStatus, PendingImport

pytest.importorskip("doingoai.documents.extract")
SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"
SEED_2022 = next(iter(sorted(SEEDS.glob("002_*.txt"))), None) if SEEDS.is_dir() else None
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(SEED_2022 is None, reason="../shared/seeds/002_*.txt is not here"),
]


@pytest.fixture
def refdata(refdata_for_the_module, db):
    pass


def test_the_2022_programme_is_imported_once_from_the_web(client_for, users, refdata):
    client = client_for("coordinator")
    file = SimpleUploadedFile("chuong-trinh-2022.txt", SEED_2022.read_bytes(), content_type="text/plain")
    response = client.post(reverse("imports:document_upload"), {"file": file, "year": "2022"})
    pending = PendingImport.objects.get()
    assert response.status_code == 302 and pending.status == ImportStatus.READY, pending.error
    review = client.get(pending.get_absolute_url())
    plan = review.context["plan"]
    out, inbound = plan.counts["delegations_out"][0], plan.counts["delegations_in"][0]
    assert out > 0 and inbound > 0 and plan.skipped == 0
    assert not Delegation.objects.exists()
    client.post(pending.get_absolute_url(), {"action": "confirm", "default_unit": users["coordinator"].unit.pk})
    assert Delegation.objects.filter(year=2022, direction="out", status=DelegationStatus.IN_PLAN).count() == out
    assert Delegation.objects.filter(year=2022, direction="in").count() == inbound

    file = SimpleUploadedFile("chuong-trinh-2022.txt", SEED_2022.read_bytes(), content_type="text/plain")
    client.post(reverse("imports:document_upload"), {"file": file, "year": "2022"})
    again = client.get(PendingImport.objects.latest("pk").get_absolute_url()).context["plan"]
    assert again.to_create == 0 and again.skipped == plan.to_create


def test_the_import_command_on_the_2022_programme(users, refdata):
    out = io.StringIO()
    call_command("import", str(SEED_2022), "--year", "2022", "--dry-run", stdout=out)
    assert "Chạy thử" in out.getvalue() and not Delegation.objects.exists()
    call_command("import", str(SEED_2022), "--year", "2022", stdout=io.StringIO())
    created = Delegation.objects.count()
    assert created > 0
    out = io.StringIO()
    call_command("import", str(SEED_2022), "--year", "2022", stdout=out)
    assert "tạo 0 bản ghi" in out.getvalue() and Delegation.objects.count() == created
