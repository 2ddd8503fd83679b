"""Demo overseas Vietnamese and their associations. Every person is invented (names, phones "00…",
e-mails at example.org); the notes say so.

Called by `doingoai.devtools.demo.load_demo`: persons recorded by the coordinator and by the demo officers' units (so
each role sees what the Decree 13/2023 rules give it), one consent withdrawn, one record erased on request, and
a few readings already in the access log. The records are data/diaspora.toml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from doingoai.core.workflow import save_tracked
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.devtools.demo.records import read_toml, records
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.persons import services
from doingoai.persons.models import AccessAction, ConsentMeans

FICTITIOUS = "Dữ liệu minh họa: nhân vật hư cấu."


@dataclass(frozen=True)
class AssociationSpec:
    name: str
    country: str
    city: str
    leader: str
    members: int


@dataclass(frozen=True)
class PersonSpec:
    unit: str  # the recording unit (key of the demo units)
    name: str
    born: int
    country: str
    city: str
    commune: str
    occupation: str
    purpose: str
    association: int | None = None  # index in ASSOCIATIONS


_DATA = read_toml("diaspora.toml")
ASSOCIATIONS = records(AssociationSpec, _DATA["association"])
PERSONS = records(PersonSpec, [row | {"purpose": _DATA["purposes"][row["purpose"]]} for row in _DATA["person"]])


def phone(i: int) -> str:
    """Obviously fictitious numbers (no real number starts with 0000)."""
    return f"0000 000 {100 + i:03d}"


def build_diaspora_demo(builder: DemoBuilder) -> None:
    """Associations, persons (recorded by their units), a withdrawn consent, an erasure, some access log rows."""
    today = builder.today
    associations: list[DiasporaAssociation] = []
    for spec in ASSOCIATIONS:
        association = DiasporaAssociation(
            name=spec.name.format(province=builder.province),
            country=builder.countries[spec.country],
            city=spec.city,
            leader=spec.leader,
            phone=phone(len(associations) + 50),
            email=f"hoi{len(associations) + 1}@example.org",
            members_count=spec.members,
            note=FICTITIOUS,
        )
        associations.append(save_tracked(association, by=builder.coordinator, reason="Nạp dữ liệu minh họa"))
    persons: list[OverseasVietnamese] = []
    for i, person_spec in enumerate(PERSONS):
        by: Any = builder.officers.get(person_spec.unit, builder.coordinator)
        person = OverseasVietnamese(
            full_name=person_spec.name,
            birth_year=person_spec.born,
            home_commune=person_spec.commune,
            country=builder.countries[person_spec.country],
            city=person_spec.city,
            occupation=person_spec.occupation,
            phone=phone(i),
            email=f"kieubao{i + 1}@example.org",
            address=f"{10 + i} Đường Minh Họa, {person_spec.city}",
            association=associations[person_spec.association] if person_spec.association is not None else None,
            purpose=person_spec.purpose,
            consent_given_on=today - dt.timedelta(days=400 - 17 * i),
            consent_means=ConsentMeans.WRITTEN if i % 3 else ConsentMeans.ELECTRONIC,
            recording_unit=builder.units[person_spec.unit],
            note=FICTITIOUS,
        )
        persons.append(save_tracked(person, by=by, reason="Tạo mới"))
    builder.counts["overseas_vietnamese"] = len(persons)
    # One person withdrew the consent; another asked for the erasure of the data.
    withdrawn = persons[6]
    withdrawn.consent_withdrawn_on = today - dt.timedelta(days=20)
    save_tracked(withdrawn, by=builder.coordinator, reason="Cập nhật")
    services.personal_data_erase(
        obj=persons[-2],
        by=builder.coordinator,
        reason="Chủ thể dữ liệu đề nghị xóa toàn bộ dữ liệu cá nhân (minh họa).",
        requested_on=today - dt.timedelta(days=10),
        request_ref="Đơn đề nghị ngày (minh họa)",
    )
    for person, user in [(persons[0], builder.leader), (persons[7], builder.officers["sodulich"])]:
        services.personal_data_access_record(obj=person, by=user, action=AccessAction.VIEW)
    services.personal_data_access_record_many(
        objects=persons[:5], by=builder.coordinator, action=AccessAction.EXPORT_LIST
    )
