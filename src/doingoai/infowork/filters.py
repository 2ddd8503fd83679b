from __future__ import annotations

import django_filters as df

from doingoai.core.filters import RegistryFilterSet, year_choices
from doingoai.core.models import Unit
from doingoai.infowork.models import (
    Channel,
    Commemoration,
    CommemorationKind,
    FalseInfoCase,
    FalseInfoChannel,
    FalseInfoStatus,
    InfoProduct,
    InfoProductStatus,
    Language,
    PressKind,
    PressRelease,
    PressReleaseStatus,
    ProductKind,
    RiskLevel,
)
from doingoai.programs.models import Pillar


class InfoProductFilterSet(RegistryFilterSet):
    year = df.ChoiceFilter(label="Năm", choices=year_choices, empty_label="Tất cả")
    kind = df.ChoiceFilter(label="Loại sản phẩm", choices=ProductKind.choices, empty_label="Tất cả")
    pillar = df.ChoiceFilter(label="Trụ cột", choices=Pillar.choices, empty_label="Tất cả")
    channel = df.ChoiceFilter(label="Kênh phát hành", choices=Channel.choices, empty_label="Tất cả")
    language = df.ChoiceFilter(
        label="Ngôn ngữ", field_name="versions__language", choices=Language.choices, empty_label="Tất cả", distinct=True
    )
    status = df.MultipleChoiceFilter(label="Trạng thái", choices=InfoProductStatus.choices)
    producing_unit = df.ModelChoiceFilter(label="Đơn vị thực hiện", queryset=Unit.objects.all(), empty_label="Tất cả")
    planned_from = df.DateFilter(label="Phát hành từ ngày", field_name="planned_on", lookup_expr="gte")
    planned_to = df.DateFilter(label="đến ngày", field_name="planned_on", lookup_expr="lte")
    search_fields = ("title", "other_titles", "topic", "outlet", "note", "producing_unit__name")

    class Meta:
        model = InfoProduct
        fields = [
            "q", "year", "kind", "pillar", "channel", "language", "status", "producing_unit", "planned_from",
            "planned_to",
        ]  # fmt: skip


class PressReleaseFilterSet(RegistryFilterSet):
    year = df.ChoiceFilter(label="Năm", choices=year_choices, empty_label="Tất cả")
    kind = df.ChoiceFilter(label="Hình thức", choices=PressKind.choices, empty_label="Tất cả")
    status = df.MultipleChoiceFilter(label="Trạng thái", choices=PressReleaseStatus.choices)
    issuing_unit = df.ModelChoiceFilter(label="Cơ quan chủ trì", queryset=Unit.objects.all(), empty_label="Tất cả")
    date_from = df.DateFilter(label="Từ ngày", field_name="date", lookup_expr="gte")
    date_to = df.DateFilter(label="Đến ngày", field_name="date", lookup_expr="lte")
    search_fields = ("title", "spokesperson", "outlets", "note", "issuing_unit__name")

    class Meta:
        model = PressRelease
        fields = ["q", "year", "kind", "status", "issuing_unit", "date_from", "date_to"]


class FalseInfoCaseFilterSet(RegistryFilterSet):
    channel = df.ChoiceFilter(label="Kênh xuất hiện", choices=FalseInfoChannel.choices, empty_label="Tất cả")
    risk = df.ChoiceFilter(label="Mức độ nguy cơ", choices=RiskLevel.choices, empty_label="Tất cả")
    status = df.MultipleChoiceFilter(label="Trạng thái", choices=FalseInfoStatus.choices)
    handling_unit = df.ModelChoiceFilter(label="Đơn vị xử lý", queryset=Unit.objects.all(), empty_label="Tất cả")
    detected_from = df.DateFilter(label="Phát hiện từ ngày", field_name="detected_on", lookup_expr="gte")
    detected_to = df.DateFilter(label="đến ngày", field_name="detected_on", lookup_expr="lte")
    search_fields = ("topic", "source", "summary", "response", "response_where", "note")

    class Meta:
        model = FalseInfoCase
        fields = ["q", "channel", "risk", "status", "handling_unit", "detected_from", "detected_to"]


class CommemorationFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(label="Loại", choices=CommemorationKind.choices, empty_label="Tất cả")
    search_fields = ("title", "source", "note", "country__name_vi", "partner__name")

    class Meta:
        model = Commemoration
        fields = ["q", "kind", "yearly", "greetings"]
