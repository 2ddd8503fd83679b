"""The programme and its tasks in the search box (search.registry)."""

from doingoai.programs.models import Program, ProgramItem
from doingoai.search.registry import register

register(Program, fields=["title", "number", "signer_name", "status", "preamble", "note"], order=5)
register(
    ProgramItem,
    fields=["section", "pillar", "domain", "text", "lead_unit", "coordinating_units", "progress_note"],
    title=lambda item: f"{item.section} {item.text}".strip(),
    order=6,
)
