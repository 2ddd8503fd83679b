from __future__ import annotations

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from doingoai.conferences.models import Conference, ConferenceForm, ConferenceStatus
from doingoai.core.filters import BOOL_CHOICES, LookupChoiceFilter, PlanFilterSet
from doingoai.core.models import Unit

PM_REQUIRED = Q(has_foreign_high_level=True) | Q(sensitive_topics=True)


class ConferenceFilterSet(PlanFilterSet):
    form_kind = df.ChoiceFilter(
        label=gettext_lazy("Hình thức"),
        field_name="form",
        choices=ConferenceForm.choices,
        empty_label=gettext_lazy("Tất cả"),
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=ConferenceStatus.choices, distinct=False)
    organising_unit = LookupChoiceFilter(label=gettext_lazy("Đơn vị tổ chức"), queryset=Unit.objects.all())
    pm_permit = df.ChoiceFilter(
        label=gettext_lazy("Thủ tướng cho phép"),
        choices=BOOL_CHOICES,
        method="filter_pm_permit",
        empty_label=gettext_lazy("Tất cả"),
    )
    search_fields = (
        "title",
        "partner_text",
        "place",
        "time_text",
        "permit_ref",
        "countries__name_vi",
        "partners__name",
        "organising_unit__name",
    )

    class Meta:
        model = Conference
        fields = [
            "q",
            "year",
            "status",
            "quarter",
            "form_kind",
            "country",
            "region",
            "partner",
            "organising_unit",
            "funding_source",
            "uses_state_budget",
            "pm_permit",
        ]

    def filter_pm_permit(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Conferences that need the Prime Minister's permit (or not) under Decision 06/2020/QĐ-TTg."""
        return queryset.filter(PM_REQUIRED) if value == "1" else queryset.exclude(PM_REQUIRED)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return super().filter_q(queryset, name, value).distinct()
