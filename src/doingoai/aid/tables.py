from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy

from doingoai.aid.formatting import format_amount, format_number
from doingoai.aid.models import AidProject, InvestmentOpportunity
from doingoai.core.tables import RegistryTable, StatusColumn


class NumberColumn(tables.Column):
    """A number in Vietnamese format (1.234.567,5), right-aligned."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("attrs", {"td": {"class": "text-end text-nowrap"}, "th": {"class": "text-end"}})
        super().__init__(**kwargs)

    def render(self, value: Any, record: Any) -> str:
        return format_number(value)

    def value(self, record: Any, value: Any) -> Any:
        return value


class AmountColumn(NumberColumn):
    """An amount with its currency."""

    def render(self, value: Any, record: Any) -> str:
        return format_amount(value, record.currency)


class AidStatusColumn(StatusColumn):
    def render(self, value: Any, record: Any) -> str:
        badge = super().render(value, record)
        if record.is_start_late():
            return format_html(gettext('{} <span class="badge text-bg-danger">Quá hạn triển khai</span>'), badge)
        return badge


class DonorColumn(tables.Column):
    """The partner from the reference data, else the donor as the documents write it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_values=(), order_by=("donor__name", "donor_text"), **kwargs)

    def render(self, value: Any, record: Any) -> str:
        return str(record.donor.name if record.donor else record.donor_text or "—")


class AidProjectTable(RegistryTable):
    title = tables.Column(linkify=True)
    donor = DonorColumn(verbose_name=gettext_lazy("Nhà tài trợ"))
    amount = AmountColumn()
    status = AidStatusColumn()

    class Meta(RegistryTable.Meta):
        model = AidProject
        fields = ("year", "title", "kind", "donor", "sector", "amount", "managing_unit", "status")


class InvestmentOpportunityTable(RegistryTable):
    title = tables.Column(linkify=True)
    area_ha = NumberColumn()
    total_investment = AmountColumn(verbose_name=gettext_lazy("Tổng vốn dự kiến"))
    public = tables.BooleanColumn(yesno=gettext_lazy("Có,Không"), verbose_name=gettext_lazy("Công khai"))
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = InvestmentOpportunity
        fields = (
            "year",
            "title",
            "sector",
            "place",
            "area_ha",
            "total_investment",
            "managing_unit",
            "public",
            "status",
        )
