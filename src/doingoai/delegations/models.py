"""Đoàn ra / đoàn vào (Phụ lục 1, 2 of the programme)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.choices import DelegationGroup, FundingSource, StatusChoices
from doingoai.core.deadlines import DaysAfter
from doingoai.core.models import Country, Partner, PlannedTimeModel, Unit
from doingoai.core.timeline import Timeline
from doingoai.documents.timeparse import days_in_text
from doingoai.finance.models import Budgeted
from doingoai.finance.steps import BudgetSteps


class Direction(models.TextChoices):
    OUT = "out", gettext_lazy("Đoàn ra")
    IN = "in", gettext_lazy("Đoàn vào")


__all__ = ["Delegation", "DelegationGroup", "DelegationStatus", "Direction"]  # DelegationGroup lives in core


class DelegationStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    IN_PLAN = "in_plan", gettext_lazy("Trong kế hoạch")
    APPROVED = "approved", gettext_lazy("Đã phê duyệt")
    DONE = "done", gettext_lazy("Đã thực hiện")
    POSTPONED = "postponed", gettext_lazy("Tạm hoãn")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "in_plan": "primary",
        "approved": "success",
        "done": "dark",
        "postponed": "warning",
        "cancelled": "danger",
    }


# An outbound delegation reports its results within N days of return (15 by the common rule): the rule of
# `Delegation.report_due` and of the deadline declared in deadlines.py.
RESULT_REPORT_DUE = DaysAfter("actual_end", "delegation_report_days")


class Delegation(Budgeted, PlannedTimeModel):
    # Done means it happened: dates of the trip and of its result report have passed, the report after return.
    timeline: ClassVar[Timeline] = Timeline(
        happened=("decision_date", "actual_start", "actual_end", "result_reported_on"),
        order=(("actual_start", "actual_end"), ("actual_end", "result_reported_on")),
        year="year",
    )

    _history_m2m_fields = ["countries", "partners"]
    # The budget in the workflow: finance appraises it once the coordinator has the proposal; the unit settles it
    # after the trip; the competent authority's decision is "approve" (finance.services.decides).
    budget_steps: ClassVar[BudgetSteps] = BudgetSteps(
        appraisable=("proposed", "in_plan"),
        settleable=("done",),
        ended_on=("actual_end",),
        decided=("approved", "done"),
        path=(
            (gettext_lazy("Đơn vị gửi đề xuất"), "submit", ("proposed", "in_plan", "approved", "done", "postponed")),
            (
                gettext_lazy("Cơ quan điều phối thẩm định nội dung, đưa vào kế hoạch"),
                "include_in_plan",
                ("in_plan", "approved", "done", "postponed"),
            ),
        ),
    )

    direction = models.CharField(gettext_lazy("Loại đoàn"), max_length=3, choices=Direction.choices, db_index=True)
    group = models.CharField(gettext_lazy("Nhóm"), max_length=32, choices=DelegationGroup.choices)
    name = models.CharField(gettext_lazy("Tên đoàn"), max_length=500)
    capacity = models.CharField(gettext_lazy("Danh nghĩa đoàn"), max_length=255, blank=True)
    head = models.CharField(gettext_lazy("Trưởng đoàn"), max_length=255, blank=True)
    size = models.PositiveIntegerField(gettext_lazy("Số người"), null=True, blank=True)
    composition = models.TextField(gettext_lazy("Thành phần"), blank=True)
    countries = models.ManyToManyField(
        Country, verbose_name=gettext_lazy("Nước"), related_name="delegations", blank=True
    )
    # A bloc named beside the countries ("EU, Anh"): not a country of the list, kept so the plan prints it again.
    blocs = models.CharField(
        gettext_lazy("Khối, liên minh"),
        max_length=64,
        blank=True,
        help_text=gettext_lazy("Mã khối ghi cách nhau bởi dấu phẩy, ví dụ: EU, ASEAN"),
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=gettext_lazy("Đối tác"), related_name="delegations", blank=True
    )
    partner_text = models.TextField(gettext_lazy("Đối tác làm việc (ghi như đề xuất)"), blank=True)
    purpose = models.TextField(gettext_lazy("Nội dung hoạt động"), blank=True)
    duration_text = models.CharField(
        gettext_lazy("Số ngày"), max_length=64, blank=True, help_text=gettext_lazy("Ví dụ: 05 ngày; 03 ngày/ nước")
    )
    # Derived from "Số ngày" as written (one field to fill in); kept as a number for the budget and the appendices.
    duration_days = models.PositiveSmallIntegerField(gettext_lazy("Số ngày (số)"), null=True, blank=True)
    funding_source = models.CharField(gettext_lazy("Nguồn kinh phí"), max_length=32, choices=FundingSource.choices)
    funding_text = models.CharField(gettext_lazy("Nguồn kinh phí (ghi cụ thể)"), max_length=255, blank=True)
    uses_state_budget = models.BooleanField(gettext_lazy("Sử dụng ngân sách nhà nước"), default=True)
    proposing_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị đề xuất"), on_delete=models.PROTECT, related_name="delegations"
    )
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=DelegationStatus.choices,
        default=DelegationStatus.DRAFT,
        db_index=True,
    )
    decision_ref = models.CharField(gettext_lazy("Số quyết định"), max_length=64, blank=True)
    decision_date = models.DateField(gettext_lazy("Ngày quyết định"), null=True, blank=True)
    actual_start = models.DateField(gettext_lazy("Ngày đi/đến thực tế"), null=True, blank=True)
    actual_end = models.DateField(gettext_lazy("Ngày về/kết thúc thực tế"), null=True, blank=True)
    result_report = models.TextField(gettext_lazy("Báo cáo kết quả"), blank=True)
    result_reported_on = models.DateField(gettext_lazy("Ngày báo cáo kết quả"), null=True, blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Đoàn")
        verbose_name_plural = pgettext_lazy("plural", "Đoàn ra, đoàn vào")
        ordering = ["-year", "-direction", "group", "id"]  # this year first, outbound (Phụ lục 1) before inbound
        indexes = [
            # The list's usual filters and its sort by name, with the id: on PostgreSQL the page's ids and the
            # COUNT read this index alone (index-only scans), not 18,000 scattered rows of the table (README).
            models.Index(fields=["year", "status", "name", "id"], name="delegation_year_status_name"),
            # A unit's records in one status (a unit officer's home page), in the registry's order: no sort.
            models.Index(
                fields=["proposing_unit", "status", "-year", "-direction", "group", "id"], name="delegation_unit_status"
            ),
            # Budgets awaiting appraisal (finance's home page): counted from the index.
            models.Index(fields=["budget_status", "status", "uses_state_budget", "id"], name="delegation_budget_wait"),
            # Late result reports (home page, deadlines), in the order they are shown; with the direction the
            # count of late outbound reports reads the index alone (13,000 rows at national scale). The status
            # and report date again as columns: SQLite tests them from the index, not from 13,000 table rows; the
            # id (the order shown) and the unit last: the compliance page counts and ranks each unit's from the
            # index alone (0016).
            models.Index(
                fields=["direction", "actual_end", "status", "result_reported_on", "id", "proposing_unit"],
                condition=models.Q(status="done", result_reported_on__isnull=True),
                name="delegation_report_late",
            ),
            # The same for one unit (a unit officer's home page: its late reports, its reports to write), without
            # reading every unit's 13,000 late reports at national scale.
            models.Index(
                fields=["proposing_unit", "direction", "actual_end", "id"],
                condition=models.Q(status="done", result_reported_on__isnull=True),
                name="delegation_unit_report_late",
            ),
            # Planned vs done per quarter (home page, dashboard): the year's counts from the index alone; with the
            # unit, budget status and amounts, the budget totals page's sums by unit, kind and quarter too, and with
            # the id the records whose cost lines it sums.
            models.Index(
                fields=[
                    "year",
                    "status",
                    "direction",
                    "month_mask",
                    "budget_status",
                    "proposing_unit",
                    "estimate_vnd",
                    "appraised_vnd",
                    "actual_vnd",
                    "id",  # PostgreSQL: the year's ids (the cost lines' records) from the index alone too
                ],
                name="delegation_year_plan_budget",
            ),
            # The list's default order: its first page read in that order, stopping at the 25th row the user may
            # see, instead of sorting a year's ~25,000 delegations (national scale).
            models.Index(fields=["-year", "-direction", "group", "id"], name="delegation_list_order"),
            # The records waiting in one status (home page), in the registry's order: the first 10 without a sort.
            models.Index(fields=["status", "-year", "-direction", "group", "id"], name="delegation_status_order"),
            # The calendar's month (dashboard.calendar_selectors): trips begun or ended in it, and the trips still
            # known only by their planned months, tested from the index (a month's ~6,000 of 250,000 rows).
            # Partial: a trip not yet made has no dates, and SQLite's statistics cannot tell that NULL is 40 % of
            # the table, so a full index drew the planned-month query onto it (100,000 rows read for 3,400).
            models.Index(
                fields=["actual_start"], condition=models.Q(actual_start__isnull=False), name="delegation_actual_start"
            ),
            models.Index(
                fields=["actual_end"], condition=models.Q(actual_end__isnull=False), name="delegation_actual_end"
            ),
            # The planned trips of a month, counted and ordered for the calendar (`planned_window`) from the index
            # alone: the month's 3,400 of a national year, where reading their rows cost most of the page.
            models.Index(
                fields=["year", "month_mask", "status", "direction", "name", "id"],
                condition=models.Q(actual_start__isnull=True),
                name="delegation_planned_cover",
            ),
            # The year's overlap candidates (outbound, state budget, known months) with what pairing and the rights
            # test, read from the index alone: 10,000 of 25,000 rows of a national year.
            models.Index(
                fields=["year", "status", "proposing_unit", "month_mask", "direction", "uses_state_budget", "id"],
                condition=models.Q(direction="out", uses_state_budget=True, month_mask__gt=0),
                name="delegation_overlap_candidates",
            ),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.duration_days = days_in_text(self.duration_text) or self.duration_days
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.name

    @property
    def report_due(self) -> dt.date | None:
        """An outbound delegation reports its results within N days of return (15 by the common rule)."""
        if self.direction != Direction.OUT or self.status != DelegationStatus.DONE:
            return None
        return RESULT_REPORT_DUE.due(self)

    def is_report_late(self, today: dt.date | None = None) -> bool:
        due = self.report_due
        return bool(due and not self.result_reported_on and (today or timezone.localdate()) > due)
