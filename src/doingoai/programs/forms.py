"""Forms of the programme, its items and its workflow steps (field names are the services' arguments)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone

from doingoai.core.forms import CommentForm, DateInput, RegistryForm, date_field
from doingoai.core.models import Unit
from doingoai.programs.models import Program, ProgramItem
from doingoai.programs.selectors import next_item_order

__all__ = ["CommentForm", "IssueForm", "OpenAdjustmentForm", "ProgramForm", "ProgramItemForm", "RecordVersionForm"]

SECTION_RE = re.compile(r"^[IVXLC]+(\.(\d+|[a-zđ]{1,2}|[-+]))*\.?$")


class ProgramForm(RegistryForm):
    class Meta:
        model = Program
        fields = [
            "year",
            "title",
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
        error_messages = {"year": {"unique": "Năm này đã có Chương trình; hãy mở Chương trình đó để sửa."}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year + 1
        self.fields["year"].error_messages["invalid"] = "Năm phải là một số, ví dụ 2027."

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not 2000 <= year <= timezone.localdate().year + 5:
            raise forms.ValidationError("Năm của Chương trình không hợp lệ.")
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        year, deadline = data.get("year"), data.get("adjustment_deadline")
        if year and deadline and deadline.year != year:
            self.add_error("adjustment_deadline", f"Hạn điều chỉnh phải trong năm {year}.")
        return data


class ProgramItemForm(RegistryForm):
    class Meta:
        model = ProgramItem
        fields = [
            "program",
            "parent",
            "order",
            "section",
            "pillar",
            "domain",
            "text",
            "lead_unit",
            "coordinating_units",
            "deadline",
            "progress",
            "progress_note",
        ]
        widgets = {"deadline": DateInput(), "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        if not self.instance.pk:
            self.initial.setdefault("order", None)  # empty: the new item goes after its siblings
            self.fields["order"].help_text = "Để trống để xếp sau các mục cùng cấp; số nhỏ đứng trước."
        units = Unit.objects.filter(active_to__isnull=True)
        self.fields["lead_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["coordinating_units"].queryset = units  # type: ignore[attr-defined]
        program_id = self.data.get("program") or self.initial.get("program") or self.instance.program_id
        parents = ProgramItem.objects.select_related("program")
        if str(program_id or "").isdigit():
            parents = parents.filter(program_id=int(program_id))
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        self.fields["parent"].empty_label = "— Mục lớn (không thuộc mục nào) —"  # type: ignore[attr-defined]

    def clean_section(self) -> str:
        section = self.cleaned_data.get("section", "").strip().replace(" ", "")
        if section and not SECTION_RE.match(section):
            raise forms.ValidationError("Số mục viết như II, II.4 hoặc II.4.a (số La Mã, số, chữ cái, dấu chấm).")
        return section.rstrip(".")

    def clean_progress(self) -> int | None:
        progress = self.cleaned_data.get("progress")
        if progress is not None and progress > 100:
            raise forms.ValidationError("Tiến độ tính theo phần trăm, từ 0 đến 100.")
        return progress

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        program, parent = data.get("program"), data.get("parent")
        if program and parent:
            if parent.program_id != program.pk:
                self.add_error("parent", "Mục cha phải thuộc cùng Chương trình.")
            elif self.instance.pk and self._is_descendant(parent):
                self.add_error("parent", "Không thể đặt một mục vào trong chính nó hoặc mục con của nó.")
        if program and data.get("order") is None:
            data["order"] = next_item_order(program=program, parent=parent)
        return data

    def _is_descendant(self, candidate: ProgramItem) -> bool:
        node: ProgramItem | None = candidate
        while node is not None:
            if node.pk == self.instance.pk:
                return True
            node = node.parent
        return False


class IssueForm(forms.Form):
    number = forms.CharField(
        label="Số văn bản",
        max_length=64,
        help_text="Ví dụ: 818/CTr-UBND",
        error_messages={"required": "Cần nhập số văn bản."},
    )
    issued_on = date_field("Ngày ban hành")
    signer_name = forms.CharField(
        label="Họ tên người ký", max_length=128, error_messages={"required": "Cần nhập họ tên người ký."}
    )
    signer_position = forms.CharField(
        label="Chức vụ người ký",
        max_length=128,
        initial="Phó Chủ tịch",
        error_messages={"required": "Cần nhập chức vụ người ký."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class OpenAdjustmentForm(forms.Form):
    deadline = date_field("Hạn gửi đề xuất điều chỉnh", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deadline"].help_text = "Để trống: theo hạn ghi trong Chương trình (30/3 theo mặc định)."
        self.fields["deadline"].widget.attrs.setdefault("class", "form-control")


class RecordVersionForm(forms.Form):
    note = forms.CharField(
        label="Ghi chú phiên bản",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text="Ví dụ: Điều chỉnh theo đề xuất của các đơn vị, đợt tháng 3.",
    )
