"""Field-level history of a record, as the detail pages show it (who, when, what changed from → to)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KIND = {"+": "Tạo mới", "~": "Thay đổi", "-": "Xóa"}


@dataclass
class HistoryEntry:
    when: Any
    user: Any
    kind: str
    reason: str
    changes: list[tuple[str, Any, Any]]


def _display(record: Any, field_name: str, value: Any) -> Any:
    field = record.instance_type._meta.get_field(field_name)
    if getattr(field, "choices", None):
        return dict(field.flatchoices).get(value, value)
    if field.many_to_many and isinstance(value, list):
        names = []
        target = field.related_model
        ids = [v.get(field.m2m_reverse_field_name()) if isinstance(v, dict) else v for v in value]
        names = [str(o) for o in target._default_manager.filter(pk__in=ids)]
        return ", ".join(names)
    if field.is_relation and value is not None:
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else value
    return value


def history_entries(obj: Any, limit: int = 100) -> list[HistoryEntry]:
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    entries = []
    for i, record in enumerate(records[:limit]):
        previous = records[i + 1] if i + 1 < len(records) else None
        changes: list[tuple[str, Any, Any]] = []
        if previous is not None:
            delta = record.diff_against(
                previous, excluded_fields=["updated_at", "version", "search_text", "month_mask"]
            )
            for change in delta.changes:
                field = obj._meta.get_field(change.field)
                changes.append(
                    (
                        str(field.verbose_name),
                        _display(record, change.field, change.old),
                        _display(record, change.field, change.new),
                    )
                )
        entries.append(
            HistoryEntry(
                record.history_date,
                record.history_user,
                KIND.get(record.history_type, ""),
                record.history_change_reason or "",
                changes,
            )
        )
    return entries
