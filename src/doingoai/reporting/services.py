"""Writes of periodic reports: opening periods, the unit report workflow, files, the inbox, the consolidated
files (reminders of deadlines: `reporting.reminders`).

Unit report workflow: draft → submitted → accepted, or → returned (with a comment) → submitted again. Every
submission freezes a `UnitReportVersion` (texts, registry figures, files), so a resubmission keeps both.
Each step is a service: permission-checked, written with its field history and as a business event.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop
from django_tasks import task

from doingoai.core.background import on_task_failure
from doingoai.core.choices import Role
from doingoai.core.i18n import vietnamese
from doingoai.core.models import Unit, User
from doingoai.core.numbers import local_figure
from doingoai.core.permissions import READ_ALL_ROLES, WRITE_ALL_ROLES, role_of
from doingoai.core.uploads import check_upload, store_upload
from doingoai.core.workflow import (
    CONFLICT_MESSAGE,
    ConflictError,
    StepPermissionDenied,
    Transition,
    WorkflowError,
    apply_transition,
    record_event,
    save_tracked,
)
from doingoai.programs.models import Plan
from doingoai.programs.selectors import program_for_year
from doingoai.reporting import consolidation, selectors
from doingoai.reporting.exports import consolidated_docx, consolidated_xlsx, export_filename
from doingoai.reporting.models import (
    EDITABLE_STATUSES,
    SECTIONS,
    ExportStatus,
    Notification,
    PeriodStatus,
    ReportExport,
    ReportingPeriod,
    ReportingSchedule,
    ReportStatus,
    UnitReport,
    UnitReportAttachment,
    UnitReportVersion,
    VersionOutcome,
)

logger = logging.getLogger(__name__)
S = ReportStatus
REVIEWERS = frozenset({Role.COORDINATOR, Role.ADMIN})
MAX_SECTION_CHARS = 20_000


def _reviews(user: Any, report: UnitReport) -> bool:
    """Officers of the coordinating unit of the period's plan review the reports of that plan's periods (not
    their own unit's: the province's coordinator reviews those)."""
    return report.unit_id != getattr(user, "unit_id", None) and report.period.is_managed_by(user)


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Nộp báo cáo"),
            EDITABLE_STATUSES,
            S.SUBMITTED,
            roles=frozenset(),
            owner=True,
            style="success",
            help=gettext_lazy("Gửi báo cáo tới cơ quan điều phối. Mỗi lần nộp được lưu lại thành một phiên bản."),
        ),
        Transition(
            "return",
            gettext_lazy("Trả lại đơn vị"),
            (S.SUBMITTED,),
            S.RETURNED,
            roles=REVIEWERS,
            rule=_reviews,
            style="warning",
            help=gettext_lazy("Trả báo cáo về đơn vị kèm ý kiến để chỉnh sửa và nộp lại."),
        ),
        Transition(
            "accept",
            gettext_lazy("Chấp nhận"),
            (S.SUBMITTED,),
            S.ACCEPTED,
            roles=REVIEWERS,
            rule=_reviews,
            style="primary",
        ),
    ]
}


def _require_manager(by: Any, plan: Plan | None, what: str) -> None:
    """The province's coordinator (and the administrator) manage every period; the officers of a plan's
    coordinating unit manage the periods of that plan."""
    if role_of(by) in WRITE_ALL_ROLES:
        return
    if plan is not None and plan.is_coordinated_by(by):
        return
    if plan is not None:
        raise StepPermissionDenied(
            gettext("Chỉ cơ quan điều phối hoặc cơ quan theo dõi của kế hoạch “%(display_title)s” được %(what)s.")
            % {"display_title": plan.display_title, "what": what}
        )
    raise StepPermissionDenied(gettext("Chỉ cơ quan điều phối được %(what)s.") % {"what": what})


class DuplicatePeriodError(WorkflowError):
    """The period is already open for this plan (same kind and dates, or the same name)."""

    def __init__(self, existing: ReportingPeriod) -> None:
        self.existing = existing
        super().__init__(selectors.duplicate_message(existing))


def notify(*, users: Iterable[Any], title: str, body: str = "", url: str = "", kind: str = "") -> list[Notification]:
    """Put a message in each user's in-app inbox."""
    now = timezone.now()
    return Notification.objects.bulk_create(
        [Notification(user=u, title=title[:255], body=body, url=url, kind=kind, created_at=now) for u in users]
    )


