from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy

from doingoai.consular.models import ApecCardApplication, CitizenCase, ForeignPressVisit
from doingoai.core.tables import DateColumn, ManyColumn, RegistryTable, StatusColumn
from doingoai.persons.tables import MaskedColumn, PersonTitleColumn


class CitizenCaseTable(RegistryTable):
    person_name = PersonTitleColumn(empty_values=())
    passport_number = MaskedColumn()
    opened_on = DateColumn(format="d/m/Y")
    status = StatusColumn()
    sensitive = tables.BooleanColumn(yesno=gettext_lazy("Có,"))

    class Meta(RegistryTable.Meta):
        model = CitizenCase
        fields = (
            "opened_on",
            "person_name",
            "passport_number",
            "kind",
            "country",
            "place",
            "sensitive",
            "recording_unit",
            "status",
        )


class ApecCardApplicationTable(RegistryTable):
    applicant_name = tables.Column(linkify=True)
    countries = ManyColumn(verbose_name=gettext_lazy("Nền kinh tế"))
    submitted_on = DateColumn(format="d/m/Y")
    status = StatusColumn()
    flag = tables.Column(verbose_name=gettext_lazy("Cảnh báo"), empty_values=(), orderable=False)

    class Meta(RegistryTable.Meta):
        model = ApecCardApplication
        fields = (
            "submitted_on",
            "applicant_name",
            "position",
            "enterprise",
            "countries",
            "receiving_unit",
            "status",
            "flag",
        )

    def render_flag(self, record: ApecCardApplication) -> Any:
        if record.card_to_be_returned():
            return format_html(
                gettext('<span class="badge text-bg-danger">Phải nộp lại thẻ (thôi chức vụ {})</span>'),
                f"{record.left_post_on:%d/%m/%Y}",
            )
        return ""


class ForeignPressVisitTable(RegistryTable):
    outlet = tables.Column(linkify=True)
    start_date = DateColumn(format="d/m/Y")
    end_date = DateColumn(format="d/m/Y")
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = ForeignPressVisit
        fields = ("start_date", "end_date", "outlet", "country", "topic", "host_unit", "accompanying_officer", "status")

    def render_topic(self, value: str) -> Any:
        return format_html('<span class="small">{}</span>', value if len(value) < 120 else f"{value[:117]}…")
