from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.border import services
from doingoai.border.models import BorderMarker
from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from tests.factories import BorderMarkerFactory

pytestmark = pytest.mark.django_db


def record(marker, by, day, status, unit=None):
    return services.marker_inspection_record(
        marker=marker, by=by, inspected_on=day, inspector_unit=unit or by.unit, status_found=status
    )


def test_status_follows_the_latest_dated_inspection(users):
    marker = BorderMarkerFactory(number="405(1)", status="good")
    officer = users["officer2"]
    record(marker, officer, dt.date(2025, 6, 1), "damaged")
    marker.refresh_from_db()
    assert marker.status == "damaged" and marker.last_inspected_on == dt.date(2025, 6, 1)
    # an older inspection entered later does not override the newer one
    record(marker, officer, dt.date(2025, 1, 10), "good")
    marker.refresh_from_db()
    assert marker.status == "damaged"
    record(marker, users["coordinator"], dt.date(2025, 9, 1), "rebuilt", unit=officer.unit)
    marker.refresh_from_db()
    assert marker.status == "rebuilt" and marker.last_inspected_on == dt.date(2025, 9, 1)
    events = BusinessEvent.objects.filter(
        content_type__model="bordermarker", object_id=marker.pk, verb="status_from_inspection"
    )
    assert events.count() == 2
    history = marker.history.order_by("history_date", "history_id")
    assert [h.status for h in history] == ["good", "damaged", "rebuilt"]
    assert history.last().history_user == users["coordinator"]


def test_deleting_the_latest_inspection_goes_back_to_the_previous_one(users):
    marker = BorderMarkerFactory()
    officer = users["officer2"]
    record(marker, officer, dt.date(2025, 3, 1), "damaged")
    latest = record(marker, officer, dt.date(2025, 4, 1), "destroyed")
    services.marker_inspection_delete(obj=latest, by=officer)
    marker.refresh_from_db()
    assert marker.status == "damaged" and marker.last_inspected_on == dt.date(2025, 3, 1)


def test_who_may_record_an_inspection(users):
    marker = BorderMarkerFactory()
    with pytest.raises(StepPermissionDenied):
        record(marker, users["officer1"], dt.date(2025, 3, 1), "good", unit=users["officer2"].unit)
    with pytest.raises(StepPermissionDenied):
        record(marker, users["leader"], dt.date(2025, 3, 1), "good", unit=users["officer2"].unit)
    with pytest.raises(WorkflowError, match="sau ngày hôm nay"):
        record(marker, users["officer2"], timezone.localdate() + dt.timedelta(days=1), "good")
    assert not BorderMarker.objects.get(pk=marker.pk).inspections.exists()