def unit_officers(unit_ids: Iterable[int]) -> list[User]:
    return list(User.objects.filter(unit_id__in=list(unit_ids), role=Role.UNIT_OFFICER, is_active=True))


def coordinators() -> list[User]:
    return list(User.objects.filter(role=Role.COORDINATOR, is_active=True))


def period_reviewers(period: ReportingPeriod) -> list[User]:
    """Who follows a period's reports: the province's coordinators and the officers of its plan's coordinating
    unit."""
    users = {u.pk: u for u in coordinators()}
    unit_id = period.plan.coordinating_unit_id if period.plan_id and period.plan else None
    if unit_id:
        users |= {u.pk: u for u in unit_officers([unit_id])}
    return list(users.values())


# --------------------------------------------------------------------------------------------------- periods


def _check_period_values(*, start: dt.date, end: dt.date, due_date: dt.date, units: Iterable[Unit]) -> list[Unit]:
    chosen = list(units)
    if end < start:
        raise WorkflowError(gettext("Ngày kết thúc kỳ báo cáo không được trước ngày bắt đầu."))
    if due_date < start:
        raise WorkflowError(gettext("Hạn nộp không được trước ngày bắt đầu kỳ báo cáo."))
    if not chosen:
        raise WorkflowError(gettext("Cần chọn ít nhất một đơn vị phải báo cáo."))
    return chosen


def _refuse_duplicate(
    *, plan: Plan | None, kind: str, start: dt.date, end: dt.date, label: str, exclude_pk: int | None = None
) -> None:
    existing = selectors.period_duplicate(
        plan=plan, kind=kind, start=start, end=end, label=label, exclude_pk=exclude_pk
    )
    if existing is not None:
        raise DuplicatePeriodError(existing)


@transaction.atomic
def period_open(
    *,
    by: Any,
    kind: str,
    year: int,
    label: str,
    start: dt.date,
    end: dt.date,
    due_date: dt.date,
    units: Iterable[Unit],
    plan: Plan | None = None,
    schedule: ReportingSchedule | None = None,
    basis: str = "",
    note: str = "",
) -> ReportingPeriod:
    """Open a reporting period of a plan (default: the year's programme) for a chosen set of units; each unit gets
    its (draft) report and a message in its officers' inbox. The province's coordinator opens any period, the
    officers of a plan's coordinating unit those of that plan. The same period (same kind and dates, or the same
    name) is opened once per plan: a second one is refused with a message naming the first."""
    plan = plan or program_for_year(year=year)
    _require_manager(by, plan, gettext("mở kỳ báo cáo"))
    chosen = _check_period_values(start=start, end=end, due_date=due_date, units=units)
    label = label.strip()
    _refuse_duplicate(plan=plan, kind=kind, start=start, end=end, label=label)
    period = ReportingPeriod(
        kind=kind,
        year=year,
        label=label,
        start=start,
        end=end,
        due_date=due_date,
        plan=plan,
        schedule=schedule,
        basis=basis,
        note=note,
        opened_by=by if getattr(by, "pk", None) else None,
        opened_at=timezone.now(),
    )
    try:
        with transaction.atomic():  # a savepoint: two coordinators opening the same period at once
            save_tracked(period, by=by, reason=gettext_noop("Mở kỳ báo cáo"))
    except IntegrityError:
        existing = selectors.period_duplicate(plan=plan, kind=kind, start=start, end=end, label=label)
        if existing is None:
            raise
        raise DuplicatePeriodError(existing) from None
    period.units.set(chosen)
    for unit in chosen:
        _create_report(period, unit, by)
    record_event(
        obj=period,
        verb="opened",
        summary=f"Mở kỳ báo cáo “{vietnamese(period.label)}” cho {len(chosen)} đơn vị, hạn nộp {due_date:%d/%m/%Y}"
        + (f" ({plan.display_title})" if plan else ""),
        actor=by,
        data={"units": len(chosen), "due_date": due_date.isoformat(), "plan": plan.pk if plan else None},
    )
    receiver = selectors.period_receiver(period)
    notify(
        users=unit_officers(u.pk for u in chosen),
        title=f"Kỳ báo cáo mới: {vietnamese(period.label)} (hạn nộp {due_date:%d/%m/%Y})",
        body=(f"Báo cáo gửi {receiver}. " if receiver else "")
        + gettext("Báo cáo của đơn vị đã được lập sẵn số liệu từ các sổ theo dõi")
        + (gettext(" và tiến độ các nhiệm vụ của đơn vị trong kế hoạch") if plan else "")
        + gettext("; hãy bổ sung nội dung và nộp."),
        url=period.get_absolute_url(),
        kind="period_opened",
    )
    return period


