"""Lao border cooperation: twinned villages and their activities, border meetings and the points agreed there,
remains search and repatriation seasons, the province's assistance projects in Laos — one declaration each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.forms import ModelForm
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core.forms import CommentForm, ReasonForm
from doingoai.core.registry import Api, Menu, Registry, ReportFigure, Search, register
from doingoai.laocoop import deadlines, filters, forms, selectors, services, tables
from doingoai.laocoop.models import (
    AssistanceProject,
    BorderMeeting,
    MeetingAction,
    RemainsSeason,
    TwinningActivity,
    TwinningPair,
)


def _pk_initial(request: Any, name: str) -> dict[str, Any]:
    value = request.GET.get(name, "")
    return {name: int(value)} if value.isdigit() else {}


@register
class TwinningPairRegistry(Registry):
    model = TwinningPair
    path = "twinning/"
    queryset = TwinningPair.objects.select_related("vn_commune", "lao_province", "managing_unit")
    form = forms.TwinningPairForm
    filterset = filters.TwinningPairFilterSet
    table = tables.TwinningPairTable
    workflow = services.TWINNING_WORKFLOW
    step_forms = {"return_to_draft": CommentForm, "pause": ReasonForm, "end": ReasonForm}
    detail_template = "laocoop/_twinningpair_extra.html"
    menu = Menu(
        "cooperation",
        pgettext_lazy("menu", "Kết nghĩa bản – bản (biên giới Việt – Lào)"),
        order=40,
        divider_before=True,
    )
    search = Search(
        fields=["vn_commune", "vn_village", "lao_name", "lao_district", "lao_province", "status", "note"], order=80
    )
    api = Api("lao-twinning")

    def detail_context(self, obj: TwinningPair, request: Any) -> dict[str, Any]:
        return {"activities_by_year": selectors.twinning_activities_by_year(pair=obj, user=request.user)}

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any] | None:
        commune, province = services.example_references() if unit is not None else (None, None)
        return {
            "lao_name": f"Bản Nậm {n}",  # first: the generated tests know a record by its first text field
            "vn_commune": commune,
            "vn_village": f"Bản Huồi {n}",
            "lao_level": "village",
            "lao_district": gettext("Noọng Hét"),
            "lao_province": province,
            "year": 2015,
            "signed_on": dt.date(2015, 3, 1),
            "managing_unit": unit,
        }


@register
class TwinningActivityRegistry(Registry):
    model = TwinningActivity
    path = "twinning-activities/"
    queryset = TwinningActivity.objects.select_related("pair", "pair__vn_commune", "unit")
    form = forms.TwinningActivityForm
    filterset = filters.TwinningActivityFilterSet
    table = tables.TwinningActivityTable
    workflow = services.ACTIVITY_WORKFLOW
    step_forms = {"return_to_draft": CommentForm}
    menu = Menu("cooperation", pgettext_lazy("menu", "Hoạt động kết nghĩa"), order=41)
    search = Search(fields=["title", "pair", "note"], order=81)
    api = Api("lao-twinning-activities")
    report = ReportFigure(
        gettext_lazy("Hoạt động kết nghĩa bản – bản"),
        "held_on",
        gettext_lazy("đã tổ chức"),
        done_statuses=("reported",),
        order=60,
    )

    def form_initial(self, request: Any) -> dict[str, Any]:
        return _pk_initial(request, "pair")


@register
class BorderMeetingRegistry(Registry):
    model = BorderMeeting
    path = "meetings/"
    queryset = BorderMeeting.objects.select_related("lao_partner", "host_unit")
    form = forms.BorderMeetingForm
    filterset = filters.BorderMeetingFilterSet
    table = tables.BorderMeetingTable
    workflow = services.MEETING_WORKFLOW
    step_forms = {"return_to_draft": CommentForm, "cancel": ReasonForm}
    detail_template = "laocoop/_bordermeeting_extra.html"
    menu = Menu("cooperation", pgettext_lazy("menu", "Hội đàm, gặp gỡ biên giới"), order=42)
    search = Search(
        fields=["title", "kind", "level", "place", "lao_partner", "lao_side_text", "vn_head", "lao_head", "content"],
        order=82,
    )
    api = Api("lao-border-meetings")
    report = ReportFigure(
        gettext_lazy("Hội đàm, gặp gỡ với các địa phương Lào giáp biên"),
        "held_on",
        gettext_lazy("đã tổ chức"),
        done_statuses=("held",),
        order=61,
    )

    def save_form(self, *, form: ModelForm, by: Any, expected_version: int | None) -> Any:
        if form.instance.pk is None:
            values = {k: v for k, v in form.cleaned_data.items() if k not in ("points", "points_due_on")}
            return services.border_meeting_create(
                by=by,
                values={k: v for k, v in values.items() if k in {f.name for f in BorderMeeting._meta.get_fields()}},
                points=form.cleaned_data.get("points", ""),
                points_due_on=form.cleaned_data.get("points_due_on"),
            )
        return super().save_form(form=form, by=by, expected_version=expected_version)

    def detail_context(self, obj: BorderMeeting, request: Any) -> dict[str, Any]:
        return {"agreed_actions": selectors.meeting_actions(meeting=obj, user=request.user)}

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any] | None:
        return {
            "title": f"Giao ban biên giới số {n}",
            "kind": "briefing",
            "level": "district",
            "year": 2025,
            "held_on": dt.date(2025, 4, 10),  # a meeting is reported once held
            "lao_side_text": gettext("Huyện Noọng Hét"),
            "host_unit": unit,
        }


@register
class MeetingActionRegistry(Registry):
    model = MeetingAction
    path = "meeting-actions/"
    queryset = MeetingAction.objects.select_related("meeting", "owner_unit")
    form = forms.MeetingActionForm
    filterset = filters.MeetingActionFilterSet
    table = tables.MeetingActionTable
    workflow = services.ACTION_WORKFLOW
    step_forms = {"complete": forms.CompleteActionForm, "drop": ReasonForm, "reopen": CommentForm}
    deadlines = [deadlines.ACTION_DUE]
    menu = Menu("cooperation", pgettext_lazy("menu", "Nội dung thống nhất tại hội đàm"), order=43)
    search = Search(fields=["text", "meeting", "owner_unit", "status", "result"], order=83)
    api = Api("lao-meeting-actions")

    def form_initial(self, request: Any) -> dict[str, Any]:
        return _pk_initial(request, "meeting")


@register
class RemainsSeasonRegistry(Registry):
    model = RemainsSeason
    path = "remains/"
    queryset = RemainsSeason.objects.select_related("team_unit").prefetch_related("lao_provinces")
    form = forms.RemainsSeasonForm
    filterset = filters.RemainsSeasonFilterSet
    table = tables.RemainsSeasonTable
    workflow = services.SEASON_WORKFLOW
    step_forms = {"return_to_draft": CommentForm}
    menu = Menu("cooperation", pgettext_lazy("menu", "Tìm kiếm, hồi hương hài cốt liệt sĩ tại Lào"), order=44)
    search = Search(fields=["season", "team", "lao_provinces", "areas", "handover_place", "status", "note"], order=84)
    api = Api("lao-remains-seasons")
    report = ReportFigure(
        gettext_lazy("Mùa tìm kiếm, hồi hương hài cốt liệt sĩ tại Lào"),
        "handover_on",
        gettext_lazy("đã bàn giao, hồi hương"),
        done_statuses=("reported",),
        order=62,
    )

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any] | None:
        year = 2010 + n
        return {
            "season": f"{year} – {year + 1}",
            "year": year,
            "team": gettext("Đội tìm kiếm, quy tập hài cốt liệt sĩ"),
            "team_unit": unit,
            "remains_found": 10,
            "remains_repatriated": 10,
            "identified": 2,
        }


@register
class AssistanceProjectRegistry(Registry):
    model = AssistanceProject
    path = "assistance/"
    queryset = AssistanceProject.objects.select_related("beneficiary", "managing_unit")
    form = forms.AssistanceProjectForm
    filterset = filters.AssistanceProjectFilterSet
    table = tables.AssistanceProjectTable
    workflow = services.ASSISTANCE_WORKFLOW
    step_forms = {
        "return_to_draft": CommentForm,
        "approve": forms.ApproveAssistanceForm,
        "hand_over": forms.HandOverForm,
        "cancel": ReasonForm,
    }
    menu = Menu("cooperation", pgettext_lazy("menu", "Công trình, dự án tỉnh hỗ trợ Lào"), order=45)
    search = Search(fields=["title", "beneficiary", "place", "sector", "decision_ref", "status", "note"], order=85)
    api = Api("lao-assistance")
    report = ReportFigure(
        gettext_lazy("Công trình, dự án hỗ trợ Lào"),
        "handed_over_on",
        gettext_lazy("đã bàn giao"),
        done_statuses=("handed_over",),
        order=63,
    )

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any] | None:
        province = services.example_references()[1] if unit is not None else None
        return {
            "year": 2025,
            "title": f"Trường tiểu học hữu nghị số {n}",
            "beneficiary": province,
            "sector": "education",
            "amount_vnd": 1_500_000_000,
            "managing_unit": unit,
        }
