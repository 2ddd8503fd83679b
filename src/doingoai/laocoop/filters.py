from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from doingoai.core.filters import RegistryFilterSet, YearFilter, year_choices
from doingoai.core.models import Partner
from doingoai.laocoop.models import (
    LAO_LOCALITIES,
    ActionStatus,
    AssistanceProject,
    AssistanceSector,
    AssistanceStatus,
    BorderMeeting,
    LaoSide,
    MeetingAction,
    MeetingKind,
    MeetingLevel,
    MeetingStatus,
    RemainsSeason,
    SeasonStatus,
    TwinningActivity,
    TwinningPair,
    TwinningStatus,
)


def lao_provinces(request: Any) -> QuerySet[Partner]:
    return Partner.objects.filter(**LAO_LOCALITIES)


class TwinningPairFilterSet(RegistryFilterSet):
    year = df.NumberFilter(label=gettext_lazy("Năm kết nghĩa"))
    lao_province = df.ModelChoiceFilter(
        label=gettext_lazy("Tỉnh phía Lào"), queryset=lao_provinces, empty_label=gettext_lazy("Tất cả")
    )
    lao_level = df.ChoiceFilter(
        label=gettext_lazy("Cấp phía Lào"), choices=LaoSide.choices, empty_label=gettext_lazy("Tất cả")
    )
    status = df.ChoiceFilter(
        label=gettext_lazy("Tình trạng"), choices=TwinningStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("vn_commune__name", "vn_village", "lao_name", "lao_district", "note")

    class Meta:
        model = TwinningPair
        fields = ["q", "year", "lao_province", "lao_level", "status", "managing_unit"]


class TwinningActivityFilterSet(RegistryFilterSet):
    year = YearFilter(
        label=gettext_lazy("Năm"), field_name="held_on__year", choices=year_choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("title", "pair__lao_name", "pair__vn_commune__name", "note")

    class Meta:
        model = TwinningActivity
        fields = ["q", "year", "pair", "unit"]


class BorderMeetingFilterSet(RegistryFilterSet):
    year = df.ChoiceFilter(label=gettext_lazy("Năm"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    kind = df.ChoiceFilter(
        label=gettext_lazy("Hình thức"), choices=MeetingKind.choices, empty_label=gettext_lazy("Tất cả")
    )
    level = df.ChoiceFilter(label=gettext_lazy("Cấp"), choices=MeetingLevel.choices, empty_label=gettext_lazy("Tất cả"))
    status = df.ChoiceFilter(
        label=gettext_lazy("Tình trạng"), choices=MeetingStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("title", "place", "lao_side_text", "vn_head", "lao_head", "content")

    class Meta:
        model = BorderMeeting
        fields = ["q", "year", "kind", "level", "status", "lao_partner", "host_unit"]


class MeetingActionFilterSet(RegistryFilterSet):
    status = df.ChoiceFilter(
        label=gettext_lazy("Tình trạng"), choices=ActionStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("text", "result", "meeting__title")

    class Meta:
        model = MeetingAction
        fields = ["q", "status", "owner_unit", "meeting"]


class RemainsSeasonFilterSet(RegistryFilterSet):
    year = df.NumberFilter(label=gettext_lazy("Năm bắt đầu mùa khô"))
    status = df.ChoiceFilter(
        label=gettext_lazy("Tình trạng"), choices=SeasonStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    lao_provinces = df.ModelChoiceFilter(
        label=gettext_lazy("Tỉnh của Lào"), queryset=lao_provinces, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("season", "team", "areas", "handover_place", "note")

    class Meta:
        model = RemainsSeason
        fields = ["q", "year", "status", "lao_provinces", "team_unit"]


class AssistanceProjectFilterSet(RegistryFilterSet):
    year = df.ChoiceFilter(label=gettext_lazy("Năm"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    sector = df.ChoiceFilter(
        label=gettext_lazy("Lĩnh vực"), choices=AssistanceSector.choices, empty_label=gettext_lazy("Tất cả")
    )
    status = df.ChoiceFilter(
        label=gettext_lazy("Tình trạng"), choices=AssistanceStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    search_fields = ("title", "place", "funding", "decision_ref", "note")

    class Meta:
        model = AssistanceProject
        fields = ["q", "year", "sector", "status", "beneficiary", "managing_unit"]
