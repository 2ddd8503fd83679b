from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.agreements.models import Agreement, AgreementAction, AgreementStatus
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
            self.add_error(
                "partner",
                gettext("Đối tác “%(partner)s” không thuộc %(country)s.")
                % {"partner": partner.name, "country": country},
            )
        if not partner and not data.get("partner_text"):
            self.add_error("partner_text", gettext("Cần chọn đối tác hoặc ghi tên đối tác."))
        return data


class ConsultForm(forms.Form):
    consulted_on = date_field(gettext_lazy("Ngày gửi xin ý kiến"))
    consulted_bodies = forms.CharField(
        label=gettext_lazy("Cơ quan được xin ý kiến"),
        initial="Bộ Ngoại giao",
        error_messages={"required": gettext_lazy("Cần ghi cơ quan được xin ý kiến.")},
    )


class ApproveForm(forms.Form):
    approval_ref = forms.CharField(
        label=gettext_lazy("Số văn bản phê duyệt"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số văn bản phê duyệt.")},
    )
    approved_on = date_field(gettext_lazy("Ngày phê duyệt"))


class SignForm(forms.Form):
    signed_on = date_field(gettext_lazy("Ngày ký"))
    valid_until = date_field(gettext_lazy("Hiệu lực đến"), required=False)
    review_on = date_field(gettext_lazy("Ngày rà soát, đánh giá"), required=False)
    review_on.help_text = gettext_lazy("Để trống: 90 ngày trước ngày hết hiệu lực.")


class ReviewForm(forms.Form):
    reviewed_on = date_field(gettext_lazy("Ngày rà soát"))
    review_result = forms.CharField(
        label=gettext_lazy("Kết quả rà soát, kiến nghị (gia hạn, ký mới, chấm dứt…)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Cần ghi kết quả rà soát.")},
    )


class AgreementActionForm(RegistryForm):
    class Meta:
        model = AgreementAction
        fields = ["agreement", "title", "owner_unit", "due_on", "note"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only signed agreements have follow-up actions; and a user chooses among those they may read.
        signed = Agreement.objects.filter(status__in=[AgreementStatus.SIGNED, AgreementStatus.IN_FORCE])
        if self.user is not None:
            signed = signed.restrict(self.user, "view")  # type: ignore[attr-defined]
        self.fields["agreement"].queryset = signed.select_related("partner")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        agreement, due_on = data.get("agreement"), data.get("due_on")
        if agreement and agreement.signed_on and due_on and due_on < agreement.signed_on:
            self.add_error(
                "due_on",
                gettext("Hạn hoàn thành không được trước ngày ký thỏa thuận (%(signed_on)s).")
                % {"signed_on": format(agreement.signed_on, "%d/%m/%Y")},
            )
        return data


class CompleteForm(forms.Form):
    done_on = date_field(gettext_lazy("Ngày hoàn thành"))
    result = forms.CharField(
        label=gettext_lazy("Kết quả thực hiện"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Cần ghi kết quả thực hiện.")},
    )


class ReportForm(forms.Form):
    reported_on = date_field(gettext_lazy("Ngày báo cáo"))


class EffectiveForm(forms.Form):
    effective_on = date_field(gettext_lazy("Ngày có hiệu lực"))


class EndForm(forms.Form):
    ended_on = date_field(gettext_lazy("Ngày hết hiệu lực"))


class TerminateForm(forms.Form):
    ended_on = date_field(gettext_lazy("Ngày chấm dứt"))
    reason = forms.CharField(
        label=gettext_lazy("Lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Cần ghi lý do.")},
    )
