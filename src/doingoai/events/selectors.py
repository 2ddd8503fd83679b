"""Reads of events, training courses and inspections shared by views, the home page and reports."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from doingoai.events.models import Event, EventStatus, Inspection, TrainingCourse, TrainingStatus


def event_list(*, user: Any) -> QuerySet[Event]:
    return (
        Event.objects.restrict(user, "view").select_related("organising_unit").prefetch_related("countries", "partners")
    )


def events_report_missing(*, user: Any) -> QuerySet[Event]:
    """Events held whose report has not come in."""
    return event_list(user=user).filter(status=EventStatus.HELD)


def training_course_list(*, user: Any) -> QuerySet[TrainingCourse]:
    return TrainingCourse.objects.restrict(user, "view").select_related("organising_unit")


def training_courses_report_missing(*, user: Any) -> QuerySet[TrainingCourse]:
    return training_course_list(user=user).filter(status=TrainingStatus.HELD)


def inspection_list(*, user: Any) -> QuerySet[Inspection]:
    return Inspection.objects.restrict(user, "view").select_related("inspecting_unit", "inspected_unit")
