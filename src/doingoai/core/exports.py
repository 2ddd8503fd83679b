"""Turning querysets into export rows: headers from verbose names, values as the pages display them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import islice
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import connections, models, router
from django.db.models import ExpressionWrapper, F
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


def value_rows(queryset: models.QuerySet, names: Sequence[str], chunk_size: int = 2000) -> Iterator[list[Any]]:
    """The export rows of `queryset` (its pk, then `names` as `field_columns` shows them), read as plain values.

    One `values_list` query per chunk instead of a model instance per row: relations are shown by their `str()`,
    looked up once per related row (`in_bulk`), and a many-to-many field costs one query per chunk on its
    through table, in the related model's order as `.all()` gives it. Same cells as `export_rows` over
    `field_columns`, at several times the pace (the export of a national list is 100,000 rows).
    """
    model = queryset.model
    fields = [model._meta.get_field(name) for name in names]
    single = [f for f in fields if not f.many_to_many]
    tz = timezone.get_current_timezone()
    # (index in the values_list row, converter) for the fields whose stored value is not what the page shows
    conversions = [(i, conv) for i, f in enumerate(single, start=1) if (conv := _converter(f, tz)) is not None]
    # many-to-many columns, inserted at their place among the others (increasing positions)
    many_at = [(i, f) for i, f in enumerate(fields, start=1) if f.many_to_many]
    labels: dict[type[models.Model], dict[Any, str]] = {}
    rows = queryset.values_list("pk", *(_as_read(f) for f in single)).iterator(chunk_size=chunk_size)
    while batch := list(islice(rows, chunk_size)):
        many = [(i, _many_values(f, [row[0] for row in batch], labels)) for i, f in many_at]
        related = _related_labels(single, batch, labels)
        relations = [(i, related[f.name]) for i, f in enumerate(single, start=1) if f.is_relation]
        for row in batch:
            out = list(row)
            for i, names_of in relations:
                if (value := out[i]) is not None:
                    out[i] = names_of.get(value, str(value))
            for i, conv in conversions:
                out[i] = conv(out[i])
            for i, joined in many:
                out.insert(i, joined.get(row[0], ""))
            yield out


# Read as the driver gives them, without Django's converter: dates, date-times and yes/no come typed from both
# databases (SQLite's declared column types), amounts as numbers (SQLite: int, or float where there are decimals
# — the double the spreadsheet stores in any case; PostgreSQL: Decimal, made a number by the writer). Django's
# per-cell pass (making SQLite's UTC date-times aware, re-checking dates and booleans, quantizing decimals) was a
# third of an export's reading time on SQLite. `_converter` does the rest.
_DRIVER_TYPED = (models.DateTimeField, models.DateField, models.BooleanField, models.DecimalField)


def _as_read(field: Any) -> Any:
    if not field.is_relation and isinstance(field, _DRIVER_TYPED):
        return ExpressionWrapper(F(field.attname), output_field=models.TextField())
    return field.attname


def _converter(field: Any, tz: Any) -> Callable[[Any], Any] | None:
    """How a stored value becomes the shown one (None: as it is; relations are looked up by the caller)."""
    if field.is_relation:
        return None
    if isinstance(field, models.DateTimeField):
        # Spreadsheets have no time zones: local wall-clock time, as the pages show it. SQLite gives the stored
        # UTC time without its zone, PostgreSQL an aware one.
        def local(value: Any) -> Any:
            if value is None:
                return None
            return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).astimezone(tz).replace(tzinfo=None)

        return local
    if getattr(field, "choices", None):
        shown = {k: str(v) for k, v in field.flatchoices}
        return lambda value: shown.get(value, value)
    return None


def _related_labels(
    single: Sequence[Any], batch: Sequence[tuple[Any, ...]], labels: dict[type[models.Model], dict[Any, str]]
) -> dict[str, dict[Any, str]]:
    """For each foreign key of the batch: related pk -> str(), each related row read once per export."""
    out: dict[str, dict[Any, str]] = {}
    for index, field in enumerate(single, start=1):
        if not field.is_relation:
            continue
        target = field.related_model
        known = labels.setdefault(target, {})
        missing = {row[index] for row in batch if row[index] is not None} - known.keys()
        if missing:
            known.update(_labels(target, missing))
        out[field.name] = known
    return out


def _many_values(field: Any, pks: Sequence[Any], labels: dict[type[models.Model], dict[Any, str]]) -> dict[Any, str]:
    """pk -> the related rows' names joined by ", ", in the related model's default order."""
    through = field.remote_field.through
    source = field.m2m_field_name()
    target_name = field.m2m_reverse_field_name()
    target = field.related_model
    ordering = [
        (f"-{target_name}__{o[1:]}" if o.startswith("-") else f"{target_name}__{o}")
        for o in target._meta.ordering
        if isinstance(o, str)
    ]
    pairs = _through_pairs(field, pks)
    if pairs is None:
        pairs = list(
            through._base_manager.filter(**{f"{source}__in": pks})
            .order_by(*ordering, "pk")
            .values_list(f"{source}_id", f"{target_name}_id")
        )
    known = labels.setdefault(target, {})
    missing = {t for _, t in pairs} - known.keys()
    if missing:
        known.update(_labels(target, missing))
    joined: dict[Any, list[str]] = {}
    for source_pk, target_pk in pairs:
        joined.setdefault(source_pk, []).append(known[target_pk])
    return {pk: ", ".join(names) for pk, names in joined.items()}


def _through_pairs(field: Any, pks: Sequence[Any]) -> list[tuple[Any, Any]] | None:
    """(source pk, target pk) of a many-to-many field for `pks`, in the target's default order, by one plain SQL
    query: the ORM's `__in` prepares each of the chunk's 2,000 values in Python, a third of the export's reading
    time. None when the target's ordering is not its own columns (the caller then asks the ORM)."""
    through = field.remote_field.through
    target = field.related_model
    conn = connections[router.db_for_read(through)]
    qn = conn.ops.quote_name
    src = through._meta.get_field(field.m2m_field_name()).column
    tgt = through._meta.get_field(field.m2m_reverse_field_name()).column
    order = []
    for o in target._meta.ordering:
        if not isinstance(o, str) or "__" in o or o.lstrip("-") in ("?", "pk"):
            return None
        try:
            ordered_by = target._meta.get_field(o.lstrip("-"))
        except FieldDoesNotExist:
            return None
        if ordered_by.is_relation:  # the ORM would follow the related model's own ordering
            return None
        column = ordered_by.column
        order.append(f"r.{qn(column)}{' DESC' if o.startswith('-') else ''}")
    if not pks:
        return []
    # PostgreSQL takes the chunk's ids as one array: 2,000 placeholders cost psycopg more than the query.
    if conn.vendor == "postgresql":
        matching, params = "= ANY(%s)", [list(pks)]
    else:
        matching, params = f"IN ({', '.join(['%s'] * len(pks))})", list(pks)
    # Identifiers from the models' declarations, quoted; the values are parameters.
    sql = (
        f"SELECT t.{qn(src)}, t.{qn(tgt)} FROM {qn(through._meta.db_table)} t "  # noqa: S608
        f"JOIN {qn(target._meta.db_table)} r ON r.{qn(target._meta.pk.column)} = t.{qn(tgt)} "
        f"WHERE t.{qn(src)} {matching} "
        f"ORDER BY {', '.join([*order, f't.{qn(through._meta.pk.column)}'])}"
    )
    with conn.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _labels(model: type[models.Model], pks: Iterable[Any]) -> Iterator[tuple[Any, str]]:
    """(pk, str(row)) of `model`'s rows, their own foreign keys joined (a partner's name shows its country)."""
    joined = [f.name for f in model._meta.concrete_fields if f.is_relation]
    for pk, obj in model._base_manager.select_related(*joined).in_bulk(list(pks)).items():
        yield pk, str(obj)
