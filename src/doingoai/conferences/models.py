"""Hội nghị, hội thảo quốc tế (Phụ lục 3), under Decision 06/2020/QĐ-TTg."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core import rules
from doingoai.core.choices import FundingSource, StatusChoices
from doingoai.core.models import Country, Partner, PlannedTimeModel, Unit
from doingoai.core.timeline import Timeline
from doingoai.finance.models import Budgeted
from doingoai.finance.steps import BudgetSteps


class ConferenceForm(models.TextChoices):
    IN_PERSON = "in_person", gettext_lazy("Trực tiếp")
    ONLINE = "online", gettext_lazy("Trực tuyến")
    HYBRID = "hybrid", gettext_lazy("Trực tiếp kết hợp trực tuyến")


class ConferenceStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    PERMITTED = "permitted", gettext_lazy("Đã cấp phép")
    HELD = "held", gettext_lazy("Đã tổ chức")
    REPORTED = "reported", gettext_lazy("Đã báo cáo")
    POSTPONED = "postponed", gettext_lazy("Tạm hoãn")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "permitted": "success",
        "held": "dark",
        "reported": "dark",
        "postponed": "warning",
        "cancelled": "danger",
    }


class Conference(Budgeted, PlannedTimeModel):
    timeline: ClassVar[Timeline] = Timeline(
        happened=("applied_on", "permit_date", "held_on", "reported_on"),
        done_statuses=("held", "reported"),
        when_done=("start_date",),
        order=(("held_on", "reported_on"),),
        year="year",
    )

    owner_field = "organising_unit"
    # The budget in the workflow: finance appraises the estimate of a proposed or permitted conference; the
    # unit settles it once held. The permit stays the authority's (Decision 06/2020/QĐ-TTg, core.rules).
    budget_steps: ClassVar[BudgetSteps] = BudgetSteps(
        appraisable=("proposed", "permitted"),
        settleable=("held", "reported"),
        ended_on=("held_on",),
        decided=("permitted", "held", "reported"),
        decide_verb="permit",
        path=(
            (gettext_lazy("Đơn vị gửi đề xuất"), "submit", ("proposed", "permitted", "held", "reported", "postponed")),
        ),
    )
    _history_m2m_fields = ["countries", "partners"]

    title = models.CharField(gettext_lazy("Tên/chủ đề hội nghị, hội thảo"), max_length=500)
    form = models.CharField(
        gettext_lazy("Hình thức"), max_length=16, choices=ConferenceForm.choices, default=ConferenceForm.IN_PERSON
    )
    partner_text = models.TextField(gettext_lazy("Cơ quan, tổ chức nước ngoài phối hợp"), blank=True)
    partners = models.ManyToManyField(
        Partner, verbose_name=gettext_lazy("Đối tác"), related_name="conferences", blank=True
    )
    countries = models.ManyToManyField(
        Country, verbose_name=gettext_lazy("Nước"), related_name="conferences", blank=True
    )
    delegates_vn = models.PositiveIntegerField(gettext_lazy("Đại biểu Việt Nam"), null=True, blank=True)
    delegates_foreign_in_vn = models.PositiveIntegerField(
        gettext_lazy("Đại biểu nước ngoài ở trong nước"), null=True, blank=True
    )
    delegates_from_abroad = models.PositiveIntegerField(gettext_lazy("Đại biểu từ nước ngoài"), null=True, blank=True)
    start_date = models.DateField(
        gettext_lazy("Ngày khai mạc dự kiến"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Để trống nếu chưa xác định; hạn xin phép tính theo ngày này"),
    )
    days = models.PositiveSmallIntegerField(gettext_lazy("Số ngày"), null=True, blank=True)
    place = models.CharField(gettext_lazy("Địa điểm"), max_length=255, blank=True)
    funding_source = models.CharField(gettext_lazy("Nguồn kinh phí"), max_length=32, choices=FundingSource.choices)
    funding_text = models.CharField(gettext_lazy("Nguồn kinh phí (ghi cụ thể)"), max_length=255, blank=True)
    uses_state_budget = models.BooleanField(gettext_lazy("Sử dụng ngân sách nhà nước"), default=True)
    has_foreign_high_level = models.BooleanField(
        gettext_lazy("Có nguyên thủ, bộ trưởng hoặc tương đương nước ngoài tham dự"), default=False
    )
    sensitive_topics = models.BooleanField(
        gettext_lazy(
            "Nội dung liên quan chủ quyền, an ninh, quốc phòng, dân tộc, tôn giáo, nhân quyền, bí mật nhà nước"
        ),
        default=False,
    )
    permitting_authority_text = models.CharField(
        gettext_lazy("Cơ quan cho phép (ghi như đề xuất)"), max_length=255, blank=True
    )
    organising_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị tổ chức"), on_delete=models.PROTECT, related_name="conferences"
    )
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=ConferenceStatus.choices,
        default=ConferenceStatus.DRAFT,
        db_index=True,
    )
    applied_on = models.DateField(gettext_lazy("Ngày nộp hồ sơ xin phép"), null=True, blank=True)
    permit_ref = models.CharField(gettext_lazy("Số văn bản cho phép"), max_length=64, blank=True)
    permit_date = models.DateField(gettext_lazy("Ngày cho phép"), null=True, blank=True)
    held_on = models.DateField(gettext_lazy("Ngày tổ chức thực tế"), null=True, blank=True)
    report = models.TextField(gettext_lazy("Báo cáo kết quả"), blank=True)
    reported_on = models.DateField(gettext_lazy("Ngày báo cáo"), null=True, blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Hội nghị, hội thảo quốc tế")
        verbose_name_plural = pgettext_lazy("plural", "Hội nghị, hội thảo quốc tế")
        ordering = ["year", "id"]
        indexes = [
            models.Index(fields=["year", "status"]),
            # The calendar's month (dashboard.calendar_selectors): conferences by their day, held or planned, and
            # the rare ones said to last longer than a year.
            models.Index(fields=["held_on"], name="conference_held_on"),
            models.Index(fields=["start_date"], name="conference_start_date"),
            models.Index(fields=["days"], name="conference_days"),
            models.Index(fields=["year", "month_mask"], name="conference_planned"),
            # The budget totals page: the year's sums by unit and quarter, and the ids whose cost lines it sums,
            # from the index alone.
            models.Index(
                fields=[
                    "year",
                    "status",
                    "budget_status",
                    "organising_unit",
                    "month_mask",
                    "estimate_vnd",
                    "appraised_vnd",
                    "actual_vnd",
                    "id",
                ],
                name="conference_year_budget",
            ),
            # Proposed conferences' permit deadlines (conferences.deadlines.PERMIT): the home page counts the late
            # ones and the deadline page dates them all (~3,400 at national scale), from the index alone.
            models.Index(
                fields=["status", "start_date", "year", "month_mask", "has_foreign_high_level", "sensitive_topics"],
                name="conference_permit_dates",
            ),
            # The finance home page: budgets awaiting appraisal, oldest first (the first 10 of the index's order).
            models.Index(fields=["budget_status", "id"], name="conference_budget_wait"),
            # The home page's waiting lists (proposed, held and not reported): one status in the list's order
            # (year, id), the first 11 without sorting the status's thousands (5 → 0.1 ms on PostgreSQL).
            models.Index(fields=["status", "year", "id"], name="conference_status_order"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def proposing_unit(self) -> Unit:
        return self.organising_unit

    @property
    def delegates_total(self) -> int:
        return sum(n or 0 for n in (self.delegates_vn, self.delegates_foreign_in_vn, self.delegates_from_abroad))

    @property
    def required_authority(self) -> rules.ConferenceAuthority:
        return rules.conference_authority(high_level=self.has_foreign_high_level, sensitive=self.sensitive_topics)

    @property
    def planned_start(self) -> dt.date | None:
        return planned_start_of(self.start_date, self.year, self.month_mask)

    @property
    def apply_by(self) -> dt.date | None:
        return permit_apply_by(
            self.start_date, self.year, self.month_mask, self.has_foreign_high_level, self.sensitive_topics
        )


def permit_apply_by(
    start_date: dt.date | None, year: int, month_mask: int, high_level: bool, sensitive: bool
) -> dt.date | None:
    """`Conference.apply_by` from the columns alone: the planned start (the start date, else the first day of the
    first planned month) less the permitting authority's lead time. The deadline page dates every proposed
    conference of the country by it (conferences.deadlines.PERMIT)."""
    start = planned_start_of(start_date, year, month_mask)
    if start is None:
        return None
    return start - dt.timedelta(days=rules.conference_apply_days(high_level=high_level, sensitive=sensitive))


def planned_start_of(start_date: dt.date | None, year: int, month_mask: int) -> dt.date | None:
    """`Conference.planned_start` from the columns: the start date, else the first day of the first planned month
    (the lowest of the mask's twelve month bits), else None."""
    if start_date:
        return start_date
    first_month = (month_mask & -month_mask).bit_length() if month_mask else 0
    return dt.date(year, first_month, 1) if 1 <= first_month <= 12 else None
