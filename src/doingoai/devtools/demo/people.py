"""Demo foreign students, foreign experts and workers, and friendship associations. Every person is invented
(names, phones "0000…", e-mails at example.org); the notes say so.

Lao students at the province's universities (recorded by the foreign-affairs department, which is competent for
personal data), a few foreign experts and volunteers — one of them working for a followed foreign organisation,
one whose permit expires within the month —, the province's union of friendship organisations and its
bilateral associations, the Vietnam–Laos one linked to the friendship gathering of the events demo.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from doingoai.core.workflow import save_tracked
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.events.models import Event
from doingoai.foreignorgs.models import ForeignOrganisation
from doingoai.friendship.models import FriendshipAssociation
from doingoai.people.models import ForeignStudent, ForeignWorker

FICTITIOUS = "Dữ liệu minh họa: nhân vật hư cấu."
REASON = "Nạp dữ liệu minh họa"
PURPOSE = "Quản lý, hỗ trợ lưu học sinh theo thỏa thuận hợp tác giáo dục với các tỉnh của Lào"
WORK_PURPOSE = "Theo dõi người nước ngoài làm việc tại tỉnh, nhắc gia hạn giấy phép"

# name, school, programme, level, scholarship, sending partner, start year offset, status
STUDENTS = [
    ("Souksavanh Phommachanh", "Trường Đại học Vinh", "Sư phạm Ngữ văn", "university", "province", "Xiêng Khoảng", -3),
    ("Phonesavanh Keomany", "Trường Đại học Vinh", "Kinh tế nông nghiệp", "university", "province", "Hủa Phăn", -2),
    ("Bounmy Sisouphanh", "Trường Đại học Vinh", "Tiếng Việt dự bị", "language", "agreement", "Bo Ly Khăm Xay", 0),
    ("Khamla Vongsavath", "Trường Đại học Y khoa Vinh", "Y khoa", "university", "agreement", "Xiêng Khoảng", -4),
    ("Noy Inthavong", "Trường Đại học Y khoa Vinh", "Điều dưỡng", "university", "province", "Hủa Phăn", -1),
    ("Somphone Chanthavong", "Trường Đại học Vinh", "Quản lý giáo dục", "master", "agreement", "Xiêng Khoảng", -1),
    ("Vilayphone Sengdara", "Trường Đại học Y khoa Vinh", "Y tế công cộng", "master", "school", "", -2),
]
# name, country, category, role, employer (or "" for the first followed organisation), permit days left
WORKERS = [
    ("Tanaka Hiroshi", "JP", "expert", "Chuyên gia kỹ thuật khu công nghiệp", "Công ty TNHH linh kiện minh họa", 20),
    ("Kim Ji-woo", "KR", "volunteer", "Tình nguyện viên dạy tiếng Hàn", "Trường Đại học Vinh", 300),
    ("Emily Carter", "US", "expert", "Chuyên gia dinh dưỡng trẻ em", "", 500),
    ("Somsak Wongsa", "TH", "worker", "Kỹ sư vận hành", "Công ty TNHH năng lượng minh họa", -10),
]


UNTIL_LINKED = "Tổ chức nước ngoài (chờ liên kết)"


def phone(i: int) -> str:
    return f"0000 000 {i:03d}"


def build_people_demo(builder: DemoBuilder) -> None:
    today, office = builder.today, builder.units["songoaivu"]
    by: Any = builder.officers.get("songoaivu", builder.coordinator)
    for i, (name, school, programme, level, scholarship, partner, offset) in enumerate(STUDENTS):
        start = today.year + offset
        student = ForeignStudent(
            full_name=name,
            birth_year=start - 19,
            country=builder.countries["LA"],
            school=school,
            programme=programme,
            level=level,
            scholarship=scholarship,
            sending_partner=builder.partners.get(partner) if partner else None,
            start_year=start,
            end_year=start + {"language": 1, "master": 2}.get(level, 6 if programme == "Y khoa" else 4),
            phone=phone(400 + i),
            email=f"luuhocsinh{i + 1}@example.org",
            address=f"Ký túc xá {school}",
            purpose=PURPOSE,
            consent_given_on=dt.date(start, 9, 10) if start <= today.year else today,
            consent_means="written",
            recording_unit=office,
            note=FICTITIOUS,
        )
        save_tracked(student, by=by, reason=REASON)
    for i, (name, country, category, role, employer, days_left) in enumerate(WORKERS):
        worker = ForeignWorker(
            full_name=name,
            birth_year=1975 + 3 * i,
            country=builder.countries[country],
            category=category,
            employer=employer or UNTIL_LINKED,
            role=role,
            place="Thành phố Vinh" if i % 2 else "Khu kinh tế Đông Nam",
            stay_from=today - dt.timedelta(days=400 - 60 * i),
            permit_kind="exemption" if category == "volunteer" else "work_permit",
            permit_number=f"{120 + i}/GP-SNV",
            permit_valid_until=today + dt.timedelta(days=days_left),
            status="present",
            phone=phone(500 + i),
            email=f"chuyengia{i + 1}@example.org",
            purpose=WORK_PURPOSE,
            consent_given_on=today - dt.timedelta(days=400 - 60 * i),
            consent_means="written",
            recording_unit=office,
            note=FICTITIOUS,
        )
        save_tracked(worker, by=by, reason=REASON)
    builder.counts["foreign_students"] = len(STUDENTS)
    builder.counts["foreign_workers"] = len(WORKERS)
    _friendship(builder)


def _friendship(builder: DemoBuilder) -> None:
    today, union_unit = builder.today, builder.units["lhhn"]
    by: Any = builder.officers.get("lhhn", builder.coordinator)
    common = {"year": today.year, "unit": union_unit, "status": "approved", "note": "Dữ liệu minh họa."}
    union = save_tracked(
        FriendshipAssociation(
            name=f"Liên hiệp các tổ chức hữu nghị tỉnh {builder.province}",
            kind="union",
            founded_on=dt.date(1995, 8, 20),
            term_start=today.year - 3,
            term_end=today.year + 2,
            last_congress_on=dt.date(today.year - 3, 10, 12),
            next_congress_due=dt.date(today.year + 2, 10, 31),
            chair="Nguyễn Văn Hữu Minh Họa",
            members_count=14,
            activities="Điều phối các hội hữu nghị song phương; vận động viện trợ phi chính phủ; giao lưu nhân dân",
            **common,
        ),
        by=by,
        reason=REASON,
    )
    laos = save_tracked(
        FriendshipAssociation(
            name=f"Hội hữu nghị Việt Nam – Lào tỉnh {builder.province}",
            kind="bilateral",
            parent=union,
            country=builder.countries["LA"],
            partner=builder.partners.get("Xiêng Khoảng"),
            founded_on=dt.date(2003, 7, 18),
            term_start=today.year - 5,
            term_end=today.year,
            last_congress_on=dt.date(today.year - 5, 6, 20),
            next_congress_due=today + dt.timedelta(days=45),
            chair="Trần Thị Hòa Minh Họa",
            members_count=320,
            activities="Gặp mặt lưu học sinh Lào dịp Tết Bunpimay; thăm các tỉnh kết nghĩa; quyên góp xây trường",
            **common,
        ),
        by=by,
        reason=REASON,
    )
    events = Event.objects.filter(title__icontains="Lào").order_by("pk")[:2]
    laos.events.set(events)
    for name, country in (("Hội hữu nghị Việt Nam – Nhật Bản", "JP"), ("Hội hữu nghị Việt Nam – Hàn Quốc", "KR")):
        save_tracked(
            FriendshipAssociation(
                name=f"{name} tỉnh {builder.province}",
                kind="bilateral",
                parent=union,
                country=builder.countries[country],
                term_start=today.year - 2,
                term_end=today.year + 3,
                last_congress_on=dt.date(today.year - 2, 4, 15),
                next_congress_due=dt.date(today.year + 3, 6, 30),
                chair="Lê Văn Minh Họa",
                members_count=60,
                **common,
            ),
            by=by,
            reason=REASON,
        )
    builder.counts["friendship_associations"] = 4


def link_demo_workers(builder: DemoBuilder) -> None:
    """The expert of a followed foreign organisation, linked once the organisations exist (examples demo)."""
    organisation = ForeignOrganisation.objects.order_by("pk").first()
    if organisation is None:
        return
    by: Any = builder.officers.get("songoaivu", builder.coordinator)
    for worker in ForeignWorker.objects.filter(employer=UNTIL_LINKED):
        worker.organisation, worker.employer = organisation, ""
        save_tracked(worker, by=by, reason=REASON)
