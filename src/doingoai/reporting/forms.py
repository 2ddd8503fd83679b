from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.choices import QUARTER_LABELS, Role, UnitKind
from doingoai.core.filters import LookupSelect
from doingoai.core.forms import REQUIRED, CommentForm, date_field
from doingoai.core.models import Unit
from doingoai.core.permissions import role_of
from doingoai.programs.models import Plan
from doingoai.reporting.models import SECTIONS, PeriodKind, ReportingSchedule

__all__ = ["AttachmentForm", "CommentForm", "PeriodForm", "UnitReportForm"]

# The units a programme asks to report (its closing section): departments, mass organisations, armed forces and
# districts; the coordinator ticks or unticks others.
DEFAULT_REPORTING_KINDS = (UnitKind.DEPARTMENT, UnitKind.MASS_ORG, UnitKind.ARMED_FORCE, UnitKind.DISTRICT)
MONTHS = [(m, format_lazy(gettext_lazy("Tháng {month}"), month=m)) for m in range(1, 13)]
SUGGESTION_INPUTS = ("plan", "schedule", "kind", "year", "month", "quarter")


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        number = f" ({obj.number})" if obj.number else ""
        return f"{obj.display_title}{number}"


def active_units() -> Any:
    today = timezone.localdate()
    return Unit.objects.filter(Q(active_to__isnull=True) | Q(active_to__gte=today)).order_by("kind", "name")


def default_units() -> list[int]:
    return list(
        active_units().filter(kind__in=DEFAULT_REPORTING_KINDS, is_coordinator=False).values_list("pk", flat=True)
    )


class PeriodForm(forms.Form):
    plan = PlanChoiceField(
        Plan.objects.none(),
        label=gettext_lazy("Kế hoạch"),
        required=False,
        empty_label=gettext_lazy("Chương trình hoạt động đối ngoại của năm"),
        help_text=gettext_lazy(
            "Báo cáo gửi cơ quan theo dõi của kế hoạch; đơn vị và hạn nộp được đề xuất theo kế hoạch."
        ),
    )
    schedule = forms.ModelChoiceField(
        ReportingSchedule.objects.all(),
        label=gettext_lazy("Lịch báo cáo"),
        required=False,
        empty_label=gettext_lazy("Mặc định (cài đặt hệ thống)"),
        help_text=gettext_lazy("Hạn nộp được đề xuất theo lịch này; có thể sửa trước khi mở kỳ."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Loại kỳ báo cáo"), choices=PeriodKind.choices)
    year = forms.IntegerField(
        label=gettext_lazy("Năm"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": gettext_lazy("Cần nhập năm."),
            "invalid": gettext_lazy("Năm phải là số."),
            "min_value": gettext_lazy("Năm không hợp lệ."),
            "max_value": gettext_lazy("Năm không hợp lệ."),
        },
    )
    month = forms.TypedChoiceField(label=gettext_lazy("Tháng"), choices=MONTHS, coerce=int, required=False)
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Quý"), choices=list(QUARTER_LABELS.items()), coerce=int, required=False
    )
    label = forms.CharField(
        label=gettext_lazy("Tên kỳ báo cáo"),
        max_length=255,
        error_messages={"required": gettext_lazy("Cần nhập tên kỳ báo cáo.")},
    )
    start = date_field(gettext_lazy("Từ ngày"))
    end = date_field(gettext_lazy("Đến ngày"))
    due_date = date_field(gettext_lazy("Hạn nộp"))
    basis = forms.CharField(
        label=gettext_lazy("Căn cứ hạn nộp"), max_length=500, required=False, widget=forms.HiddenInput
    )
    units = forms.ModelMultipleChoiceField(
        Unit.objects.none(),
        label=gettext_lazy("Đơn vị phải báo cáo"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Cần chọn ít nhất một đơn vị phải báo cáo.")},
    )
    note = forms.CharField(label=gettext_lazy("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, plans: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = active_units()  # type: ignore[attr-defined]
        if plans is not None:
            self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        for name, field in self.fields.items():
            field.error_messages.setdefault("required", REQUIRED)
            if name == "units" or isinstance(field.widget, forms.HiddenInput):
                continue
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            if name in SUGGESTION_INPUTS:
                css += " js-suggest"  # a change refreshes the suggested label and dates (htmx)
            field.widget.attrs.setdefault("class", css)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end, due = data.get("start"), data.get("end"), data.get("due_date")
        if start and end and end < start:
            self.add_error("end", gettext("Ngày kết thúc kỳ báo cáo không được trước ngày bắt đầu."))
        if start and due and due < start:
            self.add_error("due_date", gettext("Hạn nộp không được trước ngày bắt đầu kỳ báo cáo."))
        return data

    def show_duplicate(self, message: str) -> None:
        """A refused duplicate: the message beside the name and the dates, so the coordinator sees what to change."""
        self.add_error(None, message)
        for name in ("label", "start", "end"):
            self.fields[name].widget.attrs["aria-invalid"] = "true"

    def units_by_kind(self) -> list[tuple[str, list[Any]]]:
        """The unit checkboxes grouped by kind of unit, in the programme's order."""
        labels = dict(UnitKind.choices)
        kinds = {u.pk: u.kind for u in self.fields["units"].queryset}  # type: ignore[attr-defined]
        groups: dict[str, list[Any]] = {}
        for box in self["units"]:
            groups.setdefault(kinds.get(box.data["value"].value, ""), []).append(box)
        return [(str(labels.get(k, k)), groups[k]) for k in UnitKind.values if k in groups]


class UnitReportForm(forms.Form):
    """One text per section; the registry figures are shown beside them, not typed."""

    def __init__(self, *args: Any, sections: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sections = sections if sections is not None else SECTIONS
        for i, (key, label) in enumerate(self.sections, start=1):
            self.fields[key] = forms.CharField(
                label=f"{i}. {label}",
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
                error_messages={"max_length": gettext("Mục “%(label)s” dài quá 20.000 ký tự.") % {"label": label}},
            )

    def texts(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key, _ in self.sections}


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp đính kèm"),
        error_messages={
            "required": gettext_lazy("Cần chọn tệp để đính kèm."),
            "empty": gettext_lazy("Tệp đính kèm rỗng."),
            "invalid": gettext_lazy("Tệp đính kèm không hợp lệ."),
        },
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
    )


class DeadlineUnitForm(forms.Form):
    """The deadline page's unit filter (`?unit=<id>`): only the chosen unit and a search box, as a national
    deployment has ~1,700 units. A unit officer may choose only its own unit (it sees no other's deadlines)."""

    unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị"),
        required=False,
        queryset=Unit.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
        widget=LookupSelect("unit", attrs={"class": "form-select form-select-sm w-auto", "data-autosubmit": ""}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if role_of(user) == Role.UNIT_OFFICER:
            field = self.fields["unit"]
            field.queryset = Unit.objects.filter(pk=user.unit_id)  # type: ignore[attr-defined]
            field.widget = forms.Select(attrs={"class": "form-select form-select-sm w-auto", "data-autosubmit": ""})
            field.widget.choices = field.choices  # type: ignore[attr-defined]
