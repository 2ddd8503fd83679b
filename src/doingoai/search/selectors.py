"""The one search read, shared by the search page and the API: ranked hits, grouped, rights applied."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from doingoai.reference.text import search_key
from doingoai.search import fulltext
from doingoai.search.models import SearchEntry
from doingoai.search.query import Query, parse
from doingoai.search.registry import SearchSpec, registered, spec_for

# Candidates fetched from the index before rights are applied (per search, all registries together).
MAX_CANDIDATES = 2000
EXCERPT_BEFORE, EXCERPT_AFTER = 10, 22
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Hit:
    registry: str
    pk: int
    score: float
    title: str
    url: str
    obj: Any = None
    excerpt: SafeString | str = ""
    title_html: SafeString | str = ""


@dataclass
class Group:
    spec: SearchSpec
    count: int
    hits: list[Hit] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def label(self) -> str:
        return self.spec.group_label


@dataclass
class Results:
    query: Query
    groups: list[Group]

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)


def highlight(text: str, query: Query, *, window: bool = False) -> SafeString:
    """Escape `text` and mark the words that match; with `window`, cut it around the first hit."""
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return SafeString("")
    hits = sorted(query.hit_positions([search_key(m.group()) for m in tokens]))
    start, end = 0, len(text)
    if window:
        first = hits[0] if hits else 0
        lo, hi = max(0, first - EXCERPT_BEFORE), min(len(tokens) - 1, first + EXCERPT_AFTER)
        start, end = tokens[lo].start(), tokens[hi].end()
    out: list[str] = []
    pos = start
    marked = set(hits)
    for i, m in enumerate(tokens):
        if m.end() <= start or m.start() >= end:
            continue
        out.append(escape(text[pos : m.start()]))
        word = escape(m.group())
        out.append(f"<mark>{word}</mark>" if i in marked else word)
        pos = m.end()
    out.append(escape(text[pos:end]))
    html = "".join(out).replace("\n", " · ")
    if window and start > 0:
        html = "… " + html
    if window and end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308 - every piece escaped above


def filter_queryset(queryset: QuerySet, text: str) -> QuerySet | None:
    """The list filters' free text: `queryset` narrowed to the full-text matches of `text`.

    None when the model is not declared searchable (the caller then falls back to its own matching).
    """
    spec = spec_for(queryset.model)
    if spec is None:
        return None
    query = parse(text)
    if not query.groups:
        return queryset
    return fulltext.backend().filter(queryset, query, spec.key)


def searchable(user: Any) -> list[SearchSpec]:
    """The registries this user may search at all."""
    return [s for s in registered() if s.visible_to is None or s.visible_to(user)]


def search(*, user: Any, text: str, registry: str | None = None, per_group: int = 5, offset: int = 0) -> Results:
    """Ranked hits of `text` that `user` may see, grouped by registry (groups ordered by their best hit).

    Each group holds its count and `per_group` hits from `offset` (for the "all results of one registry"
    page). Rights: every hit goes through `Model.objects.restrict(user, "view")`.
    """
    query = parse(text)
    specs = {s.key: s for s in searchable(user)}
    if registry is not None:
        specs = {k: v for k, v in specs.items() if k == registry}
    rows = fulltext.backend().hits(query, list(specs), MAX_CANDIDATES)
    by_registry: dict[str, list[tuple[int, float]]] = {}
    for key, pk, score in rows:
        by_registry.setdefault(key, []).append((pk, score))
    pages: list[tuple[SearchSpec, int, list[tuple[int, float]]]] = []
    for key, candidates in by_registry.items():
        spec = specs[key]
        manager = spec.model._default_manager
        visible = set(
            manager.restrict(user, "view")  # type: ignore[attr-defined]
            .filter(pk__in=[pk for pk, _ in candidates])
            .values_list("pk", flat=True)
        )
        ranked = [(pk, score) for pk, score in candidates if pk in visible]
        if ranked:
            pages.append((spec, len(ranked), ranked[offset : offset + per_group]))
    texts = _texts([(spec.key, [pk for pk, _ in page]) for spec, _, page in pages if page and not spec.personal_data])
    groups = [Group(spec=spec, count=count, hits=_hits(spec, page, query, texts)) for spec, count, page in pages]
    groups.sort(key=lambda g: (-(g.hits[0].score if g.hits else 0), g.spec.order))
    return Results(query=query, groups=groups)


def _texts(wanted: list[tuple[str, list[int]]]) -> dict[tuple[str, int], str]:
    """The indexed text of each (registry, id) of the shown hits, for their excerpts: one query for every group
    (a query per group was a third of the page's queries)."""
    if not wanted:
        return {}
    rows = SearchEntry.objects.filter(reduce(or_, (Q(registry=key, object_id__in=ids) for key, ids in wanted)))
    return {(key, pk): text for key, pk, text in rows.values_list("registry", "object_id", "text")}


def _hits(
    spec: SearchSpec, page: list[tuple[int, float]], query: Query, texts: dict[tuple[str, int], str]
) -> list[Hit]:
    if not page:
        return []
    # The declared fields' single related rows come in the same query: titles often name them (a relation's
    # country, a case's citizen), one query per hit otherwise.
    related = [f.name for f in spec.relation_fields() if not f.many_to_many]
    objects = spec.model._default_manager.select_related(*related).in_bulk([pk for pk, _ in page])
    hits = []
    for pk, score in page:
        obj = objects.get(pk)
        if obj is None:
            continue
        title = spec.title_of(obj)
        excerpt = "" if spec.personal_data else highlight(texts.get((spec.key, pk), ""), query, window=True)
        hits.append(
            Hit(
                registry=spec.key,
                pk=pk,
                score=score,
                title=title,
                url=obj.get_absolute_url(),  # type: ignore[attr-defined]
                obj=obj,
                excerpt=excerpt,
                title_html=highlight(title, query),
            )
        )
    return hits
