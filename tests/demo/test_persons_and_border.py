"""The demo data of the diaspora, consular and border registries (loaded with the whole demo province)."""

from __future__ import annotations

from doingoai.border.models import BorderGate, BorderMarker
from doingoai.consular.models import ApecCardApplication, CitizenCase, ForeignPressVisit
from doingoai.consular.selectors import apec_cards_to_be_returned
from doingoai.core.models import User
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.persons.models import ErasureRecord, PersonalDataAccess


def test_demo_persons_cases_cards_press_and_border(demo):
    officer1, officer2, coordinator = (User.objects.get(username=u) for u in ("officer1", "officer2", "coordinator"))

    persons = OverseasVietnamese.objects.all()
    assert persons.count() >= 12 and DiasporaAssociation.objects.count() >= 4
    assert all("Thử" in p.full_name for p in persons if not p.is_erased)  # invented people, and visibly so
    assert all(p.email.endswith("@example.org") and p.phone.startswith("0000") for p in persons if not p.is_erased)
    for officer in (officer1, officer2):
        own = OverseasVietnamese.objects.restrict(officer, "view")
        assert own.exists() and set(own.values_list("recording_unit", flat=True)) == {officer.unit_id}
    assert persons.filter(consent_withdrawn_on__isnull=False).exists()
    erased = persons.get(erased_at__isnull=False)
    assert erased.full_name == "" and ErasureRecord.objects.filter(object_id=erased.pk).exists()
    assert PersonalDataAccess.objects.filter(action="view").exists()

    assert set(CitizenCase.objects.values_list("status", flat=True)) == {"open", "in_progress", "closed"}
    assert CitizenCase.objects.filter(sensitive=True).exists()
    assert CitizenCase.objects.restrict(officer2, "view").exists()
    statuses = set(ApecCardApplication.objects.values_list("status", flat=True))
    assert {"draft", "submitted", "approved", "refused", "card_issued", "returned"} <= statuses
    assert apec_cards_to_be_returned(user=coordinator).count() == 1
    assert {"done", "approved", "proposed", "draft", "cancelled"} <= set(
        ForeignPressVisit.objects.values_list("status", flat=True)
    )

    markers = BorderMarker.objects.all()
    assert markers.count() >= 30 and BorderGate.objects.count() >= 4
    assert {"405(1)", "397(2)", "390", "397/7(1)"} <= set(markers.values_list("number", flat=True))
    assert {"good", "damaged", "destroyed", "rebuilt"} <= set(markers.values_list("status", flat=True))
    for marker in markers:
        latest = marker.inspections.order_by("-inspected_on", "-id").first()
        assert latest is not None and marker.status == latest.status_found
        assert marker.last_inspected_on == latest.inspected_on
    assert all(m.facing_province is not None for m in markers)
