from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.forms import ModelForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views import View

from doingoai.border import filters, forms, geo, selectors, services, tables
from doingoai.border.models import BorderGate, BorderMarker, MarkerInspection, MarkerStatus
from doingoai.border.tables import MARKER_COLOURS
from doingoai.core import generic, permissions

MARKERS = BorderMarker.objects.select_related("facing_province")
GATES = BorderGate.objects.select_related("facing_province")
INSPECTIONS = MarkerInspection.objects.select_related("marker", "inspector_unit")
# Bootstrap's colours of the status badges, for the map's points.
MAP_COLOURS = {"success": "#198754", "warning": "#e0a800", "danger": "#dc3545", "primary": "#0d6efd"}
MARKER_FIELDS = [
    "number",
    "kind",
    "commune",
    "district",
    "facing_province",
    "facing_province_text",
    "latitude",
    "longitude",
    "status",
    "last_inspected_on",
    "note",
]


class BorderMarkerListView(generic.ObjectListView):
    queryset = MARKERS
    filterset_class = filters.BorderMarkerFilterSet
    table_class = tables.BorderMarkerTable
    extra_buttons_template = "border/_map_button.html"
    export_fields = MARKER_FIELDS
    paginate_by = 50


class BorderMarkerDetailView(generic.ObjectDetailView):
    queryset = MARKERS
    detail_fields = MARKER_FIELDS
    extra_template = "border/_marker_extra.html"

    def extra_context(self, obj: BorderMarker) -> dict[str, Any]:
        return {
            "inspections": selectors.marker_inspections(marker=obj, user=self.request.user),
            "can_inspect": permissions.can_create(self.request.user, MarkerInspection),
        }


class BorderMarkerEditView(generic.ObjectEditView):
    queryset = BorderMarker.objects.all()
    form_class = forms.BorderMarkerForm


class BorderMarkerDeleteView(generic.ObjectDeleteView):
    queryset = BorderMarker.objects.all()


class BorderMarkerMapView(LoginRequiredMixin, View):
    """The markers on the border map (ECharts), coloured by status; a click opens the marker."""

    def get(self, request: HttpRequest) -> HttpResponse:
        base = geo.border_map()
        colours = {value: MAP_COLOURS[MARKER_COLOURS[value]] for value in MarkerStatus.values}
        ctx = {
            "base_map": base["geojson"],
            "bbox": base["bbox"],
            "points": selectors.marker_map_points(user=request.user),
            "gates": selectors.gate_map_points(user=request.user),
            "statuses": [
                {"value": v, "label": label, "count": n, "colour": colours[v]}
                for v, label, n in selectors.marker_status_counts(user=request.user)
            ],
        }
        return render(request, "border/marker_map.html", ctx)


class BorderGateListView(generic.ObjectListView):
    queryset = GATES
    filterset_class = filters.BorderGateFilterSet
    table_class = tables.BorderGateTable


class BorderGateDetailView(generic.ObjectDetailView):
    queryset = GATES


class BorderGateEditView(generic.ObjectEditView):
    queryset = BorderGate.objects.all()
    form_class = forms.BorderGateForm


class BorderGateDeleteView(generic.ObjectDeleteView):
    queryset = BorderGate.objects.all()


class MarkerInspectionListView(generic.ObjectListView):
    queryset = INSPECTIONS
    filterset_class = filters.MarkerInspectionFilterSet
    table_class = tables.MarkerInspectionTable


class MarkerInspectionDetailView(generic.ObjectDetailView):
    queryset = INSPECTIONS
    detail_fields = ["marker", "inspected_on", "inspector_unit", "status_found", "note"]
    extra_template = "border/_inspection_extra.html"


class MarkerInspectionEditView(generic.ObjectEditView):
    """The marker's status follows the inspection: saved through the border service."""

    queryset = MarkerInspection.objects.all()
    form_class = forms.MarkerInspectionForm

    def get_form(self, obj: Any, data: Any = None) -> ModelForm:
        form = super().get_form(obj, data)
        marker = self.request.GET.get("marker", "")
        if obj.pk is None and data is None and marker.isdigit():
            form.initial["marker"] = int(marker)
        return form

    def save_form(self, form: ModelForm, expected_version: int | None) -> Any:
        return services.marker_inspection_save(form=form, by=self.request.user, expected_version=expected_version)


class MarkerInspectionDeleteView(generic.ObjectDeleteView):
    queryset = MarkerInspection.objects.all()

    def delete_object(self, obj: Any) -> None:
        services.marker_inspection_delete(obj=obj, by=self.request.user)


class MarkerInspectionPhotoView(LoginRequiredMixin, View):
    """An inspection's photo, to those who may see the inspection (uploads are not served publicly)."""

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        inspection = get_object_or_404(MarkerInspection.objects.restrict(request.user, "view"), pk=pk)
        if not inspection.photo:
            raise Http404
        return FileResponse(inspection.photo.open("rb"), filename=inspection.photo.name.rsplit("/", 1)[-1])
