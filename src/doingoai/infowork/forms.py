from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core.forms import DateInput, RegistryForm, StyledForm, date_field
from doingoai.infowork.models import (
    Commemoration,
    FalseInfoCase,
    InfoProduct,
    Language,
    PressRelease,
    RiskLevel,
    TranslationStatus,
)
from doingoai.programs.models import PlanKind, PlanTask

DATE_MESSAGES = {"invalid": gettext_lazy("Ngày không hợp lệ (ngày/tháng/năm).")}
URL_MESSAGES = {"invalid": gettext_lazy("Đường dẫn không hợp lệ (cần bắt đầu bằng http:// hoặc https://).")}


def url_field(label: StrOrPromise) -> forms.URLField:
    return forms.URLField(
        label=label, max_length=500, required=False, error_messages=URL_MESSAGES, assume_scheme="https"
    )


class InfoProductForm(RegistryForm):
    class Meta:
        model = InfoProduct
        fields = [
            "year",
            "title",
            "kind",
            "topic",
            "pillar",
            "producing_unit",
            "channel",
            "outlet",
            "planned_on",
            "link",
            "file",
            "plan_task",
            "public",
            "note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "planned_on": DateInput(),
        }
        error_messages = {"planned_on": DATE_MESSAGES, "link": URL_MESSAGES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The tasks of the external-information plans only (not the programme's hundreds of items).
        self.fields["plan_task"].queryset = PlanTask.objects.filter(  # type: ignore[attr-defined]
            plan__kind=PlanKind.INFORMATION
        ).select_related("plan")
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        planned, year = data.get("planned_on"), data.get("year")
        if planned and year and planned.year != year:
            self.add_error("planned_on", gettext("Ngày dự kiến phát hành phải thuộc năm của sản phẩm."))
        return data


class PressReleaseForm(RegistryForm):
    class Meta:
        model = PressRelease
        fields = [
            "kind",
            "date",
            "title",
            "spokesperson",
            "issuing_unit",
            "outlets",
            "press_visit",
            "link",
            "file",
            "note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "outlets": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "date": DateInput(),
        }
        error_messages = {"date": DATE_MESSAGES, "link": URL_MESSAGES}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("date"):
            data["year"] = data["date"].year  # the year filters and reports count by
        return data


class FalseInfoCaseForm(RegistryForm):
    class Meta:
        model = FalseInfoCase
        fields = [
            "detected_on",
            "channel",
            "source",
            "source_link",
            "topic",
            "summary",
            "risk",
            "handling_unit",
            "note",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "detected_on": DateInput(),
        }
        error_messages = {"detected_on": DATE_MESSAGES, "source_link": URL_MESSAGES}

    def clean_detected_on(self) -> Any:
        value = self.cleaned_data.get("detected_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(gettext("Ngày phát hiện không được sau ngày hôm nay."))
        return value


class CommemorationForm(RegistryForm):
    class Meta:
        model = Commemoration
        fields = ["kind", "title", "date", "country", "partner", "yearly", "greetings", "source", "note"]
        widgets = {"date": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"date": DATE_MESSAGES}


# ------------------------------------------------------------------------------------------- workflow steps


class ReviseForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Nội dung cần chỉnh sửa"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Cần ghi nội dung yêu cầu chỉnh sửa.")},
    )


class PublishForm(forms.Form):
    published_on = date_field(gettext_lazy("Ngày phát hành"))
    outlet = forms.CharField(label=gettext_lazy("Cơ quan báo chí, trang đăng"), max_length=255, required=False)
    link = url_field(gettext_lazy("Đường dẫn"))


class ReachForm(forms.Form):
    reach = forms.IntegerField(
        label=gettext_lazy("Lượt tiếp cận"),
        min_value=0,
        error_messages={
            "required": gettext_lazy("Cần nhập lượt tiếp cận."),
            "invalid": gettext_lazy("Cần nhập một số nguyên."),
        },
    )


class AssessForm(forms.Form):
    risk = forms.ChoiceField(label=gettext_lazy("Mức độ nguy cơ"), choices=RiskLevel.choices)
    assessment = forms.CharField(
        label=gettext_lazy("Đánh giá"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Cần ghi nội dung đánh giá.")},
    )


class AnswerForm(forms.Form):
    answered_on = date_field(gettext_lazy("Ngày phản bác"))
    response = forms.CharField(
        label=gettext_lazy("Nội dung phản bác, đính chính"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Cần ghi nội dung phản bác.")},
    )
    response_where = forms.CharField(
        label=gettext_lazy("Nơi đăng tải"),
        max_length=500,
        error_messages={"required": gettext_lazy("Cần ghi nơi đăng tải phản bác.")},
    )
    response_link = url_field(gettext_lazy("Đường dẫn"))


class CloseForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("Ghi chú"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


# ------------------------------------------------------------------------------------- language versions


class VersionForm(StyledForm):
    language = forms.ChoiceField(label=gettext_lazy("Ngôn ngữ"), choices=Language.choices)
    title = forms.CharField(label=gettext_lazy("Tên theo ngôn ngữ này"), max_length=500, required=False)
    summary = forms.CharField(label=gettext_lazy("Tóm tắt"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    translator = forms.CharField(label=gettext_lazy("Người, đơn vị dịch"), max_length=255, required=False)
    translation_status = forms.ChoiceField(
        label=gettext_lazy("Tình trạng bản dịch"),
        choices=[c for c in TranslationStatus.choices if c[0] != TranslationStatus.REVIEWED],
    )
    link = url_field(gettext_lazy("Đường dẫn"))


class VersionReviewForm(StyledForm):
    reviewer = forms.CharField(
        label=gettext_lazy("Người thẩm định"),
        max_length=255,
        error_messages={"required": gettext_lazy("Cần ghi họ tên người thẩm định.")},
    )


class CommemorationTaskForm(StyledForm):
    """A plan task from a day of the calendar: which plan, under which heading, who leads, by when."""

    plan = forms.ModelChoiceField(label=gettext_lazy("Kế hoạch"), queryset=PlanTask.objects.none(), empty_label=None)
    text = forms.CharField(label=gettext_lazy("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2}))
    deadline = date_field(gettext_lazy("Thời hạn"))
    lead_unit = forms.ModelChoiceField(label=gettext_lazy("Cơ quan chủ trì"), queryset=PlanTask.objects.none())
