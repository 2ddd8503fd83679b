from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from doingoai.agreements.models import ActionStatus, Agreement, AgreementAction, AgreementStatus, AgreementType
from doingoai.core.choices import QUARTER_LABELS, Region
from doingoai.core.filters import LookupChoiceFilter, RegistryFilterSet, filter_quarter, year_choices
from doingoai.core.models import Country, Partner, Unit
from doingoai.core.widgets import AliasSelect


class AgreementFilterSet(RegistryFilterSet):
    year = df.ChoiceFilter(label=gettext_lazy("Năm"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=AgreementStatus.choices, distinct=False)
    type = df.ChoiceFilter(
        label=gettext_lazy("Loại văn bản"), choices=AgreementType.choices, empty_label=gettext_lazy("Tất cả")
    )
    quarter = df.ChoiceFilter(
        label=gettext_lazy("Quý"),
        choices=list(QUARTER_LABELS.items()),
        method="filter_quarter",
        empty_label=gettext_lazy("Tất cả"),
    )
    country = df.ModelChoiceFilter(
        label=gettext_lazy("Nước"),
        queryset=Country.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        widget=AliasSelect,
    )
    region = df.ChoiceFilter(
        label=gettext_lazy("Khu vực"),
        field_name="country__region",
        choices=Region.choices,
        empty_label=gettext_lazy("Tất cả"),
    )
    partner = LookupChoiceFilter(label=gettext_lazy("Đối tác"), queryset=Partner.objects.all())
    proposing_unit = LookupChoiceFilter(label=gettext_lazy("Đơn vị đề xuất"), queryset=Unit.objects.all())
    search_fields = (
        "title",
        "partner_text",
        "capacity",
        "signing_level",
        "approving_authority",
        "note",
        "country__name_vi",
        "partner__name",
        "proposing_unit__name",
    )

    class Meta:
        model = Agreement
        fields = ["q", "year", "status", "type", "quarter", "country", "region", "partner", "proposing_unit"]

    def filter_quarter(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_quarter(queryset, name, value)


class AgreementActionFilterSet(RegistryFilterSet):
    # A number, not a choice: the API schema types a filter on a date part only from the filter itself.
    year = df.NumberFilter(label=gettext_lazy("Năm (theo hạn)"), field_name="due_on__year")
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=ActionStatus.choices, distinct=False)
    owner_unit = LookupChoiceFilter(label=gettext_lazy("Đơn vị chủ trì"), queryset=Unit.objects.all())
    agreement = df.ModelChoiceFilter(
        label=gettext_lazy("Thỏa thuận"), queryset=Agreement.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    partner = LookupChoiceFilter(
        label=gettext_lazy("Đối tác"), field_name="agreement__partner", queryset=Partner.objects.all()
    )
    due_before = df.DateFilter(label=gettext_lazy("Hạn trước ngày"), field_name="due_on", lookup_expr="lte")
    search_fields = ("title", "result", "note", "agreement__title", "owner_unit__name")

    class Meta:
        model = AgreementAction
        fields = ["q", "year", "status", "owner_unit", "agreement", "partner", "due_before"]
