"""Administration of conferences (ordinary Django admin; status changes go through the workflow pages)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from doingoai.conferences.models import Conference


@admin.register(Conference)
class ConferenceAdmin(SimpleHistoryAdmin):
    list_display = ("year", "title", "form", "country_names", "time_text", "organising_unit", "status")
    list_display_links = ("title",)
    list_filter = ("year", "countries", "status")
    list_per_page = 25
    list_select_related = ("organising_unit",)
    search_fields = ("title", "partner_text", "place")
    autocomplete_fields = ("organising_unit", "countries", "partners")
    readonly_fields = ("status",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description="Nước")
    def country_names(self, obj: Conference) -> str:
        return ", ".join(c.name_vi for c in obj.countries.all())
