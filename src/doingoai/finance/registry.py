"""Norms, authorities, competent-authority rules and who holds them: one declaration each (reference data the
administrator edits; everyone signed in reads)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, pgettext_lazy

from doingoai.core.choices import Role
from doingoai.core.models import User
from doingoai.core.registry import Access, Api, Menu, MenuLink, Registry, Search, menu_links, register
from doingoai.finance import filters, forms, tables
from doingoai.finance.models import (
    ApprovalRule,
    Authority,
    AuthorityGrant,
    AuthorityKind,
    Norm,
    NormKind,
    NormPer,
    RuleTarget,
)


@register
class NormRegistry(Registry):
    model = Norm
    path = "norms/"
    queryset = Norm.objects.select_related("country")
    form = forms.NormForm
    filterset = filters.NormFilterSet
    table = tables.NormTable
    access = Access.REFERENCE
    paginate_by = 50
    menu = Menu("reference", pgettext_lazy("menu", "Định mức chi"), order=60, divider_before=True)
    search = Search(fields=["item", "rank", "kind", "country", "source"], order=90)
    api = Api("norms")

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "kind": NormKind.INBOUND_MEALS,
            "rank": f"Hạng khách ví dụ {n}",
            "item": gettext("Tiêu chuẩn ăn hằng ngày"),
            "amount": 1_000_000,
            "currency": "VND",
            "per": NormPer.PERSON_DAY,
            "source": gettext("Ví dụ"),
        }


@register
class AuthorityRegistry(Registry):
    model = Authority
    path = "authorities/"
    form = forms.AuthorityForm
    filterset = filters.AuthorityFilterSet
    table = tables.AuthorityTable
    access = Access.REFERENCE
    deletable = False  # decided records keep their authority
    menu = Menu("reference", pgettext_lazy("menu", "Cấp có thẩm quyền"), order=61)
    api = Api("authorities")

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {"name": f"Cấp quyết định ví dụ {n}", "kind": AuthorityKind.VICE_CHAIRMAN, "level": 40 + n}


@register
class ApprovalRuleRegistry(Registry):
    model = ApprovalRule
    path = "rules/"
    queryset = ApprovalRule.objects.select_related("authority")
    form = forms.ApprovalRuleForm
    filterset = filters.ApprovalRuleFilterSet
    table = tables.ApprovalRuleTable
    access = Access.REFERENCE
    menu = Menu("reference", pgettext_lazy("menu", "Quy tắc thẩm quyền"), order=62)
    api = Api("approval-rules")

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        authority, _ = Authority.objects.get_or_create(
            name="Cấp quyết định ví dụ", defaults={"kind": AuthorityKind.CHAIRMAN, "level": 30}
        )
        return {"target": RuleTarget.DELEGATION, "authority": authority, "priority": 900 + n, "head_rank": f"vd{n}"}


@register
class AuthorityGrantRegistry(Registry):
    model = AuthorityGrant
    path = "grants/"
    queryset = AuthorityGrant.objects.select_related("user", "authority", "unit", "delegated_by")
    form = forms.AuthorityGrantForm
    filterset = filters.AuthorityGrantFilterSet
    table = tables.AuthorityGrantTable
    access = Access.REFERENCE
    menu = Menu("reference", pgettext_lazy("menu", "Người có thẩm quyền, ủy quyền"), order=63)
    api = Api("authority-grants")

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        user, _ = User.objects.get_or_create(
            username=f"vidu_thamquyen_{n}", defaults={"role": Role.LEADER, "first_name": f"Lãnh đạo {n}"}
        )
        authority, _ = Authority.objects.get_or_create(
            name="Cấp quyết định ví dụ", defaults={"kind": AuthorityKind.CHAIRMAN, "level": 30}
        )
        return {"user": user, "authority": authority, "basis": f"Văn bản phân công ví dụ số {n}"}


menu_links(MenuLink("follow", pgettext_lazy("menu", "Kinh phí đối ngoại"), "finance:totals", order=60))
