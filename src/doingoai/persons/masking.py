"""How a person's contacts look to roles that do not need them (Decree 13/2023/NĐ-CP): "09******12",
"n***@gmail.com", "***, Lyon". Who needs them is in `persons.permissions`."""

from __future__ import annotations

from typing import Any

from doingoai.persons.permissions import sees_contacts_in_lists, sees_contacts_on_record

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


def mask_record(obj: Any, data: dict[str, Any], user: Any, detail: bool) -> dict[str, Any]:
    """A record's fields as sent to `user` (the API): contacts masked as on the web — in a list unless the user
    sees contacts in lists, on the record's own page unless the user sees them there."""
    sees = sees_contacts_on_record(user, obj) if detail else sees_contacts_in_lists(user)
    if not sees:
        for name in obj.masked_names():
            if name in data:
                data[name] = obj.mask_value(name, data[name])
    return data
