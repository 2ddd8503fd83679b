"""The interface speaks the user's language; documents, imports and matching speak Vietnamese."""

from __future__ import annotations

from collections.abc import Sequence

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
