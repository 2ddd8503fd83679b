from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.translation import gettext_lazy

from doingoai.core.tables import RegistryTable, StatusColumn
from doingoai.laocoop import selectors
from doingoai.laocoop.models import (
    AssistanceProject,
    BorderMeeting,
    MeetingAction,
    RemainsSeason,
    TwinningActivity,
    TwinningPair,
)


class TwinningPairTable(RegistryTable):
    pair = tables.Column(
        verbose_name=gettext_lazy("Cặp kết nghĩa"), accessor="pk", linkify=True, order_by=("vn_commune__name",)
    )
    status = StatusColumn()
    signed_on = tables.DateColumn(format="d/m/Y")

    class Meta(RegistryTable.Meta):
        model = TwinningPair
        fields = ("pair", "vn_commune", "lao_level", "lao_district", "lao_province", "year", "signed_on", "status")

    def render_pair(self, record: TwinningPair) -> str:
        return str(record)


class TwinningActivityTable(RegistryTable):
    held_on = tables.DateColumn(format="d/m/Y", linkify=True)

    class Meta(RegistryTable.Meta):
        model = TwinningActivity
        fields = ("held_on", "title", "pair", "participants", "unit")


class BorderMeetingTable(RegistryTable):
    title = tables.Column(linkify=True)
    held_on = tables.DateColumn(format="d/m/Y")
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = BorderMeeting
        fields = ("year", "held_on", "title", "kind", "level", "lao_partner", "host_unit", "status")


class MeetingActionTable(RegistryTable):
    text = tables.Column(linkify=True)
    due_on = tables.DateColumn(format="d/m/Y")
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = MeetingAction
        fields = ("text", "meeting", "owner_unit", "due_on", "status", "done_on")


def _total(field: str) -> Any:
    return lambda table: selectors.remains_totals(table.data.data)[field]


class RemainsSeasonTable(RegistryTable):
    season = tables.Column(linkify=True, order_by=("year",), footer=gettext_lazy("Tổng cộng"))
    remains_found = tables.Column(footer=_total("found"))
    remains_repatriated = tables.Column(footer=_total("repatriated"))
    identified = tables.Column(footer=_total("identified"))
    handover_on = tables.DateColumn(format="d/m/Y")
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = RemainsSeason
        fields = ("season", "team", "remains_found", "remains_repatriated", "identified", "handover_on", "status")


class AssistanceProjectTable(RegistryTable):
    title = tables.Column(linkify=True)
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = AssistanceProject
        fields = ("year", "title", "beneficiary", "sector", "amount_vnd", "managing_unit", "status")
