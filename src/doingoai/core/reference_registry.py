"""The reference registries (units, foreign partners, countries, diplomatic relations): one declaration each.

Other apps declare theirs in their `registry.py`; core's module of that name is the framework itself, so
core's declarations live here and `CoreConfig.ready` imports them."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import pgettext_lazy

from doingoai.core import filters, forms, partner_story, tables
from doingoai.core.models import AdministrativeUnit, Country, DiplomaticRelation, Partner, Unit
from doingoai.core.registry import Api, Menu, MenuLink, Registry, Search, menu_links, register


@register
class UnitRegistry(Registry):
    model = Unit
    path = "units/"
    queryset = Unit.objects.select_related("parent")
    form = forms.UnitForm
    filterset = filters.UnitFilterSet
    table = tables.UnitTable
    deletable = False  # units merge and rename (active_to), their records stay
    menu = Menu("reference", pgettext_lazy("menu", "Cơ quan, đơn vị"), order=20)
    search = Search(fields=["name", "short_name", "kind", "parent", "note"], order=50)
    api = Api("units")


@register
class PartnerRegistry(Registry):
    model = Partner
    path = "partners/"
    queryset = Partner.objects.select_related("country")
    form = forms.PartnerForm
    filterset = filters.PartnerFilterSet
    table = tables.PartnerTable
    menu = Menu("reference", pgettext_lazy("menu", "Đối tác nước ngoài"), order=10)
    search = Search(fields=["name", "aliases", "kind", "country", "note"], order=40)
    api = Api("partners")
    detail_template = "core/_partner_story.html"

    def detail_context(self, obj: Partner, request: Any) -> dict[str, Any]:
        """The relation's story: its milestones with their round anniversaries, and one timeline of every record
        linked to the partner (filtered by `?year=` and `?kind=`)."""
        today = timezone.localdate()
        kinds = partner_story.partner_timeline_kinds()
        kind = request.GET.get("kind", "")
        kind = kind if kind in dict(kinds) else ""
        year_text = request.GET.get("year", "")
        year = int(year_text) if year_text.isdigit() else None
        every = partner_story.partner_timeline(partner=obj, user=request.user)
        shown = [e for e in every if (not kind or e.kind == kind) and (year is None or e.year == year)]
        return {
            "relations": partner_story.partner_relations(partner=obj, year=today.year),
            "timeline": shown,
            "timeline_total": len(every),
            "timeline_kinds": kinds,
            "timeline_years": sorted({e.year for e in every if e.year}, reverse=True),
            "timeline_kind": kind,
            "timeline_year": year,
            "this_year": today.year,
        }


@register
class CountryRegistry(Registry):
    model = Country
    path = "countries/"
    form = forms.CountryForm
    filterset = filters.CountryFilterSet
    table = tables.CountryTable
    deletable = False
    paginate_by = 50
    menu = Menu("reference", pgettext_lazy("menu", "Nước, vùng lãnh thổ"), order=30)
    search = Search(fields=["name_vi", "name_en", "code", "aliases", "region"], order=60)
    api = Api("countries")


@register
class DiplomaticRelationRegistry(Registry):
    model = DiplomaticRelation
    path = "relations/"
    queryset = DiplomaticRelation.objects.select_related("country")
    form = forms.DiplomaticRelationForm
    filterset = filters.DiplomaticRelationFilterSet
    table = tables.DiplomaticRelationTable
    deletable = False
    paginate_by = 100
    menu = Menu("reference", pgettext_lazy("menu", "Quan hệ ngoại giao"), order=40)
    search = Search(fields=["name_vi", "code", "country", "established_on"], order=70)
    api = Api("relations")


@register
class AdministrativeUnitRegistry(Registry):
    """Read-only: the units follow the `vietnam-provinces` package and the shipped former units (load_refdata)."""

    model = AdministrativeUnit
    path = "admin-units/"
    queryset = AdministrativeUnit.objects.select_related("province", "former_province")
    filterset = filters.AdministrativeUnitFilterSet
    table = tables.AdministrativeUnitTable
    deletable = False
    paginate_by = 50
    detail_fields = ["name", "kind", "code", "province", "former_province"]
    menu = Menu("reference", pgettext_lazy("menu", "Đơn vị hành chính Việt Nam"), order=35)
    # Not in the search box: 4,000 rows written in bulk (no save signals for its index); the list's own filter
    # searches the accent-free `search_text`.
    api = Api("admin-units", read_only=True)


menu_links(MenuLink("reference", pgettext_lazy("menu", "Kỷ niệm năm chẵn"), "anniversaries", order=50))
