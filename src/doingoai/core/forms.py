"""Base form of every registry: Bootstrap classes, Vietnamese messages, the owner unit fixed for officers."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from doingoai.core.choices import Role
from doingoai.core.models import Country, Partner, Unit

REQUIRED = "Trường này là bắt buộc."
CONTROL_CHARACTERS = "Văn bản có ký tự điều khiển không hợp lệ."
# C0 and C1 controls and DEL, but tab, line feed and carriage return (text typed in a textarea); lone surrogates,
# which no database or page can encode, arrive only through the API's JSON escapes ("\ud800").
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def refuse_control_characters(value: Any) -> None:
    """A validator of text (or of a list of texts, as aliases): no control characters but tab and new lines."""
    texts = value if isinstance(value, list | tuple) else [value]
    if any(isinstance(text, str) and CONTROL.search(text) for text in texts):
        raise forms.ValidationError(CONTROL_CHARACTERS, code="control_characters")


def guard_text_fields(form: forms.BaseForm) -> None:
    """Every text field of `form` refuses control characters (Django's own check covers only NUL)."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and refuse_control_characters not in field.validators:
            kept = [v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)]
            field.validators = [*kept, refuse_control_characters]


class RegistryForm(forms.ModelForm):
    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        owner = getattr(self._meta.model, "owner_field", None)
        if owner and owner in self.fields:
            self.fields[owner].queryset = Unit.objects.filter(active_to__isnull=True)  # type: ignore[attr-defined]
            if user is not None and user.role == Role.UNIT_OFFICER:
                # An officer proposes for their own unit only.
                del self.fields[owner]
                setattr(self.instance, f"{owner}_id", user.unit_id)
        style_fields(self)


def style_fields(form: forms.BaseForm) -> None:
    """Bootstrap classes and Vietnamese messages on every field of `form`; text fields refuse control characters."""
    guard_text_fields(form)
    for field in form.fields.values():
        field.error_messages.setdefault("required", REQUIRED)
        field.error_messages["required"] = REQUIRED
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")
        if isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("rows", 3)
        if isinstance(widget, forms.SelectMultiple):
            widget.attrs.setdefault("size", 6)
        # Querysets stay lazy here: forms are also built where no database exists yet (API schema, migrate).
        if isinstance(field, forms.ModelChoiceField):
            if not isinstance(field, forms.ModelMultipleChoiceField):
                field.empty_label = "— Chọn —"
        elif isinstance(field, forms.ChoiceField) and field.choices:
            field.choices = [
                ("", "— Chọn —") if value == "" else (value, label)
                for value, label in list(field.choices)  # type: ignore[arg-type]
            ]


class StyledForm(forms.Form):
    """A plain form (a workflow step, a page of its own) styled like the registry forms."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style_fields(self)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label: str, required: bool = True) -> forms.DateField:
    """A date input with Vietnamese messages naming the field."""
    return forms.DateField(
        label=label,
        widget=DateInput(),
        required=required,
        error_messages={
            "required": f"Cần nhập {label[0].lower()}{label[1:]}.",
            "invalid": "Ngày không hợp lệ (ngày/tháng/năm).",
        },
    )


def countries_field(label: str = "Nước") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(Country.objects.all(), label=label, required=False)


def partners_field(label: str = "Đối tác") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(Partner.objects.select_related("country"), label=label, required=False)


class AliasesField(forms.CharField):
    """Aliases edited one per line, stored as a JSON list."""

    widget = forms.Textarea

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.replace(";", "\n").splitlines() if line.strip()]


class UnitForm(RegistryForm):
    class Meta:
        model = Unit
        fields = ["name", "short_name", "kind", "parent", "is_coordinator", "email", "active_from", "active_to", "note"]
        widgets = {"active_from": DateInput(), "active_to": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("active_from"), data.get("active_to")
        if start and end and end < start:
            self.add_error("active_to", "Ngày kết thúc hoạt động không được trước ngày bắt đầu.")
        return data


class PartnerForm(RegistryForm):
    aliases = AliasesField(label="Tên gọi khác", required=False, help_text="Mỗi dòng một cách viết")

    class Meta:
        model = Partner
        fields = ["name", "kind", "country", "aliases", "friendship_since", "mou_since", "sister_since", "note"]
        widgets = {"friendship_since": DateInput(), "mou_since": DateInput()}


class CountryForm(RegistryForm):
    aliases = AliasesField(label="Tên gọi khác", required=False, help_text="Mỗi dòng một cách viết")

    class Meta:
        model = Country
        fields = ["code", "name_vi", "name_en", "region", "aliases"]


class DiplomaticRelationForm(RegistryForm):
    class Meta:
        from doingoai.core.models import DiplomaticRelation

        model = DiplomaticRelation
        fields = ["code", "name_vi", "country", "established_on", "kind", "confidence"]
        widgets = {"established_on": DateInput()}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Lý do", widget=forms.Textarea(attrs={"rows": 3}), error_messages={"required": "Cần ghi lý do."}
    )


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Ý kiến gửi đơn vị",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Cần ghi ý kiến để đơn vị chỉnh sửa."},
    )
