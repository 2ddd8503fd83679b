"""Demo overseas Vietnamese and their associations. Every person is invented (names, phones "00…",
e-mails at example.org); the notes say so.

Called by core.demo.DemoBuilder.run(): persons recorded by the coordinator and by the demo officers' units (so
each role sees what the Decree 13/2023 rules give it), one consent withdrawn, one record erased on request, and
a few readings already in the access log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from doingoai.core.workflow import save_tracked
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.persons import services
from doingoai.persons.models import AccessAction, ConsentMeans

if TYPE_CHECKING:
    from doingoai.core.demo import DemoBuilder

FICTITIOUS = "Dữ liệu minh họa: nhân vật hư cấu."


@dataclass(frozen=True)
class AssociationSpec:
    name: str
    country: str
    city: str
    leader: str
    members: int


ASSOCIATIONS = [
    AssociationSpec("Hội đồng hương {province} tại Viêng Chăn", "LA", "Viêng Chăn", "Hồ Sỹ Thử Khang", 640),
    AssociationSpec("Hội đồng hương {province} tại Khăm Muộn", "LA", "Thà Khẹc", "Nguyễn Đình Thử Lâm", 410),
    AssociationSpec("Hội người Việt {province} tại U-đon Tha-ni", "TH", "U-đon Tha-ni", "Phan Thị Thử Hà", 380),
    AssociationSpec("Hội đồng hương {province} tại Hàn Quốc", "KR", "Seoul", "Trần Quốc Thử Vinh", 250),
    AssociationSpec("Hội đồng hương {province} tại Cộng hòa Séc", "CZ", "Praha", "Lê Thị Thử Mai", 190),
]


@dataclass(frozen=True)
class PersonSpec:
    unit: str  # the recording unit (key of the demo units)
    name: str
    born: int
    country: str
    city: str
    commune: str
    occupation: str
    association: int | None  # index in ASSOCIATIONS
    purpose: str


P_NETWORK = "Kết nối kiều bào với quê hương; mời dự hội nghị kiều bào và các sự kiện của tỉnh"
P_INVEST = "Xúc tiến đầu tư, thương mại: giới thiệu cơ hội đầu tư của tỉnh"
P_TOURISM = "Quảng bá du lịch quê hương qua cộng đồng người Việt"
P_SECURITY = "Phối hợp nắm tình hình, hỗ trợ công dân và thân nhân"

PERSONS = [
    PersonSpec("songoaivu", "Nguyễn Văn Thử An", 1968, "LA", "Viêng Chăn", "xã Diễn Thử", "Kinh doanh", 0, P_NETWORK),
    PersonSpec("songoaivu", "Hồ Thị Minh Thử", 1975, "LA", "Thà Khẹc", "xã Nghi Thử", "Nhà hàng", 1, P_NETWORK),
    PersonSpec("songoaivu", "Phan Đình Thử", 1959, "TH", "U-đon Tha-ni", "xã Hưng Thử", "Hưu trí", 2, P_NETWORK),
    PersonSpec("songoaivu", "Lê Quang Thử", 1981, "KR", "Seoul", "phường Thử Vinh", "Kỹ sư", 3, P_INVEST),
    PersonSpec("songoaivu", "Trần Thị Thu Thử", 1986, "CZ", "Praha", "xã Thử Thành", "Thương mại", 4, P_INVEST),
    PersonSpec("songoaivu", "Đặng Văn Thử Bình", 1972, "LA", "Viêng Chăn", "xã Thử Sơn", "Xây dựng", 0, P_INVEST),
    PersonSpec("songoaivu", "Vũ Thị Thử Lan", 1990, "JP", "Nagoya", "xã Thử Lộc", "Thực tập sinh", None, P_NETWORK),
    PersonSpec("sodulich", "Bùi Minh Thử", 1979, "TH", "Na-khon Pha-nom", "xã Thử Lâm", "Lữ hành", 2, P_TOURISM),
    PersonSpec(
        "sodulich", "Cao Thị Thử Hương", 1983, "LA", "Luông Pha Băng", "xã Thử Quang", "Khách sạn", None, P_TOURISM
    ),
    PersonSpec("sodulich", "Hoàng Văn Thử Đức", 1965, "AU", "Melbourne", "xã Thử Trung", "Ẩm thực", None, P_TOURISM),
    PersonSpec("congan", "Lương Văn Thử", 1970, "LA", "Xiêng Khoảng", "xã Thử Lý", "Buôn bán", None, P_SECURITY),
    PersonSpec("congan", "Vi Thị Thử Nga", 1988, "LA", "Sầm Nưa", "xã Thử Cắn", "Lao động tự do", None, P_SECURITY),
    PersonSpec("congan", "Lô Văn Thử Hải", 1977, "LA", "Pắc Xăn", "xã Thử Hợp", "Vận tải", None, P_SECURITY),
    PersonSpec("kyson", "Xồng Bá Thử", 1969, "LA", "Noỏng Hét", "xã Thử Lý", "Làm nương", None, P_NETWORK),
]


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
