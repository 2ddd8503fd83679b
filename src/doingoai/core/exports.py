"""Turning querysets into export rows: headers from verbose names, values as the pages display them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django.db import models

Accessor = Callable[[Any], Any]


def field_columns(model: type[models.Model], names: Sequence[str]) -> list[tuple[str, Accessor]]:
    """(header, accessor) for each field name: choices shown by label, relations by their names."""
    columns: list[tuple[str, Accessor]] = []
    for name in names:
        field = model._meta.get_field(name)
        header = str(getattr(field, "verbose_name", name))
        if field.many_to_many:
            columns.append((header, lambda obj, n=name: ", ".join(str(x) for x in getattr(obj, n).all())))
        elif getattr(field, "choices", None):
            columns.append((header, lambda obj, n=name: getattr(obj, f"get_{n}_display")()))
        else:
            columns.append((header, lambda obj, n=name: getattr(obj, n)))
    return columns


def export_rows(objects: Iterable[Any], columns: Sequence[tuple[str, Accessor]]) -> Iterator[list[Any]]:
    for obj in objects:
        yield [accessor(obj) for _, accessor in columns]