def _create_report(period: ReportingPeriod, unit: Unit, by: Any) -> UnitReport:
    report = UnitReport(period=period, unit=unit)
    save_tracked(report, by=by, reason=gettext_noop("Mở kỳ báo cáo"))
    return report


@transaction.atomic
def period_update(
    *,
    period: ReportingPeriod,
    by: Any,
    label: str,
    start: dt.date,
    end: dt.date,
    due_date: dt.date,
    units: Iterable[Unit],
    note: str = "",
    expected_version: int | None = None,
) -> ReportingPeriod:
    """Change a period (e.g. extend the due date, add units). A unit leaves only while its report is unsent; the
    plan and the kind stay; the new dates or name may not repeat another period of the plan."""
    _require_manager(by, period.plan, gettext("sửa kỳ báo cáo"))
    chosen = _check_period_values(start=start, end=end, due_date=due_date, units=units)
    fresh = ReportingPeriod.objects.select_for_update(of=("self",)).select_related("plan").get(pk=period.pk)
    _refuse_duplicate(plan=fresh.plan, kind=fresh.kind, start=start, end=end, label=label.strip(), exclude_pk=fresh.pk)
    old_due = fresh.due_date
    leaving = set(fresh.units.values_list("pk", flat=True)) - {u.pk for u in chosen}
    sent = UnitReport.objects.filter(period=fresh, unit_id__in=leaving, first_submitted_at__isnull=False)
    if sent.exists():
        names = ", ".join(str(r.unit) for r in sent.select_related("unit"))
        raise WorkflowError(gettext("Không thể bỏ đơn vị đã nộp báo cáo khỏi kỳ: %(names)s.") % {"names": names})
    fresh.label, fresh.start, fresh.end, fresh.due_date, fresh.note = label.strip(), start, end, due_date, note
    try:
        with transaction.atomic():
            save_tracked(fresh, by=by, reason=gettext_noop("Sửa kỳ báo cáo"), expected_version=expected_version)
    except IntegrityError:
        duplicate = selectors.period_duplicate(
            plan=fresh.plan, kind=fresh.kind, start=start, end=end, label=fresh.label, exclude_pk=fresh.pk
        )
        if duplicate is None:
            raise
        raise DuplicatePeriodError(duplicate) from None
    UnitReport.objects.filter(period=fresh, unit_id__in=leaving).delete()
    existing = set(fresh.reports.values_list("unit_id", flat=True))
    fresh.units.set(chosen)
    for unit in chosen:
        if unit.pk not in existing:
            _create_report(fresh, unit, by)
    summary = f"Sửa kỳ báo cáo “{fresh.label}”"
    if old_due != due_date:
        summary += f": hạn nộp {old_due:%d/%m/%Y} → {due_date:%d/%m/%Y}"
    record_event(obj=fresh, verb="updated", summary=summary, actor=by)
    return fresh


@transaction.atomic
def period_close(*, period: ReportingPeriod, by: Any) -> ReportingPeriod:
    """Close a period: units can no longer send; unsent reports stay missing in the compliance figures."""
    _require_manager(by, period.plan, gettext("đóng kỳ báo cáo"))
    fresh = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if fresh.status == PeriodStatus.CLOSED:
        raise WorkflowError(gettext("Kỳ báo cáo đã đóng."))
    fresh.status, fresh.closed_at = PeriodStatus.CLOSED, timezone.now()
    save_tracked(fresh, by=by, reason=gettext_noop("Đóng kỳ báo cáo"))
    record_event(obj=fresh, verb="closed", summary=f"Đóng kỳ báo cáo “{vietnamese(fresh.label)}”", actor=by)
    return fresh


@transaction.atomic
def period_reopen(*, period: ReportingPeriod, by: Any) -> ReportingPeriod:
    _require_manager(by, period.plan, gettext("mở lại kỳ báo cáo"))
    fresh = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if fresh.status == PeriodStatus.OPEN:
        raise WorkflowError(gettext("Kỳ báo cáo đang mở."))
    fresh.status, fresh.closed_at = PeriodStatus.OPEN, None
    save_tracked(fresh, by=by, reason=gettext_noop("Mở lại kỳ báo cáo"))
    record_event(obj=fresh, verb="reopened", summary=f"Mở lại kỳ báo cáo “{vietnamese(fresh.label)}”", actor=by)
    return fresh


