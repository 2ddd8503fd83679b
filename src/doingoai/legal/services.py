"""Writes of the legal bases register: documents from the references a document import found, citations, and the
count of openings that keeps each user's most-used documents at hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext, gettext_noop

from doingoai.core.workflow import record_event, save_tracked
from doingoai.legal.models import KINDS, LegalCitation, LegalDocument, LegalDocumentOpening, number_key, year_in_number

_KINDS = {k for k, _ in KINDS}


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def legal_document_match(*, number: str, year: int | None) -> LegalDocument | None:
    """The register's document with this number and year. Without a year, the one document of that number, if
    there is exactly one (the same number in two years is two documents, and then nothing is guessed)."""
    same = LegalDocument.objects.filter(number_key=number_key(number))
    if year is not None:
        return same.filter(year=year).first()
    found = list(same[:2])
    return found[0] if len(found) == 1 else None


@transaction.atomic
def legal_documents_from_references(
    *, references: Iterable[Mapping[str, Any]], by: Any, cited_by: models.Model | None = None, source: str = ""
) -> dict[str, int]:
    """Add the documents a text cites (the `legal_references` of `doingoai extract`) to the register, one row
    per document, and record that `cited_by` cites each; empty fields of documents already known are filled."""
    tally = {"created": 0, "updated": 0, "cited": 0}
    for ref in references:
        number = str(ref.get("number") or "").strip()[:64]
        if not number:
            continue
        issued_on = _date(ref.get("date"))
        year = issued_on.year if issued_on else year_in_number(number)
        kind = str(ref.get("kind") or "")
        kind = kind if kind in _KINDS else gettext("Khác")
        issuer = str(ref.get("issuer") or "").strip()[:255]
        doc = legal_document_match(number=number, year=year)
        if doc is None:
            doc = LegalDocument(kind=kind, number=number, year=year, issued_on=issued_on, issuer=issuer)
            save_tracked(doc, by=by, reason=gettext_noop("Nhập từ văn bản"))
            record_event(obj=doc, verb="imported", summary=f"Nhập từ văn bản “{source}”: {doc}", actor=by)
            tally["created"] += 1
        else:
            missing = {"issued_on": issued_on, "issuer": issuer, "year": year}
            changed = [k for k, v in missing.items() if v and not getattr(doc, k)]
            if changed:
                for name in changed:
                    setattr(doc, name, missing[name])
                save_tracked(doc, by=by, reason=gettext_noop("Bổ sung từ văn bản"))
                tally["updated"] += 1
        if cited_by is not None and legal_document_cite(document=doc, obj=cited_by):
            tally["cited"] += 1
    return tally


def legal_document_cite(*, document: LegalDocument, obj: models.Model) -> bool:
    """Record that `obj` cites `document`; False when it already did."""
    _, created = LegalCitation.objects.get_or_create(
        document=document, content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    )
    return created


def legal_document_opened(*, document: LegalDocument, user: Any) -> None:
    """Count one opening of the document by the user (one row per user and document)."""
    if not getattr(user, "is_authenticated", False):
        return
    opening, _ = LegalDocumentOpening.objects.get_or_create(document=document, user=user)
    LegalDocumentOpening.objects.filter(pk=opening.pk).update(
        count=F("count") + 1, last_opened_at=dt.datetime.now(dt.UTC)
    )
