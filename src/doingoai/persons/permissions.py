"""Decree 13/2023/NĐ-CP on personal data: who needs what.

Shared by the registries that hold persons (overseas Vietnamese, citizen-protection cases); how masked contacts
look is in `persons.masking`. The rules:
- a unit officer sees only the records their own unit recorded, in every status (persons are never published);
  leaders and finance read every record, the coordinator and the administrator do everything;
- lists show contacts masked ("09******12", "n***@gmail.com") to everyone but the coordinator and the
  administrator; a record's own page shows them in full to those and to the unit that recorded it;
- only the coordinator and the administrator export persons, answer a data subject's request for their data,
  and erase a record on request. Records are erased (blanked), never deleted.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from doingoai.core.choices import Role
from doingoai.core.permissions import NOTHING, READ_ALL_ROLES, WRITE_ALL_ROLES, competent, role_of


def personal_data_q(model: Any, user: Any, action: str) -> Q | None:
    """Rows of a personal-data registry this user may `action` (see the module docstring)."""
    role = role_of(user)
    if role is None:
        return NOTHING
    if action == "delete":  # erasure on request replaces deletion (the history would keep the data)
        return NOTHING
    not_erased = Q(erased_at__isnull=True)
    if role in WRITE_ALL_ROLES:
        return None if action == "view" else not_erased
    if role in READ_ALL_ROLES:
        return None if action == "view" else NOTHING
    if role == Role.UNIT_OFFICER and user.unit_id:
        own = Q(**{f"{model.owner_field}_id": user.unit_id})
        if action == "view":
            return own
        return own & not_erased if competent(user, model) else NOTHING
    return NOTHING


def may_export(user: Any) -> bool:
    """Exports of persons, a data subject's own data and erasure: the coordinator and the administrator."""
    return role_of(user) in WRITE_ALL_ROLES


def sees_contacts_in_lists(user: Any) -> bool:
    return role_of(user) in WRITE_ALL_ROLES


def sees_contacts_on_record(user: Any, obj: Any) -> bool:
    """The coordinator, the administrator, and the officers of the unit that recorded the person."""
    role = role_of(user)
    if role in WRITE_ALL_ROLES:
        return True
    owner_id = getattr(obj, f"{obj.owner_field}_id", None)
    return role == Role.UNIT_OFFICER and owner_id is not None and owner_id == user.unit_id
