"""Imports pages: Excel templates and proposals for every unit; document imports for the coordinator."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View
from openpyxl.utils import get_column_letter

from doingoai.core.choices import FundingSource
from doingoai.core.models import Country, Partner, Unit
from doingoai.core.numbers import local_figure
from doingoai.core.permissions import WRITE_ALL_ROLES, role_of
from doingoai.core.workflow import WorkflowError
from doingoai.delegations.models import DelegationStatus
from doingoai.documents.proposals_xlsx import MAX_BYTES, TEMPLATES, ProposalFileError
from doingoai.documents.upload_checks import UploadError
from doingoai.imports import document_plan, documents, proposals, selectors
from doingoai.imports.forms import DocumentUploadForm, ProposalUploadForm, YearForm
from doingoai.imports.models import ImportStatus, PendingImport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_URLS = {
    "delegations_out": ("delegations:delegation_list", "?direction=out"),
    "delegations_in": ("delegations:delegation_list", "?direction=in"),
    "conferences": ("conferences:conference_list", ""),
    "agreements": ("agreements:agreement_list", ""),
}
SESSION_KEY = "proposal_import"


def _list_url(kind: str) -> str:
    name, query = LIST_URLS[kind]
    return reverse(name) + query


def _read_upload(upload: Any, limit: int) -> bytes:
    """The uploaded bytes, refusing more than `limit` without reading them all into memory."""
    if upload.size is not None and upload.size > limit:
        raise UploadError(
            gettext("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": local_figure(upload.size / 1024 / 1024), "limit": limit // (1024 * 1024)}
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise UploadError(gettext("Tệp quá lớn; giới hạn là %(limit)s MB.") % {"limit": limit // (1024 * 1024)})
    return bytes(data)


class ImportIndexView(LoginRequiredMixin, View):
    """Templates to download and forms to upload, per appendix; the coordinator's document imports."""

    def get(self, request: HttpRequest) -> HttpResponse:
        is_coordinator = role_of(request.user) in WRITE_ALL_ROLES
        kinds = [
            {
                "kind": kind,
                "title": template.title,
                "appendix": template.appendix,
                "template_url": reverse(f"imports:proposal_template_{kind}"),
                "upload_url": reverse(f"imports:proposal_upload_{kind}"),
                "list_url": _list_url(kind),
            }
            for kind, template in TEMPLATES.items()
        ]
        return render(
            request,
            "imports/index.html",
            {
                "kinds": kinds,
                "can_upload": proposals.can_import_proposals(request.user),
                "is_coordinator": is_coordinator,
                "pending": selectors.pending_import_list(user=request.user)[:10] if is_coordinator else [],
            },
        )


class ProposalTemplateView(LoginRequiredMixin, View):
    """The .xlsx template of one appendix, for any signed-in user."""

    def get(self, request: HttpRequest, kind: str) -> HttpResponse:
        try:
            year = int(request.GET.get("year", ""))
        except ValueError:
            year = timezone.localdate().year + 1
        low, high = proposals.year_bounds()
        year = min(max(year, low), high)
        data = proposals.proposal_template(kind=kind, year=year)
        response = HttpResponse(data, content_type=XLSX)
        name = {"delegations_out": "doan-ra", "delegations_in": "doan-vao"}.get(kind, kind.replace("_", "-"))
        response["Content-Disposition"] = f'attachment; filename="mau-de-xuat-{name}-{year}.xlsx"'
        return response


