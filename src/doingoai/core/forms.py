"""Base form of every registry: Bootstrap classes, Vietnamese messages, the owner unit fixed for officers."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core.adminunits import local_communes_q, local_former_districts_q
from doingoai.core.choices import Role, UnitKind
from doingoai.core.models import COMMUNE_KINDS, AdminUnitKind, Country, Partner, Unit
from doingoai.core.widgets import AliasSelect, AliasSelectMultiple, RemoteSelect, RemoteSelectMultiple

REQUIRED = gettext_lazy("Trường này là bắt buộc.")
CONTROL_CHARACTERS = gettext_lazy("Văn bản có ký tự điều khiển không hợp lệ.")
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


# Django's stock Vietnamese reads badly ("Nhập một số tổng thể.", "… lớn hơn hoặc bằng với 0 ."): reviewed
# messages by error code, used wherever a form has not said it in its own words.
REVIEWED_MESSAGES: dict[str, StrOrPromise] = {
    "min_value": gettext_lazy("Giá trị nhỏ nhất là %(limit_value)s."),
    "max_value": gettext_lazy("Giá trị lớn nhất là %(limit_value)s."),
    "max_length": gettext_lazy("Tối đa %(limit_value)d ký tự (đang có %(show_value)d)."),
    "min_length": gettext_lazy("Cần ít nhất %(limit_value)d ký tự (đang có %(show_value)d)."),
    "max_digits": gettext_lazy("Tối đa %(max)s chữ số."),
    "max_decimal_places": gettext_lazy("Tối đa %(max)s chữ số sau dấu phẩy."),
    "max_whole_digits": gettext_lazy("Tối đa %(max)s chữ số trước dấu phẩy."),
    "invalid_choice": gettext_lazy("Lựa chọn này không có trong danh sách."),
    "invalid_pk_value": gettext_lazy("Lựa chọn này không có trong danh sách."),
    "invalid_list": gettext_lazy("Cần chọn trong danh sách."),
    "step_size": gettext_lazy("Giá trị phải là bội số của %(limit_value)s."),
}
INVALID_BY_FIELD: list[tuple[type[forms.Field], StrOrPromise]] = [
    (forms.IntegerField, gettext_lazy("Cần nhập một số nguyên, ví dụ 12.")),
    (forms.DecimalField, gettext_lazy("Cần nhập một số, ví dụ 1.250.000 hoặc 2,5.")),
    (forms.FloatField, gettext_lazy("Cần nhập một số, ví dụ 2,5.")),
    (forms.DateTimeField, gettext_lazy("Thời điểm không hợp lệ (ngày/tháng/năm giờ:phút, ví dụ 03/06/2026 08:30).")),
    (forms.DateField, gettext_lazy("Ngày không hợp lệ (ngày/tháng/năm, ví dụ 03/06/2026).")),
    (forms.EmailField, gettext_lazy("Địa chỉ thư điện tử không hợp lệ.")),
    (forms.URLField, gettext_lazy("Địa chỉ trang web không hợp lệ.")),
]


def _stock_messages(field: forms.Field) -> dict[str, str]:
    messages: dict[str, str] = {}
    for cls in reversed(type(field).__mro__):
        messages.update({k: str(v) for k, v in getattr(cls, "default_error_messages", {}).items()})
    return messages


def review_messages(field: forms.Field) -> None:
    """The field's stock messages replaced with reviewed Vietnamese; a form's own messages stay."""
    stock = _stock_messages(field)
    for code, message in REVIEWED_MESSAGES.items():
        if code not in field.error_messages or str(field.error_messages[code]) == stock.get(code):
            field.error_messages[code] = message
    if str(field.error_messages.get("invalid", "")) == stock.get("invalid"):
        for kind, message in INVALID_BY_FIELD:
            if isinstance(field, kind):
                field.error_messages["invalid"] = message
                break


REMOTE_LOOKUPS = {"core.partner": "partner", "core.unit": "unit"}  # model → core:<name>_lookup


def style_fields(form: forms.BaseForm) -> None:
    """Bootstrap classes and Vietnamese messages on every field of `form`; text fields refuse control characters."""
    guard_text_fields(form)
    for field in form.fields.values():
        review_messages(field)
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
                field.empty_label = gettext("— Chọn —")
            # Countries and partners: found by their other names too (`aliases`), shown by their one name.
            model = field.queryset.model if field.queryset is not None else None
            remote = REMOTE_LOOKUPS.get(f"{model._meta.app_label}.{model._meta.model_name}") if model else None
            if remote is not None and type(widget) in (forms.Select, forms.SelectMultiple):
                # Partners and units: too many to send whole at national scale; fetched as the user types.
                multiple = type(widget) is forms.SelectMultiple
                field.widget = (RemoteSelectMultiple if multiple else RemoteSelect)(attrs=widget.attrs, lookup=remote)
                field.widget.choices = field.choices
                field.widget.is_required = widget.is_required
            elif model is not None and any(f.name == "aliases" for f in model._meta.fields):
                if type(widget) is forms.SelectMultiple:
                    widget.__class__ = AliasSelectMultiple
                elif type(widget) is forms.Select:
                    widget.__class__ = AliasSelect
        elif isinstance(field, forms.ChoiceField) and field.choices:
            field.choices = [
                ("", gettext("— Chọn —")) if value == "" else (value, label)
                for value, label in list(field.choices)  # type: ignore[arg-type]
            ]


class StyledForm(forms.Form):
    """A plain form (a workflow step, a page of its own) styled like the registry forms."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style_fields(self)


