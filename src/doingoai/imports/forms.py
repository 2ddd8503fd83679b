"""Upload forms of the imports (Vietnamese labels and messages naming the field)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext

from doingoai.core.choices import Role
from doingoai.core.models import Unit
from doingoai.imports.proposals import proposal_units, year_bounds


class ProposalUploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel đã điền (.xlsx)",
        error_messages={"required": "Cần chọn tệp Excel để tải lên.", "empty": "Tệp rỗng."},
        widget=forms.ClearableFileInput(
            attrs={
                "class": "form-control",
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        ),
    )
    unit = forms.ModelChoiceField(
        Unit.objects.none(),
        label="Đơn vị đề xuất",
        required=False,
        empty_label="— Theo cột đơn vị trong tệp —",
        help_text="Áp dụng cho các dòng không ghi đơn vị.",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        unit_field: forms.ModelChoiceField = self.fields["unit"]  # type: ignore[assignment]
        unit_field.queryset = proposal_units(user)
        if user.role == Role.UNIT_OFFICER:
            # An officer imports for their own unit only; the field shows it, fixed.
            unit_field.initial = user.unit_id
            unit_field.disabled = True
            unit_field.empty_label = None
            unit_field.help_text = "Cán bộ đơn vị chỉ nhập đề xuất của đơn vị mình."
        else:
            unit_field.initial = getattr(user, "unit_id", None)


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label="Văn bản (.docx, .pdf, .txt)",
        error_messages={"required": "Cần chọn văn bản để tải lên.", "empty": "Tệp rỗng."},
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".docx,.pdf,.txt,.md"}),
    )
    year = forms.IntegerField(
        label="Năm kế hoạch",
        required=False,
        help_text="Để trống: lấy năm ghi trong văn bản.",
        widget=forms.NumberInput(attrs={"class": "form-control"}),
        error_messages={"invalid": "Năm kế hoạch phải là số, ví dụ 2027."},
    )

    def clean_year(self) -> int | None:
        year = self.cleaned_data.get("year")
        low, high = year_bounds()
        if year is not None and not low <= year <= high:
            raise forms.ValidationError(
                gettext("Năm kế hoạch phải từ %(low)s đến %(high)s.") % {"low": low, "high": high}
            )
        return year


class YearForm(forms.Form):
    year = forms.IntegerField(
        label="Năm kế hoạch",
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "style": "width: 7rem"}),
        error_messages={"required": "Cần nhập năm kế hoạch.", "invalid": "Năm kế hoạch phải là số."},
    )