class ProposalUploadView(LoginRequiredMixin, View):
    """Upload a filled-in template → every row checked → preview → confirm (all rows or none)."""

    template_name = "imports/proposal_upload.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not proposals.can_import_proposals(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, kind: str) -> HttpResponse:
        return self.render(kind, ProposalUploadForm(user=request.user))

    def post(self, request: HttpRequest, kind: str) -> HttpResponse:
        if "token" in request.POST:
            return self.confirm(kind)
        form = ProposalUploadForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render(kind, form, status=400)
        upload = form.cleaned_data["file"]
        unit = form.cleaned_data.get("unit")  # an officer's own unit (fixed field), or the coordinator's choice
        try:
            data = _read_upload(upload, MAX_BYTES)
            sheet = proposals.proposals_read(kind=kind, data=data, user=request.user, unit=unit)
        except (ProposalFileError, UploadError) as exc:
            form.add_error("file", str(exc))
            return self.render(kind, form, status=400)
        if sheet.errors:
            return self.render(
                kind, form, sheet=sheet, source=upload.name, status=400, invalid_rows=len(sheet.invalid_rows)
            )
        token = secrets.token_urlsafe(16)
        request.session[SESSION_KEY] = {
            "token": token,
            "kind": kind,
            "source": upload.name[:200],
            "rows": [{"row": r.row, "values": r.values} for r in sheet.rows],
        }
        units = Unit.objects.in_bulk({r.values["unit"] for r in sheet.rows})
        names = dict(Country.objects.values_list("code", "name_vi"))
        preview = [
            {
                "row": r.row,
                "label": r.values.get("name") or r.values.get("title"),
                "countries": ", ".join(
                    names.get(c, c) for c in (r.values.get("countries") or [r.values.get("country")]) if c
                ),
                "time": r.values.get("time_text"),
                "year": r.values.get("year"),
                "unit": units.get(r.values["unit"]),
            }
            for r in sheet.rows
        ]
        return self.render(kind, form, preview=preview, token=token, source=upload.name)

    def confirm(self, kind: str) -> HttpResponse:
        request = self.request
        pending = request.session.get(SESSION_KEY) or {}
        if pending.get("token") != request.POST.get("token") or pending.get("kind") != kind:
            messages.error(request, "Phiên nhập đã hết hạn hoặc đã được xác nhận; hãy tải tệp lên lại.")
            return HttpResponseRedirect(request.path)
        try:
            created = proposals.proposals_import(
                kind=kind, rows=pending["rows"], by=request.user, source=pending["source"]
            )
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        del request.session[SESSION_KEY]
        messages.success(
            request,
            gettext(
                "Đã nhập %(created_count)s đề xuất “%(title)s” từ tệp “%(source)s” (trạng thái Dự "
                "thảo; kiểm tra rồi “Gửi đề xuất”)."
            )
            % {"created_count": len(created), "title": TEMPLATES[kind].title, "source": pending["source"]},
        )
        return HttpResponseRedirect(_list_url(kind))

    def render(self, kind: str, form: ProposalUploadForm, status: int = 200, **extra: Any) -> HttpResponse:
        template = TEMPLATES[kind]
        ctx = {
            "kind": kind,
            "template": template,
            "form": form,
            "template_url": reverse(f"imports:proposal_template_{kind}"),
            "list_url": _list_url(kind),
            "max_mb": MAX_BYTES // (1024 * 1024),
            "columns": [(get_column_letter(i), c) for i, c in enumerate(template.columns, start=1)],
            **extra,
        }
        return render(self.request, self.template_name, ctx, status=status)


