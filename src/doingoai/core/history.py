"""Field-level history of a record, as the detail pages show it (who, when, what changed from → to).

One row per action as a person reads it: the rows the database keeps for one save (the record, then each of its
many-to-many fields, saved a moment later by the same user without a reason of their own) are one entry; values
are shown as the pages show them (labels of choices, names of related records, dates dd/mm/yyyy, numbers with
Vietnamese separators), never as stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy
from simple_history.manager import HistoryDescriptor
from simple_history.models import ModelChange
from simple_history.utils import get_m2m_reverse_field_name

from doingoai.core.numbers import local_decimal

KIND = {"+": gettext_lazy("Tạo mới"), "~": gettext_lazy("Thay đổi"), "-": gettext_lazy("Xóa")}
# Rows saved this close together by the same user, the later without a reason of its own, belong to one action
# (the many-to-many fields are saved just after the record, with its reason).
SAME_ACTION = dt.timedelta(seconds=5)
HIDDEN = ["updated_at", "version", "search_text", "month_mask"]


@dataclass
class HistoryEntry:
    when: Any
    user: Any
    kind: str
    reason: str
    changes: list[tuple[str, Any, Any]]


def display_value(value: Any) -> Any:
    """A stored value as a person reads it (dates, numbers, yes/no, lists and mappings)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return gettext("Có") if value else gettext("Không")
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{local:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, int | Decimal | float):
        return local_decimal(Decimal(str(value)))
    if isinstance(value, dict):
        return "; ".join(f"{key}: {display_value(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(str(display_value(item)) for item in value)
    return value


def _display(record: Any, field_name: str, value: Any) -> Any:
    field = record.instance_type._meta.get_field(field_name)
    if getattr(field, "choices", None):
        return dict(field.flatchoices).get(value, value)
    if field.many_to_many and isinstance(value, list):
        target = field.related_model
        ids = [v.get(field.m2m_reverse_field_name()) if isinstance(v, dict) else v for v in value]
        return ", ".join(str(o) for o in target._default_manager.filter(pk__in=ids))
    if field.is_relation and value is not None:
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else value
    if field.get_internal_type() in ("PositiveSmallIntegerField",) and field.name.endswith("year"):
        return value  # a year reads 2026, not 2.026
    return display_value(value)


def _same_action(later: Any, earlier: Any) -> bool:
    return (
        later.history_type == "~"
        and later.history_change_reason in ("", None, earlier.history_change_reason)
        and later.history_user_id == earlier.history_user_id
        and later.history_date - earlier.history_date <= SAME_ACTION
    )


def _m2m_rows(records: list[Any]) -> dict[str, dict[Any, list[dict[str, Any]]]]:
    """{many-to-many field: {history row id: its link rows}}: what simple-history's `diff_against` compares, read
    in one query per field for all the rows instead of two per field for each pair of rows (14 queries, a third
    of a detail page, for a delegation with a few steps). Same rows, same columns, same order."""
    if not records:
        return {}
    found: dict[str, dict[Any, list[dict[str, Any]]]] = {}
    ids = [record.pk for record in records]
    for field in records[0]._history_m2m_fields:
        if field.name in HIDDEN:
            continue
        original = records[0].instance_type._meta.get_field(field.name)
        through = getattr(records[0], field.name).model  # the historical link model
        columns = [
            f.name for f in through._meta.fields if f.editable and f.name not in ["id", "m2m_history_id", "history"]
        ]
        rows = (
            through._default_manager.filter(history__in=ids)
            .order_by(get_m2m_reverse_field_name(original))
            .values("history", *columns)
        )
        per_record: dict[Any, list[dict[str, Any]]] = {pk: [] for pk in ids}
        for row in rows:
            per_record[row.pop("history")].append(row)
        found[field.name] = per_record
    return found


def _changes(record: Any, previous: Any, m2m_rows: dict[str, dict[Any, list[dict[str, Any]]]]) -> list[Any]:
    """`record.diff_against(previous, excluded_fields=HIDDEN).changes`, the many-to-many part from `m2m_rows`."""
    changes = list(record.diff_against(previous, excluded_fields=[*HIDDEN, *m2m_rows]).changes)
    for name, per_record in m2m_rows.items():
        old, new = per_record[previous.pk], per_record[record.pk]
        if old != new:
            changes.append(ModelChange(name, old, new))
    return changes


def history_entries(obj: Any, limit: int = 100) -> list[HistoryEntry]:
    """The record's actions, newest first."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    m2m_rows = _m2m_rows(records)
    entries: list[HistoryEntry] = []
    pending: list[tuple[str, Any, Any]] = []  # changes of later rows that belong to the row below them
    for i, record in enumerate(records[:limit]):
        previous = records[i + 1] if i + 1 < len(records) else None
        changes: list[tuple[str, Any, Any]] = []
        if previous is not None:
            for change in _changes(record, previous, m2m_rows):
                field = obj._meta.get_field(change.field)
                changes.append(
                    (
                        str(field.verbose_name),
                        _display(record, change.field, change.old),
                        _display(record, change.field, change.new),
                    )
                )
        if previous is not None and _same_action(record, previous):
            pending = changes + pending
            continue
        # A creation lists nothing: its values are the record's first state, shown by the page itself.
        entries.append(
            HistoryEntry(
                timezone.localtime(record.history_date),
                record.history_user,
                # The step's name ("Phê duyệt") says more than "Thay đổi"; said once.
                record.history_change_reason or str(KIND.get(record.history_type, "")),
                "",
                [] if record.history_type == "+" else changes + pending,
            )
        )
        pending = []
    return entries


class KeptHistoryDescriptor(HistoryDescriptor):
    """`Model.history` with its manager class built once: simple_history's descriptor builds it anew at every
    access (`Manager.from_queryset`, an `inspect.getmembers` of the queryset class, ~0.3 ms), and every historical
    row written (each save, each many-to-many change) and every detail page's history read it."""

    @cached_property
    def _manager(self) -> Any:
        return self.manager_class.from_queryset(self.queryset_class)

    def __get__(self, instance: Any, owner: Any) -> Any:
        return self._manager(self.model, instance)


def keep_history_managers() -> None:
    """Put `KeptHistoryDescriptor` in place of simple_history's on every model (once all are loaded)."""
    for model in apps.get_models():
        for name, value in list(vars(model).items()):
            if type(value) is HistoryDescriptor:
                setattr(model, name, KeptHistoryDescriptor(value.model, value.manager_class, value.queryset_class))
