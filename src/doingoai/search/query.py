"""From what the user typed to a full-text query: normalised words, alias groups, a prefix for live typing.

"Xiêng Khoảng", "xieng khoang" and "XIENG-KHOANG" are the same query (`reference.text.search_key` drops accents,
so old and new tone placement — "hoà"/"hòa", "Hoá"/"Hóa" — meet too). Words that spell a partner's or
country's name or alias, joined or apart ("Bolykhămxay", "Bo Ly Khăm Xay", "Borikhamxay"), become one group
that matches any spelling of that name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Max

from doingoai.reference.text import compact_key, search_key

# Longest run of words tried as one name ("Thủ đô Viêng Chăn" is four words, "Nakhon Luang Viêng Chăn" five).
MAX_NAME_WORDS = 6
# Shorter joined keys are too ambiguous to expand ("la", "my").
MIN_ALIAS_KEY = 4
MAX_WORDS = 12
# A word still being typed matches as a prefix from this length on ("x*" would match half the index).
MIN_PREFIX = 2


@dataclass(frozen=True)
class Group:
    """Any one of `phrases` must match; a phrase is a run of consecutive words."""

    phrases: tuple[tuple[str, ...], ...]
    prefix: bool = False  # the last word is still being typed: match it as a prefix

    def fts5(self) -> str:
        parts = []
        for phrase in self.phrases:
            quoted = '"' + " ".join(phrase) + '"'
            # The exact word as well as the prefix, so a whole-word hit ranks above "hoa" in "hoang".
            parts += [quoted, quoted + "*"] if self.prefix else [quoted]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def tsquery(self) -> str:
        parts = []
        for phrase in self.phrases:
            parts.append(" <-> ".join(phrase))
            if self.prefix:
                parts.append(" <-> ".join([*phrase[:-1], phrase[-1] + ":*"]))
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


@dataclass(frozen=True)
class Query:
    text: str
    groups: tuple[Group, ...] = field(default_factory=tuple)

    def fts5(self) -> str:
        return " AND ".join(g.fts5() for g in self.groups)

    def tsquery(self) -> str:
        return " & ".join(g.tsquery() for g in self.groups)

    def hit_positions(self, keys: list[str]) -> set[int]:
        """Positions of the words that a phrase of the query matches, in a text's normalised words (for
        highlighting): "bo ly kham xay" marks the four words together, never a lone "ly" elsewhere."""
        found: set[int] = set()
        for group in self.groups:
            for phrase in group.phrases:
                n = len(phrase)
                for i in range(len(keys) - n + 1):
                    head_ok = all(keys[i + k] == phrase[k] for k in range(n - 1))
                    last = keys[i + n - 1]
                    if head_ok and (last == phrase[-1] or (group.prefix and last.startswith(phrase[-1]))):
                        found.update(range(i, i + n))
        return found


_alias_cache: dict[str, object] = {"stamp": None, "map": {}}


def _alias_stamp() -> tuple:
    from doingoai.core.models import Country, Partner

    return (
        tuple(Partner.objects.aggregate(n=Count("id"), t=Max("updated_at")).values()),
        tuple(Country.objects.aggregate(n=Count("id"), t=Max("updated_at")).values()),
    )


def alias_map() -> dict[str, frozenset[tuple[str, ...]]]:
    """Joined key ("bolykhamxay") → every spelling of that partner's or country's name, as word tuples.

    Rebuilt when a partner or country is added, removed or changed (checked by two cheap aggregates, so
    every process of a multi-process deployment sees an edit at once).
    """
    from doingoai.core.models import Country, Partner

    stamp = _alias_stamp()
    if _alias_cache["stamp"] == stamp:
        return _alias_cache["map"]  # type: ignore[return-value]
    names: list[list[str]] = [[p.name, *p.aliases] for p in Partner.objects.only("name", "aliases")]
    names += [[c.name_vi, c.name_en, *c.aliases] for c in Country.objects.only("name_vi", "name_en", "aliases")]
    result: dict[str, set[tuple[str, ...]]] = {}
    for spellings in names:
        phrases = {tuple(search_key(s).split()) for s in spellings if search_key(s)}
        for phrase in phrases:
            key = "".join(phrase)
            if len(key) >= MIN_ALIAS_KEY:
                result.setdefault(key, set()).update(phrases)
    frozen = {k: frozenset(v) for k, v in result.items()}
    _alias_cache.update(stamp=stamp, map=frozen)
    return frozen


def parse(text: str, *, aliases: bool = True) -> Query:
    """Normalise and group the user's words; the last word is a prefix while the user is still typing it."""
    words = search_key(text).split()[:MAX_WORDS]
    if not words:
        return Query(text=text)
    typing = not text[-1:].isspace() and not text.rstrip().endswith('"')
    known = alias_map() if aliases else {}
    groups: list[Group] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
            key = compact_key(" ".join(words[i:j]))
            if key in known:
                phrases = sorted({tuple(words[i:j]), *known[key]}, key=lambda p: (len(p), p))
                groups.append(Group(phrases=tuple(phrases)))
                i = j
                break
        else:
            last = i == len(words) - 1
            groups.append(Group(phrases=((words[i],),), prefix=last and typing and len(words[i]) >= MIN_PREFIX))
            i += 1
    return Query(text=text, groups=tuple(groups))
