from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.border.models import BorderGate, BorderMarker, MarkerInspection
from doingoai.border.numbers import marker_sort_key, normalise_marker_number, parse_marker_number
from doingoai.core.forms import DateInput, RegistryForm

# The Vietnam–Laos border lies within these degrees: a coordinate outside is a typing mistake.
LATITUDES = (Decimal(13), Decimal(23))
LONGITUDES = (Decimal(100), Decimal(110))
PHOTO_MAX_BYTES = 8 * 1024 * 1024


class CoordinatesForm(RegistryForm):
    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            self.add_error("longitude" if lon is None else "latitude", gettext("Cần nhập đủ cả vĩ độ và kinh độ."))
        if lat is not None and not LATITUDES[0] <= lat <= LATITUDES[1]:
            self.add_error(
                "latitude",
                gettext("Vĩ độ %(lat)s nằm ngoài khu vực biên giới Việt Nam – Lào (13° – 23° Bắc).") % {"lat": lat},
            )
        if lon is not None and not LONGITUDES[0] <= lon <= LONGITUDES[1]:
            self.add_error(
                "longitude",
                gettext("Kinh độ %(lon)s nằm ngoài khu vực biên giới Việt Nam – Lào (100° – 110° Đông).")
                % {"lon": lon},
            )
        return data


class BorderMarkerForm(CoordinatesForm):
    class Meta:
        model = BorderMarker
        fields = [
            "number",
            "kind",
            "commune",
            "district",
            "admin_commune",
            "facing_province",
            "facing_province_text",
            "latitude",
            "longitude",
            "status",
            "note",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.inspections.exists():
            # The status follows the latest inspection once there is one.
            del self.fields["status"]
        else:
            self.fields["status"].label = gettext("Tình trạng (khi chưa có lần kiểm tra nào)")

    def clean_number(self) -> str:
        number = normalise_marker_number(self.cleaned_data["number"])
        if parse_marker_number(number) is None:
            raise forms.ValidationError(
                gettext("Số hiệu mốc “%(number)s” không đúng dạng: ví dụ 390; 405(1); 397(2); 397/7(1).")
                % {"number": number}
            )
        taken = BorderMarker.objects.filter(sort_key=marker_sort_key(number)).exclude(pk=self.instance.pk).first()
        if taken is not None:
            raise forms.ValidationError(
                gettext("Số hiệu mốc %(number)s đã có trong sổ (%(taken)s).") % {"number": number, "taken": taken}
            )
        return number


class BorderGateForm(CoordinatesForm):
    class Meta:
        model = BorderGate
        fields = [
            "name",
            "gate_class",
            "commune",
            "district",
            "facing_gate",
            "facing_province",
            "upgrade_status",
            "upgrade_to",
            "upgrade_note",
            "latitude",
            "longitude",
            "note",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        status, target = data.get("upgrade_status"), data.get("upgrade_to")
        if status and status != "none" and not target:
            self.add_error("upgrade_to", gettext("Cần chọn loại cửa khẩu sau khi nâng cấp."))
        if target and target == data.get("gate_class"):
            self.add_error("upgrade_to", gettext("Loại cửa khẩu sau khi nâng cấp phải khác loại hiện tại."))
        return data


class MarkerInspectionForm(RegistryForm):
    class Meta:
        model = MarkerInspection
        fields = ["marker", "inspected_on", "inspector_unit", "status_found", "note", "photo"]
        widgets = {"inspected_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["photo"].error_messages["invalid_image"] = gettext(
            "Tệp ảnh chụp không phải là ảnh hợp lệ (chấp nhận JPG, PNG, WEBP)."
        )

    def clean_inspected_on(self) -> Any:
        day = self.cleaned_data["inspected_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(gettext("Ngày kiểm tra không được sau ngày hôm nay."))
        return day

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo and getattr(photo, "size", 0) > PHOTO_MAX_BYTES:
            raise forms.ValidationError(gettext("Ảnh chụp quá lớn (tối đa 8 MB)."))
        return photo
