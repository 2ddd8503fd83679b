"""The calendar's filters: month, view (month grid or list), kinds, unit, country."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms

from doingoai.core.models import Country, Unit
from doingoai.dashboard.calendar_selectors import CalendarFilter, CalendarKind

MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


class CalendarFilterForm(forms.Form):
    month = forms.CharField(
        label="Tháng",
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "class": "form-control form-control-sm"}),
    )
    view = forms.ChoiceField(
        label="Cách xem",
        required=False,
        choices=[("month", "Lịch tháng"), ("list", "Danh sách")],
        widget=forms.HiddenInput,
    )
    kind = forms.MultipleChoiceField(
        label="Loại việc",
        required=False,
        choices=CalendarKind.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": "Loại việc: “%(value)s” không có trong danh sách."},
    )
    unit = forms.ModelChoiceField(
        label="Đơn vị",
        required=False,
        queryset=Unit.objects.all(),
        empty_label="Tất cả",
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": "Đơn vị: không có đơn vị này."},
    )
    country = forms.ModelChoiceField(
        label="Nước",
        required=False,
        queryset=Country.objects.all(),
        empty_label="Tất cả",
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": "Nước: không có nước, vùng lãnh thổ này."},
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_month(self) -> tuple[int, int]:
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return self.today.year, self.today.month
        match = MONTH_RE.match(value)
        if not match or not (1 <= int(match[2]) <= 12) or not (1900 <= int(match[1]) <= 2200):
            raise forms.ValidationError("Tháng: nhập theo dạng năm-tháng, ví dụ 2026-05.")
        return int(match[1]), int(match[2])

    def values(self) -> dict[str, Any]:
        """The cleaned values, with the defaults in place of what is missing or wrong (errors stay shown)."""
        data = self.cleaned_data if self.is_bound else {}
        year, month = data.get("month") or (self.today.year, self.today.month)
        kinds = frozenset(data.get("kind") or CalendarKind.values)
        return {
            "year": year,
            "month": month,
            "view": data.get("view") or "month",
            "filters": CalendarFilter(kinds=kinds, unit=data.get("unit"), country=data.get("country")),
        }
