"""The interface speaks the user's language; documents, imports and matching speak Vietnamese."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.utils import translation
from django_stubs_ext import StrOrPromise


def vietnamese(text: StrOrPromise) -> str:
    """A label as the province's documents write it, whatever language the interface is in: readers match
    Vietnamese text against choice labels, and the Decree 30 documents are Vietnamese."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def vietnamese_choices(choices: Sequence[tuple[str, StrOrPromise]]) -> list[tuple[str, str]]:
    with translation.override(settings.LANGUAGE_CODE):
        return [(code, str(label)) for code, label in choices]


P = ParamSpec("P")
R = TypeVar("R")


def in_vietnamese(func: Callable[P, R]) -> Callable[P, R]:
    """The official documents (Decree 30 .docx, the programme's appendices, the consolidated reports) are written in
    Vietnamese whoever downloads them: the function runs with Vietnamese active, then the user's language returns."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with translation.override(settings.LANGUAGE_CODE):
            return func(*args, **kwargs)

    return wrapper


def vietnamese_display(obj: object, field: str) -> str:
    """`obj.get_<field>_display()` in Vietnamese: for text stored in the database (history, events, notes), which
    is written in the province's language whoever acts."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(getattr(obj, f"get_{field}_display")())
