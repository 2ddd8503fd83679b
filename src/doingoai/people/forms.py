from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.people.models import ForeignStudent, ForeignWorker
from doingoai.persons.forms import PersonalDataForm

PROCESSING = ["purpose", "consent_given_on", "consent_means", "consent_withdrawn_on", "recording_unit"]


class PersonForm(PersonalDataForm):
    def clean_birth_year(self) -> int | None:
        year = self.cleaned_data.get("birth_year")
        this_year = timezone.localdate().year
        if year is not None and not this_year - 100 <= year <= this_year - 10:
            raise forms.ValidationError(
                gettext("Năm sinh phải trong khoảng %(this_year)s–%(this_year_2)s.")
                % {"this_year": this_year - 100, "this_year_2": this_year - 10}
            )
        return year


class ForeignStudentForm(PersonForm):
    class Meta:
        model = ForeignStudent
        fields = [
            "full_name", "birth_year", "country", "school", "programme", "level", "scholarship", "sending_partner",
            "start_year", "end_year", "status", "phone", "email", "address", *PROCESSING, "note",
        ]  # fmt: skip
        widgets = {"purpose": forms.Textarea, "note": forms.Textarea}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        this_year = timezone.localdate().year
        if start and not 1990 <= start <= this_year + 1:
            self.add_error(
                "start_year",
                gettext("Năm nhập học phải trong khoảng 1990–%(this_year)s.") % {"this_year": this_year + 1},
            )
        if start and end and end < start:
            self.add_error("end_year", gettext("Năm tốt nghiệp không được trước năm nhập học."))
        return data


class ForeignWorkerForm(PersonForm):
    class Meta:
        model = ForeignWorker
        fields = [
            "full_name", "birth_year", "country", "passport_number", "category", "organisation", "employer", "role",
            "place", "stay_from", "stay_until", "permit_kind", "permit_number", "permit_valid_until", "status",
            "phone", "email", "address", *PROCESSING, "note",
        ]  # fmt: skip
        widgets = {"purpose": forms.Textarea, "note": forms.Textarea}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("organisation") and not data.get("employer") and "employer" not in self.errors:
            self.add_error("employer", gettext("Cần chọn tổ chức nước ngoài hoặc ghi cơ quan, tổ chức sử dụng."))
        start, until = data.get("stay_from"), data.get("stay_until")
        if start and until and until < start:
            self.add_error("stay_until", gettext("Ngày kết thúc không được trước ngày bắt đầu làm việc."))
        return data
