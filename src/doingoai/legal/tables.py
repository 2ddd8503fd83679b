from __future__ import annotations

import django_tables2 as tables

from doingoai.core.tables import DateColumn, RegistryTable, StatusColumn
from doingoai.legal.models import LegalDocument


class LegalDocumentTable(RegistryTable):
    number = tables.Column(linkify=True)
    issued_on = DateColumn(format="d/m/Y")
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = LegalDocument
        fields = ("kind", "number", "issued_on", "issuer", "title", "status")
