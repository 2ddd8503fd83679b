from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from doingoai.agreements.models import Agreement
from doingoai.core.forms import RegistryForm, date_field


class AgreementForm(RegistryForm):
    class Meta:
        model = Agreement
        fields = [
            "year",
            "proposing_unit",
            "capacity",
            "type",
            "title",
            "country",
            "partner",
            "partner_text",
            "time_text",
            "signing_level",
            "approving_authority",
            "note",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year + 1

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        partner, country = data.get("partner"), data.get("country")
        if partner and country and partner.country_id and partner.country_id != country.pk:
            self.add_error("partner", f"Đối tác “{partner.name}” không thuộc {country}.")
        if not partner and not data.get("partner_text"):
            self.add_error("partner_text", "Cần chọn đối tác hoặc ghi tên đối tác.")
        return data


class ConsultForm(forms.Form):
    consulted_on = date_field("Ngày gửi xin ý kiến")
    consulted_bodies = forms.CharField(
        label="Cơ quan được xin ý kiến",
        initial="Bộ Ngoại giao",
        error_messages={"required": "Cần ghi cơ quan được xin ý kiến."},
    )


class ApproveForm(forms.Form):
    approval_ref = forms.CharField(
        label="Số văn bản phê duyệt", max_length=64, error_messages={"required": "Cần nhập số văn bản phê duyệt."}
    )
    approved_on = date_field("Ngày phê duyệt")


class SignForm(forms.Form):
    signed_on = date_field("Ngày ký")
    valid_until = date_field("Hiệu lực đến", required=False)


class ReportForm(forms.Form):
    reported_on = date_field("Ngày báo cáo")


class EffectiveForm(forms.Form):
    effective_on = date_field("Ngày có hiệu lực")


class EndForm(forms.Form):
    ended_on = date_field("Ngày hết hiệu lực")


class TerminateForm(forms.Form):
    ended_on = date_field("Ngày chấm dứt")
    reason = forms.CharField(
        label="Lý do", widget=forms.Textarea(attrs={"rows": 3}), error_messages={"required": "Cần ghi lý do."}
    )
