"""Generic registry views, written once and configured per model (NetBox style).

The classes of a registry's pages are made from its declaration (`core.registry.Registry.views`), which sets
`registry`, `queryset`, `filterset_class`, `table_class`, `form_class`, `workflow` and the page details; the
writes go through the declaration's services (`Registry.create/update/delete`).

Every view restricts its queryset to what the user may see or change (`restrict`), so a record outside the
user's rights is a 404, never a 403 that would confirm it exists.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any, ClassVar
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models.query import ModelIterable
from django.forms import Form, ModelForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy
from django.views import View
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from doingoai.core import bulk, listexports, permissions
from doingoai.core.choices import StatusChoices
from doingoai.core.exports import field_columns, value_rows
from doingoai.core.forms import guard_text_fields
from doingoai.core.history import history_entries
from doingoai.core.models import BusinessEvent
from doingoai.core.numbers import local_decimal
from doingoai.core.selectors import form_submission_target
from doingoai.core.services import SUBMISSION_KEY, create_once, object_delete, object_save
from doingoai.core.tables import SelectColumn
from doingoai.core.workflow import ConflictError, Workflow, WorkflowError
from doingoai.documents.xlsx import write_table

VERSION_MISSING = gettext_lazy(
    "Biểu mẫu thiếu phiên bản của bản ghi nên không thể biết bạn sửa trên bản nào: hãy mở lại trang sửa rồi lưu, "
    "để không ghi đè thay đổi của người khác."
)

# Bookkeeping columns the detail page does not show (the history shows who changed what, and when).
HIDDEN_FIELDS = {"search_text", "month_mask", "version", "created_at", "updated_at"}


def url_name(model: type[models.Model], action: str) -> str:
    return f"{model._meta.app_label}:{model._meta.model_name}_{action}"


class RegistryMixin(LoginRequiredMixin):
    registry: ClassVar[Any] = None  # the declaration (core.registry.Registry) these pages are made from
    queryset: ClassVar[models.QuerySet]
    action = "view"
    request: HttpRequest

    @property
    def model(self) -> type[models.Model]:
        return self.queryset.model

    def get_queryset(self) -> models.QuerySet:
        return self.queryset.all().restrict(self.request.user, self.action)  # type: ignore[attr-defined]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        meta = self.model._meta
        ctx |= {
            "meta": meta,
            "verbose_name": meta.verbose_name,
            "verbose_name_plural": meta.verbose_name_plural,
            "list_url": reverse(url_name(self.model, "list")),
            "can_create": permissions.can_create(self.request.user, self.model) and self._has_url("add"),
            "add_url": self._add_url(),
        }
        return ctx

    def _add_url(self) -> str | None:
        """The new-record page, keeping the list's choice filters as its first values (Đoàn ra → outbound)."""
        if not self._has_url("add"):
            return None
        address = reverse(url_name(self.model, "add"))
        prefill = self.registry.prefill(self.request.GET) if getattr(self, "registry", None) else {}
        return f"{address}?{urlencode(prefill)}" if prefill else address

    def _has_url(self, action: str, *args: Any) -> bool:
        try:
            reverse(url_name(self.model, action), args=args)
        except Exception:
            return False
        return True


# On PostgreSQL, a list of at most this many matching rows reads its page in one query: a sort under LIMIT keeps
# only the page's rows (top-N heapsort), so carrying every column costs little, and the second query was a fifth of
# the list's SQL. Above it (and on SQLite, whose sort reads every matching row whole) the ids come first.
WHOLE_ROWS_UP_TO = 5000


