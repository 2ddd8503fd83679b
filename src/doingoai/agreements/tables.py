from __future__ import annotations

import django_tables2 as tables

from doingoai.agreements.models import Agreement
from doingoai.core.tables import RegistryTable, StatusColumn


class AgreementTable(RegistryTable):
    title = tables.Column(linkify=True)
    time_text = tables.Column(verbose_name="Thời điểm dự kiến", order_by=("month_mask", "time_text"))
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = Agreement
        fields = ("year", "title", "type", "country", "partner", "time_text", "proposing_unit", "signed_on", "status")
