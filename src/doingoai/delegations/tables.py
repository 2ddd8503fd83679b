from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from doingoai.core.tables import ManyColumn, RegistryTable, StatusColumn
from doingoai.delegations.models import Delegation


class DelegationTable(RegistryTable):
    name = tables.Column(linkify=True, verbose_name=gettext_lazy("Tên đoàn"))
    direction = tables.Column(verbose_name=gettext_lazy("Loại"))
    countries = ManyColumn(verbose_name=gettext_lazy("Nước"))
    time_text = tables.Column(verbose_name=gettext_lazy("Thời gian"), order_by=("month_mask", "time_text"))
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = Delegation
        fields = (
            "year",
            "direction",
            "name",
            "head",
            "size",
            "countries",
            "time_text",
            "funding_source",
            "proposing_unit",
            "status",
        )

    def render_head(self, value: Any) -> str:
        return format_html('<span class="small">{}</span>', value)
