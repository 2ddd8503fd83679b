"""Background tasks of the reporting app (django-tasks; the database backend's `db_worker` runs them)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from doingoai.reporting.reminders import reminders_send
from doingoai.reporting.services import report_export_build


@task()
def send_reminders(today: str | None = None) -> dict[str, int]:
    """Send the reminders due today (or on `today`, "YYYY-MM-DD"); safe to run any number of times."""
    return reminders_send(today=dt.date.fromisoformat(today) if today else None)


@task()
def build_report_export(export_id: int) -> str:
    """Build a consolidated report file asked for on the web, so the page never waits on the writer."""
    return report_export_build(export_id=export_id)
