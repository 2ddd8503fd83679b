"""Declared workflow steps and the one function that applies them.

A step is permission-checked, saved with its field history (who, when, before/after) and recorded as a
business event, all in one transaction. Services in each app call `apply_transition`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core.choices import Role
from doingoai.core.i18n import vietnamese, vietnamese_display
from doingoai.core.models import BusinessEvent
from doingoai.core.permissions import competent, role_of
from doingoai.core.timeline import first_problem


class WorkflowError(Exception):
    """A step that cannot be taken now; the message is shown to the user as is."""


class StepPermissionDenied(WorkflowError):
    pass


class ConflictError(WorkflowError):
    """Someone else saved the record since this user opened it."""


CONFLICT_MESSAGE = gettext_lazy(
    "Bản ghi này vừa được người khác cập nhật sau khi bạn mở nó. Dữ liệu của bạn chưa được lưu; "
    "hãy tải lại trang để xem thay đổi mới nhất rồi nhập lại."
)


@dataclass(frozen=True)
class Transition:
    name: str
    label: StrOrPromise
    sources: tuple[str, ...]
    target: str | None  # None: the step records something and keeps the current status
    roles: frozenset[str] = frozenset({Role.COORDINATOR, Role.ADMIN})
    owner: bool = False  # the owning unit's officers may take this step too
    style: str = "primary"
    help: StrOrPromise = ""
    # Who else may take it, record by record (a plan's coordinating unit, a task's lead unit): (user, obj) → bool.
    rule: Callable[[Any, Any], bool] | None = None
    # The records on which the user may take the step at all, as a filter (user → Q, or None for all): on any
    # other record the step answers "not found" (404) rather than "forbidden", e.g. progress on another
    # unit's task.
    scope: Callable[[Any], Any] | None = None
    # When the step makes sense for the record beyond its status (an estimate waiting for appraisal): hides the
    # step where it does not, without making it a question of rights — the service says why in its own words.
    when: Callable[[Any], bool] | None = None
    # Why a user who may not take the step is refused, when the rule can say it (who decides instead).
    refusal: Callable[[Any, Any], str] | None = None

    def permits(self, user: Any, obj: Any) -> bool:
        role = role_of(user)
        if role is None:
            return False
        if role in self.roles:
            return True
        if self.rule is not None and self.rule(user, obj):
            return True
        owner_id = getattr(obj, f"{obj.owner_field}_id", None) if obj.owner_field else None
        return (
            self.owner
            and role == Role.UNIT_OFFICER
            and owner_id is not None
            and owner_id == user.unit_id
            and competent(user, type(obj))  # a unit no longer competent for the subject keeps reading only
        )

    def in_scope(self, queryset: Any, user: Any) -> Any:
        """`queryset` narrowed to the records this step exists for, for this user."""
        if self.scope is None:
            return queryset
        rule = self.scope(user)
        return queryset if rule is None else queryset.filter(rule)

    def available(self, user: Any, obj: Any) -> bool:
        return obj.status in self.sources and (self.when is None or self.when(obj)) and self.permits(user, obj)


class Workflow:
    """A registry's steps, each bound to the service that takes it::

    WORKFLOW = Workflow(TRANSITIONS)

    @WORKFLOW.step("approve")
    def delegation_approve(*, delegation: Delegation, by: User, decision_ref: str) -> Delegation: ...
    """

    def __init__(self, transitions: Mapping[str, Transition] | Iterable[Transition]) -> None:
        items = transitions.values() if isinstance(transitions, Mapping) else transitions
        self.transitions: dict[str, Transition] = {t.name: t for t in items}
        self.services: dict[str, Callable[..., Any]] = {}

    def __getitem__(self, name: str) -> Transition:
        return self.transitions[name]

    def step(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator binding a service to the step `name` (unknown names fail at import)."""
        if name not in self.transitions:
            raise KeyError(f"No step named {name!r} in this workflow.")

        transition = self.transitions[name]

        def bind(service: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(service)
            def step(*args: Any, **kwargs: Any) -> Any:
                # Who may act is asked before anything about the record's state, so that a refused user learns
                # nothing of it (a 403 "no right", never a 409 naming a date or a status of someone else's record).
                by = kwargs.get("by")
                obj = next((v for k, v in kwargs.items() if k != "by" and isinstance(v, models.Model)), None)
                if by is not None and obj is not None and not transition.permits(by, obj):
                    reason = transition.refusal(by, obj) if transition.refusal else ""
                    raise StepPermissionDenied(
                        reason
                        or gettext("Bạn không có quyền thực hiện bước “%(transition)s” với bản ghi này.")
                        % {"transition": transition.label}
                    )
                return service(*args, **kwargs)

            self.services[name] = step
            return step

        return bind

    def available(self, user: Any, obj: Any) -> list[Transition]:
        return [t for t in self.transitions.values() if t.available(user, obj)]


def record_event(*, obj: models.Model, verb: str, summary: str, actor: Any, data: dict | None = None) -> BusinessEvent:
    return BusinessEvent.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        verb=verb,
        summary=summary[:500],
        data=data or {},
        actor=actor if getattr(actor, "pk", None) else None,
    )


