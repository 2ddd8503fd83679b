"""Demo border markers, inspections and gates along the province's border with Laos.

Illustrative only: the marker numbers and coordinates are invented (the points lie on the Natural Earth border
line of the vendored map, not at real markers), and every record's note says so. Inspections go through the
service, so each marker's status follows its latest inspection as in real use.

Called by `doingoai.devtools.demo.load_demo`; the markers are data/border_markers.csv, the gates data/border.toml.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from doingoai.border import services
from doingoai.border.models import BorderGate, BorderMarker, GateClass, MarkerKind, MarkerStatus, UpgradeStatus
from doingoai.core.workflow import save_tracked
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.devtools.demo.records import read_csv, read_toml, records

ILLUSTRATIVE = "Dữ liệu minh họa: số hiệu, tọa độ không phải số liệu thật của mốc."


@dataclass(frozen=True)
class MarkerSpec:
    number: str
    longitude: float
    latitude: float
    commune: str
    district: str
    facing: str  # the Lao province across (a partner of the reference data)


@dataclass(frozen=True)
class GateSpec:
    name: str
    gate_class: GateClass
    commune: str
    district: str
    facing_gate: str
    facing: str
    upgrade: UpgradeStatus
    upgrade_to: str  # a GateClass, or "" when no upgrade is proposed
    longitude: float
    latitude: float


MARKERS = records(MarkerSpec, read_csv("border_markers.csv"))  # north (Quế Phong) to south (Thanh Chương)
GATES = records(GateSpec, read_toml("border.toml")["gate"])


def build_border_demo(builder: DemoBuilder) -> None:
    """Markers (mostly good; some damaged, one destroyed then rebuilt), their inspections, and the gates."""
    rng = random.Random(405)  # noqa: S311 - demo data; its own seed so other demo data do not shift
    coordinator = builder.coordinator
    inspector_unit = builder.units["bdbp"]
    inspector = builder.officers.get("bdbp", coordinator)
    partners = builder.partners
    for spec in MARKERS:
        kind = MarkerKind.AUXILIARY if "/" in spec.number else MarkerKind.MAIN
        marker = BorderMarker(
            number=spec.number,
            kind=MarkerKind.STAKE if spec.number.endswith("/1") else kind,
            commune=spec.commune,
            district=spec.district,
            facing_province=partners.get(spec.facing),
            latitude=Decimal(str(spec.latitude)),
            longitude=Decimal(str(spec.longitude)),
            status=MarkerStatus.GOOD,
            note=ILLUSTRATIVE,
        )
        marker = save_tracked(marker, by=coordinator, reason="Nạp dữ liệu minh họa")
        # Twice-yearly patrols: the first half of the year, then a recent one.
        for months_ago, status in [
            (8, MarkerStatus.GOOD),
            (2, rng.choice([MarkerStatus.GOOD] * 8 + [MarkerStatus.DAMAGED])),
        ]:
            services.marker_inspection_record(
                marker=marker,
                by=inspector,
                inspected_on=builder.today - dt.timedelta(days=30 * months_ago + rng.randint(0, 20)),
                inspector_unit=inspector_unit,
                status_found=status,
                note="Tuần tra định kỳ." if status == MarkerStatus.GOOD else "Mốc bị sạt lở chân, cần gia cố.",
            )
        builder.counts["border_markers"] = builder.counts.get("border_markers", 0) + 1
    # One marker destroyed by a landslide and rebuilt since; one destroyed and waiting.
    for number, statuses in [
        ("388/1", [MarkerStatus.DESTROYED, MarkerStatus.REBUILT]),
        ("379", [MarkerStatus.DESTROYED]),
    ]:
        marker = BorderMarker.objects.get(number=number)
        for days_ago, status in zip([40, 10], statuses, strict=False):
            services.marker_inspection_record(
                marker=marker,
                by=inspector,
                inspected_on=builder.today - dt.timedelta(days=days_ago),
                inspector_unit=inspector_unit,
                status_found=status,
                note="Mốc bị lũ quét cuốn trôi." if status == MarkerStatus.DESTROYED else "Đã xây dựng lại mốc.",
            )
    for gate_spec in GATES:
        gate = BorderGate(
            name=gate_spec.name,
            gate_class=gate_spec.gate_class,
            commune=gate_spec.commune,
            district=gate_spec.district,
            facing_gate=gate_spec.facing_gate,
            facing_province=partners.get(gate_spec.facing),
            upgrade_status=gate_spec.upgrade,
            upgrade_to=gate_spec.upgrade_to,
            latitude=Decimal(str(gate_spec.latitude)),
            longitude=Decimal(str(gate_spec.longitude)),
            note="Dữ liệu minh họa: cần đối chiếu với hồ sơ quản lý cửa khẩu.",
        )
        save_tracked(gate, by=coordinator, reason="Nạp dữ liệu minh họa")
    builder.counts["border_gates"] = len(GATES)
