"""Turning querysets into export rows: headers from verbose names, values as the pages display them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import islice, repeat
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import connections, models, router
from django.db.models import ExpressionWrapper, F, Func, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import get_language

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
    conn = connections[queryset.db]
    fields = [model._meta.get_field(name) for name in names]
    single = [f for f in fields if not f.many_to_many]
    tz = timezone.get_current_timezone()
    reads = [_as_read(f, conn.vendor, tz) for f in single]
    # (index in the values_list row, converter of a column) for the fields whose read value is not what is shown
    conversions = [
        (i, conv)
        for i, (f, read) in enumerate(zip(single, reads, strict=True), start=1)
        if (conv := _converter(f, read, tz)) is not None
    ]
    # many-to-many columns, inserted at their place among the others (increasing positions)
    many_at = [(i, f) for i, f in enumerate(fields, start=1) if f.many_to_many]
    labels = {f.related_model: _label_store(f.related_model, queryset.db) for f in fields if f.is_relation}
    rows = queryset.values_list("pk", *reads).iterator(chunk_size=chunk_size)
    with _read_whole(conn):
        while batch := list(islice(rows, chunk_size)):
            # Column by column, by C-level `map`s over the chunk: a Python step per cell was most of the time
            # beside the reading itself.
            columns: list[Any] = list(zip(*batch, strict=True))
            pks = columns[0]
            related = _related_labels(single, columns, labels)
            for i, f in enumerate(single, start=1):
                if f.is_relation:
                    columns[i] = map(related[f.name].get, columns[i], columns[i])  # None stays None
            for i, conv in conversions:
                columns[i] = conv(columns[i])
            for i, f in many_at:
                columns.insert(i, map(_many_values(f, pks, labels).get, pks, repeat("")))
            yield from map(list, zip(*columns, strict=True))


@contextmanager
def _read_whole(conn: Any) -> Iterator[None]:
    """On PostgreSQL, the chunks are read through a server-side cursor, which the planner optimises for its
    first 10 % of rows (`cursor_tuple_fraction`): for a year's list it walked the whole table backwards by id
    (250,000 rows, 200 ms) rather than reading the year's rows by index and sorting them (40 ms). An export
    reads every row: planned so for the export only."""
    if conn.vendor != "postgresql":
        yield
        return
    with conn.cursor() as cursor:
        cursor.execute(f"SET {'LOCAL ' if conn.in_atomic_block else ''}cursor_tuple_fraction = 1")
    try:
        yield
    finally:
        if not conn.in_atomic_block:  # SET LOCAL ends with the transaction
            with conn.cursor() as cursor:
                cursor.execute("RESET cursor_tuple_fraction")


# Read as the driver gives them, without Django's converter: dates, date-times and yes/no come typed from both
# databases (SQLite's declared column types), amounts as numbers (SQLite: int, or float where there are decimals
# — the double the spreadsheet stores in any case; PostgreSQL: cast to that double by the query, and date-times
# made local by it). Django's per-cell pass (making SQLite's UTC date-times aware, re-checking dates and booleans,
# quantizing decimals) was a third of an export's reading time on SQLite. `_converter` does the rest.
_DRIVER_TYPED = (models.DateTimeField, models.DateField, models.BooleanField, models.DecimalField)


class _LocalTime(Func):
    """PostgreSQL: a date-time as the local wall-clock time (`AT TIME ZONE`), a `timestamp` that the driver reads
    in C, instead of the aware value Django's loader builds in Python for every cell, made local afterwards."""

    template = "(%(expressions)s)"
    arg_joiner = " AT TIME ZONE "

    def __init__(self, expression: Any, zone: str) -> None:
        super().__init__(expression, Value(zone), output_field=models.TextField())


class _Text(Cast):
    """SQLite: a date or date-time read as its stored ISO text, parsed by `_converter` in one C call per cell,
    not by the driver's converter (three Python calls per cell)."""

    def __init__(self, expression: Any) -> None:
        super().__init__(expression, output_field=models.TextField())


def _as_read(field: Any, vendor: str = "", tz: Any = None) -> Any:
    if field.is_relation or not isinstance(field, _DRIVER_TYPED):
        return field.attname
    if vendor == "sqlite" and isinstance(field, models.DateField):  # date-times too (a subclass)
        return _Text(F(field.attname))
    if vendor == "postgresql":
        if isinstance(field, models.DateTimeField) and isinstance(getattr(tz, "key", None), str):
            return _LocalTime(F(field.attname), tz.key)
        if isinstance(field, models.DecimalField):
            # the double the writer would make of the Decimal (both round correctly), read as such by the driver
            return ExpressionWrapper(Cast(F(field.attname), models.FloatField()), output_field=models.TextField())
    return ExpressionWrapper(F(field.attname), output_field=models.TextField())


