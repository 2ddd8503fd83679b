"""Demo consular work: citizen-protection cases, APEC card files, foreign press visits. Every person is invented.

Called by `doingoai.devtools.demo.load_demo`; dates are relative to the builder's `today`, and every step goes through
the services as the user who would take it, so the history and events read like real use. One card holder has
left the post without returning the card, so the "card to be returned" flag has something to show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from doingoai.consular import services
from doingoai.consular.models import ApecCardApplication, CaseKind, CitizenCase, ForeignPressVisit
from doingoai.core.workflow import save_tracked
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.devtools.demo.records import read_toml, records

FICTITIOUS = "Dữ liệu minh họa: nhân vật hư cấu."


@dataclass(frozen=True)
class CaseSpec:
    unit: str
    name: str
    passport: str
    country: str
    place: str
    kind: CaseKind
    days_ago: int
    sensitive: bool
    summary: str
    end: str  # open, in_progress, closed


@dataclass(frozen=True)
class ApplicationSpec:
    unit: str
    applicant: str
    born: int
    position: str
    in_post_years: int
    enterprise: str
    founded_years_ago: int
    end: str  # draft, submitted, refused, approved, card_issued, left_post, returned


@dataclass(frozen=True)
class VisitSpec:
    unit: str
    outlet: str
    country: str
    journalists: str
    starts_in_days: int  # negative: past
    days: int
    places: str
    topic: str
    end: str  # draft, proposed, cancelled, approved, done


_DATA = read_toml("consular.toml")
CASES = records(CaseSpec, _DATA["case"])
APPLICATIONS = records(ApplicationSpec, _DATA["apec_application"])
VISITS = records(VisitSpec, _DATA["press_visit"])


def _years_before(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year - years, day=min(day.day, 28))


def build_consular_demo(builder: DemoBuilder) -> None:
    today, coordinator, leader = builder.today, builder.coordinator, builder.leader

    def officer(unit: str) -> Any:
        return builder.officers.get(unit, coordinator)

    for i, spec in enumerate(CASES):
        case = CitizenCase(
            person_name=spec.name,
            passport_number=spec.passport,
            country=builder.countries[spec.country],
            place=spec.place,
            kind=spec.kind,
            opened_on=today - dt.timedelta(days=spec.days_ago),
            summary=spec.summary,
            sensitive=spec.sensitive,
            purpose="Bảo hộ quyền, lợi ích hợp pháp của công dân ở nước ngoài",
            recording_unit=builder.units[spec.unit],
            note=FICTITIOUS,
        )
        case = save_tracked(case, by=officer(spec.unit), reason="Tạo mới")
        if spec.end == "open":
            continue
        case = builder.step(services.citizen_case_start, citizencase=case, by=officer(spec.unit))
        if spec.end == "closed":
            builder.step(
                services.citizen_case_close,
                citizencase=case,
                by=officer(spec.unit),
                closed_on=today - dt.timedelta(days=spec.days_ago - 20 - i),
                outcome="Đã phối hợp với cơ quan đại diện hoàn tất hỗ trợ; gia đình đã nhận thông báo.",
            )
    builder.counts["citizen_cases"] = len(CASES)

    for i, application in enumerate(APPLICATIONS):
        by = officer(application.unit)
        app = ApecCardApplication(
            applicant_name=application.applicant,
            birth_date=dt.date(application.born, 1 + i, 10 + i),
            position=application.position,
            in_post_since=_years_before(today, application.in_post_years),
            enterprise=application.enterprise,
            enterprise_established_on=_years_before(today, application.founded_years_ago),
            receiving_unit=builder.units[application.unit],
            note=FICTITIOUS,
        )
        app = save_tracked(app, by=by, reason="Tạo mới")
        app.countries.set([builder.countries[c] for c in ("JP", "KR", "AU", "SG")[: 2 + i % 3]])
        if application.end == "draft":
            continue
        submitted = (
            today - dt.timedelta(days=400 - 40 * i) if application.end != "submitted" else today - dt.timedelta(days=6)
        )
        app = builder.step(services.apec_application_submit, apeccardapplication=app, by=by, submitted_on=submitted)
        if application.end == "submitted":
            continue
        decided = submitted + dt.timedelta(days=15)
        if application.end == "refused":
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
        if application.end == "approved":
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
        if application.end in ("left_post", "returned"):
            left = today - dt.timedelta(days=45 if application.end == "left_post" else 90)
            app = builder.step(
                services.apec_application_record_left_post, apeccardapplication=app, by=by, left_post_on=left
            )
            if application.end == "returned":
                builder.step(
                    services.apec_application_return_card,
                    apeccardapplication=app,
                    by=by,
                    card_returned_on=left + dt.timedelta(days=7),
                )
    builder.counts["apec_applications"] = len(APPLICATIONS)

    for visit_spec in VISITS:
        by = officer(visit_spec.unit)
        start = today + dt.timedelta(days=visit_spec.starts_in_days)
        visit = ForeignPressVisit(
            outlet=visit_spec.outlet,
            country=builder.countries[visit_spec.country],
            journalists=visit_spec.journalists,
            start_date=start,
            end_date=start + dt.timedelta(days=visit_spec.days - 1),
            places=visit_spec.places,
            topic=visit_spec.topic,
            host_unit=builder.units[visit_spec.unit],
            note=FICTITIOUS,
        )
        visit = save_tracked(visit, by=by, reason="Tạo mới")
        if visit_spec.end == "draft":
            continue
        visit = builder.step(services.press_visit_submit, foreignpressvisit=visit, by=by)
        if visit_spec.end == "cancelled":
            builder.step(
                services.press_visit_cancel, foreignpressvisit=visit, by=leader, reason="Đối tác hoãn chuyến công tác."
            )
            continue
        if visit_spec.end == "proposed":
            continue
        visit = builder.step(
            services.press_visit_approve,
            foreignpressvisit=visit,
            by=coordinator,
            approval_ref=builder.ref("{}/SNgV-LS"),
            approved_on=start - dt.timedelta(days=10),
            accompanying_officer="Cán bộ Phòng Lãnh sự, Sở Ngoại vụ",
        )
        if visit_spec.end == "done":
            builder.step(
                services.press_visit_complete,
                foreignpressvisit=visit,
                by=by,
                report="Phóng viên đã tác nghiệp đúng chương trình; đã đăng tải các bài viết, phóng sự về tỉnh.",
            )
    builder.counts["press_visits"] = len(VISITS)
