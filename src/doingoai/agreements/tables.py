from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy

from doingoai.agreements.models import Agreement, AgreementAction
from doingoai.core.tables import RegistryTable, StatusColumn


class AgreementTable(RegistryTable):
    title = tables.Column(linkify=True)
    time_text = tables.Column(verbose_name=gettext_lazy("Thời điểm dự kiến"), order_by=("month_mask", "time_text"))
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = Agreement
        fields = ("year", "title", "type", "country", "partner", "time_text", "proposing_unit", "signed_on", "status")


class AgreementActionTable(RegistryTable):
    title = tables.Column(linkify=True)
    agreement = tables.Column(linkify=True)
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = AgreementAction
        fields = ("title", "agreement", "owner_unit", "due_on", "status", "done_on")