class NarrowPageQuerySet(models.QuerySet):
    """A page (a slice) is fetched in two steps: the ids of its rows by a narrow query (the filter and sort
    columns only), then those rows whole, by id.

    The database then sorts thousands of matching rows carrying an id and a sort key instead of every column of
    the list — at national scale PostgreSQL otherwise spills the sort to disk. Other reads are unchanged; a small
    list on PostgreSQL (its count known: `rows_known`) reads its page in one query (`WHOLE_ROWS_UP_TO`).
    """

    rows_known: int | None = None  # the number of matching rows, once counted (or told: KnownCountPaginator)

    def count(self) -> int:
        self.rows_known = super().count()
        return self.rows_known

    def __getitem__(self, k: Any) -> Any:
        if not isinstance(k, slice) or self._result_cache is not None or self._iterable_class is not ModelIterable:
            return super().__getitem__(k)
        ordered = self._in_total_order()
        if self.rows_known is not None and self.rows_known <= WHOLE_ROWS_UP_TO and self._on_postgresql():
            return list(models.QuerySet.__getitem__(ordered, k))
        ids = list(ordered.values_list("pk", flat=True)[k])
        rows = {row.pk: row for row in self.filter(pk__in=ids).order_by()}
        return [rows[pk] for pk in ids if pk in rows]

    def _in_total_order(self) -> models.QuerySet:
        """The rows in an order no tie leaves open (the id last): sorted by a column that repeats (two delegations
        of the same name), a page boundary between equal keys could fall differently from one page's query to the
        next's, and paging would show a row twice and another never."""
        query = self.query
        if query.order_by:
            order = list(query.order_by)
        else:
            order = list(query.get_meta().ordering or ()) if query.default_ordering else []
        pk = self.model._meta.pk
        if any(isinstance(o, str) and o.lstrip("-") in ("pk", pk.name, pk.attname) for o in order):
            return self
        return self.order_by(*order, "pk")

    def _on_postgresql(self) -> bool:
        return connections[self.db].vendor == "postgresql"


# Counts of a registry's list kept elsewhere than in its table (the dashboard's stored counts of delegations): a
# counter takes the list's active filters (the filter form's non-empty cleaned values, by filter name) and the user,
# and returns the number of rows the list holds, or None when it cannot tell (the list then counts its rows).
ListCounter = Callable[[dict[str, Any], Any], int | None]
_LIST_COUNTERS: dict[type[models.Model], ListCounter] = {}


def register_list_counter(model: type[models.Model], counter: ListCounter) -> None:
    """Called by an app above the registry's (it keeps the counts), from its AppConfig.ready()."""
    _LIST_COUNTERS[model] = counter


def list_counter(model: type[models.Model]) -> ListCounter | None:
    return _LIST_COUNTERS.get(model)


