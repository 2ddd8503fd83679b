"""Hội hữu nghị: the form, filters, table and the registry's one declaration."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
import django_tables2 as tables
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core.filters import RegistryFilterSet, year_choices
from doingoai.core.forms import CommentForm, ReasonForm, RegistryForm
from doingoai.core.models import Country
from doingoai.core.registry import Api, Menu, PartnerLink, Registry, ReportFigure, Search, register
from doingoai.core.tables import RegistryTable, StatusColumn
from doingoai.friendship import deadlines, selectors, services
from doingoai.friendship.models import AssociationKind, FriendshipAssociation


class FriendshipAssociationForm(RegistryForm):
    class Meta:
        model = FriendshipAssociation
        fields = [
            "year", "name", "kind", "parent", "country", "partner", "unit", "founded_on", "term_start", "term_end",
            "last_congress_on", "next_congress_due", "chair", "members_count", "activities", "events", "note",
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", gettext("Năm kết thúc nhiệm kỳ không được trước năm bắt đầu."))
        last, due = data.get("last_congress_on"), data.get("next_congress_due")
        if last and due and due <= last:
            self.add_error(
                "next_congress_due", gettext("Hạn đại hội nhiệm kỳ tiếp theo phải sau ngày đại hội gần nhất.")
            )
        if not due and end and "next_congress_due" not in self.errors:
            data["next_congress_due"] = dt.date(end, 12, 31)
        parent = data.get("parent")
        if parent is not None:
            if data.get("kind") == AssociationKind.UNION:
                self.add_error("parent", gettext("Liên hiệp các tổ chức hữu nghị không thuộc một liên hiệp khác."))
            elif self.instance.pk and parent.pk == self.instance.pk:
                self.add_error("parent", gettext("Hội không thể thuộc chính mình."))
        return data


class FriendshipAssociationFilterSet(RegistryFilterSet):
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("Năm ghi nhận"), choices=year_choices, empty_label=gettext_lazy("Tất cả")
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Loại tổ chức"), choices=AssociationKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    country = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Nước đối tác"), queryset=Country.objects.all(), empty_label=gettext_lazy("Tất cả")
    )
    parent = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Thuộc liên hiệp"),
        queryset=FriendshipAssociation.objects.filter(kind=AssociationKind.UNION),
        empty_label=gettext_lazy("Tất cả"),
    )
    congress_before = django_filters.DateFilter(
        label=gettext_lazy("Hạn đại hội trước ngày"), field_name="next_congress_due", lookup_expr="lte"
    )
    search_fields = ("name", "chair", "activities", "note")

    class Meta:
        model = FriendshipAssociation
        fields = ["q", "year", "status", "kind", "country", "parent", "unit", "congress_before"]


class FriendshipAssociationTable(RegistryTable):
    name = tables.Column(linkify=True)
    term = tables.Column("Nhiệm kỳ", accessor="term_display", orderable=False)
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = FriendshipAssociation
        fields = ("name", "kind", "country", "chair", "members_count", "term", "next_congress_due", "status")


@register
class FriendshipAssociationRegistry(Registry):
    model = FriendshipAssociation
    queryset = FriendshipAssociation.objects.select_related("unit", "country", "partner", "parent")
    form = FriendshipAssociationForm
    filterset = FriendshipAssociationFilterSet
    table = FriendshipAssociationTable
    workflow = services.WORKFLOW
    step_forms = {"return_to_draft": CommentForm, "cancel": ReasonForm}
    detail_template = "friendship/_association_extra.html"
    menu = Menu(
        "cooperation",
        pgettext_lazy("menu", "Hội hữu nghị"),
        order=70,
        title=gettext_lazy("Hội hữu nghị, liên hiệp các tổ chức hữu nghị"),
    )
    search = Search(fields=["name", "kind", "country", "chair", "activities", "unit", "note"], order=37)
    api = Api("friendship-associations")
    deadlines = [deadlines.NEXT_CONGRESS]
    partner_link = PartnerLink("partner", dates=("last_congress_on", "founded_on"), year="year")
    report = ReportFigure(
        gettext_lazy("Hội hữu nghị, liên hiệp các tổ chức hữu nghị"),
        "last_congress_on",
        gettext_lazy("tổ chức đại hội nhiệm kỳ"),
        done_statuses=("approved", "done"),
        order=76,
    )

    def detail_context(self, obj: FriendshipAssociation, request: Any) -> dict[str, Any]:
        return {
            "association_events": selectors.association_events(association=obj, user=request.user),
            "member_associations": selectors.member_associations(association=obj, user=request.user),
        }

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        """A valid record (demo, authorization matrix, generated tests): keep it in step with the fields."""
        name, chair = EXAMPLES[(n - 1) % len(EXAMPLES)]
        return {
            "year": 2027,
            "name": name if 1 <= n <= len(EXAMPLES) else f"{name} [{n}]",
            "kind": "bilateral",
            "unit": unit,
            "founded_on": dt.date(2005, 6, 1),
            "term_start": 2023,
            "term_end": 2028,
            "last_congress_on": dt.date(2023, 5, 20),
            "next_congress_due": dt.date(2028, 6, 30),
            "chair": chair,
            "members_count": 120 + n,
            "activities": gettext("Giao lưu hữu nghị, hỗ trợ lưu học sinh, gặp mặt nhân ngày truyền thống"),
        }


# Example rows (names illustrative).
EXAMPLES = [
    ("Hội hữu nghị Việt Nam – Thái Lan tỉnh (minh họa)", "Nguyễn Văn Minh Họa"),
    ("Hội hữu nghị Việt Nam – Nhật Bản tỉnh (minh họa)", "Trần Thị Minh Họa"),
    ("Hội hữu nghị Việt Nam – Hàn Quốc tỉnh (minh họa)", "Lê Văn Minh Họa"),
]
