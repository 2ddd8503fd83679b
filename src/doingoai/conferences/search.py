"""Conferences in the search box (search.registry)."""

from doingoai.conferences.models import Conference
from doingoai.search.registry import register

register(
    Conference,
    fields=[
        "title",
        "partner_text",
        "partners",
        "countries",
        "place",
        "time_text",
        "organising_unit",
        "permitting_authority_text",
        "permit_ref",
        "status",
        "note",
    ],
    order=20,
)