def save_tracked(obj: Any, *, by: Any, reason: str = "", expected_version: int | None = None) -> Any:
    """Save with history attributed to `by`; refuse when the row changed since `expected_version`."""
    model = type(obj)
    if obj.pk is not None:
        current = model._default_manager.select_for_update().filter(pk=obj.pk).values_list("version", flat=True).first()
        if expected_version is not None and current is not None and current != expected_version:
            raise ConflictError(CONFLICT_MESSAGE)
        obj.version = (current or obj.version) + 1
    # The record's dates say what happened when (core.timeline): a step may not record the future as done.
    refused = first_problem(obj)
    if refused:
        raise WorkflowError(refused)
    obj._history_user = by if getattr(by, "pk", None) else None
    obj._change_reason = reason[:100] if reason else ""
    obj.save()
    return obj


@transaction.atomic
def apply_transition(
    obj: Any,
    transition: Transition,
    *,
    by: Any,
    changes: Mapping[str, Any] | None = None,
    summary: str = "",
    data: dict | None = None,
) -> Any:
    """Move `obj` along `transition`, setting `changes`, or raise WorkflowError with a Vietnamese message."""
    model = type(obj)
    fresh = model._default_manager.select_for_update().get(pk=obj.pk)
    if not transition.permits(by, fresh):
        raise StepPermissionDenied(
            gettext("Bạn không có quyền thực hiện bước “%(transition)s” với bản ghi này.")
            % {"transition": transition.label}
        )
    if fresh.status not in transition.sources:
        raise WorkflowError(
            gettext("Không thể “%(transition)s” khi bản ghi đang ở trạng thái “%(status)s”.")
            % {"transition": transition.label, "status": fresh.get_status_display()}
        )
    before = vietnamese_display(fresh, "status")  # stored (event summary and data): in Vietnamese, whoever acts
    for name, value in (changes or {}).items():
        setattr(fresh, name, value)
    if transition.target is not None:
        fresh.status = transition.target
    save_tracked(fresh, by=by, reason=vietnamese(transition.label))  # history is written once, in Vietnamese
    record_event(
        obj=fresh,
        verb=transition.name,
        summary=summary or f"{vietnamese(transition.label)}: {before} → {vietnamese_display(fresh, 'status')}",
        actor=by,
        data={"from": before, "to": vietnamese_display(fresh, "status"), **(data or {})},
    )
    return fresh


def apply_noted_transition(obj: Any, transition: Transition, *, by: Any, note: str, key: str = "reason") -> Any:
    """A step whose only input is a note (a reason or a comment), kept on the record and in the business event."""
    changes = {"status_note": note} if any(f.name == "status_note" for f in type(obj)._meta.fields) else {}
    return apply_transition(
        obj, transition, by=by, changes=changes, summary=f"{vietnamese(transition.label)}: {note}", data={key: note}
    )
