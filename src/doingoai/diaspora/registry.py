"""Overseas Vietnamese (personal data, Decree 13/2023/NĐ-CP: `persons.registry.PersonsRegistry`) and diaspora
associations: one declaration each."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.registry import Api, Menu, Registry, ReportFigure, Search, register
from doingoai.diaspora import filters, forms, selectors, tables
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.persons.registry import PersonsRegistry


@register
class OverseasVietnameseRegistry(PersonsRegistry):
    model = OverseasVietnamese
    queryset = OverseasVietnamese.objects.select_related("country", "association", "recording_unit")
    form = forms.OverseasVietnameseForm
    filterset = filters.OverseasVietnameseFilterSet
    table = tables.OverseasVietnameseTable
    menu = Menu("consular", pgettext_lazy("menu", "Người Việt Nam ở nước ngoài"), order=10)
    search = Search(
        fields=["full_name", "home_commune", "home_district", "country", "city", "occupation", "association"],
        personal_data=True,
        order=51,
    )
    api = PersonsRegistry.personal_api("overseas-vietnamese")
    report = ReportFigure(
        gettext_lazy("Người Việt Nam ở nước ngoài được ghi nhận, kết nối"),
        "created_at",
        gettext_lazy("ghi nhận mới"),
        order=100,
    )


@register
class DiasporaAssociationRegistry(Registry):
    model = DiasporaAssociation
    path = "associations/"
    queryset = DiasporaAssociation.objects.select_related("country")
    form = forms.DiasporaAssociationForm
    filterset = filters.DiasporaAssociationFilterSet
    table = tables.DiasporaAssociationTable
    detail_template = "diaspora/_association_extra.html"
    menu = Menu("consular", pgettext_lazy("menu", "Hội đồng hương, hội người Việt"), order=20)
    search = Search(fields=["name", "country", "city", "leader", "note"], order=50)
    api = Api("diaspora-associations")

    def detail_context(self, obj: DiasporaAssociation, request: Any) -> dict[str, Any]:
        members = selectors.overseas_vietnamese_list(user=request.user).filter(association=obj)
        return {"members_recorded": members.count()}
