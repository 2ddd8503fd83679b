"""Báo cáo định kỳ: reporting schedules, periods, unit reports (with every submitted version), reminders.

A unit report keeps a *workflow* status (`status`: draft → submitted → returned/accepted) that only the
services change, and shows the status DESIGN.md names (not due, due, submitted on time, late, returned,
accepted) as `state`, computed from the workflow status, the submission time and the period's due date —
so "late" never waits for a background job to flip a flag.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core import permissions
from doingoai.core.choices import PeriodKind, Role
from doingoai.core.models import BaseModel, RestrictedQuerySet, Unit
from doingoai.core.timeline import Timeline

__all__ = ["PeriodKind"]  # kept importable from here: the reporting pages and the demo name it so


class PeriodStatus(models.TextChoices):
    OPEN = "open", gettext_lazy("Đang mở")
    CLOSED = "closed", gettext_lazy("Đã đóng")


class ReportStatus(models.TextChoices):
    """The workflow status, changed only by the services."""

    DRAFT = "draft", gettext_lazy("Chưa nộp")
    SUBMITTED = "submitted", gettext_lazy("Đã nộp")
    RETURNED = "returned", gettext_lazy("Trả lại")
    ACCEPTED = "accepted", gettext_lazy("Đã chấp nhận")


class ReportState(models.TextChoices):
    """What DESIGN.md calls the report's status: the workflow status read against the due date."""

    NOT_DUE = "not_due", gettext_lazy("Chưa đến kỳ")
    DUE = "due", gettext_lazy("Đến hạn nộp")
    ON_TIME = "on_time", gettext_lazy("Đã nộp đúng hạn")
    LATE = "late", gettext_lazy("Chậm nộp")
    RETURNED = "returned", gettext_lazy("Trả lại")
    ACCEPTED = "accepted", gettext_lazy("Đã chấp nhận")


STATE_COLOURS = {
    ReportState.NOT_DUE: "light",
    ReportState.DUE: "info",
    ReportState.ON_TIME: "success",
    ReportState.LATE: "danger",
    ReportState.RETURNED: "warning",
    ReportState.ACCEPTED: "primary",
}
# "Late" covers a report sent after its due date and one still missing after it; pages count them apart.
MISSING = ("missing", gettext_lazy("Quá hạn, chưa nộp"), "dark")
DISPLAY_STATES: list[tuple[str, StrOrPromise, str]] = [
    (ReportState.NOT_DUE.value, gettext_lazy("Chưa đến kỳ"), "light"),
    (ReportState.DUE.value, gettext_lazy("Đến hạn nộp"), "info"),
    (ReportState.ON_TIME.value, gettext_lazy("Nộp đúng hạn"), "success"),
    (ReportState.LATE.value, gettext_lazy("Nộp muộn"), "danger"),
    MISSING,
    (ReportState.RETURNED.value, gettext_lazy("Trả lại"), "warning"),
    (ReportState.ACCEPTED.value, gettext_lazy("Đã chấp nhận"), "primary"),
]
DISPLAY = {key: (label, colour) for key, label, colour in DISPLAY_STATES}


# The sections of a unit's report, in the order of the programme and of the consolidated report. "tasks" (the
# unit's tasks in the period's plan) is shown only when the period belongs to a plan.
TASKS_SECTION = "tasks"
SECTIONS: list[tuple[str, StrOrPromise]] = [
    (TASKS_SECTION, gettext_lazy("Kết quả thực hiện nhiệm vụ")),
    ("outbound", gettext_lazy("Đoàn ra")),
    ("inbound", gettext_lazy("Đoàn vào")),
    ("conferences", gettext_lazy("Hội nghị, hội thảo quốc tế")),
    ("agreements", gettext_lazy("Thỏa thuận quốc tế")),
    ("other", gettext_lazy("Các hoạt động đối ngoại khác")),
    ("followups", gettext_lazy("Việc còn tồn đọng")),
    ("assessment", gettext_lazy("Đánh giá chung, khó khăn, vướng mắc và kiến nghị")),
]
SECTION_LABELS = dict(SECTIONS)


