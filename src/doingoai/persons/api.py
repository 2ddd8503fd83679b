"""The API's hooks for registries of persons (`persons.registry.PersonsRegistry.personal_api`): every record read
through the API is logged ("Đọc qua API"), as the web's pages log theirs (Decree 13/2023/NĐ-CP)."""

from __future__ import annotations

from typing import Any

from doingoai.persons.models import AccessAction
from doingoai.persons.permissions import sees_contacts_in_lists
from doingoai.persons.services import personal_data_access_record, personal_data_access_record_many


def log_read(obj: Any, user: Any) -> None:
    personal_data_access_record(obj=obj, by=user, action=AccessAction.API)


def log_list_page(objects: list[Any], user: Any) -> None:
    """A page with full contacts is an export in all but name: logged per record, like the web's export.
    (Pages with masked contacts are not, as the web lists are not.)"""
    if sees_contacts_in_lists(user):
        personal_data_access_record_many(objects=objects, by=user, action=AccessAction.API)
