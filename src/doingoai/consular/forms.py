from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.consular.eligibility import apec_eligibility_problems
from doingoai.consular.models import ApecCardApplication, CitizenCase, ForeignPressVisit
from doingoai.core.forms import DateInput, RegistryForm, date_field
from doingoai.persons.forms import PersonalDataForm

__all__ = [
    "ApecApproveForm",
    "ApecCardApplicationForm",
    "ApecRefuseForm",
    "CardReturnedForm",
    "CitizenCaseForm",
    "CloseCaseForm",
    "ForeignPressVisitForm",
    "IssueCardForm",
    "LeftPostForm",
    "PressApproveForm",
    "PressReportForm",
    "SubmitApecForm",
]


def _not_future(form: forms.BaseForm, name: str, label: str) -> None:
    day = form.cleaned_data.get(name)
    if day and day > timezone.localdate():
        form.add_error(name, gettext("%(label)s không được sau ngày hôm nay.") % {"label": label})


class CitizenCaseForm(PersonalDataForm):
    # Protecting a citizen's life or health needs no consent (Decree 13/2023/NĐ-CP): record it when given.
    consent_required = False

    class Meta:
        model = CitizenCase
        fields = [
            "person_name",
            "passport_number",
            "country",
            "place",
            "kind",
            "opened_on",
            "summary",
            "sensitive",
            "purpose",
            "consent_given_on",
            "consent_means",
            "consent_withdrawn_on",
            "recording_unit",
            "note",
        ]
        widgets = {"opened_on": DateInput(), "summary": forms.Textarea, "purpose": forms.Textarea}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _not_future(self, "opened_on", gettext("Ngày tiếp nhận"))
        return data


class ApecCardApplicationForm(RegistryForm):
    """The applicant and the enterprise; eligibility (Decision 09/2023/QĐ-TTg) is checked as of the submission
    date when it is known, otherwise as of today."""

    class Meta:
        model = ApecCardApplication
        fields = [
            "applicant_name",
            "birth_date",
            "position",
            "in_post_since",
            "enterprise",
            "enterprise_tax_code",
            "enterprise_established_on",
            "countries",
            "receiving_unit",
            "note",
        ]
        widgets = {"birth_date": DateInput(), "in_post_since": DateInput(), "enterprise_established_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        on = self.instance.submitted_on or timezone.localdate()
        problems = apec_eligibility_problems(
            on=on,
            enterprise_established_on=data.get("enterprise_established_on"),
            birth_date=data.get("birth_date"),
            in_post_since=data.get("in_post_since"),
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


class SubmitApecForm(forms.Form):
    submitted_on = date_field(gettext_lazy("Ngày nộp hồ sơ"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_future(self, "submitted_on", gettext("Ngày nộp hồ sơ"))
        return data


class ApecApproveForm(forms.Form):
    decision_ref = forms.CharField(
        label=gettext_lazy("Số văn bản cho phép"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số văn bản cho phép.")},
    )
    decision_date = date_field(gettext_lazy("Ngày văn bản"))


class ApecRefuseForm(forms.Form):
    decision_ref = forms.CharField(label=gettext_lazy("Số văn bản trả lời"), max_length=64, required=False)
    decision_date = date_field(gettext_lazy("Ngày văn bản"))
    reason = forms.CharField(
        label=gettext_lazy("Lý do không cho phép"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Cần ghi lý do không cho phép.")},
    )


class IssueCardForm(forms.Form):
    card_number = forms.CharField(
        label=gettext_lazy("Số thẻ ABTC"), max_length=32, error_messages={"required": gettext_lazy("Cần nhập số thẻ.")}
    )
    card_issued_on = date_field(gettext_lazy("Ngày cấp thẻ"))
    card_expires_on = date_field(gettext_lazy("Thẻ có giá trị đến"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        issued, expires = data.get("card_issued_on"), data.get("card_expires_on")
        if issued and expires and expires <= issued:
            self.add_error("card_expires_on", gettext("Ngày hết hạn thẻ phải sau ngày cấp thẻ."))
        return data


class LeftPostForm(forms.Form):
    left_post_on = date_field(gettext_lazy("Ngày thôi giữ chức vụ, nghỉ việc"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_future(self, "left_post_on", gettext("Ngày thôi giữ chức vụ"))
        return data


class CardReturnedForm(forms.Form):
    card_returned_on = date_field(gettext_lazy("Ngày nộp lại thẻ"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_future(self, "card_returned_on", gettext("Ngày nộp lại thẻ"))
        return data


class CloseCaseForm(forms.Form):
    closed_on = date_field(gettext_lazy("Ngày kết thúc"))
    outcome = forms.CharField(
        label=gettext_lazy("Kết quả xử lý"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Cần ghi kết quả xử lý.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_future(self, "closed_on", gettext("Ngày kết thúc"))
        return data


class ForeignPressVisitForm(RegistryForm):
    class Meta:
        model = ForeignPressVisit
        fields = [
            "outlet",
            "country",
            "journalists",
            "start_date",
            "end_date",
            "places",
            "topic",
            "accompanying_officer",
            "host_unit",
            "note",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "journalists": forms.Textarea,
            "places": forms.Textarea,
            "topic": forms.Textarea,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", gettext("Ngày kết thúc không được trước ngày bắt đầu."))
        return data


class PressApproveForm(forms.Form):
    approval_ref = forms.CharField(
        label=gettext_lazy("Số văn bản chấp thuận"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số văn bản chấp thuận.")},
    )
    approved_on = date_field(gettext_lazy("Ngày chấp thuận"))
    accompanying_officer = forms.CharField(
        label=gettext_lazy("Cán bộ đi cùng"),
        max_length=255,
        error_messages={"required": gettext_lazy("Cần cử cán bộ đi cùng phóng viên.")},
    )


class PressReportForm(forms.Form):
    report = forms.CharField(
        label=gettext_lazy("Báo cáo kết quả"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": gettext_lazy("Cần ghi báo cáo kết quả.")},
    )
