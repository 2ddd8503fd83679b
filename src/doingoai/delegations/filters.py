from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from doingoai.core.filters import LookupChoiceFilter, PlanFilterSet
from doingoai.core.models import Unit
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction


class DelegationFilterSet(PlanFilterSet):
    direction = df.ChoiceFilter(
        label=gettext_lazy("Loại đoàn"), choices=Direction.choices, empty_label=gettext_lazy("Tất cả")
    )
    group = df.ChoiceFilter(
        label=gettext_lazy("Nhóm"), choices=DelegationGroup.choices, empty_label=gettext_lazy("Tất cả")
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=DelegationStatus.choices, distinct=False)
    proposing_unit = LookupChoiceFilter(label=gettext_lazy("Đơn vị đề xuất"), queryset=Unit.objects.all())
    search_fields = (
        "name",
        "capacity",
        "head",
        "partner_text",
        "purpose",
        "composition",
        "time_text",
        "decision_ref",
        "countries__name_vi",
        "partners__name",
        "proposing_unit__name",
    )

    class Meta:
        model = Delegation
        fields = [
            "q",
            "year",
            "direction",
            "group",
            "status",
            "quarter",
            "country",
            "region",
            "partner",
            "proposing_unit",
            "funding_source",
            "uses_state_budget",
        ]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return super().filter_q(queryset, name, value).distinct()


class OverlapFilterSet(PlanFilterSet):
    """Which flagged delegations the overlap page lists (the year is the page's own choice); each keeps every
    delegation it could be combined with."""

    q = year = region = partner = funding_source = uses_state_budget = None  # type: ignore[assignment]
    proposing_unit = LookupChoiceFilter(label=gettext_lazy("Đơn vị đề xuất"), queryset=Unit.objects.all())

    class Meta:
        model = Delegation
        fields = ["country", "proposing_unit", "quarter"]
