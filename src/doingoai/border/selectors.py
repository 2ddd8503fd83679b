"""Reads of the border registries shared by the lists, the map and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from doingoai.border.models import BorderGate, BorderMarker, MarkerInspection, MarkerStatus


def marker_list(*, user: Any) -> QuerySet[BorderMarker]:
    return BorderMarker.objects.restrict(user, "view").select_related("facing_province")


def gate_list(*, user: Any) -> QuerySet[BorderGate]:
    return BorderGate.objects.restrict(user, "view").select_related("facing_province")


def marker_inspections(*, marker: BorderMarker, user: Any) -> QuerySet[MarkerInspection]:
    return MarkerInspection.objects.restrict(user, "view").filter(marker=marker).select_related("inspector_unit")


def marker_status_counts(*, user: Any) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, in the order of MarkerStatus."""
    counts = dict(marker_list(user=user).values_list("status").annotate(n=Count("id")))
    return [(value, str(label), counts.get(value, 0)) for value, label in MarkerStatus.choices]


def marker_map_points(*, user: Any) -> list[dict[str, Any]]:
    """Markers with coordinates, as the map plots them (one series per status)."""
    return [
        {
            "name": m.number,
            "value": [float(m.longitude), float(m.latitude)],  # type: ignore[arg-type]
            "status": m.status,
            "kind": m.get_kind_display(),
            "commune": m.commune,
            "facing": m.facing_province_name,
            "inspected": f"{m.last_inspected_on:%d/%m/%Y}" if m.last_inspected_on else "",
            "url": m.get_absolute_url(),
        }
        for m in marker_list(user=user).filter(latitude__isnull=False, longitude__isnull=False)
    ]


def gate_map_points(*, user: Any) -> list[dict[str, Any]]:
    return [
        {
            "name": str(g),
            "value": [float(g.longitude), float(g.latitude)],  # type: ignore[arg-type]
            "facing": g.facing_gate,
            "upgrade": g.get_upgrade_status_display() if g.upgrade_status != "none" else "",
            "url": g.get_absolute_url(),
        }
        for g in gate_list(user=user).filter(latitude__isnull=False, longitude__isnull=False)
    ]
