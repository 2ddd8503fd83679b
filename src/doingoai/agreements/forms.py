from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from doingoai.agreements.models import Agreement
from doingoai.core.forms import DateInput, RegistryForm


class AgreementForm(RegistryForm):
    class Meta:
        model = Agreement
        fields = ["year", "proposing_unit", "capacity", "type", "title", "country", "partner", "partner_text",
                  "time_text", "signing_level", "approving_authority", "note"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("year", dt.date.today().year + 1)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        partner, country = data.get("partner"), data.get("country")
        if partner and country and partner.country_id and partner.country_id != country.pk:
            self.add_error("partner", f"Đối tác “{partner.name}” không thuộc {country}.")
        if not partner and not data.get("partner_text"):
            self.add_error("partner_text", "Cần chọn đối tác hoặc ghi tên đối tác.")
        return data


def _date(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), required=required,
                           error_messages={"required": f"Cần nhập {label.lower()}.", "invalid": "Ngày không hợp lệ."})


class ConsultForm(forms.Form):
    consulted_on = _date("Ngày gửi xin ý kiến")
    consulted_bodies = forms.CharField(label="Cơ quan được xin ý kiến", initial="Bộ Ngoại giao",
                                       error_messages={"required": "Cần ghi cơ quan được xin ý kiến."})


class ApproveForm(forms.Form):
    approval_ref = forms.CharField(label="Số văn bản phê duyệt", max_length=64,
                                   error_messages={"required": "Cần nhập số văn bản phê duyệt."})
    approved_on = _date("Ngày phê duyệt")


class SignForm(forms.Form):
    signed_on = _date("Ngày ký")
    valid_until = _date("Hiệu lực đến", required=False)


class ReportForm(forms.Form):
    reported_on = _date("Ngày báo cáo")


class EffectiveForm(forms.Form):
    effective_on = _date("Ngày có hiệu lực")


class EndForm(forms.Form):
    ended_on = _date("Ngày hết hiệu lực")


class TerminateForm(forms.Form):
    ended_on = _date("Ngày chấm dứt")
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Cần ghi lý do."})
