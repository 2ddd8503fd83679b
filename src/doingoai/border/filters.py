from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from doingoai.border.models import (
    LAO_PROVINCES,
    BorderGate,
    BorderMarker,
    GateClass,
    MarkerInspection,
    MarkerKind,
    MarkerStatus,
    UpgradeStatus,
)
from doingoai.core.filters import RegistryFilterSet
from doingoai.core.models import Partner, Unit


def lao_provinces(request: Any) -> QuerySet[Partner]:
    return Partner.objects.filter(**LAO_PROVINCES)


class BorderMarkerFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(label=gettext_lazy("Loại"), choices=MarkerKind.choices, empty_label=gettext_lazy("Tất cả"))
    status = df.MultipleChoiceFilter(label=gettext_lazy("Tình trạng"), choices=MarkerStatus.choices)
    commune = df.CharFilter(label=gettext_lazy("Xã"), lookup_expr="icontains")
    facing_province = df.ModelChoiceFilter(
        label=gettext_lazy("Tỉnh đối diện"), queryset=lao_provinces, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("number", "commune", "district", "facing_province_text", "note")

    class Meta:
        model = BorderMarker
        fields = ["q", "kind", "status", "commune", "facing_province"]


class BorderGateFilterSet(RegistryFilterSet):
    gate_class = df.ChoiceFilter(
        label=gettext_lazy("Loại cửa khẩu"), choices=GateClass.choices, empty_label=gettext_lazy("Tất cả")
    )
    upgrade_status = df.ChoiceFilter(
        label=gettext_lazy("Nâng cấp"), choices=UpgradeStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    facing_province = df.ModelChoiceFilter(
        label=gettext_lazy("Tỉnh đối diện"), queryset=lao_provinces, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("name", "commune", "district", "facing_gate")

    class Meta:
        model = BorderGate
        fields = ["q", "gate_class", "upgrade_status", "facing_province"]


class MarkerInspectionFilterSet(RegistryFilterSet):
    marker = df.ModelChoiceFilter(
        label=gettext_lazy("Mốc"), queryset=BorderMarker.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    status_found = df.ChoiceFilter(
        label=gettext_lazy("Tình trạng ghi nhận"), choices=MarkerStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    inspector_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị kiểm tra"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    year = df.NumberFilter(label=gettext_lazy("Năm"), field_name="inspected_on__year")
    search_fields = ("marker__number", "marker__commune", "note")

    class Meta:
        model = MarkerInspection
        fields = ["q", "marker", "status_found", "inspector_unit", "year"]
