"""`personal_data_api`: how every registry of persons joins the REST API (api.registry). It applies the web's
Decree 13/2023/NĐ-CP rules — contacts masked for roles that do not need them, every record read logged ("Đọc
qua API"), and no deletion (records are erased on request on the web)."""

from __future__ import annotations

from typing import Any

from doingoai.api.registry import ApiSpec, register
from doingoai.persons.masking import mask_record
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


def personal_data_api(prefix: str, **views_: Any) -> ApiSpec:
    """Declare a registry of persons: no delete (erasure replaces it), masked contacts, logged reads."""
    return register(prefix, mask=mask_record, on_retrieve=log_read, on_list=log_list_page, **views_)
