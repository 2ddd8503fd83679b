"""Thỏa thuận quốc tế (Phụ lục 4), under Law 70/2020/QH14 and Decree 64/2021/NĐ-CP."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core import rules
from doingoai.core.choices import StatusChoices
from doingoai.core.deadlines import DaysAfter
from doingoai.core.models import Country, Partner, PlannedTimeModel, Unit, UnitOwnedModel
from doingoai.core.timeline import Timeline


class AgreementType(models.TextChoices):
    AGREEMENT = "agreement", gettext_lazy("Thỏa thuận quốc tế")
    MOU = "mou", gettext_lazy("Biên bản ghi nhớ")
    MINUTES = "minutes", gettext_lazy("Biên bản hợp tác")
    CONTRACT = "contract", gettext_lazy("Hợp đồng quốc tế")
    OTHER = "other", gettext_lazy("Khác")


class AgreementStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    CONSULTED = "consulted", gettext_lazy("Đã xin ý kiến")
    APPROVED = "approved", gettext_lazy("Đã phê duyệt")
    SIGNED = "signed", gettext_lazy("Đã ký")
    IN_FORCE = "in_force", gettext_lazy("Có hiệu lực")
    EXPIRED = "expired", gettext_lazy("Hết hiệu lực")
    TERMINATED = "terminated", gettext_lazy("Chấm dứt")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "consulted": "primary",
        "approved": "success",
        "signed": "success",
        "in_force": "success",
        "expired": "secondary",
        "terminated": "danger",
        "cancelled": "danger",
    }


# Report to the Prime Minister within N days of signing (15, Law 70/2020/QH14): the rule of
# `Agreement.report_due` and of the deadline declared in deadlines.py.
REPORT_DUE = DaysAfter("signed_on", "agreement_report_days")
# Without a review date of its own, an agreement with an end date is reviewed this long before it (time to
# propose an extension or a new agreement to the partner).
REVIEW_DAYS_BEFORE_EXPIRY = 90


class Agreement(PlannedTimeModel):
    timeline: ClassVar[Timeline] = Timeline(
        happened=("consulted_on", "approved_on", "signed_on", "reported_on", "ended_on"),
        order=(("signed_on", "reported_on"), ("signed_on", "effective_on"), ("effective_on", "valid_until")),
        year="year",
    )

    proposing_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Cơ quan, địa phương đề xuất ký"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    capacity = models.CharField(gettext_lazy("Danh nghĩa ký"), max_length=255, blank=True)
    type = models.CharField(
        gettext_lazy("Loại văn bản"), max_length=16, choices=AgreementType.choices, default=AgreementType.AGREEMENT
    )
    title = models.CharField(gettext_lazy("Tên văn bản"), max_length=500)
    country = models.ForeignKey(
        Country,
        verbose_name=gettext_lazy("Nước ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Đối tác"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    partner_text = models.CharField(gettext_lazy("Tên đối tác (ghi như đề xuất)"), max_length=500, blank=True)
    signing_level = models.CharField(gettext_lazy("Dự kiến cấp ký"), max_length=500, blank=True)
    approving_authority = models.CharField(gettext_lazy("Cấp có thẩm quyền phê duyệt"), max_length=255, blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=AgreementStatus.choices,
        default=AgreementStatus.DRAFT,
        db_index=True,
    )
    consulted_on = models.DateField(gettext_lazy("Ngày gửi xin ý kiến"), null=True, blank=True)
    consulted_bodies = models.CharField(gettext_lazy("Cơ quan được xin ý kiến"), max_length=500, blank=True)
    approval_ref = models.CharField(gettext_lazy("Số văn bản phê duyệt"), max_length=64, blank=True)
    approved_on = models.DateField(gettext_lazy("Ngày phê duyệt"), null=True, blank=True)
    signed_on = models.DateField(gettext_lazy("Ngày ký"), null=True, blank=True)
    reported_on = models.DateField(gettext_lazy("Ngày báo cáo Thủ tướng"), null=True, blank=True)
    effective_on = models.DateField(gettext_lazy("Ngày có hiệu lực"), null=True, blank=True)
    valid_until = models.DateField(gettext_lazy("Hiệu lực đến"), null=True, blank=True)
    ended_on = models.DateField(gettext_lazy("Ngày hết hiệu lực/chấm dứt"), null=True, blank=True)
    review_on = models.DateField(
        gettext_lazy("Ngày rà soát, đánh giá"),
        null=True,
        blank=True,
        help_text=gettext_lazy(
            "Rà soát kết quả thực hiện trước khi hết hiệu lực; để trống: 90 ngày trước ngày hết hiệu lực."
        ),
    )
    reviewed_on = models.DateField(gettext_lazy("Ngày đã rà soát"), null=True, blank=True)
    review_result = models.TextField(gettext_lazy("Kết quả rà soát, kiến nghị"), blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Thỏa thuận quốc tế")
        verbose_name_plural = pgettext_lazy("plural", "Thỏa thuận quốc tế")
        ordering = ["year", "id"]
        indexes = [
            models.Index(fields=["year", "status"]),
            # Signed agreements not yet reported to the Prime Minister (home page, deadlines), in the order shown:
            # the first rows without sorting ~9,000 of them at national scale; status and report date again as
            # columns so that SQLite tests them from the index (as `delegation_report_late`); the unit last, so
            # that the compliance page counts and ranks each unit's from the index alone (agreements 0007).
            # The condition names no status (agreements 0008): the queries send their statuses as parameters, and
            # SQLite uses a partial index only where the query's own terms imply its condition — with
            # `status IN (?, ?)` it counted the home page's 9,263 late reports from the table, 54 ms against 7.5.
            models.Index(
                fields=["signed_on", "id", "status", "reported_on", "proposing_unit"],
                condition=models.Q(reported_on__isnull=True, signed_on__isnull=False),
                name="agreement_report_unsent",
            ),
            # The calendar's month (dashboard.calendar_selectors): signings and their reports by date, opinions
            # awaited by the day they were asked for.
            models.Index(fields=["signed_on"], name="agreement_signed_on"),
            models.Index(fields=["status", "consulted_on"], name="agreement_status_consulted"),
            # Agreements awaiting their review (deadlines.REVIEW, on the deadline page and the calendar), read as
            # their due-date columns from the index alone: the table's 20,000 rows were scanned for none.
            models.Index(
                fields=["status", "review_on", "valid_until"],
                condition=models.Q(reviewed_on__isnull=True),
                name="agreement_review_open",
            ),
            # The home page's waiting lists (proposed, consulted): one status in the list's order (year, id).
            models.Index(fields=["status", "year", "id"], name="agreement_status_order"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def opinions_due(self) -> dt.date | None:
        """Consulted bodies answer within 7 working days (Law 70/2020/QH14, art. 18)."""
        return rules.opinions_due(self.consulted_on) if self.consulted_on else None

    @property
    def report_due(self) -> dt.date | None:
        """Report to the Prime Minister within 15 days of signing."""
        return REPORT_DUE.due(self)

    def is_report_late(self, today: dt.date | None = None) -> bool:
        due = self.report_due
        return bool(due and not self.reported_on and (today or timezone.localdate()) > due)

    @property
    def review_due(self) -> dt.date | None:
        """When the agreement is to be reviewed: its review date, else some time before it expires."""
        if self.review_on:
            return self.review_on
        if self.valid_until:
            return self.valid_until - dt.timedelta(days=REVIEW_DAYS_BEFORE_EXPIRY)
        return None

    @property
    def validity(self) -> str:
        """The validity in one line, for the partner's timeline."""
        if self.ended_on:
            return gettext("Hết hiệu lực từ %(ended_on)s") % {"ended_on": format(self.ended_on, "%d/%m/%Y")}
        if self.valid_until:
            start = self.effective_on or self.signed_on
            until = format(self.valid_until, "%d/%m/%Y")
            if start:
                return gettext("Hiệu lực từ %(start)s đến %(until)s") % {
                    "start": format(start, "%d/%m/%Y"),
                    "until": until,
                }
            return gettext("Hiệu lực đến %(until)s") % {"until": until}
        return ""


class ActionStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    OPEN = "open", gettext_lazy("Đang thực hiện")
    DONE = "done", gettext_lazy("Đã hoàn thành")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {"draft": "secondary", "open": "primary", "done": "success", "cancelled": "secondary"}


class AgreementAction(UnitOwnedModel):
    """A follow-up action of an agreement (what the parties agreed to do), with the unit in charge and its
    due date: it feeds the deadlines and reminders until it is done."""

    owner_field = "owner_unit"
    # A draft stays with its unit until it is put under follow-up; from then on it changes by its steps only.
    private_statuses: ClassVar[tuple[str, ...]] = ("draft",)
    editable_statuses: ClassVar[tuple[str, ...]] = ("draft",)

    agreement = models.ForeignKey(
        Agreement, verbose_name=gettext_lazy("Thỏa thuận"), on_delete=models.PROTECT, related_name="actions"
    )
    title = models.CharField(gettext_lazy("Việc cần thực hiện"), max_length=500)
    owner_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị chủ trì"), on_delete=models.PROTECT, related_name="agreement_actions"
    )
    due_on = models.DateField(gettext_lazy("Hạn hoàn thành"))
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=ActionStatus.choices,
        default=ActionStatus.DRAFT,
        db_index=True,
    )
    done_on = models.DateField(gettext_lazy("Ngày hoàn thành"), null=True, blank=True)
    result = models.TextField(gettext_lazy("Kết quả thực hiện"), blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Việc triển khai thỏa thuận")
        verbose_name_plural = pgettext_lazy("plural", "Việc triển khai thỏa thuận")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    def is_late(self, today: dt.date | None = None) -> bool:
        return self.status == ActionStatus.OPEN and (today or timezone.localdate()) > self.due_on
