from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views import View

from doingoai.border import geo, selectors
from doingoai.border.models import MarkerInspection, MarkerStatus

# Bootstrap's colours of the status badges, for the map's points.
MAP_COLOURS = {"success": "#198754", "warning": "#e0a800", "danger": "#dc3545", "primary": "#0d6efd"}


class BorderMarkerMapView(LoginRequiredMixin, View):
    """The markers on the border map (ECharts), coloured by status; a click opens the marker."""

    def get(self, request: HttpRequest) -> HttpResponse:
        base = geo.border_map()
        colours = {value: MAP_COLOURS[MarkerStatus.__colours__[value]] for value in MarkerStatus.values}
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


class MarkerInspectionPhotoView(LoginRequiredMixin, View):
    """An inspection's photo, to those who may see the inspection (uploads are not served publicly)."""

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        inspection = get_object_or_404(MarkerInspection.objects.restrict(request.user, "view"), pk=pk)
        if not inspection.photo:
            raise Http404
        return FileResponse(inspection.photo.open("rb"), filename=inspection.photo.name.rsplit("/", 1)[-1])
