from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy

from doingoai.core.tables import RegistryTable, StatusColumn
from doingoai.infowork.models import Commemoration, FalseInfoCase, InfoProduct, PressRelease


class InfoProductTable(RegistryTable):
    title = tables.Column(linkify=True)
    languages = tables.Column(verbose_name=gettext_lazy("Ngôn ngữ"), accessor="languages_display", orderable=False)
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = InfoProduct
        fields = (
            "year",
            "title",
            "kind",
            "languages",
            "producing_unit",
            "channel",
            "planned_on",
            "published_on",
            "reach",
            "status",
        )


class PressReleaseTable(RegistryTable):
    title = tables.Column(linkify=True)
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = PressRelease
        fields = ("date", "kind", "title", "spokesperson", "issuing_unit", "status")


class FalseInfoCaseTable(RegistryTable):
    topic = tables.Column(linkify=True)
    days = tables.Column(
        verbose_name=gettext_lazy("Số ngày đến khi phản bác"), accessor="days_to_answer", orderable=False
    )
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = FalseInfoCase
        fields = ("detected_on", "topic", "channel", "risk", "handling_unit", "answered_on", "days", "status")


class CommemorationTable(RegistryTable):
    title = tables.Column(linkify=True)

    class Meta(RegistryTable.Meta):
        model = Commemoration
        fields = ("date", "title", "kind", "country", "yearly", "greetings", "source")
