"""Writes of the border registries: a marker's status follows its latest dated inspection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from doingoai.border.models import BorderMarker, MarkerInspection
from doingoai.core import permissions
from doingoai.core.choices import Role
from doingoai.core.i18n import vietnamese_display
from doingoai.core.services import object_create, object_delete, object_update
from doingoai.core.workflow import StepPermissionDenied, WorkflowError, record_event, save_tracked


def marker_status_refresh(*, marker: BorderMarker, by: Any) -> BorderMarker:
    """Set the marker's status and last inspection date from its latest inspection (by date, then entry).

    A marker without inspections keeps the status it was recorded with. The change is kept in the history and
    as a business event, attributed to the user whose inspection caused it.
    """
    fresh = BorderMarker.objects.select_for_update().get(pk=marker.pk)
    latest = fresh.inspections.order_by("-inspected_on", "-id").first()
    if latest is None:
        if fresh.last_inspected_on is None:
            return fresh
        fresh.last_inspected_on = None  # its only inspections were deleted
        return save_tracked(fresh, by=by, reason=gettext_noop("Cập nhật theo kết quả kiểm tra"))
    if fresh.status == latest.status_found and fresh.last_inspected_on == latest.inspected_on:
        return fresh
    before = fresh.get_status_display()
    fresh.status = latest.status_found
    fresh.last_inspected_on = latest.inspected_on
    save_tracked(fresh, by=by, reason=gettext_noop("Cập nhật theo kết quả kiểm tra"))
    record_event(
        obj=fresh,
        verb="status_from_inspection",
        summary=f"Tình trạng theo lần kiểm tra ngày {latest.inspected_on:%d/%m/%Y}: {before} → "
        f"{vietnamese_display(fresh, 'status')}",
        actor=by,
        data={"inspection": latest.pk},
    )
    return fresh


def _check_date(inspected_on: dt.date) -> None:
    if inspected_on > timezone.localdate():
        raise WorkflowError(gettext("Ngày kiểm tra không được sau ngày hôm nay."))


@transaction.atomic
def marker_inspection_record(
    *,
    marker: BorderMarker,
    by: Any,
    inspected_on: dt.date,
    inspector_unit: Any,
    status_found: str,
    note: str = "",
) -> MarkerInspection:
    """Record an inspection of a marker (without a photo) and update the marker's status."""
    _check_date(inspected_on)
    inspection = MarkerInspection(
        marker=marker, inspected_on=inspected_on, inspector_unit=inspector_unit, status_found=status_found, note=note
    )
    role = permissions.role_of(by)
    own_unit = role == Role.UNIT_OFFICER and inspector_unit.pk == by.unit_id
    if role not in permissions.WRITE_ALL_ROLES and not own_unit:
        raise StepPermissionDenied(
            gettext("Chỉ đơn vị kiểm tra (hoặc cơ quan điều phối) được ghi kết quả kiểm tra của mình.")
        )
    if not permissions.competent(by, MarkerInspection):
        raise StepPermissionDenied(permissions.not_competent_message(MarkerInspection))
    save_tracked(inspection, by=by, reason=gettext_noop("Tạo mới"))
    record_event(obj=inspection, verb="created", summary=f"Tạo mới: {inspection}", actor=by)
    marker_status_refresh(marker=marker, by=by)
    return inspection


@transaction.atomic
def marker_inspection_create(*, by: Any, values: Mapping[str, Any]) -> MarkerInspection:
    """Record an inspection from validated values (web form, API); the marker's status follows."""
    _check_date(values["inspected_on"])
    inspection: Any = object_create(model=MarkerInspection, by=by, values=values)
    marker_status_refresh(marker=inspection.marker, by=by)
    return inspection


@transaction.atomic
def marker_inspection_update(
    *, inspection: MarkerInspection, by: Any, values: Mapping[str, Any], expected_version: int | None
) -> MarkerInspection:
    """Correct an inspection; the markers it concerns (before and after) follow."""
    previous_marker_id = MarkerInspection.objects.filter(pk=inspection.pk).values_list("marker_id", flat=True).first()
    _check_date(values.get("inspected_on", inspection.inspected_on))
    saved: Any = object_update(obj=inspection, by=by, values=values, expected_version=expected_version)
    marker_status_refresh(marker=saved.marker, by=by)
    if previous_marker_id and previous_marker_id != saved.marker_id:
        marker_status_refresh(marker=BorderMarker.objects.get(pk=previous_marker_id), by=by)
    return saved


@transaction.atomic
def marker_inspection_delete(*, obj: MarkerInspection, by: Any) -> None:
    """Delete an inspection entered by mistake; the marker's status goes back to the latest remaining one."""
    marker = obj.marker
    object_delete(obj=obj, by=by)
    marker_status_refresh(marker=marker, by=by)
