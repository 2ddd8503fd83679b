"""Pages of money and authority: a record's budget (estimate lines, appraisal, settlement, approval path) and the
year's totals; the .xlsx for the finance department."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from doingoai.core.workflow import WorkflowError
from doingoai.finance import exports, selectors, services
from doingoai.finance.forms import CostLineForm
from doingoai.finance.models import Budgeted, CostLine


def _record(label: str, pk: int, user: Any) -> Any:
    """The record the user may see (404 otherwise: never another unit's draft)."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise Http404 from None
    if not issubclass(model, Budgeted):
        raise Http404
    return get_object_or_404(model._default_manager.restrict(user, "view"), pk=pk)  # type: ignore[attr-defined]


def _step(record: Any, name: str) -> Any:
    return next(t for t in type(record).budget_steps.transitions() if t.name == name)


def _line_inputs(post: Any, prefix: str) -> dict[int, str]:
    """{line id: typed amount} from the inputs named `<prefix><line id>` of the lines table."""
    return {
        int(key.removeprefix(prefix)): value
        for key, value in post.items()
        if key.startswith(prefix) and key.removeprefix(prefix).isdigit()
    }


def _pk(value: Any) -> int:
    return int(value) if str(value or "").isdigit() else 0


class BudgetView(LoginRequiredMixin, View):
    """The budget of one record: lines against the norms, the appraisal, the settlement and the approval path.
    POST `action`: add, edit, delete (a line), appraise, return, settle — each through `finance.services`."""

    template_name = "finance/budget.html"

    def context(self, record: Any, **extra: Any) -> dict[str, Any]:
        user = self.request.user
        lines = list(selectors.budget_lines(record))
        ctx = {
            "object": record,
            "meta": record._meta,
            "lines": lines,
            "path": selectors.approval_path(record),
            "can_edit": services.may_edit_estimate(user, record),
            "can_appraise": _step(record, "appraise_budget").available(user, record) and bool(lines),
            "can_settle": _step(record, "settle").available(user, record),
            "ended_on": services.ended_on(record),
            "today": timezone.localdate(),
            "over_norm": [line for line in lines if line.over_norm],
        }
        if ctx["can_edit"] and "form" not in extra:
            ctx["form"] = self.line_form(record)
        return ctx | extra

    def line_form(self, record: Any, data: Any = None, line: CostLine | None = None) -> CostLineForm:
        initial: dict[str, Any] = {"funding_source": getattr(record, "funding_source", "")}
        countries = getattr(record, "countries", None)
        if countries is not None and line is None:
            first = countries.order_by("pk").first()
            if first is not None:
                initial["country"] = first.pk
        if line is not None:
            initial = {
                "category": line.category,
                "description": line.description,
                "country": line.country_id,
                "quantity": line.quantity.normalize(),
                "days": line.days.normalize(),
                "unit_price": line.unit_price.normalize(),
                "currency": line.currency,
                "rate": line.rate.normalize() if line.rate is not None else "",
                "rate_date": line.rate_date,
                "funding_source": line.funding_source,
                "norm": line.norm_id,
            }
        return CostLineForm(data=data, initial=initial, prefix="line")

    def get(self, request: HttpRequest, label: str, pk: int) -> HttpResponse:
        record = _record(label, pk, request.user)
        extra: dict[str, Any] = {}
        edit = request.GET.get("edit", "")
        if edit.isdigit() and services.may_edit_estimate(request.user, record):
            line = get_object_or_404(selectors.budget_lines(record), pk=int(edit))
            extra = {"form": self.line_form(record, line=line), "editing": line}
        return render(request, self.template_name, self.context(record, **extra))

    def post(self, request: HttpRequest, label: str, pk: int) -> HttpResponse:
        record = _record(label, pk, request.user)
        action = "delete" if request.POST.get("delete") else request.POST.get("action", "")
        here = reverse("finance:budget", args=[label, pk])
        try:
            if action in ("add", "edit"):
                line = None
                if action == "edit":
                    line = get_object_or_404(selectors.budget_lines(record), pk=_pk(request.POST.get("line")))
                form = self.line_form(record, data=request.POST, line=line)
                if not form.is_valid():
                    ctx = self.context(record, form=form, editing=line)
                    return render(request, self.template_name, ctx, status=400)
                try:
                    services.cost_line_save(record=record, by=request.user, values=form.values(), line=line)
                except WorkflowError as exc:
                    form.add_error(None, str(exc))
                    ctx = self.context(record, form=form, editing=line)
                    return render(request, self.template_name, ctx, status=400)
                messages.success(request, gettext("Đã lưu dòng dự toán."))
            elif action == "delete":
                line = get_object_or_404(selectors.budget_lines(record), pk=_pk(request.POST.get("delete")))
                services.cost_line_delete(line=line, by=request.user)
                messages.success(request, gettext("Đã xóa dòng dự toán."))
            elif action == "appraise":
                services.budget_appraise(
                    record=record,
                    by=request.user,
                    comment=request.POST.get("comment", ""),
                    lines=_line_inputs(request.POST, "appraised-"),
                )
                messages.success(request, gettext("Đã thẩm định kinh phí."))
            elif action == "return":
                reason = request.POST.get("reason") or request.POST.get("comment", "")
                services.budget_return(record=record, by=request.user, reason=reason)
                messages.success(request, gettext("Đã trả lại dự toán cho đơn vị."))
            elif action == "settle":
                services.budget_settle(record=record, by=request.user, actual=_line_inputs(request.POST, "actual-"))
                messages.success(request, gettext("Đã ghi quyết toán kinh phí."))
            else:
                raise Http404
        except WorkflowError as exc:
            messages.error(request, str(exc))
            ctx = self.context(record, error=str(exc), posted=request.POST)
            return render(request, self.template_name, ctx, status=400)
        return HttpResponseRedirect(here)


class TotalsView(LoginRequiredMixin, View):
    """The year's budget: planned, appraised, approved and spent by source, unit, kind and quarter."""

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        try:
            year = int(request.GET.get("year", today.year))
        except ValueError:
            year = today.year
        year = max(2000, min(year, today.year + 5))
        totals = selectors.budget_totals(year=year, user=request.user)
        if request.GET.get("format") == "xlsx":
            return exports.totals_xlsx_response(totals, user=request.user)
        ctx = {"totals": totals, "year": year, "years": range(today.year + 1, today.year - 5, -1)}
        return render(request, "finance/totals.html", ctx)


class DelegateView(LoginRequiredMixin, View):
    """A holder of an authority delegates it to a named person for a period."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not services.holds_any(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        from doingoai.finance.forms import DelegateForm

        return render(request, "finance/delegate.html", {"form": DelegateForm(user=request.user)})

    def post(self, request: HttpRequest) -> HttpResponse:
        from doingoai.finance.forms import DelegateForm

        form = DelegateForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                services.authority_delegate(by=request.user, **form.cleaned_data)
            except WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, gettext("Đã ghi nhận ủy quyền."))
                return HttpResponseRedirect(reverse("finance:authoritygrant_list"))
        return render(request, "finance/delegate.html", {"form": form}, status=400)
