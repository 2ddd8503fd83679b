"""Filters shared by the registries of persons (consent) and those of the Decree 13/2023 logs."""

from __future__ import annotations

import django_filters as df
from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from doingoai.core.filters import RegistryFilterSet
from doingoai.core.forms import DateInput
from doingoai.persons.models import AccessAction, ErasureRecord, PersonalDataAccess, PersonalDataModel

CONSENT_CHOICES = [
    ("given", gettext_lazy("Đã đồng ý")),
    ("withdrawn", gettext_lazy("Đã rút lại sự đồng ý")),
    ("missing", gettext_lazy("Chưa ghi nhận sự đồng ý")),
    ("erased", gettext_lazy("Đã xóa theo yêu cầu")),
]


def filter_consent(queryset: QuerySet, name: str, value: str) -> QuerySet:
    conditions = {
        "given": Q(consent_given_on__isnull=False, consent_withdrawn_on__isnull=True, erased_at__isnull=True),
        "withdrawn": Q(consent_withdrawn_on__isnull=False, erased_at__isnull=True),
        "missing": Q(consent_given_on__isnull=True, erased_at__isnull=True),
        "erased": Q(erased_at__isnull=False),
    }
    return queryset.filter(conditions[value]) if value in conditions else queryset


def personal_data_registries() -> list[tuple[str, str]]:
    """The registries of persons whose reads are logged: (model name, label)."""
    return [
        (str(model._meta.model_name), str(model._meta.verbose_name_plural))
        for model in apps.get_models()
        if issubclass(model, PersonalDataModel)
    ]


class LogFilterSet(RegistryFilterSet):
    content_type = df.ChoiceFilter(
        label=gettext_lazy("Sổ"),
        field_name="content_type__model",
        choices=personal_data_registries,
        empty_label=gettext_lazy("Tất cả"),
    )
    object_id = df.NumberFilter(label=gettext_lazy("Mã bản ghi"))
    date_from = df.DateFilter(
        label=gettext_lazy("Từ ngày"), field_name="at__date", lookup_expr="gte", widget=DateInput()
    )
    date_to = df.DateFilter(
        label=gettext_lazy("Đến ngày"), field_name="at__date", lookup_expr="lte", widget=DateInput()
    )


class PersonalDataAccessFilterSet(LogFilterSet):
    action = df.ChoiceFilter(
        label=gettext_lazy("Thao tác"), choices=AccessAction.choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("username", "unit_name", "record_label")

    class Meta:
        model = PersonalDataAccess
        fields = ["q", "content_type", "object_id", "action", "date_from", "date_to"]


class ErasureRecordFilterSet(LogFilterSet):
    date_from = df.DateFilter(
        label=gettext_lazy("Từ ngày"),
        field_name="erased_at__date",
        lookup_expr="gte",
        widget=DateInput(),
    )
    date_to = df.DateFilter(
        label=gettext_lazy("Đến ngày"),
        field_name="erased_at__date",
        lookup_expr="lte",
        widget=DateInput(),
    )
    search_fields = ("erased_by_username", "record_label", "request_ref", "reason")

    class Meta:
        model = ErasureRecord
        fields = ["q", "content_type", "object_id", "date_from", "date_to"]