def _converter(field: Any, read: Any, tz: Any) -> Callable[[Iterable[Any]], Iterable[Any]] | None:
    """How a column of read values becomes the shown one (None: as it is; relations are looked up by the
    caller)."""
    if field.is_relation or isinstance(read, _LocalTime):
        return None
    if isinstance(read, _Text):
        if isinstance(field, models.DateTimeField):
            # Django stores UTC without its zone: named as such in the text, parsed aware in one C call
            def local_time(text: str) -> dt.datetime:
                return dt.datetime.fromisoformat(text + "+00:00").astimezone(tz).replace(tzinfo=None)

            def local_time_as_django(text: str) -> dt.datetime:
                return _naive_local(parse_datetime(text), dt.UTC, tz)  # type: ignore[arg-type]

            return partial(_parsed, local_time, local_time_as_django)
        return partial(_parsed, dt.date.fromisoformat, parse_date)
    if isinstance(field, models.DateTimeField):
        # Spreadsheets have no time zones: local wall-clock time, as the pages show it. SQLite gives the stored
        # UTC time without its zone, PostgreSQL (when the zone has no name) an aware one.
        def local(value: Any) -> Any:
            return None if value is None else _naive_local(value, dt.UTC, tz)

        return partial(map, local)
    if getattr(field, "choices", None):
        shown = {k: str(v) for k, v in field.flatchoices}
        return lambda values: map(shown.get, values, values)  # a value without a label stays as it is
    return None


def _parsed(parse: Callable[[str], Any], as_django: Callable[[str], Any], texts: Sequence[Any]) -> list[Any]:
    """SQLite's stored texts of a column of dates or date-times parsed by `parse`; a text it cannot read (not
    written by Django: another separator, an offset of its own) sends the column to Django's own parser."""
    try:
        return [None if v is None else parse(v) for v in texts]
    except ValueError:
        return [None if v is None else as_django(v) for v in texts]


def _naive_local(value: dt.datetime, utc: Any, tz: Any) -> dt.datetime:
    """A stored date-time (UTC when naive) as the local wall-clock time, without its zone."""
    return (value if value.tzinfo else value.replace(tzinfo=utc)).astimezone(tz).replace(tzinfo=None)


def _related_labels(
    single: Sequence[Any], columns: Sequence[Sequence[Any]], labels: dict[type[models.Model], dict[Any, str]]
) -> dict[str, dict[Any, str]]:
    """For each foreign key of the chunk (its values in `columns`): related pk -> str(), each related row read
    once per export; a pk without its row (none in a consistent database) is shown as the pk in text."""
    out: dict[str, dict[Any, str]] = {}
    for index, field in enumerate(single, start=1):
        if not field.is_relation:
            continue
        known = labels[field.related_model]
        missing = set(columns[index]) - known.keys()
        missing.discard(None)
        if missing:
            known.update(_labels(field.related_model, missing))
            known.update((pk, str(pk)) for pk in missing - known.keys())
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
    known = labels[target]
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
    # PostgreSQL takes the chunk's ids as one array: 2,000 placeholders cost psycopg more than the query, and
    # so does its dumping a list of numbers (a regular expression per element): integers go as the array's text.
    params: list[Any]
    if conn.vendor == "postgresql" and set(map(type, pks)) == {int}:
        array = f"{through._meta.get_field(field.m2m_field_name()).db_type(conn)}[]"
        matching, params = f"= ANY(%s::{array})", ["{" + ",".join(map(str, pks)) + "}"]
    elif conn.vendor == "postgresql":
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


# The names (`str()`) of related rows kept between exports in this process, per model, database and language, while
# the versions (`BaseModel.table_version`) of the model's table and of the tables its rows point to (a partner is
# named with its country) are unchanged: reading and naming a national list's ~3,000 partners and units again was a
# sixth of its export. A model whose table has no version (the user model) is named afresh by each export.
_kept_labels: dict[tuple[Any, ...], tuple[tuple[Any, ...], dict[Any, str]]] = {}
KEPT_LABELS_MAX = 20_000  # names of one model kept at most: past that, started again at the next export


def _label_store(model: Any, using: str) -> dict[Any, str]:
    """The dict of `model`'s row names that an export reads and fills: the process's kept one when still current."""
    tables = sorted({model, *(f.related_model for f in model._meta.concrete_fields if f.is_relation)}, key=str)
    if not all(hasattr(table, "table_version") for table in tables):
        return {}
    key = (model, using, get_language())
    version = tuple(table.table_version(using) for table in tables)
    kept = _kept_labels.get(key)
    if kept is None or kept[0] != version or len(kept[1]) > KEPT_LABELS_MAX:
        if len(_kept_labels) > 64:
            _kept_labels.clear()
        kept = _kept_labels[key] = (version, {})
    return kept[1]


def _labels(model: type[models.Model], pks: Iterable[Any]) -> Iterator[tuple[Any, str]]:
    """(pk, str(row)) of `model`'s rows, with the rows of their own foreign keys (a partner's name shows its
    country) read once each and attached, as `select_related` would — but without building the same country
    again for each of 1,500 partners that share 100 countries (a join did, ~40 % of this lookup's time)."""
    objects = model._base_manager.in_bulk(list(pks))
    relations: list[Any] = [f for f in model._meta.concrete_fields if f.is_relation]
    for field in relations:
        if objects:
            ids = {getattr(obj, field.attname) for obj in objects.values()} - {None}
            targets = field.related_model._base_manager.in_bulk(list(ids), field_name=field.target_field.name)
            for obj in objects.values():
                if (target := targets.get(getattr(obj, field.attname))) is not None:
                    field.set_cached_value(obj, target)
    for pk, obj in objects.items():
        yield pk, str(obj)
