"""Writes shared by every registry: create, update and delete with history and business events.

The create/update services take validated values (a form's or the API's cleaned data, an import's row), so
the web, the API and the imports write through the same code. A registry whose writes have consequences
declares its own services in its `registry.py` (`Registry.create/update/delete`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError
from django.forms import ModelForm
from django.utils.translation import gettext, gettext_noop

from doingoai.core import permissions
from doingoai.core.choices import Role
from doingoai.core.models import FormSubmission
from doingoai.core.selectors import form_submission_target
from doingoai.core.workflow import StepPermissionDenied, WorkflowError, record_event, save_tracked


def _assign(obj: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    """Set the concrete fields of `obj` from `values`; return the many-to-many values (set after saving)."""
    many: dict[str, Any] = {}
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if field.many_to_many:
            many[name] = value
        else:
            field.save_form_data(obj, value)  # as ModelForm does (file fields, foreign keys by object)
    return many


def validation_message(exc: ValidationError, model: Any) -> str:
    """A model's validation errors as one Vietnamese sentence naming each field."""
    if not hasattr(exc, "error_dict"):
        return " ".join(exc.messages)
    parts = []
    for name, errors in exc.message_dict.items():
        label = name if name == "__all__" else str(model._meta.get_field(name).verbose_name)
        parts.append(" ".join(errors) if name == "__all__" else f"{label}: {' '.join(errors)}")
    return "; ".join(parts)


def _validate(obj: Any, names: set[str]) -> None:
    exclude = {f.name for f in obj._meta.concrete_fields if f.name not in names}
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        raise WorkflowError(validation_message(exc, type(obj))) from exc


def _finish(obj: Any, many: Mapping[str, Any], by: Any) -> None:
    for name, value in many.items():
        getattr(obj, name).set(value)
    # Re-check after saving: a unit officer must not move a record outside what they may change.
    if not permissions.can(by, "view", obj):
        raise StepPermissionDenied(
            gettext("Bản ghi sau khi lưu nằm ngoài phạm vi bạn được phép; thay đổi không được lưu.")
        )


@transaction.atomic
def object_create(*, model: type[models.Model], by: Any, values: Mapping[str, Any]) -> Any:
    """Create a record from validated values, with history and a "created" event; a unit officer's record
    belongs to the officer's unit whatever the values say."""
    if not permissions.competent(by, model):
        raise StepPermissionDenied(permissions.not_competent_message(model))
    if not permissions.can_create(by, model):
        raise StepPermissionDenied(
            gettext("Bạn không có quyền thêm %(verbose_name)s.") % {"verbose_name": model._meta.verbose_name}
        )
    obj: Any = model()
    owner = getattr(model, "owner_field", None)
    values = dict(values)
    if owner and permissions.role_of(by) == Role.UNIT_OFFICER:
        values.pop(owner, None)
        setattr(obj, f"{owner}_id", by.unit_id)
    many = _assign(obj, values)
    _validate(obj, set(values) | ({owner} if owner else set()))
    save_tracked(obj, by=by, reason=gettext_noop("Tạo mới"))
    record_event(obj=obj, verb="created", summary=f"Tạo mới: {obj}", actor=by)
    _finish(obj, many, by)
    return obj


@transaction.atomic
def object_update(*, obj: Any, by: Any, values: Mapping[str, Any], expected_version: int | None) -> Any:
    """Update a record the user may change; refuse it when someone saved it since `expected_version`."""
    if not permissions.competent(by, type(obj)):
        raise StepPermissionDenied(permissions.not_competent_message(type(obj)))
    if not permissions.can(by, "change", obj):
        raise StepPermissionDenied(gettext("Bạn không có quyền sửa bản ghi này."))
    owner = getattr(type(obj), "owner_field", None)
    values = dict(values)
    if owner and permissions.role_of(by) == Role.UNIT_OFFICER:
        values.pop(owner, None)
    many = _assign(obj, values)
    _validate(obj, set(values))
    save_tracked(obj, by=by, reason=gettext_noop("Cập nhật"), expected_version=expected_version)
    _finish(obj, many, by)
    return obj


@transaction.atomic
def object_save(*, form: ModelForm, by: Any, expected_version: int | None = None) -> models.Model:
    """Save a validated ModelForm (and its many-to-many fields) with history; refuse stale edits."""
    obj = form.save(commit=False)
    creating = obj.pk is None
    save_tracked(
        obj,
        by=by,
        reason=gettext_noop("Tạo mới") if creating else gettext_noop("Cập nhật"),
        expected_version=expected_version,
    )
    form.save_m2m()
    if creating:
        record_event(obj=obj, verb="created", summary=f"Tạo mới: {obj}", actor=by)
    # Re-check after saving: a unit officer must not move a record outside what they may change.
    if not permissions.can(by, "view", obj):
        raise StepPermissionDenied(
            gettext("Bản ghi sau khi lưu nằm ngoài phạm vi bạn được phép; thay đổi không được lưu.")
        )
    return obj


@transaction.atomic
def object_delete(*, obj: Any, by: Any) -> None:
    """Delete where the status allows it; the history keeps a '-' record with the user."""
    if not permissions.can(by, "delete", obj):
        raise WorkflowError(gettext("Không thể xóa bản ghi này (không có quyền hoặc trạng thái không cho phép xóa)."))
    obj._history_user = by
    record_event(obj=obj, verb="deleted", summary=f"Xóa: {obj}", actor=by)
    try:
        obj.delete()
    except ProtectedError as exc:
        used_by = sorted({str(o._meta.verbose_name_plural) for o in exc.protected_objects})
        raise WorkflowError(
            gettext("Không thể xóa “%(obj)s” vì đang được dùng trong: %(used_by)s.")
            % {"obj": obj, "used_by": ", ".join(used_by)}
        ) from exc


SUBMISSION_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")  # a create form's one-time token (secrets.token_urlsafe)


def create_once(*, key: str, by: Any, create: Callable[[], Any]) -> tuple[Any, bool]:
    """Create a record once per form submission `key` (the create form's one-time token, or an API client's
    Idempotency-Key): (the record, True) the first time; (the record made then, False) for the same key again,
    even when both posts arrive together (the key is unique: the second insert fails and its record is undone)."""
    earlier = form_submission_target(key=key, by=by)
    if earlier is not None:
        return earlier, False
    try:
        with transaction.atomic():
            obj = create()
            FormSubmission.objects.create(
                key=key, user=by, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
            )
    except IntegrityError:
        earlier = form_submission_target(key=key, by=by)
        if earlier is None:
            raise
        return earlier, False
    return obj, True