class KnownCountPaginator(Paginator):
    """A paginator told the number of rows (a count kept by the database: `ObjectListView.known_count`) instead
    of counting them: the COUNT of a national list reads thousands of index entries, where a page reads 25."""

    def __init__(self, *args: Any, known_count: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.__dict__["count"] = known_count  # Paginator.count is a cached_property: this is its value
        # The table's rows (django-tables2: BoundRows → TableQuerysetData → the queryset) learn it too.
        queryset = getattr(getattr(self.object_list, "data", None), "data", None)
        if isinstance(queryset, NarrowPageQuerySet):
            queryset.rows_known = known_count


def narrow_pages(queryset: models.QuerySet) -> models.QuerySet:
    """`queryset` with NarrowPageQuerySet's paging (the class survives the table's `order_by`)."""
    cls = queryset.__class__
    if not issubclass(cls, NarrowPageQuerySet):
        queryset = queryset.all()
        queryset.__class__ = type(f"NarrowPage{cls.__name__}", (NarrowPageQuerySet, cls), {})
    return queryset


class ObjectListView(RegistryMixin, SingleTableMixin, FilterView):
    """List with filters, sortable columns, pagination, htmx partial updates and `?export=xlsx`."""

    template_name = "core/object_list.html"
    partial_template_name = "core/_results.html"
    paginate_by = 25
    export_fields: ClassVar[list[str]] = []
    extra_buttons_template: ClassVar[str | None] = None

    def get_template_names(self) -> list[str]:
        htmx = getattr(self.request, "htmx", None)
        if htmx and not htmx.boosted:
            return [self.partial_template_name]
        return [self.template_name]

    def get_table_data(self) -> Any:
        """The filtered rows without the long texts the table does not show (purpose, notes, reports): the
        database sorts the matching rows with every selected column, so these would be carried for nothing."""
        data = super().get_table_data()
        shown = set(self.get_table_class().base_columns)
        long_texts = [
            f.name for f in self.model._meta.concrete_fields if isinstance(f, models.TextField) and f.name not in shown
        ]
        if not isinstance(data, models.QuerySet):
            return data
        # The declaration's queryset prefetches for its detail page and API too: the many-to-many fields that the
        # table does not show (a delegation's partners and their countries) are not read for the list.
        lookups = data._prefetch_related_lookups  # type: ignore[attr-defined]
        kept = [lookup for lookup in lookups if not self._unshown_many(lookup, shown)]
        if len(kept) != len(lookups):
            data = data.prefetch_related(None).prefetch_related(*kept)
        return narrow_pages(data.defer(*long_texts) if long_texts else data)

    def _unshown_many(self, lookup: Any, shown: set[str]) -> bool:
        name = lookup.split("__", 1)[0] if isinstance(lookup, str) else None
        if name is None or name in shown:
            return False
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        return bool(field.many_to_many and not field.auto_created)

    def export_allowed(self) -> bool:
        """Whether the user may export this list (the whole of it or the ticked rows)."""
        return True

    def bulk_steps(self) -> list[dict[str, Any]]:
        """The steps offered on ticked rows (core.bulk), for this user."""
        return bulk.steps_for(self.registry, self.request.user) if self.registry is not None else []

    def selectable(self) -> bool:
        """Rows get a tick box when something can be done with the ticked ones (a step, an export)."""
        return self.registry is not None and (self.export_allowed() or bool(self.bulk_steps()))

    def get_table_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_table_kwargs()
        if self.selectable():
            meta = self.get_table_class()._meta
            sequence = meta.sequence or ((*meta.fields, "...") if meta.fields else ("...",))
            label = gettext("Chọn mọi dòng của trang")
            column = SelectColumn(
                accessor="pk",
                orderable=False,
                exclude_from_export=True,
                attrs={
                    "th__input": {"data-select-page": "", "aria-label": label, "title": label, "form": "bulk-form"},
                    "td__input": {
                        "name": "ids",
                        "class": "form-check-input",
                        "form": "bulk-form",
                        "aria-label": gettext("Chọn dòng này"),
                    },
                    "th": {"class": "select-col"},
                    "td": {"class": "select-col"},
                },
            )
            kwargs |= {"extra_columns": [("select", column)], "sequence": ("select", *sequence)}
        return kwargs

    def get_table_pagination(self, table: Any) -> Any:
        paginate = super().get_table_pagination(table)
        known = self.known_count()
        if paginate is not False and known is not None:
            paginate["paginator_class"] = partial(KnownCountPaginator, known_count=known)
        return paginate

    def known_count(self) -> int | None:
        """The number of rows from the registry's list counter (`register_list_counter` above), when one
        is registered and can tell for these filters and this user; None: the table counts its rows."""
        counter = list_counter(self.model)
        filterset = getattr(self, "filterset", None)
        if counter is None or filterset is None:
            return None
        if not filterset.is_bound:  # no parameters at all: the unfiltered list
            return counter({}, self.request.user)
        if not filterset.is_valid():
            return None
        active = {k: v for k, v in filterset.form.cleaned_data.items() if v not in (None, "", [], ())}
        return counter(active, self.request.user)

    def paginate_queryset(self, queryset: Any, page_size: int) -> tuple[Any, Any, Any, bool]:
        # The table paginates (django-tables2); ListView paginating too would count the rows a second time.
        return None, None, queryset, False

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.GET.get("export") == "xlsx":
            return self.export_xlsx()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        query["export"] = "xlsx"
        ctx["export_url"] = f"{self.request.path}?{query.urlencode()}" if self.export_allowed() else None
        # Opened from "Đoàn ra" (?direction=out), the list is called so, not "Đoàn ra, đoàn vào".
        reg = self.registry  # set on every list the declarations build
        ctx["list_heading"] = reg.list_heading(self.request.GET) if reg is not None else ctx["verbose_name_plural"]
        ctx["extra_buttons_template"] = self.extra_buttons_template
        if self.selectable():
            ctx["bulk"] = {
                "url": reverse(url_name(self.model, "bulk")),
                "steps": self.bulk_steps(),
                "export": self.export_allowed(),
                "back": self.request.get_full_path(),
            }
        ctx["active_filters"] = sum(
            1 for k, v in self.request.GET.lists() if k not in {"page", "sort", "per_page"} and any(v)
        )
        return ctx

    def export_names(self) -> list[str]:
        """The fields the export writes after the "Mã" column: the declaration's `export_fields`, else every field."""
        return list(self.export_fields) or [
            f.name
            for f in self.model._meta.get_fields()
            if (f.concrete or f.many_to_many)
            and not f.auto_created
            and f.name not in {"search_text", "version"}
            and not (f.is_relation and f.one_to_many)
        ]

    def export_queryset(self) -> models.QuerySet | None:
        """The filtered rows in the list's order (None when the filters are invalid)."""
        filterset = self.get_filterset(self.get_filterset_class())
        if filterset.is_bound and not filterset.is_valid():  # unbound (no query at all): every row
            return None
        qs = filterset.qs
        sort = self.request.GET.get("sort")
        if sort:
            table = self.get_table_class()(qs)
            table.order_by = sort
            qs = table.data.data if hasattr(table.data, "data") else qs
        return qs

    def write_export(self, out: Any, *, progress: Any = None, qs: models.QuerySet | None = None) -> int | None:
        """Write the filtered rows as .xlsx to `out`; returns the number of rows (None: invalid filters)."""
        qs = self.export_queryset() if qs is None else qs
        if qs is None:
            return None
        names = self.export_names()
        count = write_table(
            out,
            title=str(self.model._meta.verbose_name_plural),
            headers=[gettext("Mã"), *(header for header, _ in field_columns(self.model, names))],
            rows=value_rows(qs, names),
            progress=progress,
        )
        self.exported(qs)
        return count

    def exported(self, qs: models.QuerySet) -> None:
        """Called after the rows of `qs` were written (the personal-data lists log it)."""

    def export_filename(self) -> str:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return f"{slugify(str(self.model._meta.verbose_name_plural)) or self.model._meta.model_name}-{stamp}.xlsx"

    def export_xlsx(self) -> HttpResponseBase:
        """The filtered rows, in the list's order: written at once to a temporary file, or, above
        `DOINGOAI_EXPORT_BACKGROUND_ROWS` rows, by the background worker while a page shows the progress."""
        qs = self.export_queryset()
        if qs is None:
            messages.error(self.request, gettext("Bộ lọc không hợp lệ; hãy sửa bộ lọc trước khi xuất."))
            return HttpResponseRedirect(self.request.path)
        total = qs.count()
        if total > listexports.background_rows():
            query = self.request.GET.copy()
            query.pop("export", None)
            export = listexports.list_export_request(
                path=self.request.path,
                query=query.urlencode(),
                title=str(self.model._meta.verbose_name_plural),
                total=total,
                by=self.request.user,
            )
            return HttpResponseRedirect(export.get_absolute_url())
        tmp = tempfile.TemporaryFile()
        self.write_export(tmp, qs=qs)
        tmp.seek(0)
        return FileResponse(
            tmp,
            as_attachment=True,
            filename=self.export_filename(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


class ObjectDetailView(RegistryMixin, View):
    """A record with its fields, workflow actions, history and business events."""

    template_name = "core/object_detail.html"
    detail_fields: ClassVar[list[str]] = []
    extra_template: ClassVar[str | None] = None
    workflow: ClassVar[Workflow | None] = None

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        return render(request, self.template_name, self.get_context(obj))

    def get_context(self, obj: Any) -> dict[str, Any]:
        user = self.request.user
        meta = self.model._meta
        return {
            "object": obj,
            "meta": meta,
            "verbose_name": meta.verbose_name,
            "verbose_name_plural": meta.verbose_name_plural,
            "list_url": reverse(url_name(self.model, "list")),
            "fields": self.field_rows(obj),
            "status_colour": StatusChoices.colours_for(self.model).get(getattr(obj, "status", ""), "secondary"),
            "extra_template": self.extra_template,
            "actions": self.workflow.available(user, obj) if self.workflow else [],
            "can_edit": permissions.can(user, "change", obj) and self._has_url("edit", obj.pk),
            "can_delete": permissions.can(user, "delete", obj) and self._has_url("delete", obj.pk),
            "history": history_entries(obj),
            "events": BusinessEvent.objects.filter(
                content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=obj.pk
            ).select_related("actor"),
            **self.extra_context(obj),
        }

    def extra_context(self, obj: Any) -> dict[str, Any]:
        return self.registry.detail_context(obj, self.request) if self.registry is not None else {}

    def field_rows(self, obj: Any) -> list[tuple[str, Any]]:
        names = self.detail_fields or [
            f.name
            for f in self.model._meta.get_fields()
            if (f.concrete or f.many_to_many)
            and not f.auto_created
            and f.name not in HIDDEN_FIELDS
            and not (f.is_relation and f.one_to_many)
        ]
        return [(header, _shown(accessor(obj))) for header, accessor in field_columns(self.model, names)]


def _shown(value: Any) -> Any:
    """A value as the page shows it: exact decimals (amounts) grouped as Vietnamese write them, 1.234.567,5; a
    list of names (a partner's aliases) as the names, not as Python writes a list."""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return local_decimal(value) if isinstance(value, Decimal) else value


class ObjectEditView(RegistryMixin, View):
    """Create (no pk) or edit a record through its ModelForm and `object_save`, with a stale-edit check."""

    template_name = "core/object_edit.html"
    form_class: ClassVar[type[ModelForm]]
    action = "change"

    def get_object(self, pk: int | None) -> Any:
        if pk is None:
            if not permissions.can_create(self.request.user, self.model):
                raise PermissionDenied
            return self.model()
        return get_object_or_404(self.get_queryset(), pk=pk)

    def get_form(self, obj: Any, data: Any = None) -> ModelForm:
        files = self.request.FILES if data is not None else None
        form = self.form_class(data=data, files=files, instance=obj, user=self.request.user)  # type: ignore[call-arg]
        if obj.pk is None and data is None and self.registry is not None:
            form.initial.update(self.registry.form_initial(self.request))
        return form

    def save_form(self, form: ModelForm, expected_version: int | None) -> Any:
        """Save the validated form through the registry's create/update services."""
        if self.registry is not None:
            return self.registry.save_form(form=form, by=self.request.user, expected_version=expected_version)
        return object_save(form=form, by=self.request.user, expected_version=expected_version)

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        obj = self.get_object(pk)
        return self.render_form(obj, self.get_form(obj))

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        obj = self.get_object(pk)
        key = request.POST.get("_submission", "")
        key = key if obj.pk is None and SUBMISSION_KEY.fullmatch(key) else ""
        if key and (earlier := form_submission_target(key=key, by=request.user)) is not None:
            return self.already_created(earlier)  # before validation: the first post may have taken a unique name
        form = self.get_form(obj, data=request.POST)
        expected = request.POST.get("_version", "")
        if form.is_valid():
            if obj.pk is not None and not expected.isdigit():  # an edit must say which version it was based on
                form.add_error(None, VERSION_MISSING)
                return self.render_form(obj, form, status=409)
            version = int(expected) if obj.pk is not None else None
            try:
                if key:
                    saved, first = create_once(key=key, by=request.user, create=lambda: self.save_form(form, None))
                    if not first:
                        return self.already_created(saved)
                else:
                    saved = self.save_form(form, version)
            except ConflictError as exc:
                form.add_error(None, str(exc))
            except WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, gettext("Đã lưu: %(saved)s") % {"saved": saved})
                return HttpResponseRedirect(saved.get_absolute_url())
        return self.render_form(obj, form, status=400, submission=key)

    def already_created(self, obj: Any) -> HttpResponse:
        messages.info(
            self.request, gettext("Biểu mẫu này đã được gửi trước đó, không tạo thêm bản ghi: %(obj)s") % {"obj": obj}
        )
        return HttpResponseRedirect(obj.get_absolute_url())

    def render_form(self, obj: Any, form: Form | ModelForm, status: int = 200, submission: str = "") -> HttpResponse:
        meta = self.model._meta
        ctx = {
            "object": obj if obj.pk else None,
            "form": form,
            "meta": meta,
            "verbose_name": meta.verbose_name,
            "list_url": reverse(url_name(self.model, "list")),
            "version": obj.version if obj.pk else "",
            # A create form carries a one-time token (kept when the form comes back with errors): posted twice,
            # it makes one record.
            "submission": "" if obj.pk else submission or secrets.token_urlsafe(24),
        }
        return render(self.request, self.template_name, ctx, status=status)


class ObjectDeleteView(RegistryMixin, View):
    template_name = "core/object_delete.html"
    action = "delete"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        return render(request, self.template_name, {"object": obj, "meta": self.model._meta})

    def delete_object(self, obj: Any) -> None:
        """Delete through the registry's service (core.services.object_delete unless declared otherwise)."""
        if self.registry is not None:
            self.registry.delete(obj=obj, by=self.request.user)
        else:
            object_delete(obj=obj, by=self.request.user)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        name = str(obj)
        try:
            self.delete_object(obj)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(obj.get_absolute_url())
        messages.success(request, gettext("Đã xóa: %(name)s") % {"name": name})
        return HttpResponseRedirect(reverse(url_name(self.model, "list")))


class ObjectActionView(RegistryMixin, View):
    """One workflow step: a small form (or a confirmation), then the step's service."""

    template_name = "core/object_action.html"
    workflow: ClassVar[Workflow]
    forms: ClassVar[dict[str, type[Form]]] = {}

    def setup_step(self, pk: int, name: str) -> tuple[Any, Any]:
        transition = self.workflow.transitions.get(name)
        if transition is None:
            raise Http404
        obj = get_object_or_404(transition.in_scope(self.get_queryset(), self.request.user), pk=pk)
        return obj, transition

    def get(self, request: HttpRequest, pk: int, name: str) -> HttpResponse:
        obj, transition = self.setup_step(pk, name)
        if not transition.available(request.user, obj):
            raise PermissionDenied
        form_class = self.forms.get(name)
        page_url = getattr(form_class, "page_url", None)
        if page_url is not None:  # a step taken on a page of its own (line by line amounts of a budget)
            return HttpResponseRedirect(page_url(obj))
        return self.render_step(obj, transition, form_class() if form_class else None)

    def post(self, request: HttpRequest, pk: int, name: str) -> HttpResponse:
        obj, transition = self.setup_step(pk, name)
        form_class = self.forms.get(name)
        form = form_class(request.POST, request.FILES) if form_class else None
        if form is not None:
            guard_text_fields(form)  # step forms are plain forms: their text gets the registry forms' check
        if form is None or form.is_valid():
            service = self.workflow.services[name]
            kwargs = form.cleaned_data if form is not None else {}
            try:
                obj = service(**{str(self.model._meta.model_name): obj}, by=request.user, **kwargs)
            except WorkflowError as exc:
                if form is None:
                    messages.error(request, str(exc))
                    return HttpResponseRedirect(obj.get_absolute_url())
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"{transition.label}: {obj}")
                return HttpResponseRedirect(obj.get_absolute_url())
        return self.render_step(obj, transition, form, status=400)

    def render_step(self, obj: Any, transition: Any, form: Form | None, status: int = 200) -> HttpResponse:
        ctx = {"object": obj, "transition": transition, "form": form, "meta": self.model._meta}
        return render(self.request, self.template_name, ctx, status=status)


class ObjectBulkView(RegistryMixin, View):
    """The ticked rows of a list (POST only): one bulk step on each (core.bulk), or their export (.xlsx).

    Each record goes through the step's service in its own transaction; the page then says what was done and
    what was refused, and why."""

    template_name = "core/object_bulk.html"
    http_method_names = ["post"]
    list_view_class: ClassVar[type[ObjectListView]]

    def post(self, request: HttpRequest) -> HttpResponseBase:
        back = request.POST.get("back", "")
        list_address = reverse(url_name(self.model, "list"))
        if not back.startswith(list_address):  # only this list, never another site
            back = list_address
        ids = bulk.parse_ids(request.POST.getlist("ids"))
        if "export" in request.POST:
            return self.export(ids, back)
        try:
            result = bulk.run_bulk(self.registry, request.POST.get("step", ""), ids, by=request.user, data=request.POST)
        except bulk.BulkError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(back)
        ctx = {
            "result": result,
            "meta": self.model._meta,
            "back": back,
            "verbose_name_plural": self.model._meta.verbose_name_plural,
        }
        return render(request, self.template_name, ctx)

    def export(self, ids: list[int], back: str) -> HttpResponseBase:
        if not ids:
            messages.error(self.request, gettext("Chưa chọn bản ghi nào."))
            return HttpResponseRedirect(back)
        view = self.list_view_class()
        view.setup(self.request)
        if not view.export_allowed():
            raise PermissionDenied
        qs = self.get_queryset().filter(pk__in=ids[: bulk.MAX_IDS])
        tmp = tempfile.TemporaryFile()
        view.write_export(tmp, qs=qs)
        tmp.seek(0)
        return FileResponse(
            tmp,
            as_attachment=True,
            filename=view.export_filename(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