# ------------------------------------------------------------------------------------------- unit reports


def _check_writable(report: UnitReport, by: Any) -> None:
    if role_of(by) != Role.UNIT_OFFICER or by.unit_id != report.unit_id:
        raise StepPermissionDenied(gettext("Chỉ cán bộ của đơn vị được soạn và nộp báo cáo của đơn vị mình."))
    if report.period.status != PeriodStatus.OPEN:
        raise WorkflowError(gettext("Kỳ báo cáo đã đóng: không thể sửa hoặc nộp báo cáo."))
    if report.status not in EDITABLE_STATUSES:
        raise WorkflowError(
            gettext("Báo cáo đang ở trạng thái “%(status)s”: không thể sửa.") % {"status": report.get_status_display()}
        )


def _clean_texts(texts: dict[str, Any]) -> dict[str, str]:
    clean = {}
    for key, label in SECTIONS:
        value = str(texts.get(key, "") or "").replace("\r\n", "\n").strip()
        if len(value) > MAX_SECTION_CHARS:
            raise WorkflowError(
                gettext("Mục “%(label)s” dài quá %(max_section_chars)s ký tự.")
                % {"label": label, "max_section_chars": local_figure(MAX_SECTION_CHARS)}
            )
        clean[key] = value
    return clean


@transaction.atomic
def unit_report_save(
    *, report: UnitReport, by: Any, texts: dict[str, Any], expected_version: int | None = None
) -> UnitReport:
    """Save the officer's draft: the text of each section, and the registry figures as they are today."""
    fresh = UnitReport.objects.select_for_update().select_related("period", "unit").get(pk=report.pk)
    _check_writable(fresh, by)
    fresh.texts = _clean_texts(texts)
    fresh.facts = selectors.unit_report_facts(unit=fresh.unit, period=fresh.period, user=by)
    save_tracked(fresh, by=by, reason=gettext_noop("Lưu bản nháp"), expected_version=expected_version)
    return fresh


@transaction.atomic
def unit_report_submit(
    *, report: UnitReport, by: Any, texts: dict[str, Any] | None = None, expected_version: int | None = None
) -> UnitReport:
    """The unit sends its report; this submission is frozen as a new version (earlier ones are kept)."""
    fresh = UnitReport.objects.select_for_update().select_related("period", "unit").get(pk=report.pk)
    if not TRANSITIONS["submit"].permits(by, fresh):
        raise StepPermissionDenied(gettext("Chỉ cán bộ của đơn vị được nộp báo cáo của đơn vị mình."))
    _check_writable(fresh, by)
    facts = selectors.unit_report_facts(unit=fresh.unit, period=fresh.period, user=by)
    if texts is None:
        texts = selectors.report_form_texts(report=fresh, facts=facts)
    clean = _clean_texts(texts)
    if not any(clean.values()):
        raise WorkflowError(gettext("Báo cáo chưa có nội dung: hãy ghi ít nhất một mục trước khi nộp."))
    if expected_version is not None and expected_version != fresh.version:
        raise ConflictError(CONFLICT_MESSAGE)
    now = timezone.now()
    on_time = timezone.localdate(now) <= fresh.period.due_date
    number = fresh.versions.count() + 1
    fresh = apply_transition(
        fresh,
        TRANSITIONS["submit"],
        by=by,
        changes={
            "texts": clean,
            "facts": facts,
            "submitted_at": now,
            "first_submitted_at": fresh.first_submitted_at or now,
            "submitted_by": by,
        },
        summary=f"Nộp báo cáo lần {number}" + ("" if on_time else gettext_noop(" (sau hạn)")),
        data={"number": number, "on_time": on_time},
    )
    version = UnitReportVersion.objects.create(
        report=fresh,
        number=number,
        texts=clean,
        facts=facts,
        submitted_at=now,
        submitted_by=by,
        on_time=on_time,
    )
    version.attachments.set(fresh.attachments.filter(removed_at__isnull=True))
    notify(
        users=period_reviewers(fresh.period),
        title=f"{fresh.unit} đã nộp báo cáo {vietnamese(fresh.period.label)}"
        + (f" (lần {number})" if number > 1 else ""),
        url=fresh.get_absolute_url(),
        kind="report_submitted",
    )
    return fresh