class ReportingSchedule(BaseModel):
    """When units report, as a programme or the province states it (the `reporting` entries of `extract`).

    `entries` uses the extract contract's shape: [{"period": "semiannual", "due": "06-15", "days_after": null,
    "to": "…"}] — `due` is "DD" for monthly reports and "MM-DD" otherwise; `days_after` counts from the
    period's end when no date is given.
    """

    name = models.CharField(gettext_lazy("Tên lịch báo cáo"), max_length=255, unique=True)
    source = models.CharField(
        gettext_lazy("Căn cứ"),
        max_length=500,
        blank=True,
        help_text=gettext_lazy("Ví dụ: Chương trình số 818/CTr-UBND ngày 30/12/2021"),
    )
    entries = models.JSONField(gettext_lazy("Các kỳ báo cáo"), default=list, blank=True)
    is_default = models.BooleanField(gettext_lazy("Dùng mặc định khi mở kỳ báo cáo"), default=False)

    class Meta:
        verbose_name = gettext_lazy("Lịch báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "Lịch báo cáo")
        ordering = ["-is_default", "name"]

    def __str__(self) -> str:
        return self.name


class ReportingPeriod(BaseModel):
    timeline: ClassVar[Timeline] = Timeline(year="year", order=(("start", "end"),))

    _history_m2m_fields = ["units"]

    kind = models.CharField(gettext_lazy("Loại kỳ báo cáo"), max_length=16, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(gettext_lazy("Năm"), db_index=True)
    label = models.CharField(
        gettext_lazy("Tên kỳ báo cáo"), max_length=255, help_text=gettext_lazy("Ví dụ: 6 tháng đầu năm 2026")
    )
    start = models.DateField(gettext_lazy("Từ ngày"))
    end = models.DateField(gettext_lazy("Đến ngày"))
    due_date = models.DateField(gettext_lazy("Hạn nộp"), help_text=gettext_lazy("Nộp trong ngày này vẫn là đúng hạn"))
    units = models.ManyToManyField(
        Unit, verbose_name=gettext_lazy("Đơn vị phải báo cáo"), related_name="reporting_periods"
    )
    plan = models.ForeignKey(
        "programs.Plan",
        verbose_name=gettext_lazy("Kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reporting_periods",
        help_text=gettext_lazy("Báo cáo gửi cơ quan theo dõi của kế hoạch này"),
    )
    schedule = models.ForeignKey(
        ReportingSchedule, verbose_name=gettext_lazy("Lịch báo cáo"), null=True, blank=True, on_delete=models.SET_NULL
    )
    basis = models.CharField(gettext_lazy("Căn cứ hạn nộp"), max_length=500, blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=8, choices=PeriodStatus.choices, default=PeriodStatus.OPEN, db_index=True
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người mở kỳ"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(gettext_lazy("Ngày mở kỳ"), default=timezone.now)
    closed_at = models.DateTimeField(gettext_lazy("Ngày đóng kỳ"), null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Kỳ báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "Kỳ báo cáo")
        ordering = ["-due_date", "-id"]
        constraints = [
            # The same period is opened once per plan: otherwise every unit would owe two reports.
            # (Periods opened before plans existed may have no plan; the services refuse their duplicates.) Ad hoc
            # requests may share dates — two topics asked for the same month — and are told apart by their names.
            models.UniqueConstraint(
                fields=["plan", "kind", "start", "end"], condition=~Q(kind="adhoc"), name="period_once_per_plan"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("reporting:period_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == PeriodStatus.OPEN

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Everyone at province level reads every period; the coordinator and the administrator manage them all.
        An officer reads the periods its unit reports in, and manages (and reads) the periods of the plans its
        unit follows up (the plan's coordinating unit), and no other."""
        role = permissions.role_of(user)
        if role is None:
            return permissions.NOTHING
        if role in permissions.WRITE_ALL_ROLES:
            return None
        if action == "view" and role in permissions.READ_ALL_ROLES:
            return None
        unit_id = getattr(user, "unit_id", None)
        if role != Role.UNIT_OFFICER or not unit_id:
            return permissions.NOTHING
        coordinated = Q(plan__coordinating_unit_id=unit_id)
        if action == "view":
            through = cls.units.through.objects.filter(unit_id=unit_id)
            return Q(pk__in=through.values("reportingperiod_id")) | coordinated
        if action == "delete":
            return permissions.NOTHING
        return coordinated

    def is_managed_by(self, user: Any) -> bool:
        """Whether `user` acts as coordinator for this period: the province's coordinator or administrator, or
        an officer of its plan's coordinating unit."""
        role = permissions.role_of(user)
        if role in permissions.WRITE_ALL_ROLES:
            return True
        unit_id = getattr(user, "unit_id", None)
        return (
            role == Role.UNIT_OFFICER
            and bool(unit_id)
            and self.plan_id is not None
            and self.plan is not None
            and self.plan.coordinating_unit_id == unit_id
        )


class UnitReport(BaseModel):
    owner_field: ClassVar[str] = "unit"

    period = models.ForeignKey(
        ReportingPeriod, verbose_name=gettext_lazy("Kỳ báo cáo"), on_delete=models.CASCADE, related_name="reports"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị"), on_delete=models.PROTECT, related_name="reports"
    )
    status = models.CharField(
        gettext_lazy("Trạng thái xử lý"),
        max_length=16,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        db_index=True,
    )
    texts = models.JSONField(gettext_lazy("Nội dung theo mục"), default=dict, blank=True)
    facts = models.JSONField(gettext_lazy("Số liệu từ các sổ theo dõi"), default=dict, blank=True, editable=False)
    first_submitted_at = models.DateTimeField(gettext_lazy("Nộp lần đầu"), null=True, blank=True)
    submitted_at = models.DateTimeField(gettext_lazy("Nộp lần gần nhất"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người nộp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_comment = models.TextField(gettext_lazy("Ý kiến của cơ quan điều phối"), blank=True)
    reviewed_at = models.DateTimeField(gettext_lazy("Ngày xem xét"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người xem xét"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = gettext_lazy("Báo cáo của đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "Báo cáo của đơn vị")
        ordering = ["period", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="unitreport_one_per_unit_and_period")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:unitreport_detail", args=[self.pk])

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """An officer sees and writes its own unit's reports (writes while a draft or returned, period open), and
        sees every report of the periods of the plans its unit follows up (it reviews them through the workflow
        steps, as the coordinator does for all); the province-level roles read them all."""
        role = permissions.role_of(user)
        if role is None:
            return permissions.NOTHING
        if action == "view" and role in permissions.READ_ALL_ROLES:
            return None
        if role == Role.UNIT_OFFICER and user.unit_id:
            own = Q(unit_id=user.unit_id)
            if action == "view":
                return own | Q(period__plan__coordinating_unit_id=user.unit_id)
            if action == "change":
                return own & Q(status__in=EDITABLE_STATUSES, period__status=PeriodStatus.OPEN)
        return permissions.NOTHING

    @property
    def due_date(self) -> dt.date:
        return self.period.due_date

    @property
    def was_submitted(self) -> bool:
        return self.first_submitted_at is not None

    def submitted_on_time(self) -> bool | None:
        """Whether the first submission came on or before the due date (None: not submitted yet)."""
        if self.first_submitted_at is None:
            return None
        return timezone.localdate(self.first_submitted_at) <= self.period.due_date

    def is_missing(self, today: dt.date | None = None) -> bool:
        """Never submitted and the due date has passed."""
        return self.first_submitted_at is None and (today or timezone.localdate()) > self.period.due_date

    def state(self, today: dt.date | None = None) -> ReportState:
        today = today or timezone.localdate()
        if self.status == ReportStatus.ACCEPTED:
            return ReportState.ACCEPTED
        if self.status == ReportStatus.RETURNED:
            return ReportState.RETURNED
        if self.status == ReportStatus.SUBMITTED:
            return ReportState.ON_TIME if self.submitted_on_time() else ReportState.LATE
        if today > self.period.due_date:
            return ReportState.LATE
        return ReportState.NOT_DUE if today < self.period.start else ReportState.DUE

    def display_key(self, today: dt.date | None = None) -> str:
        """The state as the pages count it: `state`, with "missing" apart from "late"."""
        state = self.state(today)
        if state == ReportState.LATE and self.first_submitted_at is None:
            return MISSING[0]
        return state.value

    @property
    def state_label(self) -> str:
        return str(DISPLAY[self.display_key()][0])

    @property
    def state_colour(self) -> str:
        return DISPLAY[self.display_key()][1]

    def text(self, section: str) -> str:
        return str((self.texts or {}).get(section, ""))


EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)


def attachment_path(instance: UnitReportAttachment, filename: str) -> str:
    # Files live under MEDIA_ROOT, out of any public URL: they are served only through the permission-checked view.
    name = PurePath(filename).name
    return f"reports/{instance.report.period_id}/{instance.report.unit_id}/{name}"


class UnitReportAttachment(BaseModel):
    report = models.ForeignKey(
        UnitReport, verbose_name=gettext_lazy("Báo cáo"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(gettext_lazy("Tệp"), upload_to=attachment_path, max_length=500)
    name = models.CharField(gettext_lazy("Tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(gettext_lazy("Dung lượng (byte)"))
    content_type = models.CharField(gettext_lazy("Kiểu tệp"), max_length=128, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người tải lên"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Detached files stay on disk: a submitted version may still list them.
    removed_at = models.DateTimeField(gettext_lazy("Gỡ khỏi báo cáo lúc"), null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Tệp đính kèm báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "Tệp đính kèm báo cáo")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reporting:attachment_download", args=[self.pk])

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Whoever may see (change) the report may see (change) its files."""
        rule = UnitReport.permission_q(user, action)
        if rule is None:
            return None
        return Q(report__in=UnitReport.objects.filter(rule).values("pk"))


class VersionOutcome(models.TextChoices):
    PENDING = "pending", gettext_lazy("Chờ xem xét")
    RETURNED = "returned", gettext_lazy("Trả lại")
    ACCEPTED = "accepted", gettext_lazy("Đã chấp nhận")


class UnitReportVersion(models.Model):
    """What a unit sent, frozen at each submission; only the review outcome is written later."""

    report = models.ForeignKey(
        UnitReport, verbose_name=gettext_lazy("Báo cáo"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(gettext_lazy("Lần nộp"))
    texts = models.JSONField(gettext_lazy("Nội dung theo mục"), default=dict)
    facts = models.JSONField(gettext_lazy("Số liệu từ các sổ theo dõi"), default=dict)
    attachments = models.ManyToManyField(UnitReportAttachment, verbose_name=gettext_lazy("Tệp đính kèm"), blank=True)
    submitted_at = models.DateTimeField(gettext_lazy("Thời điểm nộp"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người nộp"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    on_time = models.BooleanField(gettext_lazy("Đúng hạn"))
    outcome = models.CharField(
        gettext_lazy("Kết quả xem xét"), max_length=16, choices=VersionOutcome.choices, default=VersionOutcome.PENDING
    )
    comment = models.TextField(gettext_lazy("Ý kiến"), blank=True)
    reviewed_at = models.DateTimeField(gettext_lazy("Ngày xem xét"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người xem xét"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = gettext_lazy("Lần nộp báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "Các lần nộp báo cáo")
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="unitreportversion_unique_number")]

    def __str__(self) -> str:
        return gettext("%(report)s — lần %(number)s") % {"report": self.report, "number": self.number}

    def get_absolute_url(self) -> str:
        return reverse("reporting:version_detail", args=[self.pk])


class Notification(models.Model):
    """One message in a user's in-app inbox (reminders, new periods, returned reports)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người nhận"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    title = models.CharField(gettext_lazy("Tiêu đề"), max_length=255)
    body = models.TextField(gettext_lazy("Nội dung"), blank=True)
    url = models.CharField(gettext_lazy("Liên kết"), max_length=500, blank=True)
    kind = models.CharField(gettext_lazy("Loại"), max_length=32, blank=True)
    created_at = models.DateTimeField(gettext_lazy("Thời điểm"), default=timezone.now)
    read_at = models.DateTimeField(gettext_lazy("Đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Thông báo")
        verbose_name_plural = pgettext_lazy("plural", "Thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title


class ReminderStage(models.TextChoices):
    UPCOMING = "upcoming", gettext_lazy("Sắp đến hạn")
    OVERDUE = "overdue", gettext_lazy("Quá hạn")


class ReminderSent(models.Model):
    """The decision "this deadline got its reminder at this stage": at most one row, whoever runs the task."""

    deadline_key = models.CharField(gettext_lazy("Hạn"), max_length=128)
    stage = models.CharField(gettext_lazy("Giai đoạn"), max_length=16, choices=ReminderStage.choices)
    due = models.DateField(gettext_lazy("Ngày đến hạn"))
    sent_at = models.DateTimeField(gettext_lazy("Gửi lúc"), default=timezone.now)
    recipients = models.PositiveIntegerField(gettext_lazy("Số người nhận"), default=0)
    emails = models.PositiveIntegerField(gettext_lazy("Số thư điện tử"), default=0)

    class Meta:
        verbose_name = gettext_lazy("Nhắc hạn đã gửi")
        verbose_name_plural = pgettext_lazy("plural", "Nhắc hạn đã gửi")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["deadline_key", "stage", "due"], name="remindersent_once_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.deadline_key} · {self.get_stage_display()} · {self.due:%d/%m/%Y}"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", gettext_lazy("Đang chờ")
    RUNNING = "running", gettext_lazy("Đang tạo tệp")
    DONE = "done", gettext_lazy("Đã xong")
    FAILED = "failed", gettext_lazy("Lỗi")


class ReportExport(models.Model):
    """A consolidated report file asked for on the web, built by the background worker (the page polls it)."""

    period = models.ForeignKey(
        ReportingPeriod, verbose_name=gettext_lazy("Kỳ báo cáo"), on_delete=models.CASCADE, related_name="exports"
    )
    fmt = models.CharField(
        gettext_lazy("Định dạng"), max_length=8, choices=[("docx", "Word (.docx)"), ("xlsx", "Excel (.xlsx)")]
    )
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người yêu cầu"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(gettext_lazy("Yêu cầu lúc"), default=timezone.now)
    finished_at = models.DateTimeField(gettext_lazy("Xong lúc"), null=True, blank=True)
    file = models.FileField(gettext_lazy("Tệp"), upload_to="exports/reports/", max_length=500, blank=True)
    error = models.TextField(gettext_lazy("Lỗi"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("Tệp báo cáo tổng hợp")
        verbose_name_plural = pgettext_lazy("plural", "Tệp báo cáo tổng hợp")
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.period} ({self.fmt})"

    @property
    def in_progress(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """The consolidation shows every unit's report: the province-level roles, and the officers of the
        coordinating unit of the period's plan."""
        role = permissions.role_of(user)
        if action == "view" and role in permissions.READ_ALL_ROLES:
            return None
        unit_id = getattr(user, "unit_id", None)
        if action == "view" and role == Role.UNIT_OFFICER and unit_id:
            return Q(period__plan__coordinating_unit_id=unit_id)
        return permissions.NOTHING
