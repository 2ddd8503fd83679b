"""The Decree 13/2023 views that every registry of persons configures: masked lists whose export only the
coordinator may take, logged detail pages, a data subject's own data, erasure on request, and the coordinator's
access log."""

from __future__ import annotations

import json
import tempfile
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from doingoai.core import generic
from doingoai.core.exports import field_columns
from doingoai.core.generic import HIDDEN_FIELDS
from doingoai.core.workflow import WorkflowError
from doingoai.documents.xlsx import write_table
from doingoai.persons import filters, forms, selectors, services, tables
from doingoai.persons.models import PROCESSING_FIELDS, AccessAction, ErasureRecord, PersonalDataAccess
from doingoai.persons.permissions import may_export, sees_contacts_on_record

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PersonalDataListView(generic.ObjectListView):
    """Contacts masked by the table; the export (coordinator and administrator only) is logged per record."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.GET.get("export") == "xlsx" and not may_export(request.user):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def export_allowed(self) -> bool:
        return may_export(self.request.user)

    def exported(self, qs: Any) -> None:
        # Logged per record, whether the file was written at once or by the background worker.
        services.personal_data_access_record_many(
            objects=qs.iterator(chunk_size=1000), by=self.request.user, action=AccessAction.EXPORT_LIST
        )


class PersonalDataDetailView(generic.ObjectDetailView):
    """Every opening is logged; contacts are masked for roles that do not need them, in the history too."""

    extra_template = "persons/_personal_data.html"
    consent_expected = True  # the processing rests on the person's consent (not so for citizen protection)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        services.personal_data_access_record(obj=obj, by=request.user, action=AccessAction.VIEW)
        return render(request, self.template_name, self.get_context(obj))

    def field_rows(self, obj: Any) -> list[tuple[str, Any]]:
        names = [f.name for f in obj._meta.concrete_fields if not f.auto_created and f.name not in HIDDEN_FIELDS]
        names = [n for n in names if n not in PROCESSING_FIELDS] + list(PROCESSING_FIELDS)
        rows = [(header, accessor(obj)) for header, accessor in field_columns(type(obj), names)]
        masked = self._masked_labels(obj)
        return [(label, obj.mask_value(masked[label], value) if label in masked else value) for label, value in rows]

    def _masked_labels(self, obj: Any) -> dict[str, str]:
        if sees_contacts_on_record(self.request.user, obj):
            return {}
        return {str(obj._meta.get_field(name).verbose_name): name for name in obj.masked_names()}

    def get_context(self, obj: Any) -> dict[str, Any]:
        ctx = super().get_context(obj)
        masked = self._masked_labels(obj)
        for entry in ctx["history"]:
            entry.changes = [
                (label, obj.mask_value(masked[label], old), obj.mask_value(masked[label], new))
                if label in masked
                else (label, old, new)
                for label, old, new in entry.changes
            ]
        user = self.request.user
        ctx |= {
            "may_export": may_export(user),
            "may_erase": may_export(user) and not obj.is_erased,
            "accesses": selectors.personal_data_accesses(obj=obj, user=user)[:50] if may_export(user) else [],
            "erasure": selectors.personal_data_erasure(obj=obj) if obj.is_erased else None,
            "contacts_masked": bool(masked),
            "consent_expected": self.consent_expected,
        }
        return ctx


class PersonalDataEditView(generic.ObjectEditView):
    """Opening a person's record to edit it shows the data: logged like a reading."""

    def get_object(self, pk: int | None) -> Any:
        obj = super().get_object(pk)
        if pk is not None and self.request.method == "GET":
            services.personal_data_access_record(obj=obj, by=self.request.user, action=AccessAction.EDIT)
        return obj


class PersonalDataExportView(generic.RegistryMixin, View):
    """A data subject's own data on request, as JSON (default) or `?format=xlsx`; coordinator and admin only."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        if not may_export(request.user):
            raise PermissionDenied
        data = services.personal_data_subject_export(obj=obj, by=request.user)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        name = f"du-lieu-ca-nhan-{obj._meta.model_name}-{obj.pk}-{stamp}"
        if request.GET.get("format") == "xlsx":
            tmp = tempfile.TemporaryFile()
            write_table(
                tmp,
                title=gettext("Dữ liệu cá nhân"),
                headers=[gettext("Trường"), gettext("Giá trị")],
                rows=[[row["field"], row["value"]] for row in data["fields"]],
                widths=[40, 80],
            )
            tmp.seek(0)
            return FileResponse(tmp, as_attachment=True, filename=f"{name}.xlsx", content_type=XLSX)
        body = json.dumps(data, ensure_ascii=False, indent=2).encode()
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response


class PersonalDataEraseView(generic.RegistryMixin, View):
    """Erase a record on the data subject's request (coordinator and admin only), after a confirmation."""

    template_name = "persons/erase.html"

    def setup_erasure(self, request: HttpRequest, pk: int) -> Any:
        obj = get_object_or_404(self.queryset.all().restrict(request.user, "view"), pk=pk)  # type: ignore[attr-defined]
        if not may_export(request.user):
            raise PermissionDenied
        return obj

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.setup_erasure(request, pk)
        if obj.is_erased:
            messages.info(request, gettext("Dữ liệu cá nhân của bản ghi này đã được xóa."))
            return HttpResponseRedirect(obj.get_absolute_url())
        return self.render_form(obj, forms.ErasureForm(initial={"requested_on": timezone.localdate()}))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.setup_erasure(request, pk)
        form = forms.ErasureForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.personal_data_erase(
                    obj=obj,
                    by=request.user,
                    reason=data["reason"],
                    requested_on=data["requested_on"],
                    request_ref=data["request_ref"],
                )
            except WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, gettext("Đã xóa dữ liệu cá nhân theo yêu cầu và ghi nhận việc xóa."))
                return HttpResponseRedirect(obj.get_absolute_url())
        return self.render_form(obj, form, status=400)

    def render_form(self, obj: Any, form: forms.ErasureForm, status: int = 200) -> HttpResponse:
        erased_labels = [obj._meta.get_field(n).verbose_name for n in obj.erasable_fields]
        ctx = {"object": obj, "form": form, "meta": obj._meta, "erased_labels": erased_labels}
        return render(self.request, self.template_name, ctx, status=status)


class CoordinatorOnlyListView(generic.ObjectListView):
    """The Decree 13/2023 logs: the coordinator and the administrator only."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not may_export(request.user):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)


class PersonalDataAccessListView(CoordinatorOnlyListView):
    queryset = PersonalDataAccess.objects.select_related("content_type")
    filterset_class = filters.PersonalDataAccessFilterSet
    table_class = tables.PersonalDataAccessTable
    paginate_by = 50


class ErasureRecordListView(CoordinatorOnlyListView):
    queryset = ErasureRecord.objects.select_related("content_type")
    filterset_class = filters.ErasureRecordFilterSet
    table_class = tables.ErasureRecordTable
