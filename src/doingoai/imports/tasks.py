"""Background work of the imports (django-tasks; `./dev run` starts the `db_worker` that runs it)."""

from __future__ import annotations

from django_tasks import task

from doingoai.imports.documents import document_import_extract


@task()
def extract_document(pending_id: int) -> str:
    """Read an uploaded programme or plan into the extract contract, so the page never waits on it."""
    return document_import_extract(pending_id=pending_id)
