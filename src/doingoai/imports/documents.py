"""Programmes and plans from documents into the registries: the uploaded document is kept and read by the
background worker (plain Python in `documents/`), the coordinator reviews the plan of what it would create
(`imports.document_plan`) and confirms it: all or none, with the field history attributed to the user and a
business event per record."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from doingoai.agreements.models import Agreement, AgreementStatus
from doingoai.conferences.models import Conference, ConferenceStatus
from doingoai.core.background import on_task_failure
from doingoai.core.models import Country, Partner, Unit
from doingoai.core.permissions import WRITE_ALL_ROLES, role_of
from doingoai.core.selectors import reference_from_database
from doingoai.core.uploads import store_upload
from doingoai.core.workflow import StepPermissionDenied, WorkflowError, record_event, save_tracked
from doingoai.delegations.models import Delegation
from doingoai.documents.model import DocumentError
from doingoai.documents.upload_checks import check_document
from doingoai.imports.document_plan import SECTIONS, ImportPlan, document_import_plan
from doingoai.imports.models import ImportStatus, PendingImport
from doingoai.imports.proposals import year_bounds
from doingoai.legal.services import legal_documents_from_references
from doingoai.programs.models import Plan
from doingoai.programs.services import plan_from_document
from doingoai.reference.text import compact_key

logger = logging.getLogger(__name__)
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


def extract_file(path: Path) -> dict[str, Any]:
    """The extract contract of a document on disk (see DESIGN.md, `doingoai extract`).

    Read against the database's reference data, so the administrator's countries, partners and diplomatic
    relations count. Raises DocumentError (a one-line Vietnamese message) for a file that cannot be read.
    """
    from doingoai.documents.extract import extract
    from doingoai.documents.readers import read

    return dict(extract(read(path, path.name), reference=reference_from_database()))


def _require_coordinator(user: Any, what: str) -> None:
    if role_of(user) not in WRITE_ALL_ROLES:
        raise StepPermissionDenied(f"Chỉ cơ quan điều phối được {what}.")


def document_import_start(*, data: bytes, filename: str, year: int | None, by: Any) -> PendingImport:
    """Keep the uploaded document and queue its reading; nothing reaches the registries yet."""
    _require_coordinator(by, "nhập văn bản")
    suffix = check_document(data, filename, max_bytes=DOCUMENT_MAX_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    pending = PendingImport(
        original_name=Path(filename).name[:255] or f"van-ban{suffix}",
        sha256=digest,
        year=year,
        status=ImportStatus.QUEUED,
        created_by=by if getattr(by, "pk", None) else None,
    )
    store_upload(pending.file, f"{digest[:24]}{suffix}", ContentFile(data))
    save_tracked(pending, by=by, reason="Tải lên văn bản")

    result = extract_document.enqueue(pending.pk)
    PendingImport.objects.filter(pk=pending.pk).update(task_id=str(result.id)[:64])
    pending.refresh_from_db()
    return pending


def document_import_extract(*, pending_id: int) -> str:
    """Read the document of a pending import (run by the background worker); returns the new status."""
    pending = PendingImport.objects.filter(pk=pending_id).first()
    if pending is None or pending.status not in (ImportStatus.QUEUED, ImportStatus.EXTRACTING):
        return pending.status if pending else ""
    PendingImport.objects.filter(pk=pending_id).update(status=ImportStatus.EXTRACTING)
    try:
        data = extract_file(Path(pending.file.path))
    except DocumentError as exc:
        pending.status = ImportStatus.FAILED
        pending.error = f"Không đọc được văn bản: {exc}"[:2000]
    except Exception as exc:  # an extractor bug becomes a message on the page, not a crashed worker
        logger.exception("extracting pending import %s", pending_id)
        pending.status = ImportStatus.FAILED
        pending.error = f"Không đọc được văn bản (lỗi khi phân tích: {type(exc).__name__})."
    else:
        pending.status = ImportStatus.READY
        pending.extracted = data
        pending.error = ""
    save_tracked(pending, by=pending.created_by, reason="Đọc văn bản")
    return pending.status


@task()
def extract_document(pending_id: int) -> str:
    """Read an uploaded programme or plan into the extract contract in the background (the `db_worker`), so the
    page never waits on it. Defined beside the service it runs and the one that queues it."""
    return document_import_extract(pending_id=pending_id)


def _extract_failed(pending_id: int, *, message: str) -> None:
    """The reading's task failed or its worker was lost for good: the page says so instead of spinning."""
    PendingImport.objects.filter(pk=pending_id, status__in=[ImportStatus.QUEUED, ImportStatus.EXTRACTING]).update(
        status=ImportStatus.FAILED, error=f"Không đọc được văn bản: {message}"
    )


on_task_failure(extract_document, _extract_failed)


