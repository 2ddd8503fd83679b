from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy

from doingoai.core.filters import RegistryFilterSet
from doingoai.finance.models import ApprovalRule, Authority, AuthorityGrant, Norm, NormKind, RuleTarget


class NormFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(
        label=gettext_lazy("Loại định mức"), choices=NormKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    verified = df.BooleanFilter(label=gettext_lazy("Đã đối chiếu văn bản"))
    search_fields = ("item", "rank", "source", "country__name_vi")

    class Meta:
        model = Norm
        fields = ["q", "kind", "verified"]


class AuthorityFilterSet(RegistryFilterSet):
    search_fields = ("name", "note")

    class Meta:
        model = Authority
        fields = ["q"]


class ApprovalRuleFilterSet(RegistryFilterSet):
    target = df.ChoiceFilter(
        label=gettext_lazy("Áp dụng cho"), choices=RuleTarget.choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("head_rank", "source", "note", "authority__name")

    class Meta:
        model = ApprovalRule
        fields = ["q", "target", "authority"]


class AuthorityGrantFilterSet(RegistryFilterSet):
    search_fields = ("user__username", "user__first_name", "user__last_name", "basis", "authority__name")

    class Meta:
        model = AuthorityGrant
        fields = ["q", "authority"]
