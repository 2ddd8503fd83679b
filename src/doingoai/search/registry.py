"""What the search box covers: every registry declared with `search = Search(...)` in its `registry.py`::

    search = Search(
        fields=["name", "head", "purpose", "partner_text", "countries", "partners", "proposing_unit"],
        title="name",             # optional; default str(obj)
        label="Đoàn ra, đoàn vào",  # optional; default Meta.verbose_name_plural
    )

- `fields`: model fields whose text is indexed. Text/char/number/date fields are indexed as written; choice
  fields by their Vietnamese label; foreign keys and many-to-many by `str()` of the related objects — and the
  index is refreshed when a related object changes (a renamed partner). The title (`title` or `str(obj)`) is
  always indexed with a higher weight.
- `extra_text`: optional callable `(obj) -> str` for computed text (e.g. the text of child rows).
- `personal_data=True` for registries of personal data (Decree 13/2023: overseas Vietnamese, citizen cases):
  results show the title only, never an excerpt of the indexed text.
- `visible_to`: optional callable `(user) -> bool`; when it says False the whole registry is left out of
  that user's results (e.g. personal data only for the roles that need it).
- Hits are always filtered through `Model.objects.restrict(user, "view")`, so a user finds only what the
  lists show them. The model must use core's `RestrictedQuerySet` (every `BaseModel` does).

Accents, old/new tone placement ("hoà" = "hòa") and the aliases of partners and countries
("Bolykhămxay" = "Bo Ly Khăm Xay") are handled by the search itself; declarations need nothing for them.
The index is kept current by signals on declared models (same transaction as the write);
`doingoai reindex` rebuilds it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class SearchSpec:
    model: type[models.Model]
    fields: tuple[str, ...]
    title: str | Callable[[Any], str] | None = None
    label: str = ""
    extra_text: Callable[[Any], str] | None = None
    personal_data: bool = False
    visible_to: Callable[[Any], bool] | None = None
    # Order of the groups on the results page (smaller first); registries of the annual plan come first.
    order: int = 100

    @property
    def key(self) -> str:
        """`app_label.model_name`, stored in the index and used in `?registry=` links."""
        return self.model._meta.label_lower

    @property
    def group_label(self) -> str:
        return self.label or str(self.model._meta.verbose_name_plural)

    def title_of(self, obj: Any) -> str:
        if self.title is None:
            return str(obj)
        if callable(self.title):
            return str(self.title(obj))
        value = getattr(obj, self.title)
        return str(value() if callable(value) else value)

    def relation_fields(self) -> list[Any]:
        """The declared fields that point at other models (their renames must refresh our index rows)."""
        result: list[Any] = []
        for name in self.fields:
            f = self.model._meta.get_field(name)
            if f.is_relation and (f.many_to_many or f.many_to_one or f.one_to_one) and f.concrete:
                result.append(f)
        return result


_REGISTRY: dict[str, SearchSpec] = {}


def register(
    model: type[models.Model],
    *,
    fields: Sequence[str],
    title: str | Callable[[Any], str] | None = None,
    label: str = "",
    extra_text: Callable[[Any], str] | None = None,
    personal_data: bool = False,
    visible_to: Callable[[Any], bool] | None = None,
    order: int = 100,
) -> SearchSpec:
    """Declare `model` searchable (see the module docstring). Returns the declaration."""
    if not hasattr(model._default_manager.all(), "restrict"):
        raise TypeError(f"{model.__name__}: a searchable model needs a RestrictedQuerySet manager (BaseModel).")
    for name in fields:
        model._meta.get_field(name)  # an unknown field fails at start-up, not at the first search
    spec = SearchSpec(
        model=model,
        fields=tuple(fields),
        title=title,
        label=label,
        extra_text=extra_text,
        personal_data=personal_data,
        visible_to=visible_to,
        order=order,
    )
    _REGISTRY[spec.key] = spec
    return spec


def registered() -> list[SearchSpec]:
    """Every declaration, in the order of the results page."""
    return sorted(_REGISTRY.values(), key=lambda s: (s.order, s.group_label))


def registered_count() -> int:
    """How many declarations there are (without sorting them, as registered() does)."""
    return len(_REGISTRY)


def spec_for(model_or_key: type[models.Model] | str) -> SearchSpec | None:
    key = model_or_key if isinstance(model_or_key, str) else model_or_key._meta.label_lower
    return _REGISTRY.get(key)
