"""The calendar's filters: month, view (month grid or list), a day (its full list), the list's page, kinds, unit,
country."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.filters import FastSelect, LookupSelect
from doingoai.core.models import Country, Unit
from doingoai.dashboard.calendar_selectors import CalendarFilter, CalendarKind

# Months read mm/yyyy as the pages write them, whatever the browser's language; yyyy-mm (links, old bookmarks) too.
MONTH_RE = re.compile(r"^(?:(?P<m>\d{1,2})/(?P<y>\d{4})|(?P<y2>\d{4})-(?P<m2>\d{1,2}))$")


class CalendarFilterForm(forms.Form):
    month = forms.CharField(
        label=gettext_lazy("Tháng"),
        required=False,
        widget=forms.TextInput(
            attrs={
                "class": "form-control form-control-sm",
                "placeholder": "mm/yyyy",
                "inputmode": "numeric",
                "pattern": r"\d{1,2}/\d{4}",
                "title": "Tháng/năm, ví dụ 05/2026",
            }
        ),
    )
    view = forms.ChoiceField(
        label=gettext_lazy("Cách xem"),
        required=False,
        choices=[("month", "Lịch tháng"), ("list", "Danh sách")],
        widget=forms.HiddenInput,
    )
    # A day's full list (the link "+K mục khác" of a month's cell); ignored when the month asked for is another.
    day = forms.DateField(required=False, input_formats=["%Y-%m-%d"], widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)
    kind = forms.MultipleChoiceField(
        label=gettext_lazy("Loại việc"),
        required=False,
        choices=CalendarKind.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": gettext_lazy("Loại việc: “%(value)s” không có trong danh sách.")},
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị"),
        required=False,
        queryset=Unit.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        # Only the chosen unit and a search box: a national deployment has ~1,700 units.
        widget=LookupSelect("unit", attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": gettext_lazy("Đơn vị: không có đơn vị này.")},
    )
    country = forms.ModelChoiceField(
        label=gettext_lazy("Nước"),
        required=False,
        queryset=Country.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        widget=FastSelect(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": gettext_lazy("Nước: không có nước, vùng lãnh thổ này.")},
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_month(self) -> tuple[int, int]:
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return self.today.year, self.today.month
        match = MONTH_RE.match(value)
        year = int(match["y"] or match["y2"]) if match else 0
        month = int(match["m"] or match["m2"]) if match else 0
        if not (1 <= month <= 12) or not (1900 <= year <= 2200):
            raise forms.ValidationError(gettext("Tháng: nhập theo dạng tháng/năm, ví dụ 05/2026."))
        return year, month

    def values(self) -> dict[str, Any]:
        """The cleaned values, with the defaults in place of what is missing or wrong (errors stay shown)."""
        data = self.cleaned_data if self.is_bound else {}
        day = data.get("day")
        asked = data.get("month") if (self.data.get("month") or "").strip() else None
        if day is not None and asked not in (None, (day.year, day.month)):
            day = None  # the month was changed in the filters: leave the day for that month
        year, month = (day.year, day.month) if day else data.get("month") or (self.today.year, self.today.month)
        kinds = frozenset(data.get("kind") or CalendarKind.values)
        return {
            "year": year,
            "month": month,
            "view": "day" if day else data.get("view") or "month",
            "day": day,
            "page": data.get("page") or 1,
            "filters": CalendarFilter(kinds=kinds, unit=data.get("unit"), country=data.get("country")),
        }
