from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import QuerySet

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
    kind = df.ChoiceFilter(label="Loại", choices=MarkerKind.choices, empty_label="Tất cả")
    status = df.MultipleChoiceFilter(label="Tình trạng", choices=MarkerStatus.choices)
    commune = df.CharFilter(label="Xã", lookup_expr="icontains")
    facing_province = df.ModelChoiceFilter(label="Tỉnh đối diện", queryset=lao_provinces, empty_label="Tất cả")
    search_fields = ("number", "commune", "district", "facing_province_text", "note")

    class Meta:
        model = BorderMarker
        fields = ["q", "kind", "status", "commune", "facing_province"]


class BorderGateFilterSet(RegistryFilterSet):
    gate_class = df.ChoiceFilter(label="Loại cửa khẩu", choices=GateClass.choices, empty_label="Tất cả")
    upgrade_status = df.ChoiceFilter(label="Nâng cấp", choices=UpgradeStatus.choices, empty_label="Tất cả")
    facing_province = df.ModelChoiceFilter(label="Tỉnh đối diện", queryset=lao_provinces, empty_label="Tất cả")
    search_fields = ("name", "commune", "district", "facing_gate")

    class Meta:
        model = BorderGate
        fields = ["q", "gate_class", "upgrade_status", "facing_province"]


class MarkerInspectionFilterSet(RegistryFilterSet):
    marker = df.ModelChoiceFilter(label="Mốc", queryset=BorderMarker.objects.all(), empty_label="Tất cả")
    status_found = df.ChoiceFilter(label="Tình trạng ghi nhận", choices=MarkerStatus.choices, empty_label="Tất cả")
    inspector_unit = df.ModelChoiceFilter(label="Đơn vị kiểm tra", queryset=Unit.objects.all(), empty_label="Tất cả")
    year = df.NumberFilter(label="Năm", field_name="inspected_on__year")
    search_fields = ("marker__number", "marker__commune", "note")

    class Meta:
        model = MarkerInspection
        fields = ["q", "marker", "status_found", "inspector_unit", "year"]
