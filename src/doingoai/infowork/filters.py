from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy

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
    year = df.ChoiceFilter(label=gettext_lazy("Năm"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    kind = df.ChoiceFilter(
        label=gettext_lazy("Loại sản phẩm"), choices=ProductKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    pillar = df.ChoiceFilter(label=gettext_lazy("Trụ cột"), choices=Pillar.choices, empty_label=gettext_lazy("Tất cả"))
    channel = df.ChoiceFilter(
        label=gettext_lazy("Kênh phát hành"), choices=Channel.choices, empty_label=gettext_lazy("Tất cả")
    )
    language = df.ChoiceFilter(
        label=gettext_lazy("Ngôn ngữ"),
        field_name="versions__language",
        choices=Language.choices,
        empty_label=gettext_lazy("Tất cả"),
        distinct=True,
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=InfoProductStatus.choices)
    producing_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị thực hiện"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    planned_from = df.DateFilter(label=gettext_lazy("Phát hành từ ngày"), field_name="planned_on", lookup_expr="gte")
    planned_to = df.DateFilter(label=gettext_lazy("đến ngày"), field_name="planned_on", lookup_expr="lte")
    search_fields = ("title", "other_titles", "topic", "outlet", "note", "producing_unit__name")

    class Meta:
        model = InfoProduct
        fields = [
            "q", "year", "kind", "pillar", "channel", "language", "status", "producing_unit", "planned_from",
            "planned_to",
        ]  # fmt: skip


class PressReleaseFilterSet(RegistryFilterSet):
    year = df.ChoiceFilter(label=gettext_lazy("Năm"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    kind = df.ChoiceFilter(
        label=gettext_lazy("Hình thức"), choices=PressKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=PressReleaseStatus.choices)
    issuing_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Cơ quan chủ trì"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    date_from = df.DateFilter(label=gettext_lazy("Từ ngày"), field_name="date", lookup_expr="gte")
    date_to = df.DateFilter(label=gettext_lazy("Đến ngày"), field_name="date", lookup_expr="lte")
    search_fields = ("title", "spokesperson", "outlets", "note", "issuing_unit__name")

    class Meta:
        model = PressRelease
        fields = ["q", "year", "kind", "status", "issuing_unit", "date_from", "date_to"]


class FalseInfoCaseFilterSet(RegistryFilterSet):
    channel = df.ChoiceFilter(
        label=gettext_lazy("Kênh xuất hiện"), choices=FalseInfoChannel.choices, empty_label=gettext_lazy("Tất cả")
    )
    risk = df.ChoiceFilter(
        label=gettext_lazy("Mức độ nguy cơ"), choices=RiskLevel.choices, empty_label=gettext_lazy("Tất cả")
    )
    status = df.MultipleChoiceFilter(label=gettext_lazy("Trạng thái"), choices=FalseInfoStatus.choices)
    handling_unit = df.ModelChoiceFilter(
        label=gettext_lazy("Đơn vị xử lý"), queryset=Unit.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    detected_from = df.DateFilter(label=gettext_lazy("Phát hiện từ ngày"), field_name="detected_on", lookup_expr="gte")
    detected_to = df.DateFilter(label=gettext_lazy("đến ngày"), field_name="detected_on", lookup_expr="lte")
    search_fields = ("topic", "source", "summary", "response", "response_where", "note")

    class Meta:
        model = FalseInfoCase
        fields = ["q", "channel", "risk", "status", "handling_unit", "detected_from", "detected_to"]


class CommemorationFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(
        label=gettext_lazy("Loại"), choices=CommemorationKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("title", "source", "note", "country__name_vi", "partner__name")

    class Meta:
        model = Commemoration
        fields = ["q", "kind", "yearly", "greetings"]
