"""Turning querysets into export rows: headers from verbose names, values as the pages display them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from django.db import models
from django.utils import timezone

Accessor = Callable[[Any], Any]


def _many(name: str, obj: Any) -> str:
    return ", ".join(str(x) for x in getattr(obj, name).all())


def _local(name: str, obj: Any) -> Any:
    # Spreadsheets have no time zones: local wall-clock time, as the pages show it.
    value = getattr(obj, name)
    return timezone.make_naive(value) if value is not None and timezone.is_aware(value) else value


def _choice(name: str, obj: Any) -> Any:
    return getattr(obj, f"get_{name}_display")()


def _attr(name: str, obj: Any) -> Any:
    return getattr(obj, name)


def field_columns(model: type[models.Model], names: Sequence[str]) -> list[tuple[str, Accessor]]:
    """(header, accessor) for each field name: choices shown by label, relations by their names."""
    columns: list[tuple[str, Accessor]] = []
    for name in names:
        field = model._meta.get_field(name)
        header = str(getattr(field, "verbose_name", name))
        if field.many_to_many:
            columns.append((header, partial(_many, name)))
        elif isinstance(field, models.DateTimeField):
            columns.append((header, partial(_local, name)))
        elif getattr(field, "choices", None):
            columns.append((header, partial(_choice, name)))
        else:
            columns.append((header, partial(_attr, name)))
    return columns


def export_rows(objects: Iterable[Any], columns: Sequence[tuple[str, Accessor]]) -> Iterator[list[Any]]:
    for obj in objects:
        yield [accessor(obj) for _, accessor in columns]
