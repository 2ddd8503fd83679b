"""Demo consular work: citizen-protection cases, APEC card files, foreign press visits. Every person is invented.

Called by `doingoai.devtools.demo.load_demo`; dates are relative to the builder's `today`, and every step goes through
the services as the user who would take it, so the history and events read like real use. One card holder has
left the post without returning the card, so the "card to be returned" flag has something to show.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from doingoai.consular import services
from doingoai.consular.models import ApecCardApplication, CaseKind, CitizenCase, ForeignPressVisit
from doingoai.core.workflow import save_tracked
from doingoai.devtools.demo.builder import DemoBuilder

FICTITIOUS = "Dữ liệu minh họa: nhân vật hư cấu."

# (unit, name, passport, country, place, kind, days ago, sensitive, summary, end status)
CASES = [
    (
        "congan",
        "Lầu Bá Thử",
        "C0000101",
        "LA",
        "Huyện Noỏng Hét, tỉnh Xiêng Khoảng",
        CaseKind.DETAINED,
        12,
        False,
        "Bị tạm giữ do nhập cảnh không có giấy tờ hợp lệ; gia đình đề nghị hỗ trợ.",
        "in_progress",
    ),
    (
        "congan",
        "Vi Văn Thử",
        "",
        "LA",
        "Tỉnh Bo Ly Khăm Xay",
        CaseKind.TRAFFICKING,
        40,
        True,
        "Nghi là nạn nhân bị lừa bán sang làm việc; đã tiếp nhận, đang xác minh.",
        "in_progress",
    ),
    (
        "songoaivu",
        "Nguyễn Thị Thử Hoa",
        "C0000102",
        "KR",
        "Gyeonggi",
        CaseKind.ACCIDENT,
        70,
        True,
        "Tai nạn lao động, điều trị tại bệnh viện; hỗ trợ thân nhân sang chăm sóc.",
        "closed",
    ),
    (
        "songoaivu",
        "Trần Văn Thử Hùng",
        "C0000103",
        "JP",
        "Aichi",
        CaseKind.DEATH,
        95,
        False,
        "Tử vong do bệnh; hỗ trợ gia đình làm thủ tục đưa thi hài về nước.",
        "closed",
    ),
    (
        "songoaivu",
        "Phạm Văn Thử Long",
        "C0000104",
        "MY",
        "Kuala Lumpur",
        CaseKind.LABOUR,
        5,
        False,
        "Lao động bị giữ hộ chiếu; đề nghị Đại sứ quán can thiệp.",
        "open",
    ),
    (
        "congan",
        "Lô Thị Thử",
        "",
        "LA",
        "Cửa khẩu quốc tế Nậm Cắn (phía Lào)",
        CaseKind.STRANDED,
        3,
        False,
        "Mất giấy tờ, mắc kẹt ở cửa khẩu; cần xác nhận nhân thân.",
        "open",
    ),
]

# (unit, applicant, born, position, in post since (years ago), enterprise, founded (years ago), end status)
APPLICATIONS = [
    ("songoaivu", "Hoàng Văn Thử Minh", 1975, "Tổng Giám đốc", 8, "Công ty Cổ phần Minh Họa Logistics", 15, "draft"),
    ("songoaivu", "Lê Thị Thử Vân", 1982, "Giám đốc", 5, "Công ty TNHH Xuất khẩu Minh Họa", 9, "submitted"),
    ("socongthuong", "Đinh Văn Thử Cường", 1979, "Phó Giám đốc", 3, "Công ty Cổ phần Gỗ Minh Họa", 12, "approved"),
    ("songoaivu", "Bùi Thị Thử Hạnh", 1986, "Giám đốc", 2, "Công ty TNHH Thương mại Minh Họa", 3, "refused"),
    ("socongthuong", "Võ Văn Thử Phúc", 1970, "Chủ tịch HĐQT", 10, "Tập đoàn Minh Họa", 20, "card_issued"),
    ("songoaivu", "Cao Văn Thử Sơn", 1968, "Tổng Giám đốc", 12, "Công ty Cổ phần Cảng Minh Họa", 25, "left_post"),
    ("songoaivu", "Nguyễn Thị Thử Yến", 1980, "Giám đốc", 7, "Công ty TNHH Du lịch Minh Họa", 11, "returned"),
]

# (unit, outlet, country, journalists, starts in days (negative: past), days, places, topic, end status)
VISITS = [
    (
        "songoaivu",
        "Đài Phát thanh Quốc gia Lào (minh họa)",
        "LA",
        "02 phóng viên, 01 kỹ thuật viên",
        -60,
        4,
        "Khu di tích Kim Liên; Cửa khẩu quốc tế Nậm Cắn",
        "Quan hệ hữu nghị Việt – Lào, thương mại qua biên giới",
        "done",
    ),
    (
        "sodulich",
        "Tạp chí Du lịch Minh Họa (Nhật Bản)",
        "JP",
        "01 phóng viên, 01 nhiếp ảnh",
        -25,
        3,
        "Bãi biển Cửa Lò; Vườn quốc gia Pù Mát",
        "Du lịch sinh thái miền Tây",
        "done",
    ),
    (
        "songoaivu",
        "Hãng tin Minh Họa (Hàn Quốc)",
        "KR",
        "02 phóng viên",
        12,
        3,
        "Khu kinh tế Đông Nam; Khu công nghiệp",
        "Môi trường đầu tư của tỉnh",
        "approved",
    ),
    (
        "sodulich",
        "Đài Truyền hình Minh Họa (Thái Lan)",
        "TH",
        "03 phóng viên, quay phim",
        30,
        5,
        "Làng Sen; Đền Cuông",
        "Văn hóa, lễ hội truyền thống",
        "proposed",
    ),
    ("sodulich", "Báo Minh Họa (Úc)", "AU", "01 phóng viên", 45, 2, "Thành phố Vinh", "Giáo dục nghề nghiệp", "draft"),
    (
        "songoaivu",
        "Thông tấn xã Minh Họa (Pháp)",
        "FR",
        "02 phóng viên",
        -5,
        2,
        "Các xã biên giới",
        "Đời sống đồng bào vùng biên",
        "cancelled",
    ),
]


def _years_before(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year - years, day=min(day.day, 28))


def build_consular_demo(builder: DemoBuilder) -> None:
    today, coordinator, leader = builder.today, builder.coordinator, builder.leader

    def officer(unit: str) -> Any:
        return builder.officers.get(unit, coordinator)

    for i, (unit, name, passport, country, place, kind, ago, sensitive, summary, end) in enumerate(CASES):
        case = CitizenCase(
            person_name=name,
            passport_number=passport,
            country=builder.countries[country],
            place=place,
            kind=kind,
            opened_on=today - dt.timedelta(days=ago),
            summary=summary,
            sensitive=sensitive,
            purpose="Bảo hộ quyền, lợi ích hợp pháp của công dân ở nước ngoài",
            recording_unit=builder.units[unit],
            note=FICTITIOUS,
        )
        case = save_tracked(case, by=officer(unit), reason="Tạo mới")
        if end == "open":
            continue
        case = builder.step(services.citizen_case_start, citizencase=case, by=officer(unit))
        if end == "closed":
            builder.step(
                services.citizen_case_close,
                citizencase=case,
                by=officer(unit),
                closed_on=today - dt.timedelta(days=ago - 20 - i),
                outcome="Đã phối hợp với cơ quan đại diện hoàn tất hỗ trợ; gia đình đã nhận thông báo.",
            )
    builder.counts["citizen_cases"] = len(CASES)

    for i, (unit, name, born, position, in_post, enterprise, founded, end) in enumerate(APPLICATIONS):
        by = officer(unit)
        app = ApecCardApplication(
            applicant_name=name,
            birth_date=dt.date(born, 1 + i, 10 + i),
            position=position,
            in_post_since=_years_before(today, in_post),
            enterprise=enterprise,
            enterprise_established_on=_years_before(today, founded),
            receiving_unit=builder.units[unit],
            note=FICTITIOUS,
        )
        app = save_tracked(app, by=by, reason="Tạo mới")
        app.countries.set([builder.countries[c] for c in ("JP", "KR", "AU", "SG")[: 2 + i % 3]])
        if end == "draft":
            continue
        submitted = today - dt.timedelta(days=400 - 40 * i) if end != "submitted" else today - dt.timedelta(days=6)
        app = builder.step(services.apec_application_submit, apeccardapplication=app, by=by, submitted_on=submitted)
        if end == "submitted":
            continue
        decided = submitted + dt.timedelta(days=15)
        if end == "refused":
            builder.step(
                services.apec_application_refuse,
                apeccardapplication=app,
                by=leader,
                decision_ref=builder.ref("{}/UBND-NV"),
                decision_date=decided,
                reason="Doanh nghiệp chưa chứng minh được nhu cầu đi lại thường xuyên tới các nền kinh tế APEC.",
            )
            continue
        app = builder.step(
            services.apec_application_approve,
            apeccardapplication=app,
            by=leader,
            decision_ref=builder.ref("{}/UBND-NV"),
            decision_date=decided,
        )
        if end == "approved":
            continue
        issued = decided + dt.timedelta(days=30)
        app = builder.step(
            services.apec_application_issue_card,
            apeccardapplication=app,
            by=by,
            card_number=f"MH{9000 + i}",
            card_issued_on=issued,
            card_expires_on=issued.replace(year=issued.year + 5),
        )
        if end in ("left_post", "returned"):
            left = today - dt.timedelta(days=45 if end == "left_post" else 90)
            app = builder.step(
                services.apec_application_record_left_post, apeccardapplication=app, by=by, left_post_on=left
            )
            if end == "returned":
                builder.step(
                    services.apec_application_return_card,
                    apeccardapplication=app,
                    by=by,
                    card_returned_on=left + dt.timedelta(days=7),
                )
    builder.counts["apec_applications"] = len(APPLICATIONS)

    for unit, outlet, country, journalists, starts, days, places, topic, end in VISITS:
        by = officer(unit)
        start = today + dt.timedelta(days=starts)
        visit = ForeignPressVisit(
            outlet=outlet,
            country=builder.countries[country],
            journalists=journalists,
            start_date=start,
            end_date=start + dt.timedelta(days=days - 1),
            places=places,
            topic=topic,
            host_unit=builder.units[unit],
            note=FICTITIOUS,
        )
        visit = save_tracked(visit, by=by, reason="Tạo mới")
        if end == "draft":
            continue
        visit = builder.step(services.press_visit_submit, foreignpressvisit=visit, by=by)
        if end == "cancelled":
            builder.step(
                services.press_visit_cancel, foreignpressvisit=visit, by=leader, reason="Đối tác hoãn chuyến công tác."
            )
            continue
        if end == "proposed":
            continue
        visit = builder.step(
            services.press_visit_approve,
            foreignpressvisit=visit,
            by=coordinator,
            approval_ref=builder.ref("{}/SNgV-LS"),
            approved_on=start - dt.timedelta(days=10),
            accompanying_officer="Cán bộ Phòng Lãnh sự, Sở Ngoại vụ",
        )
        if end == "done":
            builder.step(
                services.press_visit_complete,
                foreignpressvisit=visit,
                by=by,
                report="Phóng viên đã tác nghiệp đúng chương trình; đã đăng tải các bài viết, phóng sự về tỉnh.",
            )
    builder.counts["press_visits"] = len(VISITS)
