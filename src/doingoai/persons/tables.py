"""Table columns of every registry of persons (masked contacts, erased records) and the tables of the logs."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html

from doingoai.core.tables import DateColumn, DateTimeColumn, RegistryTable
from doingoai.persons.models import ErasureRecord, PersonalDataAccess
from doingoai.persons.permissions import sees_contacts_in_lists


class MaskedColumn(tables.Column):
    """A contact shown in full to the coordinator and the administrator, masked ("09******12") to others."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("orderable", False)  # sorting by a masked value would leak its order
        super().__init__(**kwargs)

    def render(self, value: Any, record: Any, bound_column: Any, table: Any) -> Any:
        request = getattr(table, "request", None)
        if request is not None and sees_contacts_in_lists(request.user):
            return value
        return record.mask_value(bound_column.name, value)


class PersonTitleColumn(tables.Column):
    def render(self, value: Any, record: Any) -> Any:
        if record.is_erased:
            return format_html('<a href="{}" class="text-muted fst-italic">{}</a>', record.get_absolute_url(), record)
        return format_html('<a href="{}">{}</a>', record.get_absolute_url(), value)


class RecordColumn(tables.Column):
    """The record a log row is about, linked when it still exists."""

    def render(self, value: Any, record: Any) -> Any:
        url = record.record_url()
        return format_html('<a href="{}">{}</a>', url, value) if url else value


class PersonalDataAccessTable(RegistryTable):
    at = DateTimeColumn(format="d/m/Y H:i:s")
    record_label = RecordColumn()

    class Meta(RegistryTable.Meta):
        model = PersonalDataAccess
        fields = ("at", "username", "unit_name", "action", "record_label")


class ErasureRecordTable(RegistryTable):
    erased_at = DateTimeColumn(format="d/m/Y H:i")
    requested_on = DateColumn(format="d/m/Y")
    record_label = RecordColumn()

    class Meta(RegistryTable.Meta):
        model = ErasureRecord
        fields = ("erased_at", "record_label", "requested_on", "request_ref", "reason", "erased_by_username")
