"""Border markers and gates in the search box (search.registry): "405(1)" is found as typed."""

from doingoai.border.models import BorderGate, BorderMarker
from doingoai.search.registry import register

register(
    BorderMarker,
    fields=["number", "kind", "commune", "district", "facing_province", "facing_province_text", "status", "note"],
    order=70,
)
register(
    BorderGate,
    fields=["name", "gate_class", "commune", "district", "facing_gate", "facing_province", "upgrade_status", "note"],
    order=71,
)
