"""Events, training courses and inspections in the search box (search.registry)."""

from doingoai.events.models import Event, Inspection, TrainingCourse
from doingoai.search.registry import register

register(
    Event,
    fields=[
        "title", "kind", "partner_text", "partners", "countries", "place", "participants", "organising_unit",
        "time_text", "status", "note",
    ],
    order=32,
)  # fmt: skip
register(
    TrainingCourse,
    fields=["title", "topic", "audience", "place", "partner_text", "organising_unit", "time_text", "status", "note"],
    order=33,
)
register(
    Inspection,
    fields=[
        "title", "inspecting_unit", "inspected_unit", "domain", "scope", "decision_ref", "findings",
        "conclusion_ref", "status", "note",
    ],
    order=34,
)  # fmt: skip