class CoordinatorMixin(LoginRequiredMixin):
    """Document imports are the coordinator's: others get 403 on the pages and 404 on a pending import."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and role_of(request.user) not in WRITE_ALL_ROLES:
            if "pk" in kwargs:
                raise Http404
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_pending(self, pk: int) -> PendingImport:
        return get_object_or_404(selectors.pending_import_list(user=self.request.user), pk=pk)


class DocumentUploadView(CoordinatorMixin, View):
    template_name = "imports/document_upload.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(DocumentUploadForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = DocumentUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data = _read_upload(upload, documents.DOCUMENT_MAX_BYTES)
                pending = documents.document_import_start(
                    data=data, filename=upload.name, year=form.cleaned_data.get("year"), by=request.user
                )
            except (UploadError, WorkflowError) as exc:
                form.add_error("file", str(exc))
            else:
                return HttpResponseRedirect(pending.get_absolute_url())
        return self.render(form, status=400)

    def render(self, form: DocumentUploadForm, status: int = 200) -> HttpResponse:
        ctx = {
            "form": form,
            "pending": selectors.pending_import_list(user=self.request.user)[:20],
            "max_mb": documents.DOCUMENT_MAX_BYTES // (1024 * 1024),
        }
        return render(self.request, self.template_name, ctx, status=status)


class DocumentDetailView(CoordinatorMixin, View):
    """Progress while the document is read, then the review; POST confirms, discards or changes the year."""

    template_name = "imports/document_detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        pending = self.get_pending(pk)
        return self.render(pending)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        pending = self.get_pending(pk)
        action = request.POST.get("action")
        try:
            if action == "discard":
                documents.document_import_discard(pending=pending, by=request.user)
                messages.success(
                    request,
                    gettext("Đã hủy nhập văn bản “%(pending)s”; không có dữ liệu nào được lưu.") % {"pending": pending},
                )
                return HttpResponseRedirect(reverse("imports:document_upload"))
            if action == "year":
                form = YearForm(request.POST)
                if not form.is_valid():
                    return self.render(pending, year_form=form, status=400)
                documents.document_import_set_year(pending=pending, year=form.cleaned_data["year"], by=request.user)
                return HttpResponseRedirect(pending.get_absolute_url())
            if action == "confirm":
                return self.confirm(pending)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(pending.get_absolute_url())
        raise Http404

    def confirm(self, pending: PendingImport) -> HttpResponse:
        request = self.request
        units = proposals.proposal_units(request.user)
        default_unit = units.filter(pk=_int(request.POST.get("default_unit")) or 0).first()
        if default_unit is None:
            messages.error(request, "Cần chọn đơn vị mặc định cho các dòng không xác định được đơn vị.")
            return HttpResponseRedirect(pending.get_absolute_url())
        allowed = set(Unit.objects.values_list("pk", flat=True))
        choices = {
            key.removeprefix("unit:"): value
            for key, raw in request.POST.items()
            if key.startswith("unit:") and (value := _int(raw)) in allowed
        }
        # A task's lead unit as chosen on the screen; the empty choice means "no lead unit".
        leads = {
            key.removeprefix("lead:"): (value if value in allowed else None)
            for key, raw in request.POST.items()
            if key.startswith("lead:") and ((value := _int(raw)) in allowed or not raw)
        }
        # Unticked new partners are not created; the form marks that it listed them.
        create = set(request.POST.getlist("create_partner")) if "partners_listed" in request.POST else None
        report = documents.document_import_confirm(
            pending=pending,
            by=request.user,
            default_unit=default_unit,
            unit_choices=choices,
            lead_choices=leads,
            create_partners=create,
        )
        plan_text = documents.plan_report_text(report)
        messages.success(
            request,
            gettext(
                "Đã nhập văn bản “%(pending)s”: tạo %(total_created)s bản ghi, %(partners_created)s "
                "đối tác mới; bỏ qua %(total_skipped)s bản ghi đã có"
            )
            % {
                "pending": pending,
                "total_created": report["total_created"],
                "partners_created": report["partners_created"],
                "total_skipped": report["total_skipped"],
            }
            + (f"; {plan_text}." if plan_text else "."),
        )
        return HttpResponseRedirect(pending.get_absolute_url())

    def render(self, pending: PendingImport, status: int = 200, **extra: Any) -> HttpResponse:
        ctx: dict[str, Any] = {"pending": pending, **extra}
        if pending.status == ImportStatus.READY:
            year = pending.effective_year
            ctx["year_form"] = extra.get("year_form") or YearForm(initial={"year": year})
            if year is not None:
                plan = document_plan.document_import_plan(
                    data=pending.extracted or {}, year=year, user=self.request.user
                )
                ctx |= _review_context(plan)
                ctx["units"] = list(Unit.objects.order_by("name").values_list("pk", "name"))
                ctx["default_unit"] = documents.default_unit_for(self.request.user)
                ctx["earlier"] = (
                    PendingImport.objects.filter(sha256=pending.sha256, status=ImportStatus.IMPORTED)
                    .exclude(pk=pending.pk)
                    .order_by("-imported_at")
                    .first()
                )
        return render(self.request, self.template_name, ctx, status=status)


class DocumentStatusView(CoordinatorMixin, View):
    """The progress fragment polled by htmx; once reading ends the page reloads to show the review."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        pending = self.get_pending(pk)
        response = render(request, "imports/_document_status.html", {"pending": pending})
        if not pending.in_progress and getattr(request, "htmx", False):
            response["HX-Refresh"] = "true"
        return response


def _review_context(plan: document_plan.ImportPlan) -> dict[str, Any]:
    """What the review screen shows, with names instead of codes and references."""
    country_names = dict(Country.objects.values_list("code", "name_vi"))
    new_names = {pm.ref: pm.canonical for pm in plan.partners if pm.is_new}
    partner_names = dict(
        Partner.objects.filter(
            pk__in=[r for row in plan.rows for r in row.partner_refs if isinstance(r, int)]
        ).values_list("pk", "name")
    )
    funding = dict(FundingSource.choices)
    review = []
    for key, rows in plan.sections.items():
        create, skip = plan.counts[key]
        review.append(
            {
                "key": key,
                "title": document_plan.SECTIONS[key],
                "planned": plan.planned_counts.get(document_plan.PLANNED_KEYS[key]),
                "create": create,
                "skip": skip,
                "rows": [
                    {
                        "key": row.key,
                        "number": row.number,
                        "label": row.label,
                        "countries": ", ".join(country_names.get(c, c) for c in row.countries),
                        "partners": ", ".join(
                            partner_names.get(r) or gettext("%(name)s (mới)") % {"name": new_names.get(r, "")}
                            for r in row.partner_refs
                        )
                        or row.partner_text,
                        "time": row.fields.get("time_text"),
                        "funding": funding.get(row.fields.get("funding_source", ""), ""),
                        "unit_id": row.unit.pk if row.unit else None,
                        "duplicate": row.duplicate,
                    }
                    for row in rows
                ],
            }
        )
    for pm in plan.partners:
        pm.country_name = country_names.get(pm.country or "", "")  # type: ignore[attr-defined]
    return {
        "plan": plan,
        "draft": plan.plan_draft,
        "review": review,
        "matched": [pm for pm in plan.partners if not pm.is_new],
        "new_partners": [pm for pm in plan.partners if pm.is_new],
        "document_kind": document_plan.DOCUMENT_KINDS.get(str(plan.document.get("kind") or ""), ""),
        "delegation_status": DelegationStatus(plan.target_status).label,
    }


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
