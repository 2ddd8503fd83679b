from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy

from doingoai.border.models import BorderGate, BorderMarker, MarkerInspection, MarkerStatus
from doingoai.core.tables import DateColumn, RegistryTable


def status_badge(value: str, label: str) -> Any:
    colour = MarkerStatus.__colours__.get(value, "secondary")
    return format_html('<span class="badge text-bg-{}">{}</span>', colour, label)


class BorderMarkerTable(RegistryTable):
    number = tables.Column(linkify=True, order_by=("sort_key",))
    facing = tables.Column(verbose_name=gettext_lazy("Tỉnh đối diện"), accessor="facing_province_name", orderable=False)
    status = tables.Column()
    last_inspected_on = DateColumn(format="d/m/Y")

    class Meta(RegistryTable.Meta):
        model = BorderMarker
        fields = (
            "number",
            "kind",
            "commune",
            "district",
            "facing",
            "latitude",
            "longitude",
            "status",
            "last_inspected_on",
        )

    def render_status(self, value: str, record: BorderMarker) -> Any:
        return status_badge(record.status, record.get_status_display())


class BorderGateTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = BorderGate
        fields = ("name", "gate_class", "commune", "facing_gate", "facing_province", "upgrade_status", "upgrade_to")


class MarkerInspectionTable(RegistryTable):
    inspected_on = DateColumn(format="d/m/Y", linkify=True)
    marker = tables.Column(linkify=True, order_by=("marker__sort_key",))
    status_found = tables.Column()
    photo = tables.Column(verbose_name=gettext_lazy("Ảnh"), orderable=False, empty_values=())

    class Meta(RegistryTable.Meta):
        model = MarkerInspection
        fields = ("inspected_on", "marker", "inspector_unit", "status_found", "note", "photo")

    def render_status_found(self, value: str, record: MarkerInspection) -> Any:
        return status_badge(record.status_found, record.get_status_found_display())

    def render_photo(self, record: MarkerInspection) -> Any:
        return format_html('<i class="bi bi-camera" title="{}"></i>', gettext("Có ảnh")) if record.photo else ""
