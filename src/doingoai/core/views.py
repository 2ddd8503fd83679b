"""The health check and the look-ups of the reference registries (whose pages come from reference_registry.py)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.views import View

from doingoai.core.models import ListExport, ListExportStatus, Partner, Unit
from doingoai.reference.text import search_key


def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers (for the proxy and monitoring); 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return JsonResponse({"status": "error", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok"})


LOOKUP_LIMIT = 50


class LookupView(LoginRequiredMixin, View):
    """`/units/lookup/?q=`, `/partners/lookup/?q=`: the options of a `LookupSelect` (at most 50, by name); with
    `&format=json`, `{"results": [{"value", "text"}]}` for the forms' searchable selects (`core.widgets`)."""

    model: type[Unit] | type[Partner] = Unit

    def get(self, request: HttpRequest) -> HttpResponse:
        text = request.GET.get("q", "").strip()[:100]
        rows: QuerySet
        if self.model is Partner:
            rows = Partner.objects.restrict(request.user, "view").select_related("country")
            for word in search_key(text).split():
                rows = rows.filter(search_text__contains=word)
        elif self.model is Unit:
            rows = Unit.objects.restrict(request.user, "view")
            for word in text.split():
                rows = rows.filter(Q(name__icontains=word) | Q(short_name__icontains=word))
        else:
            raise Http404
        found = list(rows.order_by("name")[:LOOKUP_LIMIT]) if text else []
        if request.GET.get("format") == "json":  # the searchable selects of the edit forms (core.widgets)
            return JsonResponse({"results": [{"value": str(o.pk), "text": str(o)} for o in found]})
        options = format_html_join("", '<option value="{}">{}</option>', ((o.pk, str(o)) for o in found))
        empty = gettext("Tất cả") if found or not text else gettext("Không tìm thấy — gõ tên khác")
        return HttpResponse(format_html('<option value="">{}</option>{}', empty, options))


class ListExportView(LoginRequiredMixin, View):
    """A long list export's page: its progress (polled), then the download link. Only its owner sees it."""

    partial = False

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        export = get_object_or_404(ListExport, pk=pk, requested_by_id=request.user.pk)
        template = "core/_list_export_status.html" if self.partial else "core/list_export.html"
        return render(request, template, {"export": export})


class ListExportDownloadView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        export = get_object_or_404(ListExport, pk=pk, requested_by_id=request.user.pk, status=ListExportStatus.DONE)
        try:
            handle = export.file.open("rb")
        except (FileNotFoundError, ValueError) as exc:
            raise Http404(gettext("Tệp không còn trên máy chủ.")) from exc
        return FileResponse(
            handle,
            as_attachment=True,
            filename=export.file.name.rsplit("/", 1)[-1],
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
