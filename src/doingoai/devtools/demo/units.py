"""Demo units and accounts: the province's agencies (with the 2025 mergers kept as history), the six demo
accounts, and one officer for every unit that owns demo records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password

from doingoai.core.choices import Role, UnitKind
from doingoai.core.models import Unit, User
from doingoai.devtools.demo.builder import DemoBuilder

K = UnitKind


@dataclass(frozen=True)
class UnitSpec:
    key: str
    name: str
    short_name: str
    kind: str
    parent: str = ""
    coordinator: bool = False
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    note: str = ""


MERGED_ON = dt.date(2025, 3, 1)  # the 2025 reorganisation of provincial departments took effect on 1/3/2025
MERGED_UNTIL = MERGED_ON - dt.timedelta(days=1)


def unit_specs(province: str, coordinator_name: str) -> list[UnitSpec]:
    """The province's agencies, organisations, armed forces, districts, communes and public bodies."""
    merged = "Sắp xếp tổ chức bộ máy năm 2025: hợp nhất vào {} từ ngày 01/3/2025."
    return [
        UnitSpec("tinhuy", f"Tỉnh ủy {province}", "Tỉnh ủy", K.PARTY),
        UnitSpec("bantgdv", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDV", K.PARTY, "tinhuy", active_from=MERGED_ON),
        UnitSpec("bantochuc", "Ban Tổ chức Tỉnh ủy", "BTC", K.PARTY, "tinhuy"),
        UnitSpec("hdnd", f"Hội đồng nhân dân tỉnh {province}", "HĐND tỉnh", K.COUNCIL),
        UnitSpec("vpdbqh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "VP ĐĐBQH&HĐND", K.COUNCIL, "hdnd"),
        UnitSpec("ubnd", f"Ủy ban nhân dân tỉnh {province}", "UBND tỉnh", K.PEOPLES_COMMITTEE),
        UnitSpec("vpubnd", "Văn phòng UBND tỉnh", "VP UBND", K.PEOPLES_COMMITTEE, "ubnd"),
        UnitSpec(
            "songoaivu",
            coordinator_name,
            "SNgV",
            K.DEPARTMENT,
            "ubnd",
            coordinator=True,
            note="Cơ quan chuyên môn tham mưu công tác đối ngoại; cơ quan điều phối trên hệ thống.",
        ),
        UnitSpec("sotaichinh", "Sở Tài chính", "STC", K.DEPARTMENT, "ubnd"),
        UnitSpec("sodulich", "Sở Du lịch", "SDL", K.DEPARTMENT, "ubnd"),
        UnitSpec("soyte", "Sở Y tế", "SYT", K.DEPARTMENT, "ubnd"),
        UnitSpec("sogddt", "Sở Giáo dục và Đào tạo", "SGDĐT", K.DEPARTMENT, "ubnd"),
        UnitSpec("socongthuong", "Sở Công Thương", "SCT", K.DEPARTMENT, "ubnd"),
        UnitSpec("sovhtt", "Sở Văn hóa và Thể thao", "SVHTT", K.DEPARTMENT, "ubnd"),
        UnitSpec("sokhcn", "Sở Khoa học và Công nghệ", "SKHCN", K.DEPARTMENT, "ubnd"),
        UnitSpec("sonnmt", "Sở Nông nghiệp và Môi trường", "SNNMT", K.DEPARTMENT, "ubnd", active_from=MERGED_ON),
        UnitSpec("sonoivu", "Sở Nội vụ", "SNV", K.DEPARTMENT, "ubnd"),
        UnitSpec("soxaydung", "Sở Xây dựng", "SXD", K.DEPARTMENT, "ubnd"),
        UnitSpec("sotuphap", "Sở Tư pháp", "STP", K.DEPARTMENT, "ubnd"),
        UnitSpec("bqlkkt", "Ban Quản lý Khu kinh tế Đông Nam", "BQL KKT", K.DEPARTMENT, "ubnd"),
        UnitSpec(
            "sokhdt",
            "Sở Kế hoạch và Đầu tư",
            "SKHĐT",
            K.DEPARTMENT,
            "sotaichinh",
            active_to=MERGED_UNTIL,
            note=merged.format("Sở Tài chính"),
        ),
        UnitSpec(
            "sonnptnt",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "SNNPTNT",
            K.DEPARTMENT,
            "sonnmt",
            active_to=MERGED_UNTIL,
            note=merged.format("Sở Nông nghiệp và Môi trường"),
        ),
        UnitSpec(
            "sotnmt",
            "Sở Tài nguyên và Môi trường",
            "STNMT",
            K.DEPARTMENT,
            "sonnmt",
            active_to=MERGED_UNTIL,
            note=merged.format("Sở Nông nghiệp và Môi trường"),
        ),
        UnitSpec(
            "soldtbxh",
            "Sở Lao động - Thương binh và Xã hội",
            "SLĐTBXH",
            K.DEPARTMENT,
            "sonoivu",
            active_to=MERGED_UNTIL,
            note=merged.format("Sở Nội vụ"),
        ),
        UnitSpec("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ tỉnh", K.MASS_ORG),
        UnitSpec("tinhdoan", "Tỉnh đoàn", "Tỉnh đoàn", K.MASS_ORG, "mttq"),
        UnitSpec("hoiphunu", "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN", K.MASS_ORG, "mttq"),
        UnitSpec("lhhn", "Liên hiệp các tổ chức hữu nghị tỉnh", "LHHN", K.MASS_ORG),
        UnitSpec("hoinongdan", "Hội Nông dân tỉnh", "HND", K.MASS_ORG, "mttq"),
        UnitSpec("ldld", "Liên đoàn Lao động tỉnh", "LĐLĐ", K.MASS_ORG, "mttq"),
        UnitSpec("congan", "Công an tỉnh", "CA tỉnh", K.ARMED_FORCE),
        UnitSpec("bchqs", "Bộ Chỉ huy Quân sự tỉnh", "BCHQS", K.ARMED_FORCE),
        UnitSpec("bdbp", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP", K.ARMED_FORCE),
        UnitSpec("kyson", "UBND huyện Kỳ Sơn", "Kỳ Sơn", K.DISTRICT, "ubnd", note="Huyện biên giới"),
        UnitSpec("tuongduong", "UBND huyện Tương Dương", "Tương Dương", K.DISTRICT, "ubnd", note="Huyện biên giới"),
        UnitSpec("quephong", "UBND huyện Quế Phong", "Quế Phong", K.DISTRICT, "ubnd", note="Huyện biên giới"),
        UnitSpec("concuong", "UBND huyện Con Cuông", "Con Cuông", K.DISTRICT, "ubnd", note="Huyện biên giới"),
        UnitSpec("anhson", "UBND huyện Anh Sơn", "Anh Sơn", K.DISTRICT, "ubnd", note="Huyện biên giới"),
        UnitSpec("thanhchuong", "UBND huyện Thanh Chương", "Thanh Chương", K.DISTRICT, "ubnd", note="Huyện biên giới"),
        UnitSpec("vinh", "UBND thành phố Vinh", "TP Vinh", K.DISTRICT, "ubnd"),
        UnitSpec("myly", "UBND xã Mỹ Lý", "Mỹ Lý", K.COMMUNE, "kyson", note="Xã biên giới"),
        UnitSpec("namcan", "UBND xã Nậm Cắn", "Nậm Cắn", K.COMMUNE, "kyson", note="Xã biên giới, cửa khẩu Nậm Cắn"),
        UnitSpec("tamhop", "UBND xã Tam Hợp", "Tam Hợp", K.COMMUNE, "tuongduong", note="Xã biên giới"),
        UnitSpec("thongthu", "UBND xã Thông Thụ", "Thông Thụ", K.COMMUNE, "quephong", note="Xã biên giới"),
        UnitSpec(
            "thanhthuy",
            "UBND xã Thanh Thủy",
            "Thanh Thủy",
            K.COMMUNE,
            "thanhchuong",
            note="Xã biên giới, cửa khẩu Thanh Thủy",
        ),
        UnitSpec("bvhndk", f"Bệnh viện Hữu nghị Đa khoa {province}", "BV HNĐK", K.ENTERPRISE, "soyte"),
        UnitSpec("vqgpumat", "Vườn quốc gia Pù Mát", "VQG Pù Mát", K.ENTERPRISE, "sonnmt"),
        UnitSpec("dhvinh", "Trường Đại học Vinh", "ĐH Vinh", K.ENTERPRISE),
        UnitSpec("dhykvinh", "Trường Đại học Y khoa Vinh", "ĐH YK Vinh", K.ENTERPRISE, "ubnd"),
        UnitSpec("ttxt", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", "TTXT", K.ENTERPRISE, "ubnd"),
        UnitSpec("cangnt", "Công ty Cổ phần Cảng Nghệ Tĩnh", "Cảng Nghệ Tĩnh", K.ENTERPRISE),
    ]


# --------------------------------------------------------------------------------------------------- users


@dataclass(frozen=True)
class UserSpec:
    username: str
    role: str
    unit: str  # UnitSpec.key, or "" for none
    full_name: str
    superuser: bool = False


DEMO_USERS = [
    UserSpec("coordinator", Role.COORDINATOR, "songoaivu", "Nguyễn Thị Thu Hà"),
    UserSpec("leader", Role.LEADER, "ubnd", "Phan Đức Thắng"),
    UserSpec("finance", Role.FINANCE, "sotaichinh", "Võ Thị Lan Anh"),
    UserSpec("admin", Role.ADMIN, "", "Đặng Quốc Huy", superuser=True),
    UserSpec("officer1", Role.UNIT_OFFICER, "sodulich", "Lê Minh Tuấn"),
    UserSpec("officer2", Role.UNIT_OFFICER, "congan", "Hồ Văn Long"),
]

SURNAMES = ["Nguyễn", "Trần", "Lê", "Hồ", "Phan", "Võ", "Đặng", "Bùi", "Hoàng", "Đinh", "Lương", "Vi", "Lô", "Cao"]
# (middle names, given names) for men and for women
NAME_PARTS = [
    (
        ["Văn", "Đình", "Hữu", "Quang", "Minh", "Xuân", "Thanh"],
        ["An", "Bình", "Cường", "Hải", "Hùng", "Khánh", "Nam", "Phúc", "Sơn", "Trung", "Đức", "Hiếu"],
    ),
    (
        ["Thị", "Thị Thu", "Thị Minh", "Ngọc", "Thanh"],
        ["Dung", "Giang", "Hạnh", "Hương", "Lan", "Linh", "Nga", "Tâm", "Thảo", "Vân", "Yến", "Quỳnh"],
    ),
]


def split_name(full_name: str) -> tuple[str, str]:
    """("Nguyễn Thị Thu Hà") → first_name "Hà" (tên), last_name "Nguyễn Thị Thu" (họ và tên đệm)."""
    *family, given = full_name.split()
    return given, " ".join(family)


def build_units(builder: DemoBuilder) -> None:
    """The units, parents first, updated in place when a unit of the same name exists."""
    specs = unit_specs(builder.province, settings.COORDINATOR_UNIT_NAME)
    seen: set[str] = set()
    unique = []
    for spec in specs:
        if spec.name not in seen:  # a configured coordinator name may repeat another unit's name
            seen.add(spec.name)
            unique.append(spec)
    keys = {s.key for s in unique}
    # Parents first (a merged unit lists the new unit it went into as its parent).
    pending = [s for s in unique if not s.parent or s.parent in keys]
    ordered: list[UnitSpec] = []
    while pending:
        ready = [s for s in pending if not s.parent or s.parent in {o.key for o in ordered}]
        ordered += ready
        pending = [s for s in pending if s not in ready]
    for spec in ordered:
        unit: Unit = Unit.objects.filter(name=spec.name).first() or Unit(name=spec.name)
        unit.parent = builder.units.get(spec.parent)
        unit.short_name = spec.short_name
        unit.kind = spec.kind
        unit.is_coordinator = spec.coordinator
        unit.email = f"{spec.key}@example.org"
        unit.active_from = spec.active_from
        unit.active_to = spec.active_to
        unit.note = spec.note
        unit._change_reason = "Nạp dữ liệu minh họa"  # type: ignore[attr-defined]
        unit.save()
        builder.units[spec.key] = unit
        builder.counts["units"] += 1


def make_user(
    builder: DemoBuilder,
    username: str,
    role: str,
    unit: Unit | None,
    full_name: str,
    *,
    superuser: bool = False,
    password_hash: str | None = None,
) -> User:
    first, last = split_name(full_name)
    user = User.objects.filter(username=username).first() or User(username=username)
    user.role = role
    user.unit = unit
    user.first_name, user.last_name = first, last
    user.email = f"{username}@example.org"
    user.is_staff = user.is_superuser = superuser
    user.is_active = True
    if password_hash:
        user.password = password_hash
    else:
        user.set_password(builder.password)
    user.save()
    builder.counts["users"] += 1
    return user


def build_users(builder: DemoBuilder, owners: Iterable[str]) -> None:
    """The demo accounts, then one officer (`canbo_<unit>`) for each unit in `owners` without one."""
    for spec in DEMO_USERS:
        unit = builder.units.get(spec.unit) if spec.unit else None
        builder.users[spec.username] = make_user(
            builder, spec.username, spec.role, unit, spec.full_name, superuser=spec.superuser
        )
    builder.officers = {"sodulich": builder.users["officer1"], "congan": builder.users["officer2"]}
    shared_hash = make_password(builder.password)  # hashed once: one hash per user would take seconds
    for key in sorted(set(owners) - set(builder.officers)):
        middle_names, given_names = builder.rng.choice(NAME_PARTS)
        name = f"{builder.rng.choice(SURNAMES)} {builder.rng.choice(middle_names)} {builder.rng.choice(given_names)}"
        builder.officers[key] = make_user(
            builder, f"canbo_{key}", Role.UNIT_OFFICER, builder.units[key], name, password_hash=shared_hash
        )