def _latest_version(report: UnitReport) -> UnitReportVersion | None:
    return report.versions.order_by("-number").first()


@transaction.atomic
def unit_report_return(*, report: UnitReport, by: Any, comment: str) -> UnitReport:
    """The coordinator returns the report to the unit with a comment; the unit edits and submits again."""
    if not comment.strip():
        raise WorkflowError(gettext("Cần ghi ý kiến để đơn vị chỉnh sửa."))
    now = timezone.now()
    fresh = apply_transition(
        report,
        TRANSITIONS["return"],
        by=by,
        changes={"review_comment": comment.strip(), "reviewed_at": now, "reviewed_by": by},
        summary=f"Trả lại đơn vị: {comment.strip()}",
        data={"comment": comment.strip()},
    )
    version = _latest_version(fresh)
    if version is not None:
        version.outcome, version.comment, version.reviewed_at, version.reviewed_by = (
            VersionOutcome.RETURNED,
            comment.strip(),
            now,
            by,
        )
        version.save(update_fields=["outcome", "comment", "reviewed_at", "reviewed_by"])
    notify(
        users=unit_officers([fresh.unit_id]),
        title=f"Báo cáo {vietnamese(fresh.period.label)} bị trả lại",
        body=comment.strip(),
        url=fresh.get_absolute_url(),
        kind="report_returned",
    )
    return fresh


@transaction.atomic
def unit_report_accept(*, report: UnitReport, by: Any) -> UnitReport:
    """The coordinator accepts the report as submitted."""
    now = timezone.now()
    fresh = apply_transition(
        report,
        TRANSITIONS["accept"],
        by=by,
        changes={"reviewed_at": now, "reviewed_by": by, "review_comment": ""},
        summary=gettext_noop("Chấp nhận báo cáo"),
    )
    version = _latest_version(fresh)
    if version is not None:
        version.outcome, version.reviewed_at, version.reviewed_by = VersionOutcome.ACCEPTED, now, by
        version.save(update_fields=["outcome", "reviewed_at", "reviewed_by"])
    notify(
        users=unit_officers([fresh.unit_id]),
        title=f"Báo cáo {vietnamese(fresh.period.label)} đã được chấp nhận",
        url=fresh.get_absolute_url(),
        kind="report_accepted",
    )
    return fresh


SERVICES: dict[str, Callable[..., Any]] = {
    "submit": unit_report_submit,
    "return": unit_report_return,
    "accept": unit_report_accept,
}


# ----------------------------------------------------------------------------------------------------- files


@transaction.atomic
def unit_report_attach(*, report: UnitReport, by: Any, upload: UploadedFile) -> UnitReportAttachment:
    """Attach a file to the draft (checked for type and size; stored under MEDIA_ROOT, served only with rights)."""
    fresh = UnitReport.objects.select_related("period").get(pk=report.pk)
    _check_writable(fresh, by)
    content_type = check_upload(upload)
    name = PurePath(upload.name or "tep").name
    attachment = UnitReportAttachment(
        report=fresh, name=name[:255], size=upload.size or 0, content_type=content_type, uploaded_by=by
    )
    store_upload(attachment.file, name, upload)
    save_tracked(attachment, by=by, reason=gettext_noop("Đính kèm tệp"))
    record_event(obj=fresh, verb="attach", summary=f"Đính kèm tệp “{name}”", actor=by)
    return attachment


@transaction.atomic
def unit_report_detach(*, report: UnitReport, attachment: UnitReportAttachment, by: Any) -> None:
    """Take a file off the draft; the file stays stored for the versions already submitted with it."""
    fresh = UnitReport.objects.select_related("period").get(pk=report.pk)
    _check_writable(fresh, by)
    if attachment.report_id != fresh.pk or attachment.removed_at is not None:
        raise WorkflowError(gettext("Tệp này không thuộc báo cáo."))
    attachment.removed_at = timezone.now()
    save_tracked(attachment, by=by, reason=gettext_noop("Gỡ tệp"))
    record_event(obj=fresh, verb="detach", summary=f"Gỡ tệp “{attachment.name}”", actor=by)


# ----------------------------------------------------------------------------------------------------- inbox


