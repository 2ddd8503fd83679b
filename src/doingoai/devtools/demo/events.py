"""Demo events, training courses and inspections, moved through their workflows by the services.

Called by `doingoai.devtools.demo.load_demo`: this year's activities (some held and reported, one held without its
report, some planned) and next year's proposals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.events import services
from doingoai.events.models import (
    Event,
    EventKind,
    EventStatus,
    Inspection,
    InspectionField,
    InspectionStatus,
    TrainingCourse,
    TrainingStatus,
)


@dataclass(frozen=True)
class EventSpec:
    unit: str
    title: str
    kind: str
    place: str
    countries: tuple[str, ...]
    partners: tuple[str, ...]
    participants: str
    people: int
    days_from_today: int  # negative: already took place
    status: str
    next_year: bool = False


EVENTS = [
    EventSpec(
        "sovhtt",
        "Tuần văn hóa Nghệ An tại tỉnh Xiêng Khoảng",
        EventKind.CULTURAL,
        "Tỉnh Xiêng Khoảng, Lào",
        ("LA",),
        ("Xiêng Khoảng",),
        "Đoàn nghệ thuật truyền thống tỉnh, nghệ nhân dân ca ví, giặm",
        45,
        -120,
        EventStatus.REPORTED,
    ),
    EventSpec(
        "lhhn",
        "Gặp mặt hữu nghị nhân kỷ niệm ngày thiết lập quan hệ ngoại giao Việt Nam - Lào",
        EventKind.COMMEMORATION,
        "Thành phố Vinh",
        ("LA",),
        (),
        "Lưu học sinh Lào, đại diện các sở, ngành, đoàn thể",
        180,
        -60,
        EventStatus.HELD,  # held; the report is still missing
    ),
    EventSpec(
        "tinhdoan",
        "Trại hè thanh niên Việt - Lào biên giới",
        EventKind.YOUTH,
        "Huyện Kỳ Sơn",
        ("LA",),
        (),
        "Đoàn viên thanh niên hai bên biên giới",
        120,
        45,
        EventStatus.PLANNED,
    ),
    EventSpec(
        "sodulich",
        "Giới thiệu du lịch Nghệ An tại Hội chợ du lịch quốc tế Seoul",
        EventKind.PROMOTION,
        "Seoul, Hàn Quốc",
        ("KR",),
        (),
        "Sở Du lịch, doanh nghiệp lữ hành",
        12,
        90,
        EventStatus.PROPOSED,
    ),
    EventSpec(
        "sovhtt",
        "Giải bóng đá giao hữu các tỉnh Bắc Trung Bộ và Trung Lào",
        EventKind.SPORTS,
        "Thành phố Vinh",
        ("LA",),
        ("Bo Ly Khăm Xay",),
        "Đội tuyển các tỉnh",
        150,
        200,
        EventStatus.PROPOSED,
        next_year=True,
    ),
]


@dataclass(frozen=True)
class CourseSpec:
    unit: str
    title: str
    topic: str
    audience: str
    place: str
    planned: int
    attended: int
    days_from_today: int
    status: str


COURSES = [
    CourseSpec(
        "songoaivu",
        "Bồi dưỡng kiến thức, kỹ năng đối ngoại cho cán bộ cấp xã biên giới",
        "Công tác biên giới, quản lý người nước ngoài, lễ tân đối ngoại",
        "Cán bộ xã biên giới",
        "Huyện Tương Dương",
        60,
        57,
        -90,
        TrainingStatus.REPORTED,
    ),
    CourseSpec(
        "songoaivu",
        "Tập huấn thông tin đối ngoại và xử lý thông tin trên báo chí nước ngoài",
        "Thông tin đối ngoại; trả lời phỏng vấn báo chí nước ngoài",
        "Người phát ngôn các sở, ngành",
        "Thành phố Vinh",
        80,
        74,
        -30,
        TrainingStatus.HELD,
    ),
    CourseSpec(
        "sonoivu",
        "Bồi dưỡng tiếng Lào cho cán bộ, chiến sĩ biên phòng",
        "Tiếng Lào giao tiếp",
        "Cán bộ đồn biên phòng",
        "Huyện Kỳ Sơn",
        40,
        0,
        60,
        TrainingStatus.PLANNED,
    ),
    CourseSpec(
        "sodulich",
        "Kỹ năng đón tiếp khách quốc tế cho doanh nghiệp du lịch",
        "Lễ tân, văn hóa các thị trường khách chính",
        "Doanh nghiệp lữ hành, lưu trú",
        "Thị xã Cửa Lò",
        100,
        0,
        75,
        TrainingStatus.DRAFT,
    ),
]


@dataclass(frozen=True)
class InspectionSpec:
    unit: str
    title: str
    inspected: str
    domain: str
    scope: str
    time_text: str
    status: str


INSPECTIONS = [
    InspectionSpec(
        "songoaivu",
        "Kiểm tra việc quản lý đoàn ra, đoàn vào",
        "sodulich",
        InspectionField.DELEGATIONS,
        "Xin phép, báo cáo kết quả các đoàn ra năm trước",
        "Quý I",
        InspectionStatus.CONCLUDED,
    ),
    InspectionSpec(
        "songoaivu",
        "Kiểm tra tiếp nhận, sử dụng viện trợ phi chính phủ nước ngoài",
        "kyson",
        InspectionField.AID,
        "Các khoản viện trợ phi chính phủ đang triển khai trên địa bàn",
        "Quý II",
        InspectionStatus.IN_PROGRESS,
    ),
    InspectionSpec(
        "songoaivu",
        "Kiểm tra việc ký kết, thực hiện thỏa thuận quốc tế",
        "tuongduong",
        InspectionField.AGREEMENTS,
        "Thỏa thuận quốc tế của cấp huyện với địa phương Lào",
        "Quý IV",
        InspectionStatus.PLANNED,
    ),
    InspectionSpec(
        "songoaivu",
        "Kiểm tra tổ chức hội nghị, hội thảo quốc tế",
        "sogddt",
        InspectionField.CONFERENCES,
        "Hồ sơ xin phép và báo cáo sau hội nghị",
        "Quý III",
        InspectionStatus.PROPOSED,
    ),
]


def _owner(builder: DemoBuilder, unit: str) -> Any:
    return builder.officers.get(unit, builder.coordinator)


def build_events_demo(builder: DemoBuilder) -> None:
    """This year's events, courses and inspections in every status, and next year's proposals."""
    for key in ("events", "training_courses", "inspections"):
        builder.counts.setdefault(key, 0)
    for spec in EVENTS:
        _event(builder, spec)
    for course in COURSES:
        _course(builder, course)
    for inspection in INSPECTIONS:
        _inspection(builder, inspection)


def _when(builder: DemoBuilder, days: int) -> dt.date:
    """A day relative to today, kept inside this year when it can be (the records belong to this year's plan)."""
    day = builder.today + dt.timedelta(days=days)
    year = builder.today.year
    return min(max(day, dt.date(year, 1, 2)), dt.date(year, 12, 30))


def _event(builder: DemoBuilder, spec: EventSpec) -> Event:
    owner = _owner(builder, spec.unit)
    year = builder.today.year + (1 if spec.next_year else 0)
    day = dt.date(year, 6, 15) if spec.next_year else _when(builder, spec.days_from_today)
    countries, partners = builder.lookup(spec.countries, spec.partners)
    event = Event(
        year=year,
        title=spec.title,
        kind=spec.kind,
        time_text=f"Tháng {day.month}",
        place=spec.place,
        organising_unit=builder.units[spec.unit],
        participants=spec.participants,
    )
    event._history_user = owner  # type: ignore[attr-defined]
    event.save()
    event.countries.set(countries)
    event.partners.set(partners)
    builder.counts["events"] += 1
    e = builder.step(services.event_submit, event=event, by=owner)
    if spec.status == EventStatus.PROPOSED:
        return e
    e = builder.step(services.event_accept, event=e, by=builder.coordinator)
    if spec.status == EventStatus.PLANNED:
        return e
    e = builder.step(
        services.event_hold,
        event=e,
        by=owner,
        start_date=day,
        end_date=day + dt.timedelta(days=2),
        participants_count=spec.people,
    )
    if spec.status == EventStatus.REPORTED:
        e = builder.step(
            services.event_report,
            event=e,
            by=owner,
            report="Hoạt động diễn ra an toàn, đúng chương trình; góp phần tăng cường quan hệ hữu nghị.",
        )
    return e


def _course(builder: DemoBuilder, spec: CourseSpec) -> TrainingCourse:
    owner = _owner(builder, spec.unit)
    day = _when(builder, spec.days_from_today)
    course = TrainingCourse(
        year=builder.today.year,
        title=spec.title,
        topic=spec.topic,
        audience=spec.audience,
        time_text=f"Tháng {day.month}",
        place=spec.place,
        organising_unit=builder.units[spec.unit],
        trainees_planned=spec.planned,
    )
    course._history_user = owner  # type: ignore[attr-defined]
    course.save()
    builder.counts["training_courses"] += 1
    if spec.status == TrainingStatus.DRAFT:
        return course
    c = builder.step(services.training_course_submit, trainingcourse=course, by=owner)
    c = builder.step(services.training_course_accept, trainingcourse=c, by=builder.coordinator)
    if spec.status == TrainingStatus.PLANNED:
        return c
    c = builder.step(
        services.training_course_hold,
        trainingcourse=c,
        by=owner,
        start_date=day,
        end_date=day + dt.timedelta(days=1),
        trainees_count=spec.attended,
    )
    if spec.status == TrainingStatus.REPORTED:
        c = builder.step(
            services.training_course_report,
            trainingcourse=c,
            by=owner,
            report="Học viên tham gia đầy đủ; đánh giá cuối khóa đạt yêu cầu.",
        )
    return c


def _inspection(builder: DemoBuilder, spec: InspectionSpec) -> Inspection:
    owner = _owner(builder, spec.unit)
    inspection = Inspection(
        year=builder.today.year,
        title=spec.title,
        inspecting_unit=builder.units[spec.unit],
        inspected_unit=builder.units[spec.inspected],
        domain=spec.domain,
        scope=spec.scope,
        time_text=spec.time_text,
    )
    inspection._history_user = owner  # type: ignore[attr-defined]
    inspection.save()
    builder.counts["inspections"] += 1
    i = builder.step(services.inspection_submit, inspection=inspection, by=owner)
    if spec.status == InspectionStatus.PROPOSED:
        return i
    decided = _when(builder, -70)
    i = builder.step(
        services.inspection_decide,
        inspection=i,
        by=builder.coordinator,
        decision_ref=builder.ref("{}/QĐ-SNgV"),
        decision_date=decided,
    )
    if spec.status == InspectionStatus.PLANNED:
        return i
    i = builder.step(services.inspection_start, inspection=i, by=owner, actual_start=decided + dt.timedelta(days=10))
    if spec.status == InspectionStatus.CONCLUDED:
        i = builder.step(
            services.inspection_conclude,
            inspection=i,
            by=owner,
            actual_end=decided + dt.timedelta(days=20),
            findings="Đơn vị thực hiện cơ bản đúng quy định; hai đoàn ra báo cáo kết quả chậm so với thời hạn.",
            conclusion_ref=builder.ref("{}/KL-SNgV"),
            concluded_on=decided + dt.timedelta(days=35),
        )
    return i
