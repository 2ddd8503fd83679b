"""Cultural diplomacy and friendship events, foreign-affairs training courses, inspections of foreign-affairs work."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.choices import StatusChoices
from doingoai.core.models import Country, Partner, PlannedTimeModel, Unit
from doingoai.core.timeline import Timeline
from doingoai.finance.models import Budgeted
from doingoai.finance.steps import BudgetSteps


class EventKind(models.TextChoices):
    CULTURAL = "cultural", gettext_lazy("Ngoại giao văn hóa")
    FRIENDSHIP = "friendship", gettext_lazy("Giao lưu hữu nghị")
    PROMOTION = "promotion", gettext_lazy("Quảng bá, xúc tiến")
    COMMEMORATION = "commemoration", gettext_lazy("Kỷ niệm, lễ kỷ niệm")
    SPORTS = "sports", gettext_lazy("Giao lưu thể thao")
    YOUTH = "youth", gettext_lazy("Giao lưu thanh niên")
    OTHER = "other", gettext_lazy("Khác")


class EventStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    PLANNED = "planned", gettext_lazy("Trong kế hoạch")
    HELD = "held", gettext_lazy("Đã tổ chức")
    REPORTED = "reported", gettext_lazy("Đã báo cáo")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "planned": "primary",
        "held": "dark",
        "reported": "dark",
        "cancelled": "danger",
    }


class Event(Budgeted, PlannedTimeModel):
    timeline: ClassVar[Timeline] = Timeline(
        happened=("reported_on",),
        done_statuses=("held", "reported"),
        when_done=("start_date", "end_date"),
        order=(("start_date", "end_date"), ("end_date", "reported_on"), ("start_date", "reported_on")),
        year="year",
    )

    owner_field = "organising_unit"
    _history_m2m_fields = ["countries", "partners"]
    # The budget in the workflow: finance appraises the estimate of a proposed or planned event (when it uses
    # the state budget); the unit settles it once held.
    budget_steps: ClassVar[BudgetSteps] = BudgetSteps(
        appraisable=("proposed", "planned"),
        settleable=("held", "reported"),
        ended_on=("end_date", "start_date"),
        decided=("planned", "held", "reported"),
        decide_verb="accept",
        path=(
            (gettext_lazy("Đơn vị gửi đề xuất"), "submit", ("proposed", "planned", "held", "reported")),
            (gettext_lazy("Cơ quan điều phối đưa vào kế hoạch"), "accept", ("planned", "held", "reported")),
        ),
    )

    title = models.CharField(gettext_lazy("Tên sự kiện, hoạt động"), max_length=500)
    kind = models.CharField(
        gettext_lazy("Loại hoạt động"), max_length=16, choices=EventKind.choices, default=EventKind.CULTURAL
    )
    start_date = models.DateField(gettext_lazy("Từ ngày"), null=True, blank=True)
    end_date = models.DateField(gettext_lazy("Đến ngày"), null=True, blank=True)
    place = models.CharField(gettext_lazy("Địa điểm"), max_length=255, blank=True)
    countries = models.ManyToManyField(Country, verbose_name=gettext_lazy("Nước"), related_name="events", blank=True)
    partners = models.ManyToManyField(Partner, verbose_name=gettext_lazy("Đối tác"), related_name="events", blank=True)
    partner_text = models.CharField(gettext_lazy("Đối tác (ghi cụ thể)"), max_length=500, blank=True)
    organising_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị tổ chức"), on_delete=models.PROTECT, related_name="events"
    )
    participants = models.TextField(gettext_lazy("Thành phần tham gia"), blank=True)
    participants_count = models.PositiveIntegerField(gettext_lazy("Số người tham gia"), null=True, blank=True)
    uses_state_budget = models.BooleanField(gettext_lazy("Sử dụng ngân sách nhà nước"), default=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=16, choices=EventStatus.choices, default=EventStatus.DRAFT, db_index=True
    )
    report = models.TextField(gettext_lazy("Báo cáo kết quả"), blank=True)
    reported_on = models.DateField(gettext_lazy("Ngày báo cáo"), null=True, blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Sự kiện, giao lưu đối ngoại")
        verbose_name_plural = pgettext_lazy("plural", "Sự kiện, giao lưu đối ngoại")
        ordering = ["-year", "start_date", "id"]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return self.title


class TrainingStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    PLANNED = "planned", gettext_lazy("Trong kế hoạch")
    HELD = "held", gettext_lazy("Đã tổ chức")
    REPORTED = "reported", gettext_lazy("Đã báo cáo")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "planned": "primary",
        "held": "dark",
        "reported": "dark",
        "cancelled": "danger",
    }


class TrainingCourse(PlannedTimeModel):
    timeline: ClassVar[Timeline] = Timeline(
        happened=("reported_on",),
        done_statuses=("held", "reported"),
        when_done=("start_date", "end_date"),
        order=(("start_date", "end_date"), ("end_date", "reported_on"), ("start_date", "reported_on")),
        year="year",
    )

    owner_field = "organising_unit"

    title = models.CharField(gettext_lazy("Tên lớp tập huấn, bồi dưỡng"), max_length=500)
    topic = models.TextField(gettext_lazy("Nội dung, chuyên đề"), blank=True)
    audience = models.CharField(gettext_lazy("Đối tượng"), max_length=500, blank=True)
    start_date = models.DateField(gettext_lazy("Từ ngày"), null=True, blank=True)
    end_date = models.DateField(gettext_lazy("Đến ngày"), null=True, blank=True)
    place = models.CharField(gettext_lazy("Địa điểm"), max_length=255, blank=True)
    organising_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị tổ chức"), on_delete=models.PROTECT, related_name="training_courses"
    )
    partner_text = models.CharField(gettext_lazy("Đơn vị phối hợp, tài trợ"), max_length=500, blank=True)
    trainees_planned = models.PositiveIntegerField(gettext_lazy("Số học viên dự kiến"), null=True, blank=True)
    trainees_count = models.PositiveIntegerField(gettext_lazy("Số học viên thực tế"), null=True, blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=TrainingStatus.choices,
        default=TrainingStatus.DRAFT,
        db_index=True,
    )
    report = models.TextField(gettext_lazy("Báo cáo kết quả"), blank=True)
    reported_on = models.DateField(gettext_lazy("Ngày báo cáo"), null=True, blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Lớp tập huấn, bồi dưỡng đối ngoại")
        verbose_name_plural = pgettext_lazy("plural", "Tập huấn, bồi dưỡng nghiệp vụ đối ngoại")
        ordering = ["-year", "start_date", "id"]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return self.title


class InspectionField(models.TextChoices):
    GENERAL = "general", gettext_lazy("Quản lý nhà nước về đối ngoại (chung)")
    DELEGATIONS = "delegations", gettext_lazy("Đoàn ra, đoàn vào")
    CONFERENCES = "conferences", gettext_lazy("Hội nghị, hội thảo quốc tế")
    AGREEMENTS = "agreements", gettext_lazy("Thỏa thuận quốc tế")
    AID = "aid", gettext_lazy("Viện trợ, tiếp nhận viện trợ phi chính phủ nước ngoài")
    BORDER = "border", gettext_lazy("Biên giới, cửa khẩu")
    CONSULAR = "consular", gettext_lazy("Lãnh sự, người nước ngoài, thẻ ABTC")
    OTHER = "other", gettext_lazy("Khác")


class InspectionStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    PLANNED = "planned", gettext_lazy("Đã có quyết định")
    IN_PROGRESS = "in_progress", gettext_lazy("Đang thanh tra, kiểm tra")
    CONCLUDED = "concluded", gettext_lazy("Đã kết luận")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "planned": "primary",
        "in_progress": "warning",
        "concluded": "dark",
        "cancelled": "danger",
    }


class Inspection(PlannedTimeModel):
    timeline: ClassVar[Timeline] = Timeline(
        happened=("decision_date", "actual_start", "actual_end", "concluded_on"),
        order=(("actual_start", "actual_end"), ("actual_end", "concluded_on"), ("actual_start", "concluded_on")),
        year="year",
    )

    owner_field = "inspecting_unit"

    title = models.CharField(gettext_lazy("Tên cuộc thanh tra, kiểm tra"), max_length=500)
    inspecting_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Cơ quan thanh tra, kiểm tra"),
        on_delete=models.PROTECT,
        related_name="inspections_made",
    )
    inspected_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Đơn vị được thanh tra, kiểm tra"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    domain = models.CharField(
        gettext_lazy("Lĩnh vực"), max_length=16, choices=InspectionField.choices, default=InspectionField.GENERAL
    )
    scope = models.TextField(gettext_lazy("Nội dung, phạm vi"), blank=True)
    decision_ref = models.CharField(gettext_lazy("Số quyết định thanh tra, kiểm tra"), max_length=64, blank=True)
    decision_date = models.DateField(gettext_lazy("Ngày quyết định"), null=True, blank=True)
    actual_start = models.DateField(gettext_lazy("Ngày bắt đầu thực tế"), null=True, blank=True)
    actual_end = models.DateField(gettext_lazy("Ngày kết thúc thực tế"), null=True, blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=InspectionStatus.choices,
        default=InspectionStatus.DRAFT,
        db_index=True,
    )
    findings = models.TextField(gettext_lazy("Kết quả, phát hiện"), blank=True)
    conclusion_ref = models.CharField(gettext_lazy("Số kết luận"), max_length=64, blank=True)
    concluded_on = models.DateField(gettext_lazy("Ngày kết luận"), null=True, blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Thanh tra, kiểm tra công tác đối ngoại")
        verbose_name_plural = pgettext_lazy("plural", "Thanh tra, kiểm tra công tác đối ngoại")
        ordering = ["-year", "id"]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return self.title
