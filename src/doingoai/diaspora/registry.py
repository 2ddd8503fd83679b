"""Overseas Vietnamese (personal data, Decree 13/2023/NĐ-CP) and diaspora associations: one declaration each.

`PersonsRegistry` is the declaration every registry of persons starts from: the recording unit only, masked
contacts, every reading logged (web and API), export and erasure on the data subject's request, no deletion.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from doingoai.core.registry import Access, Api, Menu, MenuLink, Registry, Search, menu_links, register
from doingoai.diaspora import filters, forms, selectors, tables, views
from doingoai.diaspora.api import log_list_page, log_read
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.diaspora.personal_data import mask_record, may_export


class PersonsRegistry(Registry):
    access = Access.PERSONS
    deletable = False  # erasure on request replaces deletion
    list_view = views.PersonalDataListView
    detail_view = views.PersonalDataDetailView
    edit_view = views.PersonalDataEditView

    @classmethod
    def personal_api(cls, prefix: str) -> Api:
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


@register
class OverseasVietnameseRegistry(PersonsRegistry):
    model = OverseasVietnamese
    queryset = OverseasVietnamese.objects.select_related("country", "association", "recording_unit")
    form = forms.OverseasVietnameseForm
    filterset = filters.OverseasVietnameseFilterSet
    table = tables.OverseasVietnameseTable
    menu = Menu("consular", "Người Việt Nam ở nước ngoài", order=10)
    search = Search(
        fields=["full_name", "home_commune", "home_district", "country", "city", "occupation", "association"],
        personal_data=True,
        order=51,
    )
    api = PersonsRegistry.personal_api("overseas-vietnamese")


@register
class DiasporaAssociationRegistry(Registry):
    model = DiasporaAssociation
    path = "associations/"
    queryset = DiasporaAssociation.objects.select_related("country")
    form = forms.DiasporaAssociationForm
    filterset = filters.DiasporaAssociationFilterSet
    table = tables.DiasporaAssociationTable
    detail_template = "diaspora/_association_extra.html"
    menu = Menu("consular", "Hội đồng hương, hội người Việt", order=20)
    search = Search(fields=["name", "country", "city", "leader", "note"], order=50)
    api = Api("diaspora-associations")

    def detail_context(self, obj: DiasporaAssociation, request: Any) -> dict[str, Any]:
        members = selectors.overseas_vietnamese_list(user=request.user).filter(association=obj)
        return {"members_recorded": members.count()}


menu_links(
    MenuLink(
        "consular",
        "Nhật ký truy cập dữ liệu cá nhân",
        "diaspora:personaldataaccess_list",
        order=90,
        divider_before=True,
        visible_to=may_export,
    ),
    MenuLink(
        "consular", "Xóa dữ liệu cá nhân theo yêu cầu", "diaspora:erasurerecord_list", order=91, visible_to=may_export
    ),
)
