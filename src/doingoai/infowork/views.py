"""Pages of the external-information work that are not a registry's own: the language versions of a product,
the editorial calendar, and the year's commemorations with the plan tasks they propose."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy
from django.views import View

from doingoai.core.models import Unit
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.infowork import forms, selectors, services
from doingoai.infowork.models import InfoProduct, InfoProductVersion
from doingoai.programs.models import Plan, PlanKind, PlanStatus

MONTHS = [(m, format_lazy(gettext_lazy("Tháng {month}"), month=m)) for m in range(1, 13)]


def _year(request: HttpRequest, default: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if 1900 <= year <= 2200 else default


class VersionSaveView(LoginRequiredMixin, View):
    """POST: add or update a product's version in one language (the producing unit)."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        product = get_object_or_404(InfoProduct.objects.restrict(request.user, "view"), pk=pk)
        form = forms.VersionForm(request.POST)
        if not form.is_valid():
            for error in form.errors.values():
                messages.error(request, " ".join(str(e) for e in error))
            return HttpResponseRedirect(product.get_absolute_url())
        try:
            version = services.infoproduct_version_save(product=product, by=request.user, **form.cleaned_data)
        except (WorkflowError, StepPermissionDenied) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, gettext("Đã lưu bản %(language)s.") % {"language": version.get_language_display()}
            )
        return HttpResponseRedirect(product.get_absolute_url())


class VersionReviewView(LoginRequiredMixin, View):
    """POST: the standing agency marks one language version reviewed."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        version = get_object_or_404(InfoProductVersion.objects.restrict(request.user, "view"), pk=pk)
        form = forms.VersionReviewForm(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("Cần ghi họ tên người thẩm định."))
            return HttpResponseRedirect(version.product.get_absolute_url())
        try:
            services.infoproduct_version_review(version=version, by=request.user, **form.cleaned_data)
        except (WorkflowError, StepPermissionDenied) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, gettext("Đã thẩm định bản %(language)s.") % {"language": version.get_language_display()}
            )
        return HttpResponseRedirect(version.product.get_absolute_url())


class EditorialCalendarView(LoginRequiredMixin, View):
    """The products planned or published in a month, day by day."""

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        year = _year(request, today.year)
        try:
            month = min(max(int(request.GET.get("month", today.month)), 1), 12)
        except ValueError:
            month = today.month
        start = dt.date(year, month, 1)
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        products = selectors.editorial_calendar(user=request.user, start=start, end=end)
        days: dict[dt.date, list[InfoProduct]] = {}
        for p in products:
            days.setdefault(p.published_on or p.planned_on, []).append(p)  # type: ignore[arg-type]
        occurrences = [o for o in selectors.commemorations_for_year(year=year) if start <= o.date <= end]
        prev = start - dt.timedelta(days=1)
        nxt = end + dt.timedelta(days=1)
        return render(
            request,
            "infowork/editorial_calendar.html",
            {
                "year": year,
                "month": month,
                "months": MONTHS,
                "days": sorted(days.items()),
                "occurrences": occurrences,
                "prev": prev,
                "next": nxt,
            },
        )


class CommemorationTaskForm(forms.CommemorationTaskForm):
    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        self.fields["lead_unit"].queryset = Unit.objects.filter(active_to__isnull=True)  # type: ignore[attr-defined]


def _plans_for(user: Any, year: int) -> Any:
    """The external-information plans of the year this user follows up (may add tasks to)."""
    rule = Plan.coordinated_by(user)
    plans = Plan.objects.filter(kind=PlanKind.INFORMATION, year__lte=year).exclude(status=PlanStatus.CLOSED)
    plans = plans.filter(year__gte=year) | plans.filter(year_to__gte=year)
    return plans.filter(rule) if rule is not None else plans


class AnniversariesView(LoginRequiredMixin, View):
    """The days to mark in a year (round anniversaries every 5 years, yearly national days) and, for the plan's
    coordinators, a form turning one into a plan task."""

    template_name = "infowork/anniversaries.html"

    def context(self, request: HttpRequest, year: int, form: Any = None) -> dict[str, Any]:
        occurrences = selectors.commemorations_for_year(year=year)
        plans = _plans_for(request.user, year)
        return {
            "year": year,
            "years": range(timezone.localdate().year - 1, timezone.localdate().year + 6),
            "occurrences": occurrences,
            "plans": plans,
            "form": form,
        }

    def get(self, request: HttpRequest) -> HttpResponse:
        year = _year(request, timezone.localdate().year + 1)
        ctx = self.context(request, year)
        if ctx["plans"].exists():
            picked = next((o for o in ctx["occurrences"] if o.key == request.GET.get("pick")), None)
            initial = {"text": picked.task_text, "deadline": picked.date} if picked else {}
            ctx["form"] = CommemorationTaskForm(plans=ctx["plans"], initial=initial)
        return render(request, self.template_name, ctx)

    def post(self, request: HttpRequest) -> HttpResponse:
        year = _year(request, timezone.localdate().year + 1)
        plans = _plans_for(request.user, year)
        form = CommemorationTaskForm(request.POST, plans=plans)
        if form.is_valid():
            data = form.cleaned_data
            try:
                task = services.commemoration_task_create(
                    plan=data["plan"],
                    by=request.user,
                    text=data["text"],
                    deadline=data["deadline"],
                    lead_unit=data["lead_unit"],
                )
            except (WorkflowError, StepPermissionDenied) as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, gettext("Đã thêm nhiệm vụ vào %(plan)s.") % {"plan": task.plan})
                return HttpResponseRedirect(reverse("infowork:anniversaries") + f"?year={year}")
        return render(request, self.template_name, self.context(request, year, form), status=400)
