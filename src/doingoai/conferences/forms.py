from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.conferences.models import Conference
from doingoai.core.forms import DateInput, RegistryForm, date_field


class ConferenceForm(RegistryForm):
    class Meta:
        model = Conference
        fields = [
            "year",
            "title",
            "form",
            "partner_text",
            "partners",
            "countries",
            "delegates_vn",
            "delegates_foreign_in_vn",
            "delegates_from_abroad",
            "time_text",
            "start_date",
            "days",
            "place",
            "funding_source",
            "funding_text",
            "uses_state_budget",
            "has_foreign_high_level",
            "sensitive_topics",
            "permitting_authority_text",
            "organising_unit",
            "note",
        ]
        widgets = {"start_date": DateInput(), "partner_text": forms.Textarea}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year + 1

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, year = data.get("start_date"), data.get("year")
        if start and year and start.year != year:
            self.add_error("start_date", gettext("Ngày khai mạc phải thuộc năm kế hoạch."))
        return data


class PermitForm(forms.Form):
    permit_ref = forms.CharField(
        label=gettext_lazy("Số văn bản cho phép"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số văn bản cho phép.")},
    )
    permit_date = date_field(gettext_lazy("Ngày cho phép"))
    applied_on = date_field(gettext_lazy("Ngày nộp hồ sơ xin phép"), required=False)


class HoldForm(forms.Form):
    held_on = date_field(gettext_lazy("Ngày tổ chức"))


class ReportForm(forms.Form):
    report = forms.CharField(
        label=gettext_lazy("Báo cáo kết quả"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": gettext_lazy("Báo cáo kết quả không được để trống.")},
    )
