from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.forms import DateInput, RegistryForm, date_field
from doingoai.core.models import Unit
from doingoai.events.models import Event, Inspection, TrainingCourse

DATE_MESSAGES = {"invalid": gettext_lazy("Ngày không hợp lệ (ngày/tháng/năm).")}
COUNT_MESSAGES = {
    "invalid": gettext_lazy("Cần nhập một số nguyên."),
    "min_value": gettext_lazy("Số người không được âm."),
}


class PlannedForm(RegistryForm):
    """Year preset to next year (the plan being prepared) and dates that must follow each other."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year + 1

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end, year = data.get("start_date"), data.get("end_date"), data.get("year")
        if start and end and end < start:
            self.add_error("end_date", gettext("Ngày kết thúc không được trước ngày bắt đầu."))
        if start and year and start.year != year:
            self.add_error("start_date", gettext("Ngày bắt đầu phải thuộc năm kế hoạch."))
        return data


class EventForm(PlannedForm):
    class Meta:
        model = Event
        fields = [
            "year",
            "title",
            "kind",
            "time_text",
            "start_date",
            "end_date",
            "place",
            "countries",
            "partners",
            "partner_text",
            "organising_unit",
            "participants",
            "participants_count",
            "uses_state_budget",
            "note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "participants": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }
        error_messages = {"start_date": DATE_MESSAGES, "end_date": DATE_MESSAGES, "participants_count": COUNT_MESSAGES}


class TrainingCourseForm(PlannedForm):
    class Meta:
        model = TrainingCourse
        fields = [
            "year",
            "title",
            "topic",
            "audience",
            "time_text",
            "start_date",
            "end_date",
            "place",
            "organising_unit",
            "partner_text",
            "trainees_planned",
            "note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "topic": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }
        error_messages = {"start_date": DATE_MESSAGES, "end_date": DATE_MESSAGES, "trainees_planned": COUNT_MESSAGES}


class InspectionForm(RegistryForm):
    class Meta:
        model = Inspection
        fields = ["year", "title", "inspecting_unit", "inspected_unit", "domain", "scope", "time_text", "note"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "scope": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inspected_unit"].queryset = Unit.objects.filter(active_to__isnull=True)  # type: ignore[attr-defined]
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year + 1

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        inspected = data.get("inspected_unit")
        inspecting_id = data["inspecting_unit"].pk if data.get("inspecting_unit") else self.instance.inspecting_unit_id
        if inspected and inspected.pk == inspecting_id:
            self.add_error(
                "inspected_unit", gettext("Đơn vị được thanh tra, kiểm tra phải khác cơ quan thanh tra, kiểm tra.")
            )
        return data


# ------------------------------------------------------------------------------------------- workflow steps


class EventHoldForm(forms.Form):
    start_date = date_field(gettext_lazy("Từ ngày"))
    end_date = date_field(gettext_lazy("Đến ngày"), required=False)
    participants_count = forms.IntegerField(
        label=gettext_lazy("Số người tham gia"), min_value=0, required=False, error_messages=COUNT_MESSAGES
    )


class TrainingHoldForm(forms.Form):
    start_date = date_field(gettext_lazy("Từ ngày"))
    end_date = date_field(gettext_lazy("Đến ngày"), required=False)
    trainees_count = forms.IntegerField(
        label=gettext_lazy("Số học viên thực tế"),
        min_value=0,
        error_messages=COUNT_MESSAGES | {"required": gettext_lazy("Cần nhập số học viên thực tế.")},
    )


class ReportForm(forms.Form):
    report = forms.CharField(
        label=gettext_lazy("Báo cáo kết quả"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": gettext_lazy("Báo cáo kết quả không được để trống.")},
    )


class DecideForm(forms.Form):
    decision_ref = forms.CharField(
        label=gettext_lazy("Số quyết định thanh tra, kiểm tra"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số quyết định thanh tra, kiểm tra.")},
    )
    decision_date = date_field(gettext_lazy("Ngày quyết định"))


class InspectionStartForm(forms.Form):
    actual_start = date_field(gettext_lazy("Ngày bắt đầu"))


class ConcludeForm(forms.Form):
    actual_end = date_field(gettext_lazy("Ngày kết thúc thanh tra, kiểm tra"))
    findings = forms.CharField(
        label=gettext_lazy("Kết quả, phát hiện"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": gettext_lazy("Cần ghi kết quả, phát hiện.")},
    )
    conclusion_ref = forms.CharField(
        label=gettext_lazy("Số kết luận"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số kết luận.")},
    )
    concluded_on = date_field(gettext_lazy("Ngày kết luận"))
