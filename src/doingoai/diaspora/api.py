"""/api/overseas-vietnamese/ and /api/diaspora-associations/ (api.registry).

Overseas Vietnamese are personal data (Decree 13/2023/NĐ-CP): the API applies the web's rules — a unit reads
only what it recorded, contacts are masked for roles that do not need them, every record read is logged
("Đọc qua API"), and records are erased on request on the web, never deleted. `personal_data_api` is the
declaration every registry of persons uses.
"""

from __future__ import annotations

from typing import Any

from doingoai.api.registry import ApiSpec, register
from doingoai.diaspora import services, views
from doingoai.diaspora.models import AccessAction
from doingoai.diaspora.personal_data import mask_record, sees_contacts_in_lists


def log_read(obj: Any, user: Any) -> None:
    services.personal_data_access_record(obj=obj, by=user, action=AccessAction.API)


def log_list_page(objects: list[Any], user: Any) -> None:
    """A page with full contacts is an export in all but name: logged per record, like the web's export.
    (Pages with masked contacts are not, as the web lists are not.)"""
    if sees_contacts_in_lists(user):
        services.personal_data_access_record_many(objects=objects, by=user, action=AccessAction.API)


def personal_data_api(prefix: str, **views_: Any) -> ApiSpec:
    """Declare a registry of persons: no delete (erasure replaces it), masked contacts, logged reads."""
    return register(prefix, mask=mask_record, on_retrieve=log_read, on_list=log_list_page, **views_)


personal_data_api(
    "overseas-vietnamese",
    list_view=views.OverseasVietnameseListView,
    detail_view=views.OverseasVietnameseDetailView,
    edit_view=views.OverseasVietnameseEditView,
)
register(
    "diaspora-associations",
    list_view=views.DiasporaAssociationListView,
    detail_view=views.DiasporaAssociationDetailView,
    edit_view=views.DiasporaAssociationEditView,
    delete_view=views.DiasporaAssociationDeleteView,
)
