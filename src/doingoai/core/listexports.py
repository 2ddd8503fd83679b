"""Long list exports in the background: a list whose filtered rows exceed `DOINGOAI_EXPORT_BACKGROUND_ROWS` is
written by the worker (`db_worker`) while its page shows the progress, then downloaded by the user who asked.

The worker rebuilds the list as that user sees it: the list's own view, set up with a request carrying the
user and the saved query string, so rights, filters and order are exactly those of the page."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from typing import Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.urls import resolve
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from doingoai.core.background import on_task_failure
from doingoai.core.models import ListExport, ListExportStatus

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 5000  # rows between two progress updates


def background_rows() -> int:
    return int(getattr(settings, "DOINGOAI_EXPORT_BACKGROUND_ROWS", 20000))


def list_export_request(*, path: str, query: str, title: str, total: int, by: Any) -> ListExport:
    """Queue the export of the list at `path` filtered by `query`; the worker writes it (`list_export_build`)."""
    _forget_old(by)
    export = ListExport.objects.create(path=path, query=query, title=title[:200], total=total, requested_by=by)
    # Enqueued after the commit, so that the worker always finds the row.
    transaction.on_commit(lambda: build_list_export.enqueue(export.pk))
    return export


def list_export_build(*, export_id: int) -> str:
    """Write a queued list export (run by the background worker); returns the final status."""
    export = ListExport.objects.select_related("requested_by").filter(pk=export_id).first()
    if export is None or not export.in_progress:
        return export.status if export else ""
    ListExport.objects.filter(pk=export_id).update(status=ListExportStatus.RUNNING, done=0)

    def progress(done: int) -> None:
        ListExport.objects.filter(pk=export_id).update(done=done)

    try:
        view = _list_view(export)
        with tempfile.TemporaryFile() as tmp:
            written = view.write_export(tmp, progress=progress)
            if written is None:
                raise ValueError("invalid filters")
            tmp.seek(0)
            export.file.save(view.export_filename(), File(tmp), save=False)
        export.status, export.error, export.done = ListExportStatus.DONE, "", written
    except Exception as exc:  # a writer bug becomes a message on the page, not a crashed worker
        logger.exception("building list export %s", export_id)
        export.status, export.error = (
            ListExportStatus.FAILED,
            gettext("Không tạo được tệp (%(name)s).") % {"name": type(exc).__name__},
        )
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "error", "file", "done", "finished_at"])
    return export.status


@task()
def build_list_export(export_id: int) -> str:
    """The task form of `list_export_build`, for the worker."""
    return list_export_build(export_id=export_id)


def _list_export_failed(export_id: int, *, message: str) -> None:
    """The export's task failed or its worker was lost for good: the page says so instead of spinning."""
    ListExport.objects.filter(pk=export_id, status__in=[ListExportStatus.QUEUED, ListExportStatus.RUNNING]).update(
        status=ListExportStatus.FAILED, error=message, finished_at=timezone.now()
    )


on_task_failure(build_list_export, _list_export_failed)


def _list_view(export: ListExport) -> Any:
    """The list's view, set up as if `export.requested_by` had opened the page with the saved filters."""
    match = resolve(export.path)
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not hasattr(view_class, "write_export"):
        raise ValueError(f"{export.path} is not a list page")
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = export.path
    request.GET = QueryDict(export.query)
    request.user = export.requested_by
    view = view_class(**getattr(match.func, "view_initkwargs", {}))
    view.setup(request, *match.args, **match.kwargs)
    return view


def _forget_old(user: Any, keep_days: int = 7) -> None:
    """A user's exports older than a week go, files included: they hold data the user may no longer see."""
    old = ListExport.objects.filter(requested_by=user, requested_at__lt=timezone.now() - dt.timedelta(days=keep_days))
    for export in old:
        if export.file:
            export.file.delete(save=False)
    old.delete()
