"""Decree 13/2023/NĐ-CP on personal data: who needs what, and how contacts are masked for everyone else.

Shared by the registries that hold persons (overseas Vietnamese, citizen-protection cases). The rules:
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
from doingoai.core.permissions import NOTHING, READ_ALL_ROLES, WRITE_ALL_ROLES, role_of

# Shown instead of a sensitive text to roles that do not need it.
HIDDEN = "(đã ẩn: dữ liệu cá nhân nhạy cảm)"


def _keep_ends(value: str) -> str:
    compact = "".join(c for c in value if not c.isspace() and c not in ".-()")
    if len(compact) <= 4:
        return "*" * len(compact)
    return f"{compact[:2]}{'*' * (len(compact) - 4)}{compact[-2:]}"


def mask_phone(value: str) -> str:
    """ "0912 345 612" → "09******12": the first two and last two digits stay, the others become stars."""
    return _keep_ends(value)


def mask_document_number(value: str) -> str:
    """ "C1234567" → "C1****67"."""
    return _keep_ends(value)


def mask_email(value: str) -> str:
    """ "nguyen.van.a@gmail.com" → "n***@gmail.com"."""
    local, at, domain = value.strip().partition("@")
    if not at:
        return mask_text(value)
    return f"{local[:1]}***@{domain}"


def mask_address(value: str) -> str:
    """Only the last part (the city or country) stays: "12 Rue X, Lyon" → "***, Lyon"."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    return f"***, {parts[-1]}" if len(parts) > 1 else "***"


def mask_text(value: str) -> str:
    return "***" if value else ""


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
        return own if action == "view" else own & not_erased
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


def mask_record(obj: Any, data: dict[str, Any], user: Any, detail: bool) -> dict[str, Any]:
    """A record's fields as sent to `user` (the API): contacts masked as on the web — in a list unless the user
    sees contacts in lists, on the record's own page unless the user sees them there."""
    sees = sees_contacts_on_record(user, obj) if detail else sees_contacts_in_lists(user)
    if not sees:
        for name in obj.masked_names():
            if name in data:
                data[name] = obj.mask_value(name, data[name])
    return data