def notifications_mark_read(*, user: Any, notification_id: int | None = None) -> int:
    """Mark one (or every) unread message of this user as read; returns how many changed."""
    qs = Notification.objects.filter(user_id=user.pk, read_at__isnull=True)
    if notification_id is not None:
        qs = qs.filter(pk=notification_id)
    return qs.update(read_at=timezone.now())


# ----------------------------------------------------------------------------------------- consolidated files


def report_export_request(*, period: ReportingPeriod, fmt: str, by: Any) -> ReportExport:
    """Queue the consolidated report of `period` as .docx or .xlsx; the worker builds it (`report_export_build`)."""
    if role_of(by) not in READ_ALL_ROLES and not period.is_managed_by(by):
        raise StepPermissionDenied(gettext("Chỉ cấp tỉnh và cơ quan theo dõi của kế hoạch được tải báo cáo tổng hợp."))
    if fmt not in ("docx", "xlsx"):
        raise WorkflowError(gettext("Định dạng phải là .docx hoặc .xlsx."))
    export = ReportExport.objects.create(period=period, fmt=fmt, requested_by=by if getattr(by, "pk", None) else None)

    # Enqueued after the commit, so the worker always finds the row.
    transaction.on_commit(lambda: build_report_export.enqueue(export.pk))
    return export


def report_export_build(*, export_id: int) -> str:
    """Build a queued consolidated file (run by the background worker); returns the final status."""
    export = ReportExport.objects.select_related("period", "requested_by").filter(pk=export_id).first()
    if export is None or export.status not in (ExportStatus.QUEUED, ExportStatus.RUNNING):
        return export.status if export else ""
    ReportExport.objects.filter(pk=export_id).update(status=ExportStatus.RUNNING)
    try:
        c = consolidation.consolidate(period=export.period, user=export.requested_by or selectors.SYSTEM)
        data = consolidated_docx(c) if export.fmt == "docx" else consolidated_xlsx(c)
        export.file.save(export_filename(export.period, export.fmt), ContentFile(data), save=False)
        export.status, export.error = ExportStatus.DONE, ""
    except Exception as exc:  # a writer bug becomes a message on the page, not a crashed worker
        logger.exception("building consolidated report export %s", export_id)
        export.status, export.error = (
            ExportStatus.FAILED,
            gettext("Không tạo được tệp (%(name)s).") % {"name": type(exc).__name__},
        )
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "error", "file", "finished_at"])
    return export.status


# ------------------------------------------------------------------------------------------------ schedules


@transaction.atomic
def schedule_from_programme(
    *, extracted: dict[str, Any], by: Any, name: str = "", make_default: bool = False
) -> ReportingSchedule:
    """Keep the reporting schedule of an imported programme (the extract contract's `reporting` entries) as data,
    so that periods opened later suggest its due dates."""
    from doingoai.reporting.schedule import entries_from_programme

    entries = entries_from_programme(extracted.get("reporting") or [])
    if not entries:
        raise WorkflowError(gettext("Văn bản không nêu kỳ báo cáo định kỳ nào (6 tháng, hằng năm…)."))
    info = extracted.get("document") or {}
    number, year = info.get("number"), info.get("year")
    name = name.strip() or f"Chương trình {number or info.get('title') or ''}".strip() + (
        f" (năm {year})" if year else ""
    )
    schedule = ReportingSchedule.objects.filter(name=name[:255]).first() or ReportingSchedule(name=name[:255])
    schedule.source = str(info.get("title") or number or "")[:500]
    schedule.entries = [{"period": e.period, "due": e.due, "days_after": e.days_after, "to": e.to} for e in entries]
    if make_default:
        ReportingSchedule.objects.exclude(pk=schedule.pk).filter(is_default=True).update(is_default=False)
        schedule.is_default = True
    return save_tracked(schedule, by=by, reason=gettext_noop("Lịch báo cáo từ chương trình"))


@task()
def build_report_export(export_id: int) -> str:
    """Build a consolidated report file asked for on the web (in the `db_worker`), so the page never waits."""
    return report_export_build(export_id=export_id)


def _report_export_failed(export_id: int, *, message: str) -> None:
    """The file's task failed or its worker was lost for good: the page says so instead of spinning."""
    ReportExport.objects.filter(pk=export_id, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING]).update(
        status=ExportStatus.FAILED, error=message, finished_at=timezone.now()
    )


on_task_failure(build_report_export, _report_export_failed)
