from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.forms import DateInput, RegistryForm, date_field
from doingoai.laocoop.models import (
    AssistanceProject,
    BorderMeeting,
    MeetingAction,
    RemainsSeason,
    TwinningActivity,
    TwinningPair,
)


def _same_year(form: forms.ModelForm, field: str, what: str) -> None:
    day, year = form.cleaned_data.get(field), form.cleaned_data.get("year")
    if day and year and day.year != year:
        form.add_error(
            field,
            gettext("%(what)s (%(day)s) không thuộc năm %(year)s.")
            % {"what": what, "day": format(day, "%d/%m/%Y"), "year": year},
        )


def _not_future(form: forms.ModelForm, field: str, what: str) -> None:
    day = form.cleaned_data.get(field)
    if day and day > timezone.localdate():
        form.add_error(field, gettext("%(what)s không được sau ngày hôm nay.") % {"what": what})


class TwinningPairForm(RegistryForm):
    class Meta:
        model = TwinningPair
        fields = [
            "vn_commune", "vn_village", "lao_level", "lao_name", "lao_district", "lao_province", "year", "signed_on",
            "managing_unit", "note",
        ]  # fmt: skip
        widgets = {"signed_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_future(self, "signed_on", gettext("Ngày ký kết nghĩa"))
        _same_year(self, "signed_on", gettext("Ngày ký kết nghĩa"))
        if data.get("lao_level") == "village" and not (data.get("lao_district") or "").strip():
            self.add_error("lao_district", gettext("Cần ghi huyện (mường) của bản phía Lào."))
        return data


class TwinningActivityForm(RegistryForm):
    class Meta:
        model = TwinningActivity
        fields = ["pair", "held_on", "title", "participants", "unit", "note"]
        widgets = {"held_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_future(self, "held_on", gettext("Ngày tổ chức hoạt động đã diễn ra"))
        return data


class BorderMeetingForm(RegistryForm):
    points = forms.CharField(
        label=gettext_lazy("Nội dung đã thống nhất"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Mỗi dòng một nội dung; mỗi nội dung thành một việc cần theo dõi thực hiện"),
    )
    points_due_on = date_field(gettext_lazy("Hạn thực hiện các nội dung đã thống nhất"), required=False)

    class Meta:
        model = BorderMeeting
        fields = [
            "title", "kind", "level", "year", "held_on", "place", "lao_partner", "lao_side_text", "vn_head", "lao_head",
            "participants", "content", "host_unit", "note",
        ]  # fmt: skip
        widgets = {"held_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # afterwards the points are edited one by one, as follow-up actions
            del self.fields["points"], self.fields["points_due_on"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _same_year(self, "held_on", gettext("Ngày tổ chức"))
        return data


class MeetingActionForm(RegistryForm):
    class Meta:
        model = MeetingAction
        fields = ["meeting", "text", "owner_unit", "due_on"]
        widgets = {"due_on": DateInput(), "text": forms.Textarea(attrs={"rows": 3})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        meeting, due = data.get("meeting"), data.get("due_on")
        if meeting and due and meeting.held_on and due < meeting.held_on:
            self.add_error("due_on", gettext("Hạn thực hiện không được trước ngày hội đàm."))
        return data


class CompleteActionForm(forms.Form):
    done_on = date_field(gettext_lazy("Ngày hoàn thành"))
    result = forms.CharField(
        label=gettext_lazy("Kết quả thực hiện"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Cần ghi kết quả thực hiện.")},
    )

    def clean_done_on(self) -> Any:
        day = self.cleaned_data["done_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(gettext("Ngày hoàn thành không được sau ngày hôm nay."))
        return day


class RemainsSeasonForm(RegistryForm):
    class Meta:
        model = RemainsSeason
        fields = [
            "season", "year", "team", "team_unit", "lao_provinces", "areas", "started_on", "ended_on",
            "remains_found", "remains_repatriated", "identified", "handover_on", "handover_place", "burial_place",
            "note",
        ]  # fmt: skip
        widgets = {"started_on": DateInput(), "ended_on": DateInput(), "handover_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("started_on"), data.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", gettext("Ngày kết thúc không được trước ngày bắt đầu."))
        identified, repatriated = data.get("identified") or 0, data.get("remains_repatriated") or 0
        if identified > repatriated:
            self.add_error(
                "identified", gettext("Số hài cốt xác định được danh tính không được lớn hơn số hài cốt hồi hương.")
            )
        year = data.get("year")
        if start and year and start.year not in (year, year + 1):
            self.add_error(
                "started_on", gettext("Ngày bắt đầu phải thuộc mùa khô bắt đầu năm %(year)s.") % {"year": year}
            )
        return data


class AssistanceProjectForm(RegistryForm):
    class Meta:
        model = AssistanceProject
        fields = [
            "year", "title", "beneficiary", "place", "sector", "amount_vnd", "funding", "managing_unit", "note",
        ]  # fmt: skip


class ApproveAssistanceForm(forms.Form):
    decision_ref = forms.CharField(
        label=gettext_lazy("Số quyết định phê duyệt"),
        max_length=128,
        help_text=gettext_lazy("Ví dụ: 1234/QĐ-UBND"),
        error_messages={"required": gettext_lazy("Cần ghi số quyết định phê duyệt.")},
    )


class HandOverForm(forms.Form):
    handed_over_on = date_field(gettext_lazy("Ngày bàn giao"))

    def clean_handed_over_on(self) -> Any:
        day = self.cleaned_data["handed_over_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(gettext("Ngày bàn giao không được sau ngày hôm nay."))
        return day
