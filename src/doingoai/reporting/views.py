"""Pages of /reports/: periods, unit reports, the consolidated report, compliance, deadlines, the inbox.

Views are thin: they read through the selectors (which restrict every query to the user's rights, so another
unit's report is a 404) and write through the services.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views import View

from doingoai.core import permissions
from doingoai.core.choices import Role
from doingoai.core.history import history_entries
from doingoai.core.models import BusinessEvent
from doingoai.core.permissions import READ_ALL_ROLES, WRITE_ALL_ROLES, role_of
from doingoai.core.workflow import ConflictError, WorkflowError
from doingoai.persons.models import AccessAction
from doingoai.programs.models import Plan, PlanKind
from doingoai.programs.selectors import program_for_year
from doingoai.reporting import committee, committee_exports, consolidation, exports, selectors, services
from doingoai.reporting.deadlines import GROUPS, LATER, OVERDUE, SOON, deadline_page, kind_labels
from doingoai.reporting.forms import (
    AttachmentForm,
    CommentForm,
    DeadlineUnitForm,
    PeriodForm,
    UnitReportForm,
    default_units,
)
from doingoai.reporting.models import (
    DISPLAY_STATES,
    ExportStatus,
    PeriodKind,
    ReportExport,
    ReportingPeriod,
    ReportingSchedule,
    UnitReport,
    UnitReportAttachment,
    UnitReportVersion,
)
from doingoai.reporting.schedule import schedule_entries, suggest_period


def _events(obj: Any) -> Any:
    meta = obj._meta
    return BusinessEvent.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=obj.pk
    ).select_related("actor")


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class CoordinatorMixin(LoginRequiredMixin):
    """Pages that only those who manage reporting periods may open: the coordinating agency, the administrator,
    and the officers of a plan's coordinating unit (for that plan's periods: the querysets narrow them)."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not selectors.manages_some_plan(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------------- periods


class PeriodListView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        periods = list(selectors.period_list(user=user))
        reports = selectors.unit_report_list(user=user).filter(period__in=periods)
        by_period: dict[int, list[UnitReport]] = {}
        for r in reports:
            by_period.setdefault(r.period_id, []).append(r)
        today = timezone.localdate()
        rows = []
        for p in periods:
            mine = by_period.get(p.pk, [])
            counts = selectors.state_counts(mine, today)
            own = next((r for r in mine if r.unit_id == getattr(user, "unit_id", None)), None)
            rows.append({"period": p, "counts": counts, "total": len(mine), "own": own})
        ctx = {
            "rows": rows,
            "states": DISPLAY_STATES,
            "is_coordinator": selectors.manages_some_plan(user),
            "is_officer": role_of(user) == Role.UNIT_OFFICER,
            "own_open": selectors.own_open_reports(user=user),
        }
        return render(request, "reporting/period_list.html", ctx)


