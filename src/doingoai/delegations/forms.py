from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.forms import CommentForm, ReasonForm, RegistryForm, date_field
from doingoai.delegations.models import Delegation

__all__ = ["ApproveForm", "CommentForm", "CompleteForm", "DelegationForm", "ReasonForm", "ReportForm"]


class DelegationForm(RegistryForm):
    class Meta:
        model = Delegation
        fields = [
            "year",
            "direction",
            "group",
            "name",
            "capacity",
            "head",
            "size",
            "composition",
            "countries",
            "partners",
            "partner_text",
            "purpose",
            "duration_text",
            "time_text",
            "funding_source",
            "funding_text",
            "uses_state_budget",
            "proposing_unit",
            "note",
        ]
        widgets = {"composition": forms.Textarea, "purpose": forms.Textarea, "partner_text": forms.Textarea}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year + 1

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("countries") and not data.get("partners") and not data.get("partner_text"):
            self.add_error("countries", gettext("Cần chọn ít nhất một nước hoặc ghi đối tác làm việc."))
        return data


class ApproveForm(forms.Form):
    decision_ref = forms.CharField(
        label=gettext_lazy("Số quyết định"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số quyết định.")},
    )
    decision_date = date_field(gettext_lazy("Ngày quyết định"))


class CompleteForm(forms.Form):
    actual_start = date_field(gettext_lazy("Ngày bắt đầu thực tế"))
    actual_end = date_field(gettext_lazy("Ngày kết thúc thực tế"))
    result_report = forms.CharField(
        label=gettext_lazy("Báo cáo kết quả (có thể nộp sau, trong 15 ngày)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("actual_start"), data.get("actual_end")
        if start and end and end < start:
            self.add_error("actual_end", gettext("Ngày kết thúc không được trước ngày bắt đầu."))
        return data


class ReportForm(forms.Form):
    result_report = forms.CharField(
        label=gettext_lazy("Báo cáo kết quả"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": gettext_lazy("Báo cáo kết quả không được để trống.")},
    )
