from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from doingoai.core import generic
from doingoai.core.workflow import WorkflowError
from doingoai.programs import exports, selectors, services
from doingoai.programs.forms import TaskFilterForm
from doingoai.programs.models import Plan, PlanTask


class ProgramVersionsView(LoginRequiredMixin, View):
    """What changed between two versions of the plan (or a version and the registries now)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = get_object_or_404(Plan.objects.restrict(request.user, "view"), pk=pk)
        versions = list(selectors.program_versions(plan=plan))
        by_number = {str(v.number): v for v in versions}
        default_a = versions[-2] if len(versions) >= 2 else (versions[0] if versions else None)
        a_key = request.GET.get("a") or (str(default_a.number) if default_a else "")
        b_key = request.GET.get("b") or (str(versions[-1].number) if len(versions) >= 2 else "live")
        diff, error = None, ""
        if versions:
            a = by_number.get(a_key)
            if a is None or (b_key != "live" and b_key not in by_number):
                error = gettext("Không có phiên bản đã chọn.")
            else:
                after = (
                    selectors.plan_snapshot(year=plan.year, user=request.user)
                    if b_key == "live"
                    else by_number[b_key].snapshot
                )
                diff = selectors.version_diff(a.snapshot, after)
        context = {
            "object": plan,
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
            return HttpResponseRedirect(reverse("programs:plan_list"))
        return _download(result)


def _download(result: exports.ExportResult) -> HttpResponse:
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    return response


class PlanDocxView(LoginRequiredMixin, View):
    """The plan as .docx (Decree 30 format), for whoever may read the plan."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = get_object_or_404(Plan.objects.restrict(request.user, "view"), pk=pk)
        return _download(exports.plan_docx(plan=plan, user=request.user))


class PlanTasksExportView(LoginRequiredMixin, View):
    """The plan's task list as .xlsx, with the filters of the plan page (`?lead_unit=…&pillar=…&status=…`)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = get_object_or_404(Plan.objects.restrict(request.user, "view"), pk=pk)
        filters = TaskFilterForm(request.GET or None, plan=plan).task_filter()
        return _download(exports.plan_tasks_xlsx(plan=plan, filters=filters))


class PlanBudgetAppraisalView(LoginRequiredMixin, View):
    """POST from the programme page: the finance department's appraisal, one amount per funding source
    (`amount-<source>`), through the same service as the API's `appraise_budget` step."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponse(status=405)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = get_object_or_404(Plan.objects.restrict(request.user, "view"), pk=pk)
        if not services.TRANSITIONS["appraise_budget"].permits(request.user, plan):
            raise PermissionDenied
        amounts = {
            key.removeprefix("amount-"): value for key, value in request.POST.items() if key.startswith("amount-")
        }
        try:
            services.plan_appraise_budget(plan=plan, by=request.user, amounts=amounts,
                                          comment=request.POST.get("comment", ""))  # fmt: skip
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, gettext("Đã ghi thẩm định kinh phí của Chương trình."))
        return HttpResponseRedirect(plan.get_absolute_url() + "#programme-budget")


class PlanTaskDeleteView(generic.ObjectDeleteView):
    queryset = PlanTask.objects.select_related("plan")

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = get_object_or_404(self.get_queryset(), pk=pk)
        back = reverse("programs:plan_detail", args=[item.plan_id])
        name = str(item)
        try:
            services.plan_task_delete(item=item, by=request.user)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(item.get_absolute_url())
        messages.success(request, gettext("Đã xóa: %(name)s") % {"name": name})
        return HttpResponseRedirect(f"{back}#tree")
