"""Decree 13/2023/NĐ-CP services for every registry of persons: the access log, a data subject's own data on
request, and erasure on request. (Creating and editing persons goes through `core.services.object_save`.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import islice
from typing import Any, cast

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from doingoai.core.exports import field_columns
from doingoai.core.history import history_entries
from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError, record_event, save_tracked
from doingoai.persons.models import AccessAction, ErasureRecord, PersonalDataAccess, PersonalDataModel
from doingoai.persons.permissions import may_export

ANONYMISED_EVENT = "Nội dung đã được ẩn danh khi xóa dữ liệu cá nhân theo yêu cầu của chủ thể."
NOT_ALLOWED = "Chỉ cơ quan điều phối và quản trị hệ thống được cung cấp, xóa dữ liệu cá nhân theo yêu cầu."
# Bookkeeping columns that are no data of the person.
INTERNAL_FIELDS = {"id", "search_text", "version", "created_at", "updated_at"}


def _access(obj: PersonalDataModel, by: Any, action: str, content_type: ContentType) -> PersonalDataAccess:
    unit = getattr(by, "unit", None)
    return PersonalDataAccess(
        content_type=content_type,
        object_id=obj.pk,
        record_label=obj.record_label,
        action=action,
        user=by if getattr(by, "pk", None) else None,
        username=getattr(by, "username", "") or gettext("hệ thống"),
        unit_name=str(unit) if unit else "",
    )


def personal_data_access_record(*, obj: PersonalDataModel, by: Any, action: str) -> PersonalDataAccess:
    """Log one read of a person's record (who, when, what, which record); call it on every read."""
    access = _access(obj, by, action, ContentType.objects.get_for_model(type(obj)))
    access.save()
    return access


def personal_data_access_record_many(*, objects: Iterable[PersonalDataModel], by: Any, action: str) -> int:
    """Log a read of many records at once (an export); returns the number of rows written."""
    written = 0
    iterator = iter(objects)
    while chunk := list(islice(iterator, 1000)):
        content_type = ContentType.objects.get_for_model(type(chunk[0]))
        PersonalDataAccess.objects.bulk_create([_access(o, by, action, content_type) for o in chunk])
        written += len(chunk)
    return written


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def personal_data_fields(obj: PersonalDataModel) -> list[tuple[str, Any]]:
    """(label, value) of every field of the record that says something about the person or its processing."""
    names = [f.name for f in obj._meta.concrete_fields if f.name not in INTERNAL_FIELDS]
    return [(header, accessor(obj)) for header, accessor in field_columns(type(obj), names)]


def personal_data_subject_export(*, obj: PersonalDataModel, by: Any) -> dict[str, Any]:
    """What the system holds on the data subject, for their request to receive it; the reading is logged."""
    if not may_export(by):
        raise StepPermissionDenied(NOT_ALLOWED)
    personal_data_access_record(obj=obj, by=by, action=AccessAction.EXPORT_SUBJECT)
    return {
        "record": obj.record_label,
        "exported_at": _plain(timezone.now()),
        "exported_by": getattr(by, "username", ""),
        "fields": [{"field": label, "value": _plain(value)} for label, value in personal_data_fields(obj)],
        "history": [
            {
                "when": _plain(entry.when),
                "action": entry.kind,
                "reason": entry.reason,
                "fields_changed": [label for label, _, _ in entry.changes],
            }
            for entry in history_entries(obj)
        ],
    }


def _blank(field: models.Field) -> Any:
    return None if field.null else ""


@transaction.atomic
def personal_data_erase(
    *, obj: PersonalDataModel, by: Any, reason: str, requested_on: dt.date, request_ref: str = ""
) -> ErasureRecord:
    """Erase a data subject's record on their request.

    The personal fields are blanked, every earlier history row of the record is anonymised the same way and the
    business events lose their text; what stays (country, kind, dates, the unit) serves statistics only. The
    erasure itself is recorded in an `ErasureRecord` and in the access log, with who, when and why, but no data.
    """
    if not may_export(by):
        raise StepPermissionDenied(NOT_ALLOWED)
    if not reason.strip():
        raise WorkflowError(gettext("Cần ghi lý do xóa dữ liệu."))
    if requested_on > timezone.localdate():
        raise WorkflowError(gettext("Ngày chủ thể yêu cầu không được sau ngày hôm nay."))
    model = type(obj)
    fresh = model._default_manager.select_for_update().get(pk=obj.pk)
    if fresh.erased_at is not None:
        raise WorkflowError(
            f"Dữ liệu cá nhân của bản ghi này đã được xóa ngày {timezone.localtime(fresh.erased_at):%d/%m/%Y}."
        )
    fields = [cast(models.Field, model._meta.get_field(name)) for name in model.erasable_fields]
    blanks = {f.name: _blank(f) for f in fields} | {"search_text": ""}
    history_rows = fresh.history.all().update(**blanks)  # type: ignore[attr-defined]
    for name, value in blanks.items():
        setattr(fresh, name, value)
    fresh.erased_at = timezone.now()
    save_tracked(fresh, by=by, reason=gettext_noop("Xóa dữ liệu cá nhân theo yêu cầu"))
    content_type = ContentType.objects.get_for_model(model)
    events = BusinessEvent.objects.filter(content_type=content_type, object_id=fresh.pk).update(
        summary=ANONYMISED_EVENT, data={}
    )
    reference = f" (đơn {request_ref.strip()})" if request_ref.strip() else ""
    record_event(
        obj=fresh,
        verb="erased",
        summary=f"Xóa dữ liệu cá nhân theo yêu cầu của chủ thể ngày {requested_on:%d/%m/%Y}{reference}",
        actor=by,
    )
    personal_data_access_record(obj=fresh, by=by, action=AccessAction.ERASE)
    return ErasureRecord.objects.create(
        content_type=content_type,
        object_id=fresh.pk,
        record_label=fresh.record_label,
        requested_on=requested_on,
        request_ref=request_ref.strip(),
        reason=reason.strip(),
        erased_fields=[str(f.verbose_name) for f in fields],
        history_rows=history_rows,
        events=events,
        erased_by=by if getattr(by, "pk", None) else None,
        erased_by_username=getattr(by, "username", ""),
    )
