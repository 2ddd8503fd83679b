"""Writes shared by every registry: create/update through a ModelForm, delete, all with history."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.db.models import ProtectedError
from django.forms import ModelForm

from doingoai.core import permissions
from doingoai.core.workflow import StepPermissionDenied, WorkflowError, record_event, save_tracked


@transaction.atomic
def object_save(*, form: ModelForm, by: Any, expected_version: int | None = None) -> models.Model:
    """Save a validated ModelForm (and its many-to-many fields) with history; refuse stale edits."""
    obj = form.save(commit=False)
    creating = obj.pk is None
    save_tracked(obj, by=by, reason="Tạo mới" if creating else "Cập nhật", expected_version=expected_version)
    form.save_m2m()
    if creating:
        record_event(obj=obj, verb="created", summary=f"Tạo mới: {obj}", actor=by)
    # Re-check after saving: a unit officer must not move a record outside what they may change.
    if not permissions.can(by, "view", obj):
        raise StepPermissionDenied("Bản ghi sau khi lưu nằm ngoài phạm vi bạn được phép; thay đổi không được lưu.")
    return obj


@transaction.atomic
def object_delete(*, obj: Any, by: Any) -> None:
    """Delete where the status allows it; the history keeps a '-' record with the user."""
    if not permissions.can(by, "delete", obj):
        raise WorkflowError("Không thể xóa bản ghi này (không có quyền hoặc trạng thái không cho phép xóa).")
    obj._history_user = by
    record_event(obj=obj, verb="deleted", summary=f"Xóa: {obj}", actor=by)
    try:
        obj.delete()
    except ProtectedError as exc:
        used_by = sorted({str(o._meta.verbose_name_plural) for o in exc.protected_objects})
        raise WorkflowError(f"Không thể xóa “{obj}” vì đang được dùng trong: {', '.join(used_by)}.") from exc
