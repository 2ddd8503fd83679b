"""One generic viewset, generated per declared registry (`registry.py`): its rights, filters, form and services.

- rows: `restrict(user, "view")` for reads and steps, "change" for PUT/PATCH, "delete" for DELETE — another
  unit's draft is a 404, as on the web;
- create/update: the registry's form validates (Vietnamese messages per field) and the registry's
  create/update services save (history attributed to the user, stale `version` refused with 409);
- delete: the registry's delete service;
- workflow: `GET {id}/actions/` lists the steps open to the user, `POST {id}/actions/{name}/` validates the
  step's web form and calls the step's service.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from doingoai.api.forms_bridge import form_errors, form_serializer, instance_data, to_form_data
from doingoai.api.registry import ApiSpec
from doingoai.api.serializers import read_serializer
from doingoai.core import bulk, permissions
from doingoai.core.forms import guard_text_fields
from doingoai.core.selectors import form_submission_target
from doingoai.core.services import SUBMISSION_KEY, create_once
from doingoai.core.workflow import ConflictError, StepPermissionDenied, WorkflowError
from doingoai.persons.permissions import sees_contacts_in_lists

RIGHTS = {"update": "change", "partial_update": "change", "destroy": "delete"}


def expected_version(data: Any) -> int | None:
    """The `version` a client read (stale-edit check), or None; a 400 naming the field when it is not a number."""
    raw = data.get("version") if hasattr(data, "get") else None
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise serializers.ValidationError({"version": [gettext("Phiên bản phải là số nguyên.")]}) from None


BAD_KEY = gettext_lazy("Idempotency-Key phải gồm 16 đến 64 ký tự: chữ cái không dấu, chữ số, “-” hoặc “_”.")
ERROR = inline_serializer("Error", {"detail": serializers.CharField()})
VERSION_REQUIRED = gettext_lazy(
    "Thiếu phiên bản (“version”) của bản ghi đã đọc: hãy đọc bản ghi (GET) rồi gửi kèm “version” để không ghi đè "
    "thay đổi của người khác."
)


def unreadable_fields(model: Any, user: Any) -> set[str]:
    """Fields `user` cannot read in a list of `model`: a person's masked contacts and a sensitive case's texts
    (unless the role sees them in lists)."""
    hidden = set(getattr(model, "masked_fields", {})) | set(getattr(model, "sensitive_fields", ()))
    return set() if not hidden or sees_contacts_in_lists(user) else hidden


class ReadableOrderingFilter(OrderingFilter):
    """`?ordering=` only by fields the user can read: sorting by a masked value would tell its order (and, by
    bisection, the value itself); another field is ignored as DRF ignores an unknown one."""

    def remove_invalid_fields(self, queryset: Any, fields: Any, view: Any, request: Any) -> list[str]:
        valid = super().remove_invalid_fields(queryset, fields, view, request)
        hidden = unreadable_fields(queryset.model, request.user)
        return [f for f in valid if f.lstrip("-") not in hidden]


class RegistryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    spec: ApiSpec
    read_serializer_class: type[serializers.Serializer]
    write_serializer_class: type[serializers.Serializer] | None = None
    filter_backends = [DjangoFilterBackend, ReadableOrderingFilter]
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> Any:
        right = RIGHTS.get(getattr(self, "action", None) or "", "view")
        return self.spec.queryset.all().restrict(self.request.user, right)  # type: ignore[attr-defined]

    def get_serializer_class(self) -> Any:
        if self.write_serializer_class is not None and self.request.method in ("POST", "PUT", "PATCH"):
            # ("list"/"retrieve": the browsable API drawing its POST/PUT form on those pages)
            if getattr(self, "action", None) in ("create", "update", "partial_update", "list", "retrieve"):
                return self.write_serializer_class
        return self.read_serializer_class

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if self.spec.on_list is None:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        self.spec.on_list(rows, request.user)
        data = self.get_serializer(rows, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        obj = self.get_object()
        if self.spec.on_retrieve is not None:
            self.spec.on_retrieve(obj, request.user)
        return Response(self.read_serializer_class(obj, context=self.get_serializer_context()).data)


class WriteMixin:
    """Create and update through the registry's form and services (registries with a form)."""

    spec: ApiSpec
    request: Request
    read_serializer_class: type[serializers.Serializer]
    get_object: Any
    get_serializer_context: Any

    def _form(self, obj: Any, data: Any, partial: bool = False) -> Any:
        """The registry's form for `obj`, bound to `data` (over the record's current values for a PATCH)."""
        registry, user = self.spec.registry, self.request.user
        probe = registry.form_for(user=user, instance=obj)
        initial = instance_data(probe) if partial else None
        return registry.form_for(user=user, instance=obj, data=to_form_data(probe, data, initial))

    def _read(self, obj: Any, code: int) -> Response:
        return Response(self.read_serializer_class(obj, context=self.get_serializer_context()).data, status=code)

    def _save(self, form: Any, data: Any, created: bool, key: str = "") -> Response:
        if not form.is_valid():
            return Response(form_errors(form), status=status.HTTP_400_BAD_REQUEST)
        try:
            version = expected_version(data)
            save, by = self.spec.registry.save_form, self.request.user
            if key:
                saved, first = create_once(key=key, by=by, create=lambda: save(form=form, by=by, expected_version=None))
                if not first:
                    return self._read(saved, status.HTTP_200_OK)
            else:
                saved = save(form=form, by=by, expected_version=version)
        except ConflictError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except StepPermissionDenied as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
        except WorkflowError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return self._read(saved, status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    def create(self, request: Request) -> Response:
        model = self.spec.model
        if not permissions.competent(request.user, model):
            raise PermissionDenied(permissions.not_competent_message(model))
        if not permissions.can_create(request.user, model):
            raise PermissionDenied(
                gettext("Bạn không có quyền thêm %(verbose_name)s.") % {"verbose_name": model._meta.verbose_name}
            )
        # Idempotency-Key: a client's retry of the same creation returns the record made the first time (200).
        key = request.headers.get("Idempotency-Key", "")
        if key and not SUBMISSION_KEY.fullmatch(key):
            raise serializers.ValidationError({"Idempotency-Key": [BAD_KEY]})
        if key and (earlier := form_submission_target(key=key, by=request.user)) is not None:
            return self._read(earlier, status.HTTP_200_OK)
        return self._save(self._form(model(), request.data), request.data, created=True, key=key)

    def update(self, request: Request, pk: Any = None, partial: bool = False) -> Response:
        obj = self.get_object()  # rights first: another unit's record is a 404 whatever the body
        if expected_version(request.data) is None:  # an update not based on a read version would overwrite blindly
            return Response(
                {"detail": VERSION_REQUIRED, "version": [VERSION_REQUIRED]},
                status=status.HTTP_428_PRECONDITION_REQUIRED,
            )
        return self._save(self._form(obj, request.data, partial), request.data, created=False)

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        return self.update(request, pk, partial=True)


class DeleteMixin:
    get_object: Any

    spec: ApiSpec

    def destroy(self, request: Request, pk: Any = None) -> Response:
        try:
            self.spec.registry.delete(obj=self.get_object(), by=request.user)
        except WorkflowError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _step_fields(form_class: Any) -> list[dict[str, Any]]:
    if form_class is None:
        return []
    return [
        {"name": n, "label": str(f.label or n), "required": f.required, "type": type(f).__name__}
        for n, f in form_class().fields.items()
    ]


def _workflow_actions(spec: ApiSpec, read: type[serializers.Serializer]) -> dict[str, Any]:
    workflow, step_forms = spec.workflow, spec.step_forms
    model_name = str(spec.model._meta.model_name)
    name_camel = spec.model.__name__
    step_serializers = [
        form_serializer(form_class(), f"{name_camel}{''.join(p.title() for p in step.split('_'))}Step")
        for step, form_class in step_forms.items()
    ]
    step_list = inline_serializer(
        f"{name_camel}Step",
        {
            "name": serializers.CharField(),
            "label": serializers.CharField(),
            "url": serializers.CharField(),
            "fields": serializers.ListField(child=serializers.DictField()),
        },
        many=True,
    )

    @extend_schema(summary=gettext("Các bước quy trình người dùng được thực hiện"), responses=step_list)
    @action(
        detail=True, methods=["get"], url_path="actions", url_name="actions", filter_backends=[], pagination_class=None
    )
    def steps(self: RegistryViewSet, request: Request, pk: Any = None) -> Response:
        obj = self.get_object()
        return Response(
            [
                {
                    "name": t.name,
                    "label": t.label,
                    "url": reverse(f"api:{spec.prefix}-action", args=[obj.pk, t.name], request=request),
                    "fields": _step_fields(step_forms.get(t.name)),
                }
                for t in workflow.available(request.user, obj)
            ]
        )

    @extend_schema(
        summary=gettext("Thực hiện một bước quy trình (cùng dịch vụ, cùng quyền như trên web)"),
        description=gettext("Các bước: ")
        + "; ".join(f"`{t.name}` ({t.label})" for t in workflow.transitions.values())
        + gettext(". Trường dữ liệu của từng bước: như biểu mẫu của bước đó trên web."),
        parameters=[OpenApiParameter("name", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(workflow.transitions))],
        request=PolymorphicProxySerializer(
            component_name=f"{name_camel}StepData",
            serializers=step_serializers or [inline_serializer(f"{name_camel}NoData", {})],
            resource_type_field_name=None,
        ),
        responses={
            200: read,
            400: OpenApiResponse(description=gettext("Dữ liệu của bước không hợp lệ ({trường: [thông báo]})")),
            403: ERROR,
            404: ERROR,
            409: OpenApiResponse(ERROR, description=gettext("Bước không thực hiện được ở trạng thái hiện tại")),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"actions/(?P<name>[a-z_]+)",
        url_name="action",
        filter_backends=[],
        pagination_class=None,
    )
    def take_step(self: RegistryViewSet, request: Request, pk: Any = None, name: str = "") -> Response:
        if name not in workflow.transitions:
            raise NotFound(gettext("Không có bước quy trình này."))
        obj = self.get_object()
        scoped = workflow.transitions[name].in_scope(type(obj)._default_manager.filter(pk=obj.pk), request.user)
        if not scoped.exists():
            raise NotFound(gettext("Không tìm thấy bản ghi."))
        form_class = step_forms.get(name)
        kwargs: dict[str, Any] = {}
        if form_class is not None:
            form = form_class(data=to_form_data(form_class(), request.data), files=request.FILES)
            guard_text_fields(form)  # step forms are plain forms: their text gets the registry forms' check
            if not form.is_valid():
                return Response(form_errors(form), status=status.HTTP_400_BAD_REQUEST)
            kwargs = form.cleaned_data
        try:
            obj = workflow.services[name](**{model_name: obj}, by=request.user, **kwargs)
        except StepPermissionDenied as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
        except WorkflowError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(read(obj, context=self.get_serializer_context()).data)

    bulk_result = inline_serializer(
        f"{name_camel}BulkResult",
        {
            "step": serializers.CharField(),
            "label": serializers.CharField(),
            "done": serializers.IntegerField(),
            "refused": serializers.IntegerField(),
            "results": serializers.ListField(child=serializers.DictField()),
        },
    )
    offered = [t.name for t in bulk.bulk_steps(spec.registry)]

    @extend_schema(
        summary=gettext(
            "Thực hiện một bước quy trình cho nhiều bản ghi (từng bản ghi được kiểm tra quyền và trạng thái)"
        ),
        description=gettext(
            'Gửi `{"ids": [...]}` và, với bước cần lý do hoặc ý kiến, trường đó (`reason`, `comment`). '
            "Mỗi bản ghi được thực hiện trong giao dịch riêng: bản ghi bị từ chối không làm hủy các bản ghi khác. "
            "Kết quả: số đã thực hiện, số bị từ chối và lý do của từng bản ghi."
        ),
        parameters=[OpenApiParameter("name", OpenApiTypes.STR, OpenApiParameter.PATH, enum=offered or None)],
        request=inline_serializer(
            f"{name_camel}BulkData", {"ids": serializers.ListField(child=serializers.IntegerField())}
        ),
        responses={200: bulk_result, 400: ERROR},
    )
    @action(
        detail=False,
        methods=["post"],
        url_path=r"bulk/(?P<name>[a-z_]+)",
        url_name="bulk",
        filter_backends=[],
        pagination_class=None,
    )
    def take_bulk_step(self: RegistryViewSet, request: Request, name: str = "") -> Response:
        data = request.data
        ids = data.getlist("ids") if hasattr(data, "getlist") else data.get("ids") or []
        if not isinstance(ids, list):
            ids = [ids]
        values = {k: v for k, v in data.items() if k != "ids" and isinstance(v, str)}
        try:
            result = bulk.run_bulk(spec.registry, name, ids, by=request.user, data=values)
        except bulk.BulkError as exc:
            return Response({"detail": str(exc), **exc.errors}, status=status.HTTP_400_BAD_REQUEST)
        return Response(result.as_data())

    return {"steps": steps, "take_step": take_step, "take_bulk_step": take_bulk_step}


def viewset_for(spec: ApiSpec) -> type[RegistryViewSet]:
    """The viewset class of one declaration."""
    model = spec.model
    read = read_serializer(spec)
    write = None
    if spec.form_class is not None:
        probe = spec.form_class(user=None)
        write = form_serializer(
            probe,
            f"{model.__name__}Write",
            {
                "version": serializers.IntegerField(
                    required=False,
                    help_text=gettext("Phiên bản đã đọc: bắt buộc khi sửa (PUT/PATCH), thiếu thì trả lỗi 428"),
                )
            },
        )
    attrs: dict[str, Any] = {
        "spec": spec,
        "queryset": spec.queryset,
        "read_serializer_class": read,
        "write_serializer_class": write,
        "serializer_class": read,
        "filterset_class": spec.filterset_class,
        # Never the search key (every field folded together, masked contacts included).
        "ordering_fields": [
            "id",
            *(f.name for f in model._meta.concrete_fields if not f.is_relation and f.name != "search_text"),
        ],
        "__doc__": gettext("%(verbose_name_plural)s: đọc, lọc, thêm, sửa, xóa theo quyền.")
        % {"verbose_name_plural": str(model._meta.verbose_name_plural).capitalize()},
    }
    bases: list[type] = []
    if write is not None:
        bases.append(WriteMixin)
        if spec.deletable:
            bases.append(DeleteMixin)
    if spec.workflow is not None:
        attrs |= _workflow_actions(spec, read)
    cls = type(f"{model.__name__}ViewSet", (*bases, RegistryViewSet), attrs)
    label = str(model._meta.verbose_name_plural)
    schema: dict[str, Any] = {
        "list": extend_schema(summary=f"Danh sách {label} (lọc như trên web)", tags=[spec.prefix]),
        "retrieve": extend_schema(summary=f"Một bản ghi: {model._meta.verbose_name}", tags=[spec.prefix]),
    }
    if write is not None:
        errors = {
            400: OpenApiResponse(description=gettext("Dữ liệu không hợp lệ ({trường: [thông báo]})")),
            403: ERROR,
            409: OpenApiResponse(ERROR, description=gettext("Bản ghi đã bị người khác sửa (phiên bản cũ)")),
        }
        updates = errors | {428: OpenApiResponse(ERROR, description=gettext("Thiếu phiên bản đã đọc (“version”)"))}
        schema["create"] = extend_schema(request=write, responses={201: read, **errors}, tags=[spec.prefix])
        schema["update"] = extend_schema(request=write, responses={200: read, **updates}, tags=[spec.prefix])
        schema["partial_update"] = extend_schema(request=write, responses={200: read, **updates}, tags=[spec.prefix])
    if DeleteMixin in bases:
        schema["destroy"] = extend_schema(responses={204: None, 409: ERROR}, tags=[spec.prefix])
    if spec.workflow is not None:
        schema["steps"] = extend_schema(tags=[spec.prefix])
        schema["take_step"] = extend_schema(tags=[spec.prefix])
    return extend_schema_view(**schema)(cls)
