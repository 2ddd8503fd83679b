"""The API validates with the web's own form classes: JSON in, form data out, and schemas from form fields.

So a record created through the API passes exactly the checks (and Vietnamese messages) of the web form, and a
workflow step exactly those of its step form.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy
from rest_framework import serializers

WRONG_TYPE = gettext_lazy("Giá trị không đúng kiểu.")
NOT_BOOLEAN = gettext_lazy("Giá trị phải là true hoặc false.")


def is_multiple(field: forms.Field) -> bool:
    return isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)


def is_text_list(field: forms.Field) -> bool:
    """A text area edited one value per line (aliases), sent as a JSON list of strings."""
    return isinstance(field.widget, forms.Textarea) and field.prepare_value(["a", "b"]) == "a\nb"


def _json_values(field: forms.Field, value: Any) -> list[Any]:
    """The form values of one JSON value, or ValueError with the Vietnamese reason its type is refused."""
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        # "yes", 1, "true": a checkbox reads any of them as ticked, so only JSON's own booleans are taken
        if isinstance(value, bool) or (value is None and isinstance(field, forms.NullBooleanField)):
            return [value]
        raise ValueError(NOT_BOOLEAN)
    if isinstance(field, forms.JSONField):
        return [value]  # amounts by line or source: the form reads the JSON value itself
    if is_multiple(field):
        items = [] if value is None else value if isinstance(value, list) else [value]
        if all(isinstance(item, str | int) and not isinstance(item, bool) for item in items):
            return [str(item) for item in items]
        raise ValueError(WRONG_TYPE)  # objects, lists, true (pk 1) or 1.5 (pk 1) are no ids
    if isinstance(value, list) and is_text_list(field) and all(isinstance(item, str) for item in value):
        return [field.prepare_value(value)]
    if isinstance(value, list | dict):
        raise ValueError(WRONG_TYPE)  # the form would store its Python repr as text
    if value is None:
        return [""]
    if isinstance(value, bool):
        return [str(value).lower()]
    return [str(value)]  # form data is text: a date field given 0 would call .strip() on it


def to_form_data(form: forms.BaseForm, data: Any, initial: dict[str, Any] | None = None) -> MultiValueDict:
    """Request data (JSON object or form-encoded) → what `form.fields` read, over `initial` (partial updates).

    A JSON value of the wrong type for its field is a 400 naming the field (ValidationError)."""
    result: MultiValueDict = MultiValueDict()
    for name, value in (initial or {}).items():
        result.setlist(name, list(value) if isinstance(value, list | tuple) else [value])
    getlist = getattr(data, "getlist", None)
    errors: dict[str, list[str]] = {}
    for name, field in form.fields.items():
        if name not in data:
            continue
        if getlist is not None:  # form-encoded (the browsable API's HTML form)
            values = getlist(name)
            result.setlist(name, values if is_multiple(field) else values[-1:])
            continue
        try:
            result.setlist(name, _json_values(field, data[name]))
        except ValueError as exc:
            errors[name] = [str(exc)]
    if errors:
        raise serializers.ValidationError(errors)
    return result


def instance_data(form: forms.BaseForm) -> dict[str, Any]:
    """The current values of a bound-to-instance form, as form data (the base of a PATCH)."""
    data: dict[str, Any] = {}
    for name, bound in ((n, form[n]) for n in form.fields):
        value = bound.value()
        field = form.fields[name]
        if is_multiple(field):
            data[name] = [str(getattr(v, "pk", v)) for v in (value or [])]
        elif isinstance(field, forms.BooleanField):
            data[name] = "on" if value else ""
        else:
            value = field.prepare_value(value)
            data[name] = "" if value is None else str(getattr(value, "pk", value))
    return data


def form_errors(form: forms.BaseForm) -> dict[str, list[str]]:
    """{field: [Vietnamese messages]}, with form-wide errors under "non_field_errors" (DRF's convention)."""
    errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
    if "__all__" in errors:
        errors["non_field_errors"] = errors.pop("__all__")
    return errors


def _choices(field: Any) -> list[Any]:
    return list(field.choices)


def _serializer_field(field: forms.Field) -> serializers.Field:
    common: dict[str, Any] = {
        "required": field.required,
        "label": str(field.label or ""),
        "help_text": str(field.help_text or "") or None,
    }
    if isinstance(field, forms.ModelMultipleChoiceField):
        return serializers.PrimaryKeyRelatedField(many=True, queryset=field.queryset, **common)
    if isinstance(field, forms.ModelChoiceField):
        return serializers.PrimaryKeyRelatedField(queryset=field.queryset, allow_null=not field.required, **common)
    if isinstance(field, forms.MultipleChoiceField):
        return serializers.MultipleChoiceField(choices=[c for c in _choices(field) if c[0] != ""], **common)
    if isinstance(field, forms.ChoiceField):
        return serializers.ChoiceField(choices=[c for c in _choices(field) if c[0] != ""], **common)
    if isinstance(field, forms.NullBooleanField | forms.BooleanField):
        return serializers.BooleanField(**common)
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(allow_null=not field.required, **common)
    if isinstance(field, forms.DecimalField):
        return serializers.DecimalField(
            max_digits=field.max_digits, decimal_places=field.decimal_places, allow_null=not field.required, **common
        )
    if isinstance(field, forms.FloatField):
        return serializers.FloatField(allow_null=not field.required, **common)
    if isinstance(field, forms.DateTimeField):
        return serializers.DateTimeField(allow_null=not field.required, **common)
    if isinstance(field, forms.DateField):
        return serializers.DateField(allow_null=not field.required, **common)
    if is_text_list(field):
        return serializers.ListField(child=serializers.CharField(), **common)  # one value per line (aliases)
    return serializers.CharField(allow_blank=not field.required, **common)


def form_serializer(
    form: forms.BaseForm, name: str, extra: dict[str, Any] | None = None
) -> type[serializers.Serializer]:
    """A serializer class describing `form`'s fields, for the OpenAPI document and the browsable API's form."""
    attrs: dict[str, Any] = {n: _serializer_field(f) for n, f in form.fields.items()}
    attrs |= extra or {}
    return type(name, (serializers.Serializer,), attrs)
