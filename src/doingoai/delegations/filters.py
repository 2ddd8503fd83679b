from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Exists, F, Model, OuterRef, QuerySet
from django.utils import timezone

from doingoai.core.choices import QUARTER_LABELS, FundingSource, Region
from doingoai.core.filters import BOOL_CHOICES, LookupChoiceFilter, RegistryFilterSet
from doingoai.core.models import Country, Partner, Unit
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction


def year_choices() -> list[tuple[int, int]]:
    this = timezone.localdate().year
    return [(y, y) for y in range(this + 2, this - 10, -1)]


def filter_quarter(queryset: QuerySet, name: str, value: str) -> QuerySet:
    """Records whose normalised planned months touch the quarter (unknown times never match)."""
    if not value:
        return queryset
    mask = 0b111 << (3 * (int(value) - 1))
    return queryset.annotate(_q=F("month_mask").bitand(mask)).filter(_q__gt=0)


def filter_linked(queryset: QuerySet, name: str, value: Model | None) -> QuerySet:
    """Records linked to `value` through the many-to-many field `name`, as EXISTS on the link table.

    A join from the country's side walks every link of a big country (Laos: a fifth of all records) before the
    year and status narrow it; EXISTS lets the database start from the year/status index and probe the link."""
    if value is None:
        return queryset
    field: Any = queryset.model._meta.get_field(name)
    through = field.remote_field.through
    link = through._default_manager.filter(
        **{field.m2m_field_name(): OuterRef("pk"), field.m2m_reverse_field_name(): value}
    )
    return queryset.filter(Exists(link))


class PlanFilterSet(RegistryFilterSet):
    """Filters shared by the plan registries (delegations, conferences, agreements)."""

    year = df.ChoiceFilter(label="Năm", choices=year_choices, empty_label="Tất cả")
    quarter = df.ChoiceFilter(
        label="Quý", choices=list(QUARTER_LABELS.items()), method="filter_quarter", empty_label="Tất cả"
    )
    region = df.ChoiceFilter(
        label="Khu vực", field_name="countries__region", choices=Region.choices, empty_label="Tất cả", distinct=True
    )
    # One country or partner: EXISTS (filter_linked), so no join and no DISTINCT (which made every COUNT of a
    # filtered list compare whole rows); a region may match several countries of a record, so it keeps it.
    country = df.ModelChoiceFilter(
        label="Nước",
        field_name="countries",
        queryset=Country.objects.only("pk", "name_vi"),  # the choices show the name only
        empty_label="Tất cả",
        method="filter_m2m",
    )
    partner = LookupChoiceFilter(
        label="Đối tác", field_name="partners", queryset=Partner.objects.all(), method="filter_m2m"
    )
    funding_source = df.ChoiceFilter(label="Nguồn kinh phí", choices=FundingSource.choices, empty_label="Tất cả")
    uses_state_budget = df.ChoiceFilter(label="Sử dụng NSNN", choices=BOOL_CHOICES, empty_label="Tất cả")

    def filter_quarter(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_quarter(queryset, name, value)

    def filter_m2m(self, queryset: QuerySet, name: str, value: Model | None) -> QuerySet:
        return filter_linked(queryset, name, value)


class DelegationFilterSet(PlanFilterSet):
    direction = df.ChoiceFilter(label="Loại đoàn", choices=Direction.choices, empty_label="Tất cả")
    group = df.ChoiceFilter(label="Nhóm", choices=DelegationGroup.choices, empty_label="Tất cả")
    status = df.MultipleChoiceFilter(label="Trạng thái", choices=DelegationStatus.choices, distinct=False)
    proposing_unit = LookupChoiceFilter(label="Đơn vị đề xuất", queryset=Unit.objects.all())
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
