"""International agreements in the search box (search.registry)."""

from doingoai.agreements.models import Agreement
from doingoai.search.registry import register

register(
    Agreement,
    fields=[
        "title",
        "type",
        "capacity",
        "country",
        "partner",
        "partner_text",
        "signing_level",
        "approving_authority",
        "proposing_unit",
        "approval_ref",
        "time_text",
        "status",
        "note",
    ],
    order=30,
)
