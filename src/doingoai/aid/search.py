"""Aid projects and investment opportunities in the search box (search.registry)."""

from doingoai.aid.models import AidProject, InvestmentOpportunity
from doingoai.search.registry import register

register(
    AidProject,
    fields=[
        "title", "kind", "donor", "donor_text", "sector", "objectives", "place", "managing_unit",
        "approval_ref", "status", "note",
    ],
    order=30,
)  # fmt: skip
register(
    InvestmentOpportunity,
    fields=[
        "title", "title_en", "sector", "place", "scale", "description", "investor", "investor_text",
        "managing_unit", "status", "note",
    ],
    order=31,
)  # fmt: skip
