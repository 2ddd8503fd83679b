"""The database side of the full-text index, one small backend per database vendor.

`backend()` picks the code path by `connection.vendor`: SQLite FTS5, PostgreSQL full-text (`tsvector` with
the `unaccent` extension), and a plain LIKE scan for any other database so the search still answers there.
Queries arrive already normalised (`query.Query`): words are lower-case ASCII letters and digits, so they
cannot inject full-text syntax, and every value travels as a query parameter. Tables: `search_searchentry`
(the model), `search_fts` (SQLite), text search configuration `doingoai_search` (PostgreSQL).
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from doingoai.search.query import Query

SQLITE_SETUP = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title_key, body, content='search_searchentry', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    """CREATE TRIGGER IF NOT EXISTS search_fts_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title_key, body) VALUES (new.id, new.title_key, new.body); END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_key, body) VALUES ('delete', old.id, old.title_key, old.body);
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_key, body) VALUES ('delete', old.id, old.title_key, old.body);
        INSERT INTO search_fts(rowid, title_key, body) VALUES (new.id, new.title_key, new.body); END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TABLE IF EXISTS search_fts",
]

# `doingoai_search`: the `simple` configuration (no stemming, no stop words) with unaccent in front.
POSTGRES_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'doingoai_search') THEN
            CREATE TEXT SEARCH CONFIGURATION doingoai_search (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION doingoai_search
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF; END $$""",
    """ALTER TABLE search_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('doingoai_search'::regconfig, coalesce(title_key, '')), 'A')
        || setweight(to_tsvector('doingoai_search'::regconfig, coalesce(body, '')), 'B')) STORED""",
    "CREATE INDEX search_entry_vector_gin ON search_searchentry USING GIN (vector)",
]
POSTGRES_TEARDOWN = [
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector",
]


def setup_statements(vendor: str) -> list[str]:
    return {"sqlite": SQLITE_SETUP, "postgresql": POSTGRES_SETUP}.get(vendor, [])


def teardown_statements(vendor: str) -> list[str]:
    return {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRES_TEARDOWN}.get(vendor, [])


class Backend(ABC):
    """Finds (registry, object_id, score) rows, best first; higher score is better."""

    def hits(self, query: Query, registries: Sequence[str], limit: int) -> list[tuple[str, int, float]]:
        if not query.groups or not registries:
            return []
        sql, params = self.sql(query, registries, limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(r, int(pk), float(score or 0)) for r, pk, score in cursor.fetchall()]

    @abstractmethod
    def sql(self, query: Query, registries: Sequence[str], limit: int) -> tuple[str, list[Any]]: ...

    def filter(self, queryset: QuerySet, query: Query, registry: str) -> QuerySet:
        """`queryset` narrowed to the records of `registry` that match (no limit, order kept)."""
        sql, params = self.ids_sql(query, registry)
        return queryset.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - constant SQL, values as parameters

    @abstractmethod
    def ids_sql(self, query: Query, registry: str) -> tuple[str, list[Any]]: ...


class SQLiteBackend(Backend):
    """FTS5 with bm25 ranking; the title counts ten times the body."""

    def sql(self, query: Query, registries: Sequence[str], limit: int) -> tuple[str, list[Any]]:
        sql = (
            "SELECT e.registry, e.object_id, -bm25(search_fts, 10.0, 1.0) AS score "
            "FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid "
            "WHERE search_fts MATCH %s AND e.registry IN (SELECT value FROM json_each(%s)) "
            "ORDER BY score DESC, e.id LIMIT %s"
        )
        return sql, [query.fts5(), json.dumps(list(registries)), limit]

    def ids_sql(self, query: Query, registry: str) -> tuple[str, list[Any]]:
        sql = (
            "SELECT e.object_id FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid "
            "WHERE search_fts MATCH %s AND e.registry = %s"
        )
        return sql, [query.fts5(), registry]


class PostgresBackend(Backend):
    """`tsvector @@ tsquery` on the GIN-indexed column, ranked by ts_rank (title weight A, body B)."""

    def sql(self, query: Query, registries: Sequence[str], limit: int) -> tuple[str, list[Any]]:
        sql = (
            "SELECT e.registry, e.object_id, ts_rank(e.vector, q.query) AS score "
            "FROM search_searchentry e, to_tsquery('doingoai_search', %s) AS q(query) "
            "WHERE e.vector @@ q.query AND e.registry = ANY(%s) "
            "ORDER BY score DESC, e.id LIMIT %s"
        )
        return sql, [query.tsquery(), list(registries), limit]

    def ids_sql(self, query: Query, registry: str) -> tuple[str, list[Any]]:
        sql = (
            "SELECT e.object_id FROM search_searchentry e "
            "WHERE e.vector @@ to_tsquery('doingoai_search', %s) AND e.registry = %s"
        )
        return sql, [query.tsquery(), registry]


class LikeBackend(Backend):
    """Any other database: every group must occur in the normalised text; title hits rank first."""

    def _rows(self, query: Query, registries: Sequence[str]) -> QuerySet:
        from doingoai.search.models import SearchEntry

        rows = SearchEntry.objects.filter(registry__in=registries)
        for group in query.groups:
            cond = Q()
            for phrase in group.phrases:
                cond |= Q(title_key__contains=" ".join(phrase)) | Q(body__contains=" ".join(phrase))
            rows = rows.filter(cond)
        return rows

    def filter(self, queryset: QuerySet, query: Query, registry: str) -> QuerySet:
        return queryset.filter(pk__in=self._rows(query, [registry]).values("object_id"))

    def ids_sql(self, query: Query, registry: str) -> tuple[str, list[Any]]:
        return "", []  # filter() queries through the ORM

    def hits(self, query: Query, registries: Sequence[str], limit: int) -> list[tuple[str, int, float]]:
        if not query.groups or not registries:
            return []
        rows = self._rows(query, registries)
        found = []
        for registry, pk, title_key in rows.values_list("registry", "object_id", "title_key")[: limit * 4]:
            score = sum(1.0 for g in query.groups for p in g.phrases if " ".join(p) in title_key)
            found.append((registry, int(pk), score))
        found.sort(key=lambda r: -r[2])
        return found[:limit]

    def sql(self, query: Query, registries: Sequence[str], limit: int) -> tuple[str, list[Any]]:
        return "", []  # hits() queries through the ORM


def backend() -> Backend:
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    if connection.vendor == "postgresql":
        return PostgresBackend()
    return LikeBackend()