def document_import_set_year(*, pending: PendingImport, year: int, by: Any) -> PendingImport:
    """Change the plan year the rows will be filed under (before confirmation)."""
    _require_coordinator(by, "nhập văn bản")
    low, high = year_bounds()
    if not low <= year <= high:
        raise WorkflowError(f"Năm kế hoạch phải từ {low} đến {high}.")
    if pending.status != ImportStatus.READY:
        raise WorkflowError("Chỉ đổi năm khi văn bản đang chờ xác nhận.")
    pending.year = year
    return save_tracked(pending, by=by, reason="Đổi năm kế hoạch")


@transaction.atomic
def document_import_apply(
    *,
    plan: ImportPlan,
    by: Any,
    default_unit: Unit,
    unit_choices: Mapping[str, int] | None = None,
    lead_choices: Mapping[str, int | None] | None = None,
    create_partners: Collection[str] | None = None,
    source: str,
) -> dict[str, Any]:
    """Create the document's new partners, its rows that do not exist yet and the plan it is (or complete the
    plan it already is, with the tasks it lacks): all or none, with history.

    `unit_choices` maps row keys to the unit chosen on the review screen; `lead_choices` maps task keys to the
    lead unit chosen there (None: no lead unit); `create_partners` lists the keys of the new partners to create
    (None: all), the others are left as text in their rows. Callers check who may do this (the coordinator;
    or the `import` command run by the administrator).
    """
    chosen = Unit.objects.in_bulk({v for v in (unit_choices or {}).values() if v})
    countries = {c.code: c for c in Country.objects.all()}
    partner_for: dict[Any, Partner] = {}
    partners_created = 0
    for pm in plan.partners:
        if pm.partner is not None:
            partner_for[pm.ref] = pm.partner
            continue
        if create_partners is not None and pm.key not in create_partners:
            continue
        country = countries.get(pm.country or "")
        partner = Partner.objects.filter(name=pm.canonical[:255], country=country).first()
        if partner is None:
            partner = Partner(
                name=pm.canonical[:255],
                country=country,
                kind=pm.kind,
                aliases=[pm.written] if compact_key(pm.written) != compact_key(pm.canonical) else [],
            )
            save_tracked(partner, by=by, reason="Nhập từ văn bản")
            record_event(obj=partner, verb="imported", summary=f"Nhập từ văn bản “{source}”: {partner}", actor=by)
            partners_created += 1
        partner_for[pm.ref] = partner
    applied_plan: dict[str, Any] | None = None
    known = Partner.objects.in_bulk({ref for row in plan.rows for ref in row.partner_refs if isinstance(ref, int)})
    created: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    status = plan.target_status
    for row in plan.rows:
        if row.duplicate:
            skipped[row.section] += 1
            continue
        unit = chosen.get((unit_choices or {}).get(row.key, 0)) or row.unit or default_unit
        row_partners = [p for p in (partner_for.get(ref) or known.get(ref) for ref in row.partner_refs) if p]
        obj: Any
        if row.model is Delegation:
            obj = Delegation(**row.fields, proposing_unit=unit, status=status)
        elif row.model is Conference:
            obj = Conference(**row.fields, organising_unit=unit, status=ConferenceStatus.PROPOSED)
        else:
            obj = Agreement(
                **row.fields,
                proposing_unit=unit,
                country=countries.get(row.countries[0]) if row.countries else None,
                partner=row_partners[0] if row_partners else None,
                status=AgreementStatus.PROPOSED,
            )
        save_tracked(obj, by=by, reason="Nhập từ văn bản")
        if row.model is not Agreement:
            obj.countries.set([countries[c] for c in row.countries if c in countries])
            obj.partners.set(row_partners)
        record_event(
            obj=obj,
            verb="imported",
            summary=f"Nhập từ văn bản “{source}” ({SECTIONS[row.section]}, dòng {row.number}): {obj}",
            actor=by,
            data={"source": source, "section": row.section, "row": row.number, "fingerprint": row.fingerprint},
        )
        created[row.section] += 1
    applied_plan = _apply_plan(plan, by=by, lead_choices=lead_choices or {}, source=source)
    return {
        "created": dict(created),
        "skipped": dict(skipped),
        "partners_created": partners_created,
        "total_created": sum(created.values()),
        "total_skipped": sum(skipped.values()),
        "plan": applied_plan,
        "legal": legal_documents_from_references(
            references=plan.legal_references,
            by=by,
            cited_by=Plan.objects.get(pk=applied_plan["id"]) if applied_plan else None,
            source=source,
        ),
    }


