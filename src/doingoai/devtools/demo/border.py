"""Demo border markers, inspections and gates along the province's border with Laos.

Illustrative only: the marker numbers and coordinates are invented (the points lie on the Natural Earth border
line of the vendored map, not at real markers), and every record's note says so. Inspections go through the
service, so each marker's status follows its latest inspection as in real use.

Called by `doingoai.devtools.demo.load_demo`.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from doingoai.border import services
from doingoai.border.models import BorderGate, BorderMarker, GateClass, MarkerKind, MarkerStatus, UpgradeStatus
from doingoai.core.workflow import save_tracked
from doingoai.devtools.demo.builder import DemoBuilder

ILLUSTRATIVE = "Dữ liệu minh họa: số hiệu, tọa độ không phải số liệu thật của mốc."

# (number, longitude, latitude, commune, district, facing province): north (Quế Phong) to south (Thanh Chương).
MARKERS = [
    ("371", 104.9644, 20.0761, "Thông Thụ", "Quế Phong", "Hủa Phăn"),
    ("372", 104.9464, 20.0524, "Thông Thụ", "Quế Phong", "Hủa Phăn"),
    ("373", 104.9464, 19.9916, "Thông Thụ", "Quế Phong", "Hủa Phăn"),
    ("373/2", 104.8672, 19.9781, "Thông Thụ", "Quế Phong", "Hủa Phăn"),
    ("374", 104.7628, 19.8852, "Đồng Văn", "Quế Phong", "Hủa Phăn"),
    ("375", 104.8168, 19.8481, "Đồng Văn", "Quế Phong", "Hủa Phăn"),
    ("376", 104.7592, 19.7670, "Hạnh Dịch", "Quế Phong", "Hủa Phăn"),
    ("377(1)", 104.6764, 19.7248, "Hạnh Dịch", "Quế Phong", "Hủa Phăn"),
    ("377(2)", 104.6044, 19.6066, "Tri Lễ", "Quế Phong", "Hủa Phăn"),
    ("378", 104.5468, 19.6016, "Tri Lễ", "Quế Phong", "Hủa Phăn"),
    ("379", 104.4136, 19.6505, "Nậm Giải", "Quế Phong", "Hủa Phăn"),
    ("380", 104.3416, 19.6826, "Keng Đu", "Kỳ Sơn", "Hủa Phăn"),
    ("381", 104.2012, 19.6978, "Keng Đu", "Kỳ Sơn", "Xiêng Khoảng"),
    ("382", 104.1184, 19.6607, "Na Ngoi", "Kỳ Sơn", "Xiêng Khoảng"),
    ("383", 104.0104, 19.6843, "Na Ngoi", "Kỳ Sơn", "Xiêng Khoảng"),
    ("384", 104.0284, 19.5864, "Nậm Cắn", "Kỳ Sơn", "Xiêng Khoảng"),
    ("385", 104.0824, 19.5087, "Nậm Cắn", "Kỳ Sơn", "Xiêng Khoảng"),
    ("386(1)", 104.0608, 19.4715, "Nậm Cắn", "Kỳ Sơn", "Xiêng Khoảng"),
    ("386(2)", 104.0392, 19.4124, "Nậm Cắn", "Kỳ Sơn", "Xiêng Khoảng"),
    ("387", 103.9528, 19.3905, "Mỹ Lý", "Kỳ Sơn", "Xiêng Khoảng"),
    ("388", 103.8556, 19.3179, "Mỹ Lý", "Kỳ Sơn", "Xiêng Khoảng"),
    ("388/1", 103.9060, 19.2706, "Mỹ Lý", "Kỳ Sơn", "Xiêng Khoảng"),
    ("389", 103.9960, 19.2335, "Mỹ Lý", "Kỳ Sơn", "Xiêng Khoảng"),
    ("390", 104.1976, 19.1473, "Tam Hợp", "Tương Dương", "Xiêng Khoảng"),
    ("391", 104.2588, 19.1034, "Tam Hợp", "Tương Dương", "Bo Ly Khăm Xay"),
    ("392", 104.3380, 19.0545, "Tam Quang", "Tương Dương", "Bo Ly Khăm Xay"),
    ("393", 104.4316, 18.9802, "Tam Quang", "Tương Dương", "Bo Ly Khăm Xay"),
    ("394", 104.5432, 18.9076, "Châu Khê", "Con Cuông", "Bo Ly Khăm Xay"),
    ("395", 104.6476, 18.8333, "Châu Khê", "Con Cuông", "Bo Ly Khăm Xay"),
    ("396", 104.7016, 18.8029, "Môn Sơn", "Con Cuông", "Bo Ly Khăm Xay"),
    ("397", 104.8168, 18.7742, "Môn Sơn", "Con Cuông", "Bo Ly Khăm Xay"),
    ("397(1)", 104.8600, 18.7560, "Phúc Sơn", "Anh Sơn", "Bo Ly Khăm Xay"),
    ("397(2)", 104.9000, 18.7420, "Phúc Sơn", "Anh Sơn", "Bo Ly Khăm Xay"),
    ("397/7(1)", 104.9356, 18.7319, "Hạnh Lâm", "Thanh Chương", "Bo Ly Khăm Xay"),
    ("398", 105.0653, 18.6965, "Thanh Thủy", "Thanh Chương", "Bo Ly Khăm Xay"),
    ("399", 105.1409, 18.6526, "Thanh Thủy", "Thanh Chương", "Bo Ly Khăm Xay"),
    ("405(1)", 105.1625, 18.5985, "Ngọc Lâm", "Thanh Chương", "Bo Ly Khăm Xay"),
]

# (name, class, commune, district, facing gate, facing province, upgrade, upgrade to, longitude, latitude)
GATES = [
    (
        "Nậm Cắn",
        GateClass.INTERNATIONAL,
        "Nậm Cắn",
        "Kỳ Sơn",
        "Nậm Cắn",
        "Xiêng Khoảng",
        UpgradeStatus.NONE,
        "",
        104.0700,
        19.4500,
    ),
    (
        "Thanh Thủy",
        GateClass.MAIN,
        "Thanh Thủy",
        "Thanh Chương",
        "Nậm On",
        "Bo Ly Khăm Xay",
        UpgradeStatus.PROPOSED,
        GateClass.INTERNATIONAL,
        105.0800,
        18.6900,
    ),
    (
        "Thông Thụ",
        GateClass.SECONDARY,
        "Thông Thụ",
        "Quế Phong",
        "",
        "Hủa Phăn",
        UpgradeStatus.PROPOSED,
        GateClass.MAIN,
        104.9300,
        19.9950,
    ),
    (
        "Tam Hợp",
        GateClass.SECONDARY,
        "Tam Hợp",
        "Tương Dương",
        "",
        "Bo Ly Khăm Xay",
        UpgradeStatus.NONE,
        "",
        104.2300,
        19.1250,
    ),
]


def build_border_demo(builder: DemoBuilder) -> None:
    """Markers (mostly good; some damaged, one destroyed then rebuilt), their inspections, and the gates."""
    rng = random.Random(405)  # noqa: S311 - demo data; its own seed so other demo data do not shift
    coordinator = builder.coordinator
    inspector_unit = builder.units["bdbp"]
    inspector = builder.officers.get("bdbp", coordinator)
    partners = builder.partners
    for number, lon, lat, commune, district, facing in MARKERS:
        kind = MarkerKind.AUXILIARY if "/" in number else MarkerKind.MAIN
        marker = BorderMarker(
            number=number,
            kind=MarkerKind.STAKE if number.endswith("/1") else kind,
            commune=commune,
            district=district,
            facing_province=partners.get(facing),
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
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
    for name, gate_class, commune, district, facing_gate, facing, upgrade, upgrade_to, lon, lat in GATES:
        gate = BorderGate(
            name=name,
            gate_class=gate_class,
            commune=commune,
            district=district,
            facing_gate=facing_gate,
            facing_province=partners.get(facing),
            upgrade_status=upgrade,
            upgrade_to=upgrade_to,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
            note="Dữ liệu minh họa: cần đối chiếu với hồ sơ quản lý cửa khẩu.",
        )
        save_tracked(gate, by=coordinator, reason="Nạp dữ liệu minh họa")
    builder.counts["border_gates"] = len(GATES)
