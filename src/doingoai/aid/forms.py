from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.aid.formatting import format_number
from doingoai.aid.models import AidProject, InvestmentOpportunity
from doingoai.core.forms import DateInput, RegistryForm, date_field
from doingoai.core.models import Partner
from doingoai.core.numbers import number_locale

AMOUNT_MESSAGES = {
    "invalid": gettext_lazy(
        "Cần nhập một số, ví dụ 1.250.000 hoặc 12,5 (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân)."
    )
}
COORDINATE_MESSAGES = {"invalid": gettext_lazy("Cần nhập tọa độ dạng số thập phân, ví dụ 18,67 hoặc 18.67.")}


class AmountField(forms.DecimalField):
    """Amounts as the reader writes them: 1.234.567,5 in Vietnamese (dots group thousands, the comma marks
    decimals), 1,234,567.5 in English."""

    widget = forms.TextInput

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = "".join(value.split())
            value = value.replace(",", "") if number_locale() == "en" else value.replace(".", "").replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        return format_number(value) if isinstance(value, Decimal | int) else value

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {"inputmode": "decimal"}


class CoordinateField(forms.DecimalField):
    """Decimal degrees; a comma or a dot before the decimals (maps and phones write either)."""

    widget = forms.TextInput

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        return f"{value.normalize():f}".replace(".", ",") if isinstance(value, Decimal) else value

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {"inputmode": "decimal"}


class AidProjectForm(RegistryForm):
    class Meta:
        model = AidProject
        fields = [
            "year",
            "kind",
            "title",
            "donor",
            "donor_text",
            "sector",
            "objectives",
            "amount",
            "currency",
            "counterpart_vnd",
            "place",
            "managing_unit",
            "start_date",
            "end_date",
            "note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }
        field_classes = {"amount": AmountField, "counterpart_vnd": AmountField}
        error_messages = {
            "amount": AMOUNT_MESSAGES | {"min_value": gettext_lazy("Giá trị tài trợ không được âm.")},
            "counterpart_vnd": AMOUNT_MESSAGES | {"min_value": gettext_lazy("Vốn đối ứng không được âm.")},
            "start_date": {"invalid": gettext_lazy("Ngày không hợp lệ (ngày/tháng/năm).")},
            "end_date": {"invalid": gettext_lazy("Ngày không hợp lệ (ngày/tháng/năm).")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = Partner.objects.select_related("country")  # type: ignore[attr-defined]
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("donor") and not data.get("donor_text"):
            self.add_error("donor_text", gettext("Cần chọn nhà tài trợ hoặc ghi tên nhà tài trợ."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", gettext("Thời gian thực hiện đến không được trước thời gian bắt đầu."))
        return data


class InvestmentOpportunityForm(RegistryForm):
    class Meta:
        model = InvestmentOpportunity
        fields = [
            "year",
            "title",
            "title_en",
            "sector",
            "place",
            "area_ha",
            "scale",
            "scale_en",
            "total_investment",
            "currency",
            "managing_unit",
            "public",
            "latitude",
            "longitude",
            "description",
            "description_en",
            "note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "title_en": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {
            "area_ha": AmountField,
            "total_investment": AmountField,
            "latitude": CoordinateField,
            "longitude": CoordinateField,
        }
        error_messages = {
            "area_ha": AMOUNT_MESSAGES | {"min_value": gettext_lazy("Diện tích không được âm.")},
            "total_investment": AMOUNT_MESSAGES | {"min_value": gettext_lazy("Tổng vốn đầu tư không được âm.")},
            "latitude": COORDINATE_MESSAGES
            | {
                "min_value": gettext_lazy("Vĩ độ phải từ -90 đến 90."),
                "max_value": gettext_lazy("Vĩ độ phải từ -90 đến 90."),
            },
            "longitude": COORDINATE_MESSAGES
            | {
                "min_value": gettext_lazy("Kinh độ phải từ -180 đến 180."),
                "max_value": gettext_lazy("Kinh độ phải từ -180 đến 180."),
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year
        self.fields["latitude"].help_text = gettext("Ví dụ 18,8 (độ thập phân, bắc dương)")
        self.fields["longitude"].help_text = gettext("Ví dụ 105,6 (độ thập phân, đông dương)")
        public_note = gettext("Hiện trên trang công khai khi dự án được công bố; không ghi thông tin cá nhân.")
        for name in ("title_en", "scale_en", "description", "description_en"):
            self.fields[name].help_text = public_note
        self.fields["note"].help_text = gettext("Ghi chú nội bộ, không công bố.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None) and not self.errors.get("latitude") and not self.errors.get("longitude"):
            missing = "longitude" if lon is None else "latitude"
            self.add_error(missing, gettext("Cần nhập cả vĩ độ và kinh độ (hoặc để trống cả hai)."))
        return data


# ------------------------------------------------------------------------------------------- workflow steps


class AppraiseForm(forms.Form):
    appraised_on = date_field(gettext_lazy("Ngày thẩm định"))
    appraisal_note = forms.CharField(
        label=gettext_lazy("Ý kiến thẩm định"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Cần ghi ý kiến thẩm định.")},
    )


class AidApproveForm(forms.Form):
    approval_ref = forms.CharField(
        label=gettext_lazy("Số quyết định phê duyệt"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số quyết định phê duyệt.")},
    )
    approved_on = date_field(gettext_lazy("Ngày phê duyệt"))
    approving_authority = forms.CharField(
        label=gettext_lazy("Cấp phê duyệt"), max_length=255, required=False, initial="Chủ tịch UBND tỉnh"
    )


class StartForm(forms.Form):
    started_on = date_field(gettext_lazy("Ngày bắt đầu triển khai"))


class CloseForm(forms.Form):
    closed_on = date_field(gettext_lazy("Ngày kết thúc"))
    result = forms.CharField(
        label=gettext_lazy("Kết quả thực hiện"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": gettext_lazy("Cần ghi kết quả thực hiện.")},
    )


class PublishForm(forms.Form):
    public = forms.BooleanField(
        label=gettext_lazy("Công bố trên trang công khai"), required=False, initial=True, widget=forms.CheckboxInput()
    )


def investor_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Partner.objects.select_related("country"), label=gettext("Nhà đầu tư (trong danh mục đối tác)"), required=False
    )


class TalksForm(forms.Form):
    investor = investor_field()
    investor_text = forms.CharField(label=gettext_lazy("Nhà đầu tư (ghi cụ thể)"), max_length=500, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("investor") and not data.get("investor_text"):
            self.add_error("investor_text", gettext("Cần chọn hoặc ghi tên nhà đầu tư."))
        return data


class AwardForm(forms.Form):
    decision_ref = forms.CharField(
        label=gettext_lazy("Số quyết định chấp thuận nhà đầu tư"),
        max_length=64,
        error_messages={"required": gettext_lazy("Cần nhập số quyết định chấp thuận nhà đầu tư.")},
    )
    decision_date = date_field(gettext_lazy("Ngày quyết định"))
    investor = investor_field()
    investor_text = forms.CharField(
        label=gettext_lazy("Nhà đầu tư (ghi cụ thể)"),
        max_length=500,
        required=False,
        help_text=gettext_lazy("Để trống nếu đã ghi khi đàm phán"),
    )
