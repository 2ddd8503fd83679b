"""Administration of delegations: the ordinary Django admin (the administrator's tool, and the peer the list of
`/delegations/` is measured against in bench/bench_national.py). Status changes go through the workflow of
`/delegations/`, so the status is read-only here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from doingoai.delegations.models import Delegation


@admin.register(Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    # The columns, filters and page size of the list at /delegations/ (tables.DelegationTable).
    list_display = (
        "year",
        "direction",
        "name",
        "head",
        "size",
        "country_names",
        "time_text",
        "funding_source",
        "proposing_unit",
        "status",
    )
    list_display_links = ("name",)
    list_filter = ("year", "countries", "status")
    list_per_page = 25
    list_select_related = ("proposing_unit",)
    search_fields = ("name", "head", "partner_text")
    autocomplete_fields = ("proposing_unit", "countries", "partners")
    readonly_fields = ("status",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description="Nước")
    def country_names(self, obj: Delegation) -> str:
        return ", ".join(c.name_vi for c in obj.countries.all())
