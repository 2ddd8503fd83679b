from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.forms import ModelForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from doingoai.core import generic, permissions
from doingoai.core.workflow import Workflow, WorkflowError
from doingoai.programs import exports, filters, forms, selectors, services, tables
from doingoai.programs.models import Program, ProgramItem

WORKFLOW = Workflow(services.TRANSITIONS, services.SERVICES)


class ProgramListView(generic.ObjectListView):
    queryset = Program.objects.all()
    filterset_class = filters.ProgramFilterSet
    table_class = tables.ProgramTable
    extra_buttons_template = "programs/_list_buttons.html"


class ProgramDetailView(generic.ObjectDetailView):
    queryset = Program.objects.all()
    workflow = WORKFLOW
    extra_template = "programs/_detail_extra.html"
    detail_fields = [
        "year",
        "title",
        "number",
        "issued_on",
        "signer_name",
        "signer_position",
        "status",
        "adjustment_deadline",
        "adjustment_opened_on",
        "preamble",
        "closing",
        "recipients",
        "status_note",
        "note",
    ]

    def extra_context(self, obj: Program) -> dict[str, Any]:
        user = self.request.user
        appendices = selectors.plan_appendices(year=obj.year, user=user)
        counts = selectors.plan_counts(appendices)
        planned = [
            ("Đoàn ra (Phụ lục 1)", obj.planned_outbound, counts.outbound),
            ("Đoàn vào (Phụ lục 2)", obj.planned_inbound, counts.inbound),
            ("Hội nghị, hội thảo quốc tế (Phụ lục 3)", obj.planned_conferences, counts.conferences),
            ("Thỏa thuận quốc tế (Phụ lục 4)", obj.planned_agreements, counts.agreements),
        ]
        versions = list(selectors.program_versions(program=obj))
        return {
            "tree": selectors.program_tree(program=obj),
            "appendices": appendices,
            "planned": planned,
            "versions": versions,
            "can_edit_items": permissions.can_create(user, ProgramItem),
            "can_change_program": permissions.can(user, "change", obj),
            "can_delete_program": permissions.can(user, "delete", obj),
            "export_url": reverse("programs:export"),
        }


class ProgramEditView(generic.ObjectEditView):
    queryset = Program.objects.all()
    form_class = forms.ProgramForm


class ProgramDeleteView(generic.ObjectDeleteView):
    queryset = Program.objects.all()


class ProgramActionView(generic.ObjectActionView):
    queryset = Program.objects.all()
    workflow = WORKFLOW
    forms = {
        "return_to_draft": forms.CommentForm,
        "issue": forms.IssueForm,
        "open_adjustment": forms.OpenAdjustmentForm,
        "record_version": forms.RecordVersionForm,
    }


class ProgramVersionsView(LoginRequiredMixin, View):
    """What changed between two versions of the plan (or a version and the registries now)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = get_object_or_404(Program.objects.restrict(request.user, "view"), pk=pk)
        versions = list(selectors.program_versions(program=program))
        by_number = {str(v.number): v for v in versions}
        default_a = versions[-2] if len(versions) >= 2 else (versions[0] if versions else None)
        a_key = request.GET.get("a") or (str(default_a.number) if default_a else "")
        b_key = request.GET.get("b") or (str(versions[-1].number) if len(versions) >= 2 else "live")
        diff, error = None, ""
        if versions:
            a = by_number.get(a_key)
            if a is None or (b_key != "live" and b_key not in by_number):
                error = "Không có phiên bản đã chọn."
            else:
                after = (
                    selectors.plan_snapshot(year=program.year, user=request.user)
                    if b_key == "live"
                    else by_number[b_key].snapshot
                )
                diff = selectors.version_diff(a.snapshot, after)
        context = {
            "object": program,
            "versions": versions,
            "a_key": a_key,
            "b_key": b_key,
            "diff": diff,
            "error": error,
            "group_field": selectors.GROUP_FIELD,
        }
        return render(request, "programs/versions.html", context, status=400 if error else 200)


class ProgramExportView(LoginRequiredMixin, View):
    """`?year=2027` → the programme (.docx); `&format=xlsx&appendix=1` → one appendix (.xlsx)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        raw_year = request.GET.get("year", "")
        year = int(raw_year) if raw_year.isdigit() else timezone.localdate().year + 1
        if not 1990 <= year <= 2100:
            raise Http404
        try:
            if request.GET.get("format") == "xlsx":
                result = exports.appendix_xlsx(year=year, number=request.GET.get("appendix", ""), user=request.user)
            else:
                result = exports.program_docx(year=year, user=request.user)
        except exports.ExportError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(reverse("programs:program_list"))
        response = HttpResponse(result.content, content_type=result.content_type)
        response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
        return response


class ProgramItemListView(generic.ObjectListView):
    queryset = ProgramItem.objects.select_related("program", "lead_unit")
    filterset_class = filters.ProgramItemFilterSet
    table_class = tables.ProgramItemTable


class ProgramItemDetailView(generic.ObjectDetailView):
    queryset = ProgramItem.objects.select_related("program", "parent", "lead_unit").prefetch_related(
        "coordinating_units"
    )


class ProgramItemEditView(generic.ObjectEditView):
    """Add (`?program=…&parent=…` pre-fill the form) or edit a task of the body."""

    queryset = ProgramItem.objects.select_related("program")
    form_class = forms.ProgramItemForm

    def get_form(self, obj: Any, data: Any = None) -> ModelForm:
        initial = {k: self.request.GET[k] for k in ("program", "parent") if self.request.GET.get(k, "").isdigit()}
        return self.form_class(data=data, instance=obj, user=self.request.user, initial=initial)  # type: ignore[call-arg]


class ProgramItemDeleteView(generic.ObjectDeleteView):
    queryset = ProgramItem.objects.select_related("program")

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = get_object_or_404(self.get_queryset(), pk=pk)
        back = reverse("programs:program_detail", args=[item.program_id])
        name = str(item)
        try:
            services.program_item_delete(item=item, by=request.user)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(item.get_absolute_url())
        messages.success(request, f"Đã xóa: {name}")
        return HttpResponseRedirect(f"{back}#tree")
