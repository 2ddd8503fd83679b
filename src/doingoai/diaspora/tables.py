from __future__ import annotations

import django_tables2 as tables

from doingoai.core.tables import RegistryTable
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.persons.tables import MaskedColumn, PersonTitleColumn


class OverseasVietnameseTable(RegistryTable):
    full_name = PersonTitleColumn(empty_values=())
    phone = MaskedColumn()
    email = MaskedColumn()

    class Meta(RegistryTable.Meta):
        model = OverseasVietnamese
        fields = (
            "full_name",
            "birth_year",
            "country",
            "city",
            "phone",
            "email",
            "association",
            "recording_unit",
        )


class DiasporaAssociationTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = DiasporaAssociation
        fields = ("name", "country", "city", "leader", "members_count", "phone", "email")
