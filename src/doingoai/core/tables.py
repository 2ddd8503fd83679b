"""Tables: sortable columns, links to the detail page, status badges."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html

from doingoai.core.choices import StatusChoices
from doingoai.core.models import AdministrativeUnit, Country, DiplomaticRelation, Partner, Unit


class StatusColumn(tables.Column):
    def render(self, value: Any, record: Any) -> str:
        return format_html(
            '<span class="badge text-bg-{}">{}</span>',
            StatusChoices.colours_for(type(record)).get(record.status, "secondary"),
            record.get_status_display(),
        )

    def value(self, record: Any, value: Any) -> str:
        return record.get_status_display()


class ManyColumn(tables.ManyToManyColumn):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("orderable", False)
        super().__init__(separator=", ", **kwargs)


class RegistryTable(tables.Table):
    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle mb-0"}
        per_page = 25


class UnitTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = Unit
        fields = ("name", "short_name", "kind", "parent", "is_coordinator", "active_to")


class PartnerTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = Partner
        fields = ("name", "kind", "country", "friendship_since", "mou_since")


class CountryTable(RegistryTable):
    name_vi = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = Country
        fields = ("code", "name_vi", "name_en", "region")


class DiplomaticRelationTable(RegistryTable):
    # The country's one Vietnamese name (Country.name_vi), as on every other page.
    name_vi = tables.Column(linkify=True, accessor="display_name", order_by=("name_vi",))

    class Meta(RegistryTable.Meta):
        model = DiplomaticRelation
        fields = ("code", "name_vi", "established_on", "confidence")


class AdministrativeUnitTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = AdministrativeUnit
        fields = ("name", "kind", "code", "province", "former_province")
