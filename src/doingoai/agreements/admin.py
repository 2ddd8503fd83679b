"""Administration of international agreements (ordinary Django admin; status changes go through the workflow)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.agreements.models import Agreement


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("year", "title", "type", "country", "partner", "time_text", "proposing_unit", "signed_on", "status")
    list_display_links = ("title",)
    list_filter = ("year", "country", "status")
    list_per_page = 25
    list_select_related = ("country", "partner__country", "proposing_unit")
    search_fields = ("title", "partner_text")
    autocomplete_fields = ("proposing_unit", "country", "partner")
    readonly_fields = ("status",)
