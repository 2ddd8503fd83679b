"""Read serializers generated from the models (writes go through the web forms, see forms_bridge)."""

from __future__ import annotations

from typing import Any

from django.db import models
from rest_framework import serializers

from doingoai.api.registry import ApiSpec

# Internal columns: the normalised search text and the bit mask (sent as the `months` list instead).
NEVER_SENT = {"search_text", "month_mask"}


def field_names(spec: ApiSpec) -> list[str]:
    model = spec.model
    return [
        f.name
        for f in model._meta.get_fields()
        if (f.concrete or f.many_to_many)
        and not f.auto_created
        and f.name not in NEVER_SENT
        and f.name not in spec.exclude
        and not (f.is_relation and f.one_to_many)
    ]


def read_serializer(spec: ApiSpec) -> type[serializers.ModelSerializer]:
    """`id`, `url`, `web_url`, every model field, `<choice>_display`, `<relation>_name(s)` and `months`."""
    if spec.serializer_class is not None:
        return spec.serializer_class
    model = spec.model
    names = field_names(spec)
    attrs: dict[str, Any] = {
        "url": serializers.HyperlinkedIdentityField(view_name=f"api:{spec.prefix}-detail"),
        "web_url": serializers.CharField(source="get_absolute_url", read_only=True),
    }
    extra: list[str] = []
    for name in names:
        f = model._meta.get_field(name)
        if f.many_to_many:
            attrs[f"{name}_names"] = serializers.StringRelatedField(source=name, many=True, read_only=True)
            extra.append(f"{name}_names")
        elif f.is_relation:
            attrs[f"{name}_name"] = serializers.StringRelatedField(source=name, read_only=True)
            extra.append(f"{name}_name")
        elif getattr(f, "choices", None):
            attrs[f"{name}_display"] = serializers.CharField(source=f"get_{name}_display", read_only=True)
            extra.append(f"{name}_display")
    if any(f.name == "month_mask" for f in model._meta.fields):
        attrs["months"] = serializers.ListField(child=serializers.IntegerField(), read_only=True)
        extra.append("months")
    meta = type(
        "Meta",
        (),
        {"model": model, "fields": ["id", "url", "web_url", *names, *extra], "read_only_fields": names},
    )
    attrs["Meta"] = meta
    if spec.mask is not None:
        attrs["to_representation"] = _masked_representation(spec.mask)
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), attrs)


def _masked_representation(mask: Any) -> Any:
    """`to_representation` passing every record through the declaration's `mask` (full in details and in the
    answers to writes and steps, as the web shows them; as in the web lists otherwise)."""

    def to_representation(self: serializers.ModelSerializer, instance: Any) -> Any:
        data = serializers.ModelSerializer.to_representation(self, instance)
        request = self.context.get("request")
        view = self.context.get("view")
        detail = getattr(view, "action", None) != "list"
        return mask(instance, data, getattr(request, "user", None), detail)

    return to_representation


def model_label(model: type[models.Model]) -> str:
    return str(model._meta.verbose_name_plural)
