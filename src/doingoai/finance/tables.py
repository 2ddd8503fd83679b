from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.translation import gettext_lazy

from doingoai.core.tables import RegistryTable
from doingoai.finance.models import ApprovalRule, Authority, AuthorityGrant, Norm


class NormTable(RegistryTable):
    item = tables.Column(linkify=True)
    amount = tables.Column(verbose_name=gettext_lazy("Mức tối đa"), accessor="amount_display", orderable=False)

    class Meta(RegistryTable.Meta):
        model = Norm
        fields = ("kind", "country", "rank", "item", "amount", "valid_from", "verified")


class AuthorityTable(RegistryTable):
    name = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = Authority
        fields = ("name", "kind", "level")


class ApprovalRuleTable(RegistryTable):
    rule = tables.Column(verbose_name=gettext_lazy("Quy tắc"), accessor="pk", linkify=True, orderable=False)

    class Meta(RegistryTable.Meta):
        model = ApprovalRule
        fields = ("priority", "rule", "authority", "source")

    def render_rule(self, record: Any) -> str:
        return str(record).split(" → ")[0]


class AuthorityGrantTable(RegistryTable):
    user = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = AuthorityGrant
        fields = ("user", "authority", "unit", "valid_from", "valid_to", "delegated_by", "basis")
