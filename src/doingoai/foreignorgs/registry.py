"""Tổ chức nước ngoài: the form, filters, table and the registry's one declaration."""

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
from doingoai.core.widgets import AliasSelect
from doingoai.foreignorgs import deadlines, services
from doingoai.foreignorgs.models import ForeignOrganisation, OrganisationKind


class ForeignOrganisationForm(RegistryForm):
    class Meta:
        model = ForeignOrganisation
        fields = [
            "year", "name", "kind", "country", "partner", "unit", "permit_kind", "permit_number", "permit_issuer",
            "permit_issued_on", "permit_valid_until", "programmes", "places", "annual_report_due",
            "annual_report_received_on", "visits", "note",
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        issued, until = data.get("permit_issued_on"), data.get("permit_valid_until")
        if issued and until and until < issued:
            self.add_error("permit_valid_until", gettext("Ngày hết hạn giấy đăng ký không được trước ngày cấp."))
        return data


class ForeignOrganisationFilterSet(RegistryFilterSet):
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("Năm"), choices=year_choices, empty_label=gettext_lazy("Tất cả")
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Loại tổ chức"), choices=OrganisationKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    country = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Nước"),
        queryset=Country.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        widget=AliasSelect,
    )
    expiring_before = django_filters.DateFilter(
        label=gettext_lazy("Giấy đăng ký hết hạn trước"), field_name="permit_valid_until", lookup_expr="lte"
    )
    search_fields = ("name", "permit_number", "programmes", "places", "visits", "note")

    class Meta:
        model = ForeignOrganisation
        fields = ["q", "year", "status", "kind", "country", "unit", "expiring_before"]


class ForeignOrganisationTable(RegistryTable):
    name = tables.Column(linkify=True)
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = ForeignOrganisation
        fields = ("name", "kind", "country", "permit_number", "permit_valid_until", "unit", "status")


@register
class ForeignOrganisationRegistry(Registry):
    model = ForeignOrganisation
    queryset = ForeignOrganisation.objects.select_related("unit", "country", "partner")
    form = ForeignOrganisationForm
    filterset = ForeignOrganisationFilterSet
    table = ForeignOrganisationTable
    workflow = services.WORKFLOW
    step_forms = {"return_to_draft": CommentForm, "cancel": ReasonForm}
    menu = Menu(
        "cooperation",
        pgettext_lazy("menu", "Tổ chức nước ngoài"),
        order=60,
        title=gettext_lazy("Tổ chức nước ngoài hoạt động trên địa bàn"),
    )
    search = Search(fields=["name", "permit_number", "programmes", "places", "visits", "unit", "note"], order=36)
    api = Api("foreign-organisations")
    deadlines = [deadlines.PERMIT_EXPIRY, deadlines.ANNUAL_REPORT]
    partner_link = PartnerLink("partner", dates=("permit_issued_on",))
    report = ReportFigure(
        gettext_lazy("Tổ chức nước ngoài hoạt động trên địa bàn"),
        "permit_issued_on",
        gettext_lazy("được cấp, gia hạn giấy đăng ký"),
        done_statuses=("approved", "done"),
        order=75,
    )

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        """A valid record (demo, authorization matrix, generated tests): keep it in step with the fields."""
        name, programme, place = EXAMPLES[(n - 1) % len(EXAMPLES)]
        return {
            "year": 2027,
            "name": name if 1 <= n <= len(EXAMPLES) else f"{name} [{n}]",
            "kind": "ngo",
            "unit": unit,
            "permit_number": f"{100 + n}/GĐK-BNG",
            "permit_issuer": gettext("Bộ Ngoại giao"),
            "permit_issued_on": dt.date(2025, 3, 1),
            "permit_valid_until": dt.date(2030, 3, 1),
            "programmes": programme,
            "places": place,
            "annual_report_due": dt.date(2027, 1, 15),
        }


# Demo rows: organisations of the kind active in a border province (names illustrative).
EXAMPLES = [
    ("Tổ chức Tầm nhìn Thế giới (minh họa)", "Chương trình phát triển vùng: dinh dưỡng trẻ em", "Các xã biên giới"),
    ("Tổ chức Cứu trợ Trẻ em (minh họa)", "Dự án trường học an toàn", "Các xã miền núi phía Tây"),
    ("Tổ chức Kế hoạch Quốc tế (minh họa)", "Dự án nước sạch và vệ sinh", "Các xã vùng cao"),
    ("Quỹ Hỗ trợ Giáo dục Vùng cao (minh họa)", "Học bổng cho học sinh dân tộc thiểu số", "Toàn tỉnh"),
]
