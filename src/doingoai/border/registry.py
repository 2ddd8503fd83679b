"""National border markers and gates (reference data), and the inspections of markers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.border import filters, forms, selectors, services, tables
from doingoai.border.models import BorderGate, BorderMarker, MarkerInspection
from doingoai.core import permissions
from doingoai.core.registry import Api, Menu, MenuLink, Registry, ReportFigure, Search, menu_links, register

MARKER_FIELDS = [
    "number",
    "kind",
    "commune",
    "district",
    "admin_commune",
    "facing_province",
    "facing_province_text",
    "latitude",
    "longitude",
    "status",
    "last_inspected_on",
    "note",
]


@register
class BorderMarkerRegistry(Registry):
    model = BorderMarker
    path = "markers/"
    queryset = BorderMarker.objects.select_related("facing_province", "admin_commune")
    form = forms.BorderMarkerForm
    filterset = filters.BorderMarkerFilterSet
    table = tables.BorderMarkerTable
    paginate_by = 50
    detail_fields = MARKER_FIELDS
    export_fields = MARKER_FIELDS
    detail_template = "border/_marker_extra.html"
    list_buttons_template = "border/_map_button.html"
    menu = Menu("consular", pgettext_lazy("menu", "Mốc quốc giới, cọc dấu"), order=60, divider_before=True)
    search = Search(
        fields=["number", "kind", "commune", "district", "facing_province", "facing_province_text", "status", "note"],
        order=70,
    )
    api = Api("border-markers")

    def detail_context(self, obj: BorderMarker, request: Any) -> dict[str, Any]:
        return {
            "inspections": selectors.marker_inspections(marker=obj, user=request.user),
            "can_inspect": permissions.can_create(request.user, MarkerInspection),
        }


@register
class BorderGateRegistry(Registry):
    model = BorderGate
    path = "gates/"
    queryset = BorderGate.objects.select_related("facing_province")
    form = forms.BorderGateForm
    filterset = filters.BorderGateFilterSet
    table = tables.BorderGateTable
    menu = Menu("consular", pgettext_lazy("menu", "Cửa khẩu, lối mở"), order=63)
    search = Search(
        fields=[
            "name",
            "gate_class",
            "commune",
            "district",
            "facing_gate",
            "facing_province",
            "upgrade_status",
            "note",
        ],
        order=71,
    )
    api = Api("border-gates")


@register
class MarkerInspectionRegistry(Registry):
    """The marker's status follows its latest inspection: saved and deleted through the border services."""

    model = MarkerInspection
    path = "inspections/"
    queryset = MarkerInspection.objects.select_related("marker", "inspector_unit")
    form = forms.MarkerInspectionForm
    filterset = filters.MarkerInspectionFilterSet
    table = tables.MarkerInspectionTable
    detail_fields = ["marker", "inspected_on", "inspector_unit", "status_found", "note"]
    detail_template = "border/_inspection_extra.html"
    menu = Menu("consular", pgettext_lazy("menu", "Kiểm tra mốc"), order=62)
    api = Api("marker-inspections")
    report = ReportFigure(gettext_lazy("Kiểm tra mốc quốc giới"), "inspected_on", gettext_lazy("đã kiểm tra"), order=90)

    def create(self, *, by: Any, values: Mapping[str, Any]) -> Any:
        return services.marker_inspection_create(by=by, values=values)

    def update(self, *, obj: Any, by: Any, values: Mapping[str, Any], expected_version: int | None) -> Any:
        return services.marker_inspection_update(
            inspection=obj, by=by, values=values, expected_version=expected_version
        )

    def delete(self, *, obj: Any, by: Any) -> None:
        services.marker_inspection_delete(obj=obj, by=by)

    def form_initial(self, request: Any) -> dict[str, Any]:
        marker = request.GET.get("marker", "")
        return {"marker": int(marker)} if marker.isdigit() else {}


menu_links(
    MenuLink("consular", pgettext_lazy("menu", "Bản đồ mốc quốc giới"), "border:bordermarker_map", order=61),
)