def _apply_plan(
    plan: ImportPlan, *, by: Any, lead_choices: Mapping[str, int | None], source: str
) -> dict[str, Any] | None:
    """The plan the document is, with its tasks (after the rows, so that an issued programme's version 1 holds
    them); None when the document is no plan."""
    draft = plan.plan_draft
    if draft is None:
        return None
    chosen = Unit.objects.in_bulk({v for v in lead_choices.values() if v})
    specs = []
    for row in draft.tasks:
        lead = chosen.get(lead_choices[row.key] or 0) if row.key in lead_choices else row.lead_unit
        specs.append(
            {
                "key": row.key,
                "parent_key": row.parent_key,
                "section": row.section,
                "pillar": row.pillar,
                "domain": row.domain,
                "text": row.text,
                "lead_unit": lead,
                "coordinating_units": [m.unit for m in row.coordinating if m.unit is not None],
                "deadline": row.deadline,
                "status_note": row.status_note(),
                "existing": row.existing,
            }
        )
    if not draft.changes and draft.existing is not None:
        return {
            "id": draft.existing.pk,
            "label": str(draft.existing),
            "created": False,
            "tasks_created": 0,
            "tasks_skipped": draft.tasks_skipped,
            "fields_filled": 0,
        }
    saved, report = plan_from_document(
        by=by, values=draft.values, tasks=specs, status=draft.status, source=source, plan=draft.existing
    )
    return {
        "id": saved.pk,
        "label": str(saved),
        "created": bool(report["plan_created"]),
        "tasks_created": report["tasks"],
        "tasks_skipped": draft.tasks_skipped,
        "fields_filled": report["fields_filled"],
    }


def plan_report_text(report: Mapping[str, Any]) -> str:
    """ "Tạo Chương trình … với 12 nhiệm vụ" for the messages of the page and the command."""
    info = report.get("plan")
    if not info:
        return ""
    if info["created"]:
        return f"tạo “{info['label']}” với {info['tasks_created']} nhiệm vụ"
    return (
        f"bổ sung “{info['label']}”: {info['tasks_created']} nhiệm vụ mới, "
        f"{info['fields_filled']} thông tin còn trống; bỏ qua {info['tasks_skipped']} nhiệm vụ đã có"
    )


def document_import_confirm(
    *,
    pending: PendingImport,
    by: Any,
    default_unit: Unit,
    unit_choices: Mapping[str, int] | None = None,
    lead_choices: Mapping[str, int | None] | None = None,
    create_partners: Collection[str] | None = None,
) -> dict[str, Any]:
    """The coordinator confirms the review: the plan, its tasks and the records are created in one transaction,
    then the import closes."""
    _require_coordinator(by, "xác nhận nhập văn bản")
    with transaction.atomic():
        fresh = PendingImport.objects.select_for_update().get(pk=pending.pk)
        if fresh.status != ImportStatus.READY:
            raise WorkflowError(f"Văn bản này đang ở trạng thái “{fresh.get_status_display()}”, không thể nhập.")
        year = fresh.effective_year
        if year is None:
            raise WorkflowError("Chưa xác định được năm kế hoạch; hãy nhập năm trước khi xác nhận.")
        plan = document_import_plan(data=fresh.extracted or {}, year=year, user=by)
        report = document_import_apply(
            plan=plan,
            by=by,
            default_unit=default_unit,
            unit_choices=unit_choices,
            lead_choices=lead_choices,
            create_partners=create_partners,
            source=fresh.original_name,
        )
        fresh.status = ImportStatus.IMPORTED
        fresh.year = year
        fresh.report = report
        fresh.imported_by = by
        fresh.imported_at = timezone.now()
        save_tracked(fresh, by=by, reason="Xác nhận nhập")
        plan_text = plan_report_text(report)
        record_event(
            obj=fresh,
            verb="imported",
            summary=f"Nhập văn bản “{fresh.original_name}”: tạo {report['total_created']} bản ghi, "
            f"bỏ qua {report['total_skipped']} đã có" + (f"; {plan_text}" if plan_text else ""),
            actor=by,
            data=report,
        )
    return report


def document_import_discard(*, pending: PendingImport, by: Any) -> PendingImport:
    """Drop a pending import and its stored file; nothing had been saved to the registries."""
    _require_coordinator(by, "hủy nhập văn bản")
    if pending.status in (ImportStatus.IMPORTED, ImportStatus.DISCARDED):
        raise WorkflowError("Văn bản này đã được nhập hoặc đã hủy.")
    pending.file.delete(save=False)
    pending.status = ImportStatus.DISCARDED
    return save_tracked(pending, by=by, reason="Hủy nhập")


def coordinator_unit() -> Unit | None:
    return Unit.objects.filter(is_coordinator=True).order_by("pk").first()


def default_unit_for(user: Any) -> Unit | None:
    """Rows whose unit the text does not name go to the importing user's unit, else the coordinating unit."""
    return getattr(user, "unit", None) or coordinator_unit()
