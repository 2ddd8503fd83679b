"""Writes of the search: a result that shows a person is a read of personal data, logged like any other."""

from __future__ import annotations

from typing import Any

from doingoai.persons.models import AccessAction, PersonalDataModel
from doingoai.persons.services import personal_data_access_record_many
from doingoai.search.selectors import Results


def search_results_record_reads(*, results: Results, by: Any) -> int:
    """Log the persons shown in `results` (Decree 13/2023: every read of a person's record; a search result
    shows a name), one row per person shown; returns the number logged."""
    shown = [h.obj for g in results.groups for h in g.hits if isinstance(h.obj, PersonalDataModel)]
    by_model: dict[type, list[Any]] = {}
    for obj in shown:
        by_model.setdefault(type(obj), []).append(obj)
    return sum(
        personal_data_access_record_many(objects=objs, by=by, action=AccessAction.SEARCH) for objs in by_model.values()
    )
