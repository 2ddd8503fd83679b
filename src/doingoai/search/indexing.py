"""Keeping the index current: one place, the model signals of the declared registries.

A declared record is (re)indexed on save, on a change of its many-to-many fields and on a change of a
related record it shows (a renamed partner or unit), and removed on delete — inside the transaction of the
write, so a rolled-back write leaves no index row behind. `reindex()` rebuilds everything (the `doingoai
reindex` command, and the first migrate of a database that already holds records).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from doingoai.reference.text import search_key
from doingoai.search.models import SearchEntry
from doingoai.search.registry import SearchSpec, registered, registered_count, spec_for

# Stored original text is for excerpts only; the normalised body holds everything.
MAX_TEXT = 20000


def _value_text(obj: Any, field: models.Field) -> str:
    if field.many_to_many:
        return ", ".join(str(o) for o in getattr(obj, field.name).all())
    if field.is_relation:
        related = getattr(obj, field.name)
        return "" if related is None else str(related)
    if field.choices:
        return str(getattr(obj, f"get_{field.name}_display")())
    value = getattr(obj, field.attname)
    if value is None or value == "":
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return ""  # yes/no says nothing to a text search
    return str(value)


def document(spec: SearchSpec, obj: Any) -> dict[str, str]:
    """The index row's text for one record."""
    title = spec.title_of(obj)
    parts = []
    for name in spec.fields:
        field: Any = spec.model._meta.get_field(name)
        text = _value_text(obj, field)
        if text and text != title:  # the title has its own, heavier column
            parts.append(text)
    if spec.extra_text is not None:
        parts.append(spec.extra_text(obj) or "")
    text = "\n".join(p for p in parts if p)
    return {
        "title": title[:500],
        "title_key": search_key(title),
        "body": search_key(text),
        "text": "" if spec.personal_data else text[:MAX_TEXT],
    }


def index_object(obj: Any, spec: SearchSpec | None = None) -> None:
    spec = spec or spec_for(type(obj))
    if spec is None or obj.pk is None:
        return
    SearchEntry.objects.update_or_create(registry=spec.key, object_id=obj.pk, defaults=document(spec, obj))


def remove_object(model: type[models.Model], pk: Any) -> None:
    spec = spec_for(model)
    if spec is not None:
        SearchEntry.objects.filter(registry=spec.key, object_id=pk).delete()


def _with_relations(spec: SearchSpec, queryset: models.QuerySet) -> models.QuerySet:
    fields = spec.relation_fields()
    single = [f.name for f in fields if not f.many_to_many]
    many = [f.name for f in fields if f.many_to_many]
    return queryset.select_related(*single).prefetch_related(*many)


def index_queryset(spec: SearchSpec, queryset: models.QuerySet) -> int:
    count = 0
    for obj in _with_relations(spec, queryset).iterator(chunk_size=500):
        index_object(obj, spec)
        count += 1
    return count


def reindex(specs: Iterable[SearchSpec] | None = None) -> dict[str, int]:
    """Rebuild the index of the given registries (all by default); returns {registry: records indexed}."""
    done = {}
    for spec in specs if specs is not None else registered():
        SearchEntry.objects.filter(registry=spec.key).delete()
        done[spec.key] = index_queryset(spec, spec.model._default_manager.all())
    SearchEntry.objects.exclude(registry__in=[s.key for s in registered()]).delete()
    return done


_dependents_cache: dict[tuple[type[models.Model], int], list[tuple[SearchSpec, str]]] = {}


def _dependents(model: type[models.Model]) -> list[tuple[SearchSpec, str]]:
    """Declared registries showing `model` through a relation field: (spec, field name). Cached: every save
    of every model asks."""
    key = (model, registered_count())
    if key not in _dependents_cache:
        _dependents_cache[key] = _find_dependents(model)
    return _dependents_cache[key]


def _find_dependents(model: type[models.Model]) -> list[tuple[SearchSpec, str]]:
    return [
        (spec, f.name)
        for spec in registered()
        for f in spec.relation_fields()
        if f.related_model is model and spec.model is not model
    ]


def _reindex_dependents(instance: Any, pks: dict[str, set[Any]] | None = None) -> None:
    for spec, name in _dependents(type(instance)):
        if pks is not None:
            queryset = spec.model._default_manager.filter(pk__in=pks.get(spec.key, set()))
        else:
            queryset = spec.model._default_manager.filter(**{name: instance}).distinct()
        index_queryset(spec, queryset)


# --- signal receivers (connected once, for every sender: declarations may come from any app)

_paused: ContextVar[bool] = ContextVar("doingoai_search_paused", default=False)


@contextmanager
def paused() -> Iterator[None]:
    """Bulk loads (demo data, generated data): no indexing per write, one `reindex()` at the end — the same
    index, several times faster than keeping it current record by record."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)
    reindex()


def on_save(sender: type[models.Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or _paused.get():
        return  # fixture loading or a bulk load; reindexed afterwards
    if spec_for(sender) is not None:
        index_object(instance)
    if not kwargs.get("created"):
        _reindex_dependents(instance)


def on_pre_delete(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    if _paused.get():
        return
    # Many-to-many rows vanish with the record, so find who showed it before they do.
    deps = _dependents(sender)
    if deps:
        instance._search_dependents = {
            spec.key: set(spec.model._default_manager.filter(**{name: instance}).values_list("pk", flat=True))
            for spec, name in deps
        }


def on_delete(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    if _paused.get():
        return
    remove_object(sender, instance.pk)
    pks = getattr(instance, "_search_dependents", None)
    if pks:
        _reindex_dependents(instance, pks)


def on_m2m(sender: Any, instance: Any, action: str, reverse: bool, model: Any, pk_set: Any, **kwargs: Any) -> None:
    if _paused.get():
        return
    if action == "pre_clear" and reverse and spec_for(model) is not None:
        name = _m2m_field_name(sender, model)
        if name:
            rows = model._default_manager.filter(**{name: instance}).values_list("pk", flat=True)
            instance._search_cleared = set(rows)
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        if spec_for(type(instance)) is not None:
            index_object(instance)
        return
    spec = spec_for(model)
    if spec is None:
        return
    pks = pk_set if action != "post_clear" else getattr(instance, "_search_cleared", set())
    if pks:
        index_queryset(spec, model._default_manager.filter(pk__in=pks))


def _m2m_field_name(through: Any, model: type[models.Model]) -> str | None:
    """The many-to-many field of `model` that uses the `through` table."""
    for f in model._meta.many_to_many:
        if f.remote_field.through is through:  # type: ignore[union-attr]
            return f.name
    return None


def connect_signals() -> None:
    post_save.connect(on_save, dispatch_uid="doingoai.search.on_save")
    pre_delete.connect(on_pre_delete, dispatch_uid="doingoai.search.on_pre_delete")
    post_delete.connect(on_delete, dispatch_uid="doingoai.search.on_delete")
    m2m_changed.connect(on_m2m, dispatch_uid="doingoai.search.on_m2m")
