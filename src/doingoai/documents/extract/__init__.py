"""Turn a read document into the ``doingoai extract`` contract of DESIGN.md (no Django).

``extract(document)`` returns a dict with every key of the contract, null or [] where the document says
nothing. It is built for the genre — provincial foreign-affairs programmes, plans, notices, reports and
letters — not for one file: the appendix tables are recognised by their header words, whatever their column
order; group header rows ("A", "I", "-" …) give the delegation group, state-budget flag and region; the body
is read for the stated counts, deadlines, reporting duties, anniversaries, legal references and tasks.

Round anniversaries come from the text only: a date range "(23/9/1975-23/9/2025)" beside a country or a
diplomatic cue, or a named one ("kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam - Hàn Quốc") whose
dates are looked up in the reference data (the relations an administrator keeps at /relations/, or the shipped
``reference/data/diplomatic_relations.csv``); nothing is computed that the text does not state.

One module per part of the contract (``header``, ``body``, ``anniversaries``, ``legal``, ``partners``,
``appendices``, ``tasks``); ``common`` holds the helpers and the per-document context they share.
"""

from __future__ import annotations

from typing import Any

from doingoai.documents.extract.anniversaries import _anniversaries
from doingoai.documents.extract.appendices import _appendices
from doingoai.documents.extract.body import _deadlines, _planned_counts, _reporting
from doingoai.documents.extract.common import _body_paragraphs, _Context
from doingoai.documents.extract.header import _document_info
from doingoai.documents.extract.legal import _legal_references
from doingoai.documents.extract.partners import _partners
from doingoai.documents.extract.tasks import _tasks
from doingoai.documents.gazetteer import gazetteer_for
from doingoai.documents.model import Document
from doingoai.reference import refdata

__all__ = ["CONTRACT_KEYS", "extract"]

CONTRACT_KEYS = (
    "document",
    "planned_counts",
    "deadlines",
    "reporting",
    "anniversaries",
    "legal_references",
    "partners",
    "delegations",
    "conferences",
    "agreements",
    "tasks",
)


def extract(document: Document, *, reference: refdata.ReferenceData | None = None) -> dict[str, Any]:
    """Extract the DESIGN.md contract from a document; every key is present (null or [] when absent).

    ``reference`` holds the countries, partners and diplomatic relations to recognise: by default the shipped
    CSV files; the Django side passes the database's (``core.selectors.reference_from_database``).
    """
    reference = refdata.shipped() if reference is None else reference
    context = _Context(
        document=document,
        gazetteer=gazetteer_for(reference),
        relations=reference.relations,
        lines=list(document.lines()),
        paragraphs=document.paragraphs(),
    )
    info = _document_info(context)
    context.year = info["year"]
    context.number = info["number"]
    body = _body_paragraphs(context.paragraphs)
    delegations, conferences, agreements = _appendices(context)
    return {
        "document": info,
        "planned_counts": _planned_counts(body),
        "deadlines": _deadlines(body, context.year),
        "reporting": _reporting(body),
        "anniversaries": _anniversaries(context, body),
        "legal_references": _legal_references(context),
        "partners": _partners(context),
        "delegations": delegations,
        "conferences": conferences,
        "agreements": agreements,
        "tasks": _tasks(context.paragraphs),
    }
