from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy

from doingoai.core.tables import RegistryTable, StatusColumn
from doingoai.people.models import ForeignStudent, ForeignWorker
from doingoai.persons.tables import MaskedColumn, PersonTitleColumn


class ForeignStudentTable(RegistryTable):
    full_name = PersonTitleColumn(empty_values=())
    phone = MaskedColumn()
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = ForeignStudent
        fields = (
            "full_name", "country", "school", "programme", "level", "scholarship", "start_year", "end_year", "phone",
            "status",
        )  # fmt: skip


class ForeignWorkerTable(RegistryTable):
    full_name = PersonTitleColumn(empty_values=())
    employer = tables.Column(gettext_lazy("Cơ quan, tổ chức"), accessor="employer_display", orderable=False)
    phone = MaskedColumn()
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = ForeignWorker
        fields = (
            "full_name", "country", "category", "employer", "role", "permit_kind", "permit_valid_until", "phone",
            "status",
        )  # fmt: skip