class PeriodOpenView(CoordinatorMixin, View):
    """Open a period: the label, dates and due date are suggested from the chosen schedule (htmx refreshes them
    when the kind, year, month, quarter or schedule changes), the units default to those a programme names."""

    def plans(self) -> Any:
        return selectors.plans_managed(user=self.request.user)

    def suggestion_initial(self, params: Any) -> dict[str, Any]:
        today = timezone.localdate()
        kind = params.get("kind") if params.get("kind") in PeriodKind.values else PeriodKind.SEMIANNUAL
        year = _int(params.get("year"), today.year)
        year = year if 2000 <= year <= 2100 else today.year
        month = min(max(_int(params.get("month"), today.month), 1), 12)
        quarter = min(max(_int(params.get("quarter"), (today.month - 1) // 3 + 1), 1), 4)
        plans = self.plans()
        plan = plans.filter(pk=_int(params.get("plan"), 0)).first()
        if plan is None and "plan" not in params:  # first opening: the year's programme, else the newest plan
            programme = program_for_year(year=year)
            plan = programme if programme and plans.filter(pk=programme.pk).exists() else None
            if plan is None and role_of(self.request.user) not in WRITE_ALL_ROLES:
                plan = plans.first()
        schedule = ReportingSchedule.objects.filter(pk=_int(params.get("schedule"), 0)).first()
        name, entries = schedule_entries(schedule, plan=plan or program_for_year(year=year))
        s = suggest_period(
            kind=kind, year=year, entries=entries, schedule_name=name, month=month, quarter=quarter, today=today
        )
        return {
            "plan": plan.pk if plan else None,
            "units": self.suggested_units(plan, year),
            "schedule": schedule.pk if schedule else None,
            "kind": kind,
            "year": year,
            "month": month,
            "quarter": quarter,
            "label": s.label,
            "start": s.start,
            "end": s.end,
            "due_date": s.due_date,
            "basis": s.basis,
        }

    @staticmethod
    def suggested_units(plan: Any, year: int) -> list[int]:
        """The plan's recipients and the lead units of its tasks; for a programme that names none, the units a
        programme asks to report."""
        plan = plan or program_for_year(year=year)
        units = selectors.plan_reporting_units(plan) if plan is not None else []
        if not units and (plan is None or plan.kind == PlanKind.PROGRAM):
            return default_units()
        return units

    def get(self, request: HttpRequest) -> HttpResponse:
        initial = self.suggestion_initial(request.GET)
        form = PeriodForm(initial=initial, plans=self.plans())
        htmx = getattr(request, "htmx", None)
        # A change of plan refreshes the units too (the whole form, of which htmx keeps the units' box).
        partial = htmx and not request.GET.get("_units")
        template = "reporting/_period_dates.html" if partial else "reporting/period_form.html"
        return render(request, template, {"form": form, "basis": initial["basis"], "kind": initial["kind"]})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PeriodForm(request.POST, plans=self.plans())
        if form.is_valid():
            data = form.cleaned_data
            try:
                period = services.period_open(
                    by=request.user,
                    kind=data["kind"],
                    year=data["year"],
                    label=data["label"],
                    start=data["start"],
                    end=data["end"],
                    due_date=data["due_date"],
                    units=data["units"],
                    plan=data["plan"],
                    schedule=data["schedule"],
                    basis=data["basis"],
                    note=data["note"],
                )
            except services.DuplicatePeriodError as exc:
                form.show_duplicate(str(exc))
            except WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    gettext("Đã mở kỳ báo cáo “%(period)s” cho %(count)s đơn vị.")
                    % {"period": period.label, "count": period.units.count()},
                )
                return HttpResponseRedirect(period.get_absolute_url())
        ctx = {"form": form, "basis": form.data.get("basis", ""), "kind": form.data.get("kind", "")}
        return render(request, "reporting/period_form.html", ctx, status=400)


class PeriodEditView(CoordinatorMixin, View):
    def get_period(self, pk: int) -> ReportingPeriod:
        return get_object_or_404(ReportingPeriod.objects.restrict(self.request.user, "change"), pk=pk)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        period = self.get_period(pk)
        form = PeriodForm(
            initial={
                "schedule": period.schedule_id,
                "kind": period.kind,
                "year": period.year,
                "label": period.label,
                "start": period.start,
                "end": period.end,
                "due_date": period.due_date,
                "basis": period.basis,
                "units": list(period.units.values_list("pk", flat=True)),
                "note": period.note,
            }
        )
        return render(request, "reporting/period_form.html", {"form": form, "period": period, "kind": period.kind})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        period = self.get_period(pk)
        data = request.POST.copy()
        data["kind"], data["year"] = period.kind, str(period.year)  # fixed once the period is open
        form = PeriodForm(data)
        if form.is_valid():
            d = form.cleaned_data
            try:
                period = services.period_update(
                    period=period,
                    by=request.user,
                    label=d["label"],
                    start=d["start"],
                    end=d["end"],
                    due_date=d["due_date"],
                    units=d["units"],
                    note=d["note"],
                    expected_version=_int(request.POST.get("_version"), 0) or None,
                )
            except services.DuplicatePeriodError as exc:
                form.show_duplicate(str(exc))
            except (ConflictError, WorkflowError) as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, gettext("Đã lưu kỳ báo cáo “%(period)s”.") % {"period": period.label})
                return HttpResponseRedirect(period.get_absolute_url())
        ctx = {"form": form, "period": period, "kind": period.kind}
        return render(request, "reporting/period_form.html", ctx, status=400)


class PeriodDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        period = get_object_or_404(selectors.period_list(user=request.user), pk=pk)
        reports = selectors.period_reports(period=period, user=request.user)
        today = timezone.localdate()
        role = role_of(request.user)
        manages = period.is_managed_by(request.user)
        ctx = {
            "period": period,
            "reports": reports,
            "counts": selectors.state_counts(reports, today),
            "states": DISPLAY_STATES,
            "is_coordinator": manages,
            "can_consolidate": role in READ_ALL_ROLES or manages,
            "receiver": selectors.period_receiver(period),
            "events": _events(period),
            "history": history_entries(period),
            "today": today,
        }
        return render(request, "reporting/period_detail.html", ctx)


class PeriodCloseView(CoordinatorMixin, View):
    """POST: close (or reopen, with `reopen=1`) a period."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        period = get_object_or_404(ReportingPeriod.objects.restrict(request.user, "change"), pk=pk)
        return render(request, "reporting/period_close.html", {"period": period})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        period = get_object_or_404(ReportingPeriod.objects.restrict(request.user, "change"), pk=pk)
        try:
            if request.POST.get("reopen"):
                services.period_reopen(period=period, by=request.user)
                messages.success(request, gettext("Đã mở lại kỳ báo cáo “%(period)s”.") % {"period": period.label})
            else:
                services.period_close(period=period, by=request.user)
                messages.success(request, gettext("Đã đóng kỳ báo cáo “%(period)s”.") % {"period": period.label})
        except WorkflowError as exc:
            messages.error(request, str(exc))
        return HttpResponseRedirect(period.get_absolute_url())


class ConsolidatedView(LoginRequiredMixin, View):
    """The consolidated report of a period on screen; its .docx and .xlsx are built by the background worker
    (python-docx needs seconds for a province's report) while this page polls their status."""

    def get_period(self, pk: int) -> ReportingPeriod:
        user = self.request.user
        if role_of(user) in READ_ALL_ROLES:
            return get_object_or_404(selectors.period_list(user=user), pk=pk)
        if not selectors.manages_some_plan(user):
            raise PermissionDenied  # the consolidation shows every unit's report
        # The officers of a plan's coordinating unit: that plan's periods only.
        return get_object_or_404(ReportingPeriod.objects.restrict(user, "change"), pk=pk)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        period = self.get_period(pk)
        c = consolidation.consolidate(period=period, user=request.user)
        exports_ = period.exports.filter(requested_by_id=request.user.pk)[:5]
        # The parts are numbered as in the .docx: the programme's appendices and units' figures come first.
        parts = ["appendices"] if c.is_program else []
        parts += ["tasks"] if c.plan is not None else []
        parts += ["texts", "submission"]
        ctx = {
            "period": period,
            "c": c,
            "numbers": dict(zip(parts, ["I", "II", "III", "IV", "V"], strict=False)),
            "title": exports.report_title(period),
            "exports": exports_,
            "formats": [
                ("docx", gettext("Tạo tệp .docx (Nghị định 30)"), "bi-file-earmark-word", "btn-primary"),
                ("xlsx", gettext("Tạo tệp .xlsx"), "bi-file-earmark-excel", "btn-outline-success"),
            ],
        }
        return render(request, "reporting/consolidated.html", ctx)


class PeriodExportView(ConsolidatedView):
    """POST: queue the .docx (Decree 30) or .xlsx of the consolidated report; answers with its status box."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponse(status=405)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        period = self.get_period(pk)
        fmt = request.POST.get("format", "docx")
        try:
            export = services.report_export_request(period=period, fmt=fmt, by=request.user)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(reverse("reporting:period_consolidated", args=[period.pk]))
        if getattr(request, "htmx", None):
            return render(request, "reporting/_export_status.html", {"export": export})
        return HttpResponseRedirect(reverse("reporting:period_consolidated", args=[period.pk]))


class ExportStatusView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        export = get_object_or_404(ReportExport.objects.restrict(request.user, "view"), pk=pk)
        return render(request, "reporting/_export_status.html", {"export": export})


class ExportDownloadView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        export = get_object_or_404(
            ReportExport.objects.restrict(request.user, "view").filter(status=ExportStatus.DONE), pk=pk
        )
        try:
            handle = export.file.open("rb")
        except (FileNotFoundError, ValueError) as exc:
            raise Http404(gettext("Tệp không còn trên máy chủ.")) from exc
        name = exports.export_filename(export.period, export.fmt)
        return FileResponse(handle, as_attachment=True, filename=name, content_type=exports.FORMATS[export.fmt])


# ----------------------------------------------------------------------------------------------- unit reports


class UnitReportDetailView(LoginRequiredMixin, View):
    """The report: registry figures and texts per section; the officer edits, attaches and submits here, the
    coordinator accepts or returns it."""

    def get_report(self, pk: int) -> UnitReport:
        return get_object_or_404(selectors.unit_report_list(user=self.request.user), pk=pk)

    def context(self, report: UnitReport, form: UnitReportForm | None = None, **extra: Any) -> dict[str, Any]:
        user = self.request.user
        editable = permissions.can(user, "change", report)
        facts = (
            selectors.unit_report_facts(unit=report.unit, period=report.period, user=user)
            if editable or not report.facts
            else report.facts
        )
        if form is None and editable:
            form = UnitReportForm(
                initial=selectors.report_form_texts(report=report, facts=facts),
                sections=selectors.report_sections(report.period),
            )
        sections = []
        for key, label in selectors.report_sections(report.period):
            sections.append(
                {
                    "key": key,
                    "label": label,
                    "facts": facts.get(key) or {},
                    "text": report.text(key),
                    "field": form[key] if form is not None else None,
                }
            )
        return {
            "report": report,
            "period": report.period,
            "editable": editable,
            "form": form,
            "sections": sections,
            "facts": facts,
            "attachments": selectors.report_attachments(report=report),
            "attach_form": extra.pop("attach_form", None) or AttachmentForm(),
            "versions": selectors.report_versions(report=report),
            "can_review": services.TRANSITIONS["accept"].available(user, report),
            "return_form": extra.pop("return_form", None) or CommentForm(),
            "events": _events(report),
            "history": history_entries(report),
            **extra,
        }

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = self.get_report(pk)
        return render(request, "reporting/unitreport_detail.html", self.context(report))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Save the draft (`_action=save`) or submit it (`_action=submit`)."""
        report = self.get_report(pk)
        if not permissions.can(request.user, "change", report):
            raise PermissionDenied
        form = UnitReportForm(request.POST, sections=selectors.report_sections(report.period))
        if form.is_valid():
            expected = _int(request.POST.get("_version"), 0) or None
            try:
                if request.POST.get("_action") == "submit":
                    report = services.unit_report_submit(
                        report=report, by=request.user, texts=form.texts(), expected_version=expected
                    )
                    messages.success(request, gettext("Đã nộp báo cáo %(period)s.") % {"period": report.period.label})
                else:
                    report = services.unit_report_save(
                        report=report, by=request.user, texts=form.texts(), expected_version=expected
                    )
                    messages.success(request, gettext("Đã lưu bản nháp."))
            except WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                return HttpResponseRedirect(report.get_absolute_url())
        return render(request, "reporting/unitreport_detail.html", self.context(report, form), status=400)


class UnitReportActionView(LoginRequiredMixin, View):
    """A workflow step on a report: accept, return (with a comment), submit (confirmation)."""

    def get(self, request: HttpRequest, pk: int, name: str) -> HttpResponse:
        report = get_object_or_404(selectors.unit_report_list(user=request.user), pk=pk)
        transition = services.TRANSITIONS.get(name)
        if transition is None:
            raise Http404
        if not transition.available(request.user, report):
            raise PermissionDenied
        form = CommentForm() if name == "return" else None
        ctx = {"report": report, "transition": transition, "form": form}
        return render(request, "reporting/unitreport_action.html", ctx)

    def post(self, request: HttpRequest, pk: int, name: str) -> HttpResponse:
        report = get_object_or_404(selectors.unit_report_list(user=request.user), pk=pk)
        transition = services.TRANSITIONS.get(name)
        if transition is None:
            raise Http404
        form = CommentForm(request.POST) if name == "return" else None
        if form is None or form.is_valid():
            kwargs = form.cleaned_data if form is not None else {}
            try:
                report = services.SERVICES[name](report=report, by=request.user, **kwargs)
            except WorkflowError as exc:
                if form is None:
                    messages.error(request, str(exc))
                    return HttpResponseRedirect(report.get_absolute_url())
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"{transition.label}: {report}")
                return HttpResponseRedirect(report.get_absolute_url())
        ctx = {"report": report, "transition": transition, "form": form}
        return render(request, "reporting/unitreport_action.html", ctx, status=400)


class AttachmentUploadView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = get_object_or_404(UnitReport.objects.restrict(request.user, "change"), pk=pk)
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                attachment = services.unit_report_attach(
                    report=report, by=request.user, upload=form.cleaned_data["file"]
                )
            except WorkflowError as exc:
                form.add_error("file", str(exc))
            else:
                messages.success(
                    request, gettext("Đã đính kèm tệp “%(attachment)s”.") % {"attachment": attachment.name}
                )
                return HttpResponseRedirect(f"{report.get_absolute_url()}#attachments")
        view = UnitReportDetailView()
        view.request = request
        return render(request, "reporting/unitreport_detail.html", view.context(report, attach_form=form), status=400)


class AttachmentDownloadView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        attachment = get_object_or_404(UnitReportAttachment.objects.restrict(request.user, "view"), pk=pk)
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404(gettext("Tệp không còn trên máy chủ.")) from exc
        return FileResponse(handle, as_attachment=True, filename=attachment.name, content_type=attachment.content_type)


class AttachmentRemoveView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        attachment = get_object_or_404(
            UnitReportAttachment.objects.restrict(request.user, "change").select_related("report"), pk=pk
        )
        try:
            services.unit_report_detach(report=attachment.report, attachment=attachment, by=request.user)
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, gettext("Đã gỡ tệp “%(attachment)s”.") % {"attachment": attachment.name})
        return HttpResponseRedirect(f"{attachment.report.get_absolute_url()}#attachments")


class VersionDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        visible = selectors.unit_report_list(user=request.user).values("pk")
        version = get_object_or_404(
            UnitReportVersion.objects.filter(report__in=visible).select_related("report__period", "report__unit"), pk=pk
        )
        sections = [
            (label, str(version.texts.get(key, ""))) for key, label in selectors.report_sections(version.report.period)
        ]
        ctx = {
            "version": version,
            "report": version.report,
            "sections": sections,
            "facts": version.facts,
            "attachments": version.attachments.all(),
        }
        return render(request, "reporting/version_detail.html", ctx)


# ------------------------------------------------------------------------------ compliance, deadlines, inbox


COMPLIANCE_PER_PAGE = 100  # units: a province has ~60, a national deployment ~1,700


class ComplianceView(LoginRequiredMixin, View):
    """Per unit, the on-time rate of its reports and its overdue deadlines, `COMPLIANCE_PER_PAGE` units a page."""

    def get(self, request: HttpRequest) -> HttpResponse:
        kind = request.GET.get("kind", "")
        kind = kind if kind in PeriodKind.values else ""
        last = min(max(_int(request.GET.get("last"), 6), 1), 24)
        today = timezone.localdate()
        table = selectors.compliance_table(user=request.user, today=today, last=last, kind=kind)
        page = table.page(request.GET.get("page"), COMPLIANCE_PER_PAGE)
        ctx = {
            "rows": page.object_list,
            "page": page,
            "units": len(table.rows),
            "kind": kind,
            "last": last,
            "kinds": PeriodKind.choices,
            "today": today,
            "deadlines_url": reverse("reporting:deadlines"),
        }
        return render(request, "reporting/compliance.html", ctx)


