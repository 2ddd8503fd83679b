from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy

from doingoai.conferences.models import Conference
from doingoai.core.tables import ManyColumn, RegistryTable, StatusColumn


class ConferenceTable(RegistryTable):
    title = tables.Column(linkify=True)
    countries = ManyColumn(verbose_name=gettext_lazy("Nước"))
    time_text = tables.Column(verbose_name=gettext_lazy("Thời gian"), order_by=("month_mask", "time_text"))
    authority = tables.Column(
        verbose_name=gettext_lazy("Thẩm quyền cho phép"),
        empty_values=(),
        orderable=False,
        accessor="required_authority__label",
    )
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = Conference
        fields = ("year", "title", "form", "countries", "time_text", "authority", "organising_unit", "status")
