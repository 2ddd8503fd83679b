"""The API's hooks for registries of persons (Decree 13/2023/NĐ-CP, see `diaspora.registry.PersonsRegistry`):
every record read through the API is logged ("Đọc qua API")."""

from __future__ import annotations

from typing import Any

from doingoai.diaspora import services
from doingoai.diaspora.models import AccessAction
from doingoai.diaspora.personal_data import sees_contacts_in_lists


def log_read(obj: Any, user: Any) -> None:
    services.personal_data_access_record(obj=obj, by=user, action=AccessAction.API)


def log_list_page(objects: list[Any], user: Any) -> None:
    """A page with full contacts is an export in all but name: logged per record, like the web's export.
    (Pages with masked contacts are not, as the web lists are not.)"""
    if sees_contacts_in_lists(user):
        services.personal_data_access_record_many(objects=objects, by=user, action=AccessAction.API)