# Rows of each group on the deadline page (tens of thousands are open at national scale).
DEADLINES_PER_PAGE = 50


class DeadlineListView(LoginRequiredMixin, View):
    """Every open deadline the user may see in three groups, each with its total and its first rows
    (`DEADLINES_PER_PAGE`); `?group=…&page=…` pages through one group, `?unit=<id>` shows one unit's (the
    compliance page links to a unit's overdue ones). A unit the user may not choose is a 404."""

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        unit_form = DeadlineUnitForm(request.GET, user=request.user)
        if not unit_form.is_valid():
            raise Http404(gettext("Không có đơn vị này."))
        unit = unit_form.cleaned_data["unit"]
        kind = request.GET.get("kind", "")
        labels = kind_labels()
        kinds = {kind} if kind in labels else None
        soon = today + dt.timedelta(days=int(settings.DOINGOAI_REMINDER_DAYS_BEFORE))
        group = request.GET.get("group", "")
        page = max(_int(request.GET.get("page"), 1), 1) if group in GROUPS else 1
        chosen = (group,) if group in GROUPS else GROUPS
        found = deadline_page(
            user=request.user,
            today=today,
            soon=soon,
            kinds=kinds,
            groups=chosen,
            page=page,
            per_page=DEADLINES_PER_PAGE,
            unit=unit,
        )
        filters = ({"kind": kind} if kind else {}) | ({"unit": unit.pk} if unit else {})
        headings = {
            OVERDUE: (gettext("Quá hạn"), "danger"),
            SOON: (gettext("Sắp đến hạn"), "warning"),
            LATER: (gettext("Các hạn tiếp theo"), "secondary"),
        }
        groups = []
        for g in found:
            heading, colour = headings[g.name]
            last = g.first + len(g.deadlines) - 1
            query = filters
            groups.append(
                {
                    "heading": heading,
                    "colour": colour,
                    "total": g.total,
                    "items": g.deadlines,
                    "first": g.first,
                    "last": last,
                    "previous": urlencode(query | {"group": g.name, "page": page - 1}) if g.first > 1 else "",
                    "next": urlencode(query | {"group": g.name, "page": page + 1}) if last < g.total else "",
                }
            )
        ctx = {
            "groups": groups,
            "today": today,
            "kind": kind,
            "kinds": sorted(labels.items(), key=lambda x: x[1]),
            "one_group": len(chosen) == 1,
            "group": group if len(chosen) == 1 else "",
            "all_query": urlencode(filters),
            "unit": unit,
            "unit_form": unit_form,
        }
        return render(request, "reporting/deadlines.html", ctx)


