"""Delegations in the search box (search.registry)."""

from doingoai.delegations.models import Delegation
from doingoai.search.registry import register

register(
    Delegation,
    fields=[
        "name",
        "direction",
        "capacity",
        "head",
        "composition",
        "countries",
        "partners",
        "partner_text",
        "purpose",
        "time_text",
        "proposing_unit",
        "decision_ref",
        "status",
        "note",
    ],
    order=10,
)
