from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from doingoai.aid.deadlines import START
from doingoai.aid.models import (
    AidKind,
    AidProject,
    AidStatus,
    Currency,
    InvestmentOpportunity,
    InvestmentStatus,
    Sector,
)
from doingoai.core.filters import BOOL_CHOICES, RegistryFilterSet, year_choices
from doingoai.core.models import Partner, Unit


class AidProjectFilterSet(RegistryFilterSet):
    year = df.ChoiceFilter(
        label=gettext_lazy("Năm tiếp nhận"), choices=year_choices, empty_label=gettext_lazy("Tất cả")
    )
    kind = df.ChoiceFilter(label=gettext_lazy("Loại"), choices=AidKind.choices, empty_label=gettext_lazy("Tất cả"))
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=AidStatus.choices)
    start_late = df.ChoiceFilter(
        label=gettext_lazy("Quá hạn triển khai (viện trợ phi chính phủ)"),
        choices=[("1", gettext_lazy("Quá hạn triển khai"))],
        empty_label=gettext_lazy("Tất cả"),
        method="filter_start_late",
    )
    sector = df.ChoiceFilter(label=gettext_lazy("Lĩnh vực"), choices=Sector.choices, empty_label=gettext_lazy("Tất cả"))
    currency = df.ChoiceFilter(
        label=gettext_lazy("Loại tiền"), choices=Currency.choices, empty_label=gettext_lazy("Tất cả")
    )
    donor = df.ModelChoiceFilter(
        label=gettext_lazy("Nhà tài trợ"), queryset=Partner.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    managing_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị tiếp nhận"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    search_fields = (
        "title",
        "donor_text",
        "objectives",
        "place",
        "approval_ref",
        "note",
        "donor__name",
        "managing_unit__name",
    )

    class Meta:
        model = AidProject
        fields = ["q", "year", "kind", "status", "start_late", "sector", "currency", "donor", "managing_unit"]

    def filter_start_late(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Approved NGO aid past its 6-month start deadline (Decree 80/2020/NĐ-CP)."""
        if not value:
            return queryset
        late = START.overdue_in(queryset.filter(START.open()), timezone.localdate())
        return queryset.filter(pk__in=[a.pk for a in late])


class InvestmentOpportunityFilterSet(RegistryFilterSet):
    year = df.ChoiceFilter(label=gettext_lazy("Năm danh mục"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=InvestmentStatus.choices)
    sector = df.ChoiceFilter(label=gettext_lazy("Lĩnh vực"), choices=Sector.choices, empty_label=gettext_lazy("Tất cả"))
    public = df.ChoiceFilter(
        label=gettext_lazy("Công bố công khai"), choices=BOOL_CHOICES, empty_label=gettext_lazy("Tất cả")
    )
    place = df.CharFilter(label=gettext_lazy("Địa điểm"), lookup_expr="icontains")
    managing_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Cơ quan đầu mối"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("title", "title_en", "place", "scale", "description", "investor_text", "investor__name", "note")

    class Meta:
        model = InvestmentOpportunity
        fields = ["q", "year", "status", "sector", "public", "place", "managing_unit"]
