"""`PersonsRegistry`: the declaration every registry of persons starts from (Decree 13/2023/NĐ-CP) — the recording
unit only, masked contacts, every reading logged (web and API), export and erasure on the data subject's
request, no deletion; and the coordinator's logs in the menu."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from django.utils.translation import pgettext_lazy

from doingoai.core.registry import Access, Api, MenuLink, Registry, menu_links
from doingoai.persons import views
from doingoai.persons.api import log_list_page, log_read
from doingoai.persons.masking import mask_record
from doingoai.persons.permissions import may_export


class PersonsRegistry(Registry):
    access = Access.PERSONS
    deletable = False  # erasure on request replaces deletion
    list_view = views.PersonalDataListView
    detail_view = views.PersonalDataDetailView
    edit_view = views.PersonalDataEditView

    @staticmethod
    def personal_api(prefix: str) -> Api:
        """The API of a registry of persons: masked contacts, logged reads."""
        return Api(prefix, mask=mask_record, on_retrieve=log_read, on_list=log_list_page)

    def extra_urls(self) -> list[URLPattern]:
        m, name = self.model_name, self.model.__name__
        attrs = {"registry": self, "queryset": self.model._default_manager.all()}
        export: Any = type(f"{name}ExportView", (views.PersonalDataExportView,), attrs)
        erase: Any = type(f"{name}EraseView", (views.PersonalDataEraseView,), attrs)
        return [
            path(f"{self.path}<int:pk>/export/", export.as_view(), name=f"{m}_export"),
            path(f"{self.path}<int:pk>/erase/", erase.as_view(), name=f"{m}_erase"),
        ]


menu_links(
    MenuLink(
        "consular",
        pgettext_lazy("menu", "Nhật ký truy cập dữ liệu cá nhân"),
        "persons:personaldataaccess_list",
        order=90,
        divider_before=True,
        visible_to=may_export,
    ),
    MenuLink(
        "consular",
        pgettext_lazy("menu", "Xóa dữ liệu cá nhân theo yêu cầu"),
        "persons:erasurerecord_list",
        order=91,
        visible_to=may_export,
    ),
)