DATE_PLACEHOLDER = "dd/mm/yyyy"


class DateInput(forms.DateInput):
    """A date read and written dd/mm/yyyy whatever the browser's language (a browser's own date input follows
    its locale: mm/dd/yyyy on an English one). The server reads dd/mm/yyyy and ISO (formats/vi); the calendar
    button beside it is doingoai.js's."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None, **kwargs: Any) -> None:
        attrs = {
            "placeholder": DATE_PLACEHOLDER,
            "inputmode": "numeric",
            "autocomplete": "off",
            "pattern": r"\d{1,2}/\d{1,2}/\d{4}",
            "title": gettext("Ngày/tháng/năm, ví dụ 03/06/2026"),
            "data-date": "",
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, format="%d/%m/%Y", **kwargs)


def required_message(label: StrOrPromise) -> StrOrPromise:
    """ "Cần nhập ngày ký.", built when shown: fields are built at import, the language is the request's."""

    def message() -> str:
        text = str(label)
        return gettext("Cần nhập %(label)s.") % {"label": text[:1].lower() + text[1:]}

    return lazy(message, str)()


def date_field(label: StrOrPromise, required: bool = True) -> forms.DateField:
    """A date input with Vietnamese messages naming the field."""
    return forms.DateField(
        label=label,
        widget=DateInput(),
        required=required,
        error_messages={
            "required": required_message(label),
            "invalid": gettext_lazy("Ngày không hợp lệ (ngày/tháng/năm)."),
        },
    )


def countries_field(label: str = "Nước") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        Country.objects.all(), label=label, required=False, widget=AliasSelectMultiple
    )


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
        fields = [
            "name", "short_name", "kind", "parent", "admin_unit", "is_coordinator", "email", "active_from",
            "active_to", "note",
        ]  # fmt: skip
        widgets = {"active_from": DateInput(), "active_to": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The province's own communes and former districts: the list a province's officer chooses from.
        field = self.fields["admin_unit"]
        field.queryset = field.queryset.filter(local_communes_q() | local_former_districts_q()).order_by(  # type: ignore[attr-defined]
            "kind", "name"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        admin_unit, kind = data.get("admin_unit"), data.get("kind")
        if admin_unit is not None:
            if kind == UnitKind.COMMUNE and admin_unit.kind not in COMMUNE_KINDS:
                self.add_error(
                    "admin_unit", gettext("Đơn vị loại xã, phường phải gắn với một xã, phường, đặc khu hiện nay.")
                )
            elif kind == UnitKind.DISTRICT and admin_unit.kind != AdminUnitKind.FORMER_DISTRICT:
                self.add_error(
                    "admin_unit", gettext("Đơn vị loại huyện phải gắn với một huyện, thị xã, thành phố trước 2025.")
                )
            elif kind not in (UnitKind.COMMUNE, UnitKind.DISTRICT):
                self.add_error(
                    "admin_unit", gettext("Chỉ đơn vị loại xã, phường hoặc huyện mới gắn với đơn vị hành chính.")
                )
        start, end = data.get("active_from"), data.get("active_to")
        if start and end and end < start:
            self.add_error("active_to", gettext("Ngày kết thúc hoạt động không được trước ngày bắt đầu."))
        return data


class PartnerForm(RegistryForm):
    aliases = AliasesField(
        label=gettext_lazy("Tên gọi khác"), required=False, help_text=gettext_lazy("Mỗi dòng một cách viết")
    )

    class Meta:
        model = Partner
        fields = ["name", "kind", "country", "aliases", "friendship_since", "mou_since", "sister_since", "note"]
        widgets = {"friendship_since": DateInput(), "mou_since": DateInput()}


class CountryForm(RegistryForm):
    aliases = AliasesField(
        label=gettext_lazy("Tên gọi khác"), required=False, help_text=gettext_lazy("Mỗi dòng một cách viết")
    )

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
        label=gettext_lazy("Lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Cần ghi lý do.")},
    )


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Ý kiến gửi đơn vị"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Cần ghi ý kiến để đơn vị chỉnh sửa.")},
    )
