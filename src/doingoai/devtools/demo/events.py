"""Demo events, training courses and inspections, moved through their workflows by the services.

Called by `doingoai.devtools.demo.load_demo`: this year's activities (some held and reported, one held without its
report, some planned) and next year's proposals. The records are data/events.toml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.devtools.demo.records import read_toml, records
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
    kind: EventKind
    place: str
    countries: tuple[str, ...]
    partners: tuple[str, ...]
    participants: str
    people: int
    days_from_today: int  # negative: already took place
    status: EventStatus
    next_year: bool = False


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
    status: TrainingStatus


@dataclass(frozen=True)
class InspectionSpec:
    unit: str
    title: str
    inspected: str
    domain: InspectionField
    scope: str
    time_text: str
    status: InspectionStatus


_DATA = read_toml("events.toml")
EVENTS = records(EventSpec, _DATA["event"])
COURSES = records(CourseSpec, _DATA["course"])
INSPECTIONS = records(InspectionSpec, _DATA["inspection"])


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