class InboxView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        items = selectors.notification_list(user=request.user)[:200]
        return render(request, "reporting/inbox.html", {"items": items})

    def post(self, request: HttpRequest) -> HttpResponse:
        count = services.notifications_mark_read(user=request.user)
        messages.success(request, gettext("Đã đánh dấu %(count)s thông báo là đã đọc.") % {"count": count})
        return HttpResponseRedirect(reverse("reporting:inbox"))


class NotificationOpenView(LoginRequiredMixin, View):
    """Open a message: mark it read and go where it points (inside this site only)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        note = get_object_or_404(selectors.notification_list(user=request.user), pk=pk)
        services.notifications_mark_read(user=request.user, notification_id=note.pk)
        target = note.url if url_has_allowed_host_and_scheme(note.url, allowed_hosts=None) else ""
        return HttpResponseRedirect(target or reverse("reporting:inbox"))


# ----------------------------------------------------------------------------- a plan's members, the committee


def _plan_for(request: HttpRequest, pk: int) -> Any:
    return get_object_or_404(
        Plan.objects.restrict(request.user, "view").select_related("committee", "coordinating_unit"), pk=pk
    )


class PlanReportingView(LoginRequiredMixin, View):
    """Every member's reports in every period of one plan, with the on-time rates (an officer: its own unit)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = _plan_for(request, pk)
        r = committee.plan_reporting(plan=plan, user=request.user)
        return render(request, "reporting/plan_reporting.html", {"r": r, "plan": plan})


class PlanReportingExportView(LoginRequiredMixin, View):
    """The consolidated report on the plan's members as .docx (Decree 30) or .xlsx; the false-information cases
    it lists are logged as exported."""

    def get(self, request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
        if fmt not in exports.FORMATS:
            raise Http404
        plan = _plan_for(request, pk)
        r = committee.plan_reporting(plan=plan, user=request.user, read_as=AccessAction.EXPORT_LIST)
        content = committee_exports.committee_docx(r) if fmt == "docx" else committee_exports.committee_xlsx(r)
        response = HttpResponse(content, content_type=exports.FORMATS[fmt])
        name = committee_exports.committee_filename(r, fmt)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class CommitteeView(LoginRequiredMixin, View):
    """The plans whose members report to a steering committee or a coordinating unit, each with its members'
    on-time rates (without the recorded work, read on each plan's page)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        plans = list(committee.committee_plans(user=request.user))
        rows = [committee.plan_reporting(plan=p, user=request.user, with_info=False) for p in plans]
        return render(request, "reporting/committee.html", {"rows": rows})
