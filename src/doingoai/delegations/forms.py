from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from doingoai.core.forms import CommentForm, DateInput, ReasonForm, RegistryForm
from doingoai.core.models import Country, Partner
from doingoai.delegations.models import Delegation

__all__ = ["ApproveForm", "CommentForm", "CompleteForm", "DelegationForm", "ReasonForm", "ReportForm"]


class DelegationForm(RegistryForm):
    class Meta:
        model = Delegation
        fields = ["year", "direction", "group", "name", "capacity", "head", "size", "composition", "countries",
                  "partners", "partner_text", "purpose", "duration_text", "duration_days", "time_text",
                  "funding_source", "funding_text", "uses_state_budget", "proposing_unit", "note"]
        widgets = {"composition": forms.Textarea, "purpose": forms.Textarea, "partner_text": forms.Textarea}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["countries"].queryset = Country.objects.all()
        self.fields["partners"].queryset = Partner.objects.select_related("country")
        if not self.instance.pk:
            self.initial.setdefault("year", dt.date.today().year + 1)

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not 2000 <= year <= dt.date.today().year + 5:
            raise forms.ValidationError("Năm kế hoạch không hợp lệ.")
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("countries") and not data.get("partners") and not data.get("partner_text"):
            self.add_error("countries", "Cần chọn ít nhất một nước hoặc ghi đối tác làm việc.")
        return data


class ApproveForm(forms.Form):
    decision_ref = forms.CharField(label="Số quyết định", max_length=64,
                                   error_messages={"required": "Cần nhập số quyết định."})
    decision_date = forms.DateField(label="Ngày quyết định", widget=DateInput(),
                                    error_messages={"required": "Cần nhập ngày quyết định.",
                                                    "invalid": "Ngày không hợp lệ."})


class CompleteForm(forms.Form):
    actual_start = forms.DateField(label="Ngày bắt đầu thực tế", widget=DateInput(),
                                   error_messages={"required": "Cần nhập ngày bắt đầu.", "invalid": "Ngày không hợp lệ."})
    actual_end = forms.DateField(label="Ngày kết thúc thực tế", widget=DateInput(),
                                 error_messages={"required": "Cần nhập ngày kết thúc.", "invalid": "Ngày không hợp lệ."})
    result_report = forms.CharField(label="Báo cáo kết quả (có thể nộp sau, trong 15 ngày)", required=False,
                                    widget=forms.Textarea(attrs={"rows": 5}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("actual_start"), data.get("actual_end")
        if start and end and end < start:
            self.add_error("actual_end", "Ngày kết thúc không được trước ngày bắt đầu.")
        return data


class ReportForm(forms.Form):
    result_report = forms.CharField(label="Báo cáo kết quả", widget=forms.Textarea(attrs={"rows": 8}),
                                    error_messages={"required": "Báo cáo kết quả không được để trống."})
