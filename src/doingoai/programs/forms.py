"""Forms of plans, their tasks, committees and the workflow steps (field names are the services' arguments)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core import permissions
from doingoai.core.choices import FundingSource, Role
from doingoai.core.forms import CommentForm, DateInput, RegistryForm, StyledForm, date_field
from doingoai.core.models import Unit
from doingoai.core.schedule import entries_to_text, parse_regime
from doingoai.programs.models import (
    OVERDUE,
    CommitteeMember,
    Pillar,
    Plan,
    PlanKind,
    PlanTask,
    SteeringCommittee,
    TaskStatus,
)
from doingoai.programs.selectors import TaskFilter, next_item_order, plan_lead_units

__all__ = [
    "CommentForm",
    "CommitteeForm",
    "CommitteeMemberForm",
    "IssueForm",
    "NoteForm",
    "OpenAdjustmentForm",
    "OptionalCommentForm",
    "PlanForm",
    "PlanTaskForm",
    "ProgressForm",
    "RecordVersionForm",
    "RequiredCommentForm",
    "TaskFilterForm",
]

SECTION_RE = re.compile(r"^[IVXLC]+(\.(\d+|[a-zđ]{1,2}|[-+]))*\.?$")


class PlanForm(RegistryForm):
    reporting_text = forms.CharField(
        label=gettext_lazy("Chế độ báo cáo"),
        required=False,
        help_text=gettext_lazy(
            "Loại kỳ và hạn nộp, cách nhau dấu phẩy: monthly:20 (ngày 20 hằng tháng), semiannual:06-15 "
            "(ngày 15/6), annual:12-15, quarterly:+10 (10 ngày sau kỳ). Để trống: theo lịch báo cáo chung."
        ),
    )

    class Meta:
        model = Plan
        fields = [
            "kind",
            "year",
            "year_to",
            "title",
            "issuer",
            "committee",
            "coordinating_unit",
            "units",
            "parent",
            "response_days",
            "reporting_text",
            "source_file",
            "planned_outbound",
            "planned_inbound",
            "planned_conferences",
            "planned_agreements",
            "adjustment_deadline",
            "signer_name",
            "signer_position",
            "preamble",
            "closing",
            "recipients",
            "note",
        ]
        widgets = {"adjustment_deadline": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year + 1
        self.fields["kind"].required = False  # empty: the year's foreign-affairs programme
        for name in ("year", "year_to"):
            self.fields[name].error_messages["invalid"] = gettext("Năm phải là một số, ví dụ 2027.")
        units = Unit.objects.filter(active_to__isnull=True)
        self.fields["coordinating_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        parents = Plan.objects.restrict(self.user, "view") if self.user is not None else Plan.objects.all()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        self.fields["reporting_text"].initial = entries_to_text(self.instance.reporting or [])
        if self.user is not None and permissions.role_of(self.user) == Role.UNIT_OFFICER:
            # An officer's plan is followed up by the officer's unit (a unit's implementation plan).
            del self.fields["coordinating_unit"]
            if not self.instance.pk:
                self.instance.coordinating_unit_id = self.user.unit_id
            if not self.instance.pk or self.instance.kind != PlanKind.PROGRAM:  # the programme is the coordinator's
                if not self.instance.pk:
                    self.initial["kind"] = ""
                kind = self.fields["kind"]
                kind.choices = [c for c in kind.choices if c[0] != PlanKind.PROGRAM]  # type: ignore[attr-defined]
                kind.required = True
        elif not self.instance.pk and self.user is not None and not self.is_bound:
            # The province's coordinating unit follows up a new plan unless another is chosen.
            coordinator = Unit.objects.filter(is_coordinator=True).values_list("pk", flat=True).first()
            self.initial.setdefault("coordinating_unit", coordinator)

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or PlanKind.PROGRAM

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not 2000 <= year <= timezone.localdate().year + 5:
            raise forms.ValidationError(
                gettext("Năm %(year)s không hợp lệ: từ 2000 đến %(year_2)s.")
                % {"year": year, "year_2": timezone.localdate().year + 5}
            )
        return year

    def clean_reporting_text(self) -> str:
        text = self.cleaned_data.get("reporting_text", "")
        try:
            self.cleaned_data["reporting"] = parse_regime(text)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        year, year_to, deadline = data.get("year"), data.get("year_to"), data.get("adjustment_deadline")
        if year and deadline and deadline.year != year:
            self.add_error("adjustment_deadline", gettext("Hạn điều chỉnh phải trong năm %(year)s.") % {"year": year})
        if year and year_to and not year <= year_to <= year + 10:
            self.add_error(
                "year_to", gettext("“Đến năm” phải từ %(year)s đến %(year_2)s.") % {"year": year, "year_2": year + 10}
            )
        if data.get("kind") == PlanKind.PROGRAM and year_to and year_to != year:
            self.add_error("year_to", gettext("Chương trình hoạt động đối ngoại là chương trình của một năm."))
        if "reporting" in self.cleaned_data:
            data["reporting"] = self.cleaned_data["reporting"]
        return data


class PlanTaskForm(RegistryForm):
    class Meta:
        model = PlanTask
        fields = [
            "plan",
            "parent",
            "order",
            "section",
            "pillar",
            "domain",
            "text",
            "lead_unit",
            "coordinating_units",
            "deadline",
            "recurrence",
            "expected_output",
        ]
        widgets = {"deadline": DateInput(), "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        if not self.instance.pk:
            self.initial.setdefault("order", None)  # empty: the new item goes after its siblings
            self.fields["order"].help_text = gettext("Để trống để xếp sau các mục cùng cấp; số nhỏ đứng trước.")
        units = Unit.objects.filter(active_to__isnull=True)
        self.fields["lead_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["coordinating_units"].queryset = units  # type: ignore[attr-defined]
        # Only the plans this user follows up (a plan's coordinating unit adds tasks to that plan alone).
        self.fields["plan"].queryset = Plan.objects.restrict(self.user, "change") if self.user else Plan.objects.all()  # type: ignore[attr-defined]
        plan_id = self.data.get("plan") or self.initial.get("plan") or self.instance.plan_id
        parents = PlanTask.objects.select_related("plan")
        if str(plan_id or "").isdigit():
            parents = parents.filter(plan_id=int(plan_id))
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        self.fields["parent"].empty_label = gettext("— Mục lớn (không thuộc mục nào) —")  # type: ignore[attr-defined]

    def clean_section(self) -> str:
        section = self.cleaned_data.get("section", "").strip().replace(" ", "")
        if section and not SECTION_RE.match(section):
            raise forms.ValidationError(
                gettext("Số mục viết như II, II.4 hoặc II.4.a (số La Mã, số, chữ cái, dấu chấm).")
            )
        return section.rstrip(".")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        plan, parent, deadline = data.get("plan"), data.get("parent"), data.get("deadline")
        if plan and parent:
            if parent.plan_id != plan.pk:
                self.add_error("parent", gettext("Mục cha phải thuộc cùng kế hoạch."))
            elif self.instance.pk and self._is_descendant(parent):
                self.add_error("parent", gettext("Không thể đặt một mục vào trong chính nó hoặc mục con của nó."))
        if plan and deadline and plan.issued_on and deadline < plan.issued_on:
            self.add_error(
                "deadline",
                gettext("Thời hạn trước ngày ban hành kế hoạch (%(issued_on)s).")
                % {"issued_on": format(plan.issued_on, "%d/%m/%Y")},
            )
        if plan and data.get("order") is None:
            data["order"] = next_item_order(plan=plan, parent=parent)
        return data

    def _is_descendant(self, candidate: PlanTask) -> bool:
        node: PlanTask | None = candidate
        while node is not None:
            if node.pk == self.instance.pk:
                return True
            node = node.parent
        return False


class ProgressForm(forms.Form):
    """The lead unit's progress report (the fields are the service's arguments)."""

    reported_on = date_field(gettext_lazy("Ngày báo cáo"), required=False)
    text = forms.CharField(
        label=gettext_lazy("Kết quả thực hiện"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Cần ghi kết quả thực hiện.")},
    )
    percent = forms.IntegerField(
        label=gettext_lazy("Tiến độ (%)"),
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "invalid": gettext_lazy("Tiến độ là một số từ 0 đến 100."),
            "min_value": gettext_lazy("Tiến độ từ 0 đến 100."),
            "max_value": gettext_lazy("Tiến độ từ 0 đến 100."),
        },
    )
    completed = forms.BooleanField(
        label=gettext_lazy("Đã hoàn thành nhiệm vụ (đề nghị cơ quan theo dõi xác nhận)"), required=False
    )
    evidence = forms.FileField(
        label=gettext_lazy("Tệp minh chứng"),
        required=False,
        help_text=gettext_lazy("PDF, Word, Excel, ảnh; không bắt buộc"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reported_on"].help_text = gettext("Để trống: hôm nay")
        for field in self.fields.values():
            css = "form-check-input" if isinstance(field.widget, forms.CheckboxInput) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def clean_reported_on(self) -> Any:
        value = self.cleaned_data.get("reported_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(gettext("Ngày báo cáo chưa đến."))
        return value


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Nội dung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Cần ghi nội dung.")},
    )
    evidence = forms.FileField(label=gettext_lazy("Tệp kèm theo"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class OptionalCommentForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"})
    )


class RequiredCommentForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Ý kiến, lý do"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        error_messages={"required": gettext_lazy("Cần ghi ý kiến, lý do.")},
    )


class CommitteeForm(RegistryForm):
    class Meta:
        model = SteeringCommittee
        fields = ["name", "decision", "standing_unit", "helper_units", "active", "note"]


class CommitteeMemberForm(RegistryForm):
    class Meta:
        model = CommitteeMember
        fields = ["committee", "full_name", "position", "unit", "role", "term_start", "term_end"]
        widgets = {"term_start": DateInput(), "term_end": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", gettext("Ngày kết thúc nhiệm kỳ trước ngày bắt đầu."))
        return data


class IssueForm(forms.Form):
    number = forms.CharField(
        label=gettext_lazy("Số văn bản"),
        max_length=64,
        help_text=gettext_lazy("Ví dụ: 818/CTr-UBND"),
        error_messages={"required": gettext_lazy("Cần nhập số văn bản.")},
    )
    issued_on = date_field(gettext_lazy("Ngày ban hành"))
    signer_name = forms.CharField(
        label=gettext_lazy("Họ tên người ký"),
        max_length=128,
        error_messages={"required": gettext_lazy("Cần nhập họ tên người ký.")},
    )
    signer_position = forms.CharField(
        label=gettext_lazy("Chức vụ người ký"),
        max_length=128,
        initial="Phó Chủ tịch",
        error_messages={"required": gettext_lazy("Cần nhập chức vụ người ký.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class OpenAdjustmentForm(forms.Form):
    deadline = date_field(gettext_lazy("Hạn gửi đề xuất điều chỉnh"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deadline"].help_text = gettext("Để trống: theo hạn ghi trong Chương trình (30/3 theo mặc định).")
        self.fields["deadline"].widget.attrs.setdefault("class", "form-control")


class RecordVersionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Ghi chú phiên bản"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text=gettext_lazy("Ví dụ: Điều chỉnh theo đề xuất của các đơn vị, đợt tháng 3."),
    )


class TaskFilterForm(forms.Form):
    """The plan page's filters of its tasks (GET): lead unit (those of the plan), pillar, status or "overdue"."""

    lead_unit = forms.TypedChoiceField(
        label=gettext_lazy("Cơ quan chủ trì"), required=False, coerce=int, empty_value=None
    )
    pillar = forms.ChoiceField(
        label=gettext_lazy("Trụ cột"), required=False, choices=[("", gettext_lazy("Tất cả")), *Pillar.choices]
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Trạng thái"),
        required=False,
        choices=[("", gettext_lazy("Tất cả")), *TaskStatus.choices, OVERDUE],
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = plan_lead_units(plan=plan)
        self.fields["lead_unit"].choices = [("", gettext("Tất cả")), *units]  # type: ignore[attr-defined]

    def task_filter(self) -> TaskFilter:
        """The valid filters (an unknown value is ignored, as a list filter would)."""
        if not self.is_bound:
            return TaskFilter()
        self.is_valid()  # invalid fields are left out of cleaned_data
        data = self.cleaned_data
        return TaskFilter(
            lead_unit=data.get("lead_unit"), pillar=data.get("pillar") or "", status=data.get("status") or ""
        )


class BudgetAppraisalForm(StyledForm):
    """The finance department's appraisal of the programme (API: `amounts` = {"province": "1.234.000", …}; on
    the web, one field per funding source on the programme page)."""

    page_url = staticmethod(lambda plan: f"{plan.get_absolute_url()}#programme-budget")
    amounts = forms.JSONField(
        label=gettext_lazy("Kinh phí thẩm định theo nguồn"), help_text=gettext_lazy('{"mã nguồn": số tiền (đồng)}')
    )
    comment = forms.CharField(
        label=gettext_lazy("Ý kiến thẩm định"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_amounts(self) -> dict[str, Any]:
        value = self.cleaned_data.get("amounts")
        if not isinstance(value, dict) or not value:
            raise forms.ValidationError(gettext('Cần một đối tượng {"mã nguồn": số tiền}.'))
        for source, amount in value.items():
            if source not in FundingSource.values:
                raise forms.ValidationError(
                    gettext("Nguồn kinh phí “%(source)s” không có trong danh mục.") % {"source": source}
                )
            if isinstance(amount, bool) or not isinstance(amount, str | int | float):
                raise forms.ValidationError(gettext("Nguồn “%(source)s”: số tiền phải là một số.") % {"source": source})
        return {k: str(v) for k, v in value.items()}
