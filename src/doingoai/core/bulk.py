"""Bulk steps: one workflow step taken on the rows ticked in a list (issue 16, item 9).

Which steps a list offers is derived from the declaration (`Registry.bulk_steps`, else every step that needs
no input or only one text — a reason or a comment — so that one value serves every record). Each record goes
through the same bound service as its own page, in its own transaction: the rights and the state are checked
record by record, and a refusal does not undo the others. The web page (`<app>:<model>_bulk`) and the API
(`POST /api/<prefix>/bulk/<step>/`) both run `run_bulk` and show what was done and what was refused, and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.choices import Role
from doingoai.core.forms import guard_text_fields
from doingoai.core.permissions import role_of
from doingoai.core.workflow import Transition, WorkflowError

# At most this many records in one bulk step (a page of a list is 25 to 100 rows).
MAX_IDS = 500

NOT_FOUND = gettext_lazy("Không tìm thấy bản ghi, hoặc bạn không có quyền với bản ghi này.")


@dataclass
class Outcome:
    pk: int
    ok: bool
    reason: str = ""
    obj: Any = None

    @property
    def label(self) -> str:
        return str(self.obj) if self.obj is not None else f"#{self.pk}"


@dataclass
class BulkResult:
    step: Transition
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def done(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ok]

    @property
    def refused(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    def as_data(self) -> dict[str, Any]:
        return {
            "step": self.step.name,
            "label": self.step.label,
            "done": len(self.done),
            "refused": len(self.refused),
            "results": [{"id": o.pk, "ok": o.ok, "detail": o.reason} for o in self.outcomes],
        }


def text_only(form_class: type[forms.Form] | None) -> str | None:
    """The name of the one text field of a step form ("reason", "comment"), "" for no form, None otherwise."""
    if form_class is None:
        return ""
    if getattr(form_class, "page_url", None) is not None:
        return None
    fields = form_class.base_fields
    if len(fields) == 1:
        name, only = next(iter(fields.items()))
        if type(only) is forms.CharField:
            return name
    return None


def bulk_steps(reg: Any) -> list[Transition]:
    """The steps a registry's list offers on ticked rows (declared, else derived from the workflow)."""
    workflow = reg.workflow
    if workflow is None:
        return []
    names: Iterable[str] = reg.bulk_steps if reg.bulk_steps is not None else workflow.transitions
    return [
        workflow.transitions[name]
        for name in names
        if name in workflow.transitions and text_only(reg.step_forms.get(name)) is not None
    ]


def might_take(transition: Transition, user: Any) -> bool:
    """Whether the user's role could take the step on some record (the list offers no step it never could)."""
    role = role_of(user)
    if role is None:
        return False
    return role in transition.roles or transition.rule is not None or (transition.owner and role == Role.UNIT_OFFICER)


def steps_for(reg: Any, user: Any) -> list[dict[str, Any]]:
    """The bulk steps offered to `user`, each with the label and the name of its text field ("" for none)."""
    result = []
    for transition in bulk_steps(reg):
        if might_take(transition, user):
            form_class = reg.step_forms.get(transition.name)
            note = text_only(form_class) or ""
            note_label = str(form_class.base_fields[note].label) if note and form_class else ""
            result.append({"name": transition.name, "label": transition.label, "note": note, "note_label": note_label})
    return result


def parse_ids(values: Iterable[Any]) -> list[int]:
    ids: list[int] = []
    for value in values:
        try:
            pk = int(value)
        except (TypeError, ValueError):
            continue
        if pk not in ids:
            ids.append(pk)
    return ids


class BulkError(Exception):
    """The request itself is wrong (unknown step, nothing ticked, missing reason): nothing was done."""

    def __init__(self, message: str, errors: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.errors = dict(errors or {})


def step_values(reg: Any, name: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The step's input, validated once for every record (its form's one text field), or BulkError."""
    form_class = reg.step_forms.get(name)
    if form_class is None:
        return {}
    note = text_only(form_class)
    if not note:
        return {}
    value = data.get(note) or data.get("note") or ""
    form = form_class(data={note: value})
    guard_text_fields(form)
    if not form.is_valid():
        errors = {k: [str(e) for e in v] for k, v in form.errors.items()}
        raise BulkError(" ".join(m for messages in errors.values() for m in messages), errors)
    return dict(form.cleaned_data)


def run_bulk(reg: Any, name: str, ids: Iterable[Any], *, by: Any, data: Mapping[str, Any]) -> BulkResult:
    """Take step `name` on each record of `ids` the user can see, each in its own transaction."""
    steps = {t.name: t for t in bulk_steps(reg)}
    transition = steps.get(name)
    if transition is None:
        raise BulkError(gettext("Bước này không thực hiện được cho nhiều bản ghi cùng lúc."))
    wanted = parse_ids(ids)
    if not wanted:
        raise BulkError(gettext("Chưa chọn bản ghi nào."))
    if len(wanted) > MAX_IDS:
        raise BulkError(gettext("Mỗi lần chỉ thực hiện được cho tối đa %(max_ids)s bản ghi.") % {"max_ids": MAX_IDS})
    values = step_values(reg, name, data)
    visible = transition.in_scope(reg.get_queryset().restrict(by, "view"), by)
    found = {obj.pk: obj for obj in visible.filter(pk__in=wanted)}
    service = reg.workflow.services[name]
    model_name = reg.model_name
    result = BulkResult(step=transition)
    for pk in wanted:
        obj = found.get(pk)
        if obj is None:
            result.outcomes.append(Outcome(pk, False, str(NOT_FOUND)))
            continue
        try:
            with transaction.atomic():
                if transition.permits(by, obj) and not transition.available(by, obj):
                    raise WorkflowError(refusal(transition, obj))
                obj = service(**{model_name: obj}, by=by, **values)
        except (WorkflowError, PermissionDenied) as exc:
            message = str(exc) or gettext("Bạn không có quyền thực hiện bước “%(transition)s” với bản ghi này.") % {
                "transition": transition.label
            }
            result.outcomes.append(Outcome(pk, False, message, obj))
        else:
            result.outcomes.append(Outcome(pk, True, "", obj))
    return result


def refusal(transition: Transition, obj: Any) -> str:
    """Why a step the user may take is not open on this record (its status, or its state beyond the status)."""
    if obj.status not in transition.sources:
        return gettext("Không thể “%(transition)s” khi bản ghi đang ở trạng thái “%(status)s”.") % {
            "transition": transition.label,
            "status": obj.get_status_display(),
        }
    return gettext("Bước “%(transition)s” không áp dụng cho bản ghi này lúc này.") % {"transition": transition.label}
