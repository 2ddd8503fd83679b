"""Row-level rights, as querysets filters (`Model.objects.restrict(user, action)`).

DESIGN.md "Who uses it": coordinator and admin may do everything; leader and finance read everything and act
only through workflow steps; a unit officer reads what the coordinator publishes and writes only its own
unit's records while they are drafts or proposals. `None` means "no restriction"; an empty Q matches nothing.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext

from doingoai.core.choices import Role

NOTHING = Q(pk__in=[])
READ_ALL_ROLES = {Role.COORDINATOR, Role.ADMIN, Role.LEADER, Role.FINANCE}
WRITE_ALL_ROLES = {Role.COORDINATOR, Role.ADMIN}


def role_of(user: Any) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    return str(user.role)


def competent(user: Any, model: Any) -> bool:
    """Whether `user` may write records of `model` as far as competence goes: a model declaring a
    `competence` subject (core.choices.Competence) is written by the units declared competent for it
    (`CompetentUnit`, edited by the administrator) and by the coordinator and the administrator; read rights
    are unchanged."""
    subject = getattr(model, "competence", None)
    if subject is None:
        return True
    role = role_of(user)
    if role in WRITE_ALL_ROLES:
        return True
    if role != Role.UNIT_OFFICER or not user.unit_id:
        return False
    held = getattr(user, "_competences", None)
    if held is None or held[0] != user.unit_id:  # once per request's user (list pages ask for every row)
        from django.apps import apps

        rows = apps.get_model("core", "CompetentUnit").objects.filter(unit_id=user.unit_id)
        held = (user.unit_id, frozenset(rows.values_list("subject", flat=True)))
        user._competences = held
    return subject in held[1]


def not_competent_message(model: Any) -> str:
    """Why a unit outside the competent ones is refused, in Vietnamese (names the subject)."""
    from doingoai.core.choices import Competence

    label = Competence(model.competence).label
    return gettext(
        "Đơn vị của bạn không có thẩm quyền về lĩnh vực “%(label)s”: chỉ các đơn vị có thẩm quyền "
        "(do quản trị hệ thống khai báo) được ghi các bản ghi này."
    ) % {"label": label}


def reference_q(user: Any, action: str) -> Q | None:
    """Reference data (units, countries, partners): everyone signed in reads; coordinator and admin write."""
    role = role_of(user)
    if role is None:
        return NOTHING
    if action == "view" or role in WRITE_ALL_ROLES:
        return None
    return NOTHING


def unit_owned_q(model: Any, user: Any, action: str) -> Q | None:
    """Registry records owned by a proposing unit (see UnitOwnedModel)."""
    role = role_of(user)
    if role is None:
        return NOTHING
    if role in WRITE_ALL_ROLES:
        if action == "delete":
            return Q(status__in=model.editable_statuses)
        return None
    owner = model.owner_field
    if role in READ_ALL_ROLES:
        return None if action == "view" else NOTHING
    if role == Role.UNIT_OFFICER and user.unit_id:
        own = Q(**{f"{owner}_id": user.unit_id})
        if action == "view":
            return own | ~Q(status__in=model.private_statuses)
        if not competent(user, model):
            return NOTHING
        return own & Q(status__in=model.editable_statuses)
    return NOTHING


def can(user: Any, action: str, obj: Any) -> bool:
    """Whether `user` may `action` this one object (same rule as the queryset)."""
    rule = type(obj).permission_q(user, action)
    if rule is None:
        return True
    return type(obj)._default_manager.filter(rule, pk=obj.pk).exists()


def can_create(user: Any, model: Any) -> bool:
    hook = getattr(model, "may_create", None)  # models whose creators depend on data (a plan's coordinators)
    if hook is not None:
        return bool(hook(user))
    if not competent(user, model):
        return False
    role = role_of(user)
    if role in WRITE_ALL_ROLES:
        return True
    owner = getattr(model, "owner_field", None)
    return bool(owner and role == Role.UNIT_OFFICER and user.unit_id)
