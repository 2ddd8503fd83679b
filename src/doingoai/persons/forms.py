"""Forms of every registry of persons (Decree 13/2023/NĐ-CP): purpose and consent of the processing, contacts
checked alike, and the confirmation of an erasure on request."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.forms import DateInput, RegistryForm, date_field

PHONE = re.compile(r"^\+?[0-9 .()-]{8,}$")
PHONE_MESSAGE = gettext_lazy(
    "Số điện thoại không hợp lệ: chỉ gồm chữ số (có thể có dấu + đầu số quốc tế), ít nhất 8 chữ số."
)
EMAIL_MESSAGE = gettext_lazy("Thư điện tử không hợp lệ (ví dụ: ten@example.com).")


def clean_phone(value: str) -> str:
    value = value.strip()
    if value and (not PHONE.match(value) or sum(c.isdigit() for c in value) < 8):
        raise forms.ValidationError(PHONE_MESSAGE)
    return value


class PersonalDataForm(RegistryForm):
    """Purpose and consent of the processing, checked the same way for every registry of persons."""

    consent_required = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("consent_given_on", "consent_withdrawn_on"):
            if name in self.fields:
                self.fields[name].widget = DateInput(attrs={"class": "form-control"})
        if "email" in self.fields:
            self.fields["email"].error_messages["invalid"] = EMAIL_MESSAGE

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given, withdrawn = data.get("consent_given_on"), data.get("consent_withdrawn_on")
        today = timezone.localdate()
        if self.consent_required and not given:
            self.add_error(
                "consent_given_on", gettext("Cần ghi ngày chủ thể dữ liệu đồng ý cho việc xử lý dữ liệu cá nhân.")
            )
        if self.consent_required and not data.get("consent_means"):
            self.add_error("consent_means", gettext("Cần chọn hình thức đồng ý (Nghị định 13/2023/NĐ-CP)."))
        if given and given > today:
            self.add_error("consent_given_on", gettext("Ngày đồng ý không được sau ngày hôm nay."))
        if withdrawn and not given:
            self.add_error(
                "consent_withdrawn_on", gettext("Chưa có ngày đồng ý thì không thể ghi ngày rút lại sự đồng ý.")
            )
        if withdrawn and given and withdrawn < given:
            self.add_error("consent_withdrawn_on", gettext("Ngày rút lại sự đồng ý không được trước ngày đồng ý."))
        if withdrawn and withdrawn > today:
            self.add_error("consent_withdrawn_on", gettext("Ngày rút lại sự đồng ý không được sau ngày hôm nay."))
        return data


class ErasureForm(forms.Form):
    requested_on = date_field(gettext_lazy("Ngày chủ thể yêu cầu"))
    request_ref = forms.CharField(label=gettext_lazy("Số, ký hiệu đơn yêu cầu"), max_length=128, required=False)
    reason = forms.CharField(
        label=gettext_lazy("Lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Không ghi lại thông tin cá nhân của người yêu cầu ở đây."),
        error_messages={"required": gettext_lazy("Cần ghi lý do xóa dữ liệu.")},
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Tôi hiểu rằng dữ liệu cá nhân sẽ bị xóa vĩnh viễn, kể cả trong lịch sử thay đổi, không thể khôi phục."
        ),
        error_messages={"required": gettext_lazy("Cần xác nhận trước khi xóa.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("class", "form-check-input" if name == "confirm" else "form-control")

    def clean_requested_on(self) -> Any:
        day = self.cleaned_data["requested_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(gettext("Ngày chủ thể yêu cầu không được sau ngày hôm nay."))
        return day
