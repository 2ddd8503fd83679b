"""Demo units and accounts: the province's agencies (with the 2025 mergers kept as history), the six demo
accounts, and one officer for every unit that owns demo records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from doingoai.core.choices import Role, UnitKind
from doingoai.core.models import CompetentUnit, Unit, User
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.devtools.demo.records import read_toml, records


@dataclass(frozen=True)
class UnitSpec:
    key: str
    name: str
    short_name: str
    kind: UnitKind
    parent: str = ""
    coordinator: bool = False
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class UserSpec:
    username: str
    role: Role
    unit: str  # UnitSpec.key, or "" for none
    full_name: str
    superuser: bool = False


def unit_specs(province: str, coordinator_name: str) -> list[UnitSpec]:
    """The province's agencies, organisations, armed forces, districts, communes and public bodies (units.toml)."""
    rows = read_toml("units.toml")["unit"]
    for row in rows:
        row["name"] = row["name"].replace("{province}", province).replace("{coordinator}", coordinator_name)
    return records(UnitSpec, rows)


_USERS = read_toml("users.toml")
DEMO_USERS = records(UserSpec, _USERS["user"])
SURNAMES: list[str] = _USERS["surnames"]
# (middle names, given names) for men and for women
NAME_PARTS: list[tuple[list[str], list[str]]] = [(part["middle"], part["given"]) for part in _USERS["name_parts"]]


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


def build_competences(builder: DemoBuilder) -> None:
    """The units competent for the border, citizen cases, APEC cards and persons (units.toml, [competence])."""
    for subject, keys in read_toml("units.toml")["competence"].items():
        for key in keys:
            if key in builder.units:
                CompetentUnit.objects.get_or_create(subject=subject, unit=builder.units[key])


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
    user.password = password_hash or builder.password_hash
    user.save()
    builder.counts["users"] += 1
    return user


def random_full_name(builder: DemoBuilder) -> str:
    middle_names, given_names = builder.rng.choice(NAME_PARTS)
    return f"{builder.rng.choice(SURNAMES)} {builder.rng.choice(middle_names)} {builder.rng.choice(given_names)}"


def build_users(builder: DemoBuilder, owners: Iterable[str]) -> None:
    """The demo accounts, then one officer (`canbo_<unit>`) for each unit in `owners` without one."""
    for spec in DEMO_USERS:
        unit = builder.units.get(spec.unit) if spec.unit else None
        builder.users[spec.username] = make_user(
            builder, spec.username, spec.role, unit, spec.full_name, superuser=spec.superuser
        )
    builder.officers = {"sodulich": builder.users["officer1"], "congan": builder.users["officer2"]}
    for key in sorted(set(owners) - set(builder.officers)):
        name = random_full_name(builder)
        builder.officers[key] = make_user(builder, f"canbo_{key}", Role.UNIT_OFFICER, builder.units[key], name)
