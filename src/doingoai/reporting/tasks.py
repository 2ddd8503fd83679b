"""Background tasks of the reporting app (django-tasks; the database backend's `db_worker` runs them)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from doingoai.reporting.reminders import reminders_send


@task()
def send_reminders(today: str | None = None) -> dict[str, int]:
    """Send the reminders due today (or on `today`, "YYYY-MM-DD"); safe to run any number of times."""
    return reminders_send(today=dt.date.fromisoformat(today) if today else None)
