"""Cost estimates, the legal norms they are priced from, and the competent authorities that decide records.

- `Budgeted`: the abstract part of a record that has a budget (delegations, conferences, events): its budget
  status and its totals, kept by the services from its `CostLine`s so that sums over a year are one SQL query.
- `CostLine`: one line of a record's estimate (category, quantity, days, unit price, currency and rate, VND
  amount, funding source, the norm it was priced from), with the finance department's appraised amount and, after
  the activity, the amount actually spent.
- `Norm`: a ceiling of a circular (reference data an administrator edits, each row with its legal source and the
  date it applies from; a row whose figure is not verified has no amount).
- `Authority`, `ApprovalRule`, `AuthorityGrant`: who decides which record (rules as data), and which accounts
  hold an authority, in their own right or by delegation for a period.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core import permissions
from doingoai.core.choices import DelegationGroup, FundingSource, Role
from doingoai.core.models import BaseModel, Country, Unit
from doingoai.finance.currency import CURRENCY_CHOICES, VND

AMOUNT: dict[str, Any] = {"max_digits": 18, "decimal_places": 0}  # VND, to the đồng


class BudgetStatus(models.TextChoices):
    NONE = "", gettext_lazy("Chưa lập dự toán")
    PENDING = "pending", gettext_lazy("Chờ thẩm định kinh phí")
    RETURNED = "returned", gettext_lazy("Trả lại để sửa dự toán")
    APPRAISED = "appraised", gettext_lazy("Đã thẩm định kinh phí")
    SETTLED = "settled", gettext_lazy("Đã quyết toán")


BUDGET_COLOURS = {"": "secondary", "pending": "info", "returned": "warning", "appraised": "success", "settled": "dark"}


class Budgeted(models.Model):
    """The budget of a record: status and totals (VND), maintained by `finance.services` from the lines."""

    budget_status = models.CharField(
        gettext_lazy("Tình trạng kinh phí"),
        max_length=16,
        choices=BudgetStatus.choices,
        default=BudgetStatus.NONE,
        blank=True,
    )
    estimate_vnd = models.DecimalField(gettext_lazy("Dự toán (đồng)"), default=Decimal(0), **AMOUNT)
    appraised_vnd = models.DecimalField(gettext_lazy("Kinh phí thẩm định (đồng)"), null=True, blank=True, **AMOUNT)
    actual_vnd = models.DecimalField(gettext_lazy("Kinh phí thực chi (đồng)"), null=True, blank=True, **AMOUNT)
    budget_note = models.TextField(gettext_lazy("Ý kiến thẩm định kinh phí"), blank=True)
    appraised_on = models.DateField(gettext_lazy("Ngày thẩm định kinh phí"), null=True, blank=True)
    settled_on = models.DateField(gettext_lazy("Ngày quyết toán"), null=True, blank=True)
    authority = models.ForeignKey(
        "finance.Authority",
        verbose_name=gettext_lazy("Cấp có thẩm quyền quyết định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = models.CharField(gettext_lazy("Người quyết định"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def budget_badge(self) -> tuple[str, str]:
        return self.get_budget_status_display(), BUDGET_COLOURS.get(self.budget_status, "secondary")  # type: ignore[attr-defined]


class CostCategory(models.TextChoices):
    AIR_FARE = "air_fare", gettext_lazy("Vé máy bay")
    ALLOWANCE = "allowance", gettext_lazy("Tiền ăn và tiêu vặt (phụ cấp lưu trú)")
    ACCOMMODATION = "accommodation", gettext_lazy("Tiền thuê chỗ ở")
    LOCAL_TRANSPORT = "local_transport", gettext_lazy("Đi lại tại nước đến, đưa đón sân bay")
    VISA_INSURANCE = "visa_insurance", gettext_lazy("Thị thực, bảo hiểm, lệ phí")
    RECEPTION = "reception", gettext_lazy("Đón tiếp, chiêu đãi")
    MEALS = "meals", gettext_lazy("Ăn hằng ngày")
    TRANSPORT = "transport", gettext_lazy("Phương tiện đi lại")
    INTERPRETATION = "interpretation", gettext_lazy("Phiên dịch, biên dịch")
    VENUE = "venue", gettext_lazy("Hội trường, thiết bị, trang trí")
    PRINTING = "printing", gettext_lazy("Tài liệu, in ấn")
    GIFTS = "gifts", gettext_lazy("Quà tặng")
    OTHER = "other", gettext_lazy("Chi khác")


OUTBOUND_CATEGORIES = ("air_fare", "allowance", "accommodation", "local_transport", "visa_insurance", "gifts", "other")
INBOUND_CATEGORIES = ("reception", "accommodation", "meals", "transport", "gifts", "interpretation", "other")


class NormKind(models.TextChoices):
    OUTBOUND_ALLOWANCE = "outbound_allowance", gettext_lazy("Công tác nước ngoài: tiền ăn và tiêu vặt")
    OUTBOUND_ACCOMMODATION = "outbound_accommodation", gettext_lazy("Công tác nước ngoài: tiền thuê chỗ ở")
    OUTBOUND_AIRPORT = "outbound_airport", gettext_lazy("Công tác nước ngoài: đi lại sân bay – nơi ở")
    INBOUND_ACCOMMODATION = "inbound_accommodation", gettext_lazy("Đón khách nước ngoài: thuê phòng nghỉ")
    INBOUND_MEALS = "inbound_meals", gettext_lazy("Đón khách nước ngoài: ăn hằng ngày")
    INBOUND_BANQUET = "inbound_banquet", gettext_lazy("Đón khách nước ngoài: chiêu đãi")
    INBOUND_GIFT = "inbound_gift", gettext_lazy("Đón khách nước ngoài: quà tặng")
    INBOUND_INTERPRETATION = "inbound_interpretation", gettext_lazy("Phiên dịch, biên dịch")
    CONFERENCE = "conference", gettext_lazy("Hội nghị, hội thảo quốc tế")
    OTHER = "other", gettext_lazy("Khác")


class NormPer(models.TextChoices):
    PERSON_DAY = "person_day", gettext_lazy("người/ngày")
    PERSON = "person", gettext_lazy("người")
    TRIP = "trip", gettext_lazy("người/lượt")
    PAGE = "page", "trang"
    HOUR = "hour", gettext_lazy("giờ")
    DAY = "day", gettext_lazy("ngày")
    EVENT = "event", gettext_lazy("cuộc")


# Which norm prices a line: (direction of the record or "" for conferences and events, category) → kind.
NORM_FOR: dict[tuple[str, str], str] = {
    ("out", "allowance"): NormKind.OUTBOUND_ALLOWANCE,
    ("out", "accommodation"): NormKind.OUTBOUND_ACCOMMODATION,
    ("out", "local_transport"): NormKind.OUTBOUND_AIRPORT,
    ("in", "accommodation"): NormKind.INBOUND_ACCOMMODATION,
    ("in", "meals"): NormKind.INBOUND_MEALS,
    ("in", "reception"): NormKind.INBOUND_BANQUET,
    ("in", "gifts"): NormKind.INBOUND_GIFT,
    ("in", "interpretation"): NormKind.INBOUND_INTERPRETATION,
    ("", "accommodation"): NormKind.INBOUND_ACCOMMODATION,
    ("", "meals"): NormKind.INBOUND_MEALS,
    ("", "reception"): NormKind.INBOUND_BANQUET,
    ("", "interpretation"): NormKind.INBOUND_INTERPRETATION,
    ("", "venue"): NormKind.CONFERENCE,
}


class Norm(BaseModel):
    """A ceiling of a circular: per country and rank for trips abroad, per guest level for guests."""

    kind = models.CharField(gettext_lazy("Loại định mức"), max_length=32, choices=NormKind.choices, db_index=True)
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Nước"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rank = models.CharField(
        gettext_lazy("Áp dụng cho"),
        max_length=255,
        blank=True,
        help_text=gettext_lazy("Chức danh, hạng khách; để trống nếu áp dụng chung"),
    )
    item = models.CharField(gettext_lazy("Nội dung"), max_length=255)
    amount = models.DecimalField(
        gettext_lazy("Mức tối đa"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=gettext_lazy("Để trống khi chưa kiểm tra"),
    )
    currency = models.CharField(gettext_lazy("Tiền tệ"), max_length=3, choices=CURRENCY_CHOICES, default=VND)
    per = models.CharField(
        gettext_lazy("Tính theo"), max_length=16, choices=NormPer.choices, default=NormPer.PERSON_DAY
    )
    source = models.CharField(
        gettext_lazy("Căn cứ"),
        max_length=500,
        help_text=gettext_lazy("Văn bản, điều, phụ lục (và địa chỉ đã đối chiếu)"),
    )
    valid_from = models.DateField(gettext_lazy("Áp dụng từ ngày"), null=True, blank=True)
    valid_to = models.DateField(gettext_lazy("Hết hiệu lực từ ngày"), null=True, blank=True)
    verified = models.BooleanField(gettext_lazy("Đã đối chiếu văn bản"), default=False)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Định mức chi")
        verbose_name_plural = pgettext_lazy("plural", "Định mức chi (đối ngoại)")
        ordering = ["kind", "country__name_vi", "rank", "item"]
        indexes = [models.Index(fields=["kind", "country"])]

    def __str__(self) -> str:
        where = f" — {self.country}" if self.country_id else ""
        rank = f" ({self.rank})" if self.rank else ""
        return f"{self.get_kind_display()}{where}{rank}: {self.amount_display}"

    @property
    def amount_display(self) -> str:
        from doingoai.finance.currency import format_amount

        if self.amount is None:
            return gettext("chưa kiểm tra")
        return f"{format_amount(self.amount, self.currency)}/{self.get_per_display()}"

    def applies_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


def record_q(obj: Any) -> Q:
    return Q(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk)


class CostLine(models.Model):
    """One line of a record's estimate, its appraised amount and what was spent."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    order = models.PositiveSmallIntegerField(gettext_lazy("Thứ tự"), default=0)
    category = models.CharField(gettext_lazy("Khoản chi"), max_length=32, choices=CostCategory.choices)
    description = models.CharField(gettext_lazy("Diễn giải"), max_length=255, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Nước"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.DecimalField(
        gettext_lazy("Số người (số lượng)"), max_digits=10, decimal_places=2, default=Decimal(1)
    )
    days = models.DecimalField(gettext_lazy("Số ngày (số lần)"), max_digits=6, decimal_places=1, default=Decimal(1))
    unit_price = models.DecimalField(gettext_lazy("Đơn giá"), max_digits=18, decimal_places=2)
    currency = models.CharField(gettext_lazy("Tiền tệ"), max_length=3, choices=CURRENCY_CHOICES, default=VND)
    rate = models.DecimalField(gettext_lazy("Tỷ giá"), max_digits=14, decimal_places=4, null=True, blank=True)
    rate_date = models.DateField(gettext_lazy("Ngày tỷ giá"), null=True, blank=True)
    amount_vnd = models.DecimalField(gettext_lazy("Thành tiền (đồng)"), **AMOUNT)
    funding_source = models.CharField(gettext_lazy("Nguồn kinh phí"), max_length=32, choices=FundingSource.choices)
    norm = models.ForeignKey(
        Norm,
        verbose_name=gettext_lazy("Định mức áp dụng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    norm_amount = models.DecimalField(
        gettext_lazy("Mức tối đa (theo định mức)"), max_digits=18, decimal_places=2, null=True
    )
    over_norm = models.BooleanField(gettext_lazy("Vượt định mức"), default=False)
    appraised_vnd = models.DecimalField(gettext_lazy("Thẩm định (đồng)"), null=True, blank=True, **AMOUNT)
    actual_vnd = models.DecimalField(gettext_lazy("Thực chi (đồng)"), null=True, blank=True, **AMOUNT)
    actual_note = models.CharField(gettext_lazy("Ghi chú thực chi"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("Dòng dự toán")
        verbose_name_plural = pgettext_lazy("plural", "Dự toán kinh phí")
        ordering = ["content_type", "object_id", "order", "id"]
        indexes = [
            # A record's lines; with the source and amounts, the year's sums by source read the index alone.
            models.Index(
                fields=["content_type", "object_id", "funding_source", "amount_vnd", "appraised_vnd", "actual_vnd"],
                name="finance_costline_record_sums",
            )
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount_vnd__gte=0), name="costline_amount_not_negative"),
            models.CheckConstraint(condition=Q(unit_price__gte=0), name="costline_price_not_negative"),
        ]

    def __str__(self) -> str:
        return gettext("%(category)s: %(amount_vnd)s đ") % {
            "category": self.get_category_display(),
            "amount_vnd": self.amount_vnd,
        }

    @property
    def is_foreign(self) -> bool:
        return self.currency != VND

    @property
    def appraised_difference(self) -> Decimal | None:
        """Spent minus appraised (positive: over the appraisal)."""
        if self.actual_vnd is None or self.appraised_vnd is None:
            return None
        return self.actual_vnd - self.appraised_vnd

    @property
    def estimate_difference(self) -> Decimal | None:
        return None if self.actual_vnd is None else self.actual_vnd - self.amount_vnd


# ------------------------------------------------------------------------------------------------ authority


class AdminWritten(BaseModel):
    """Who decides is set by the administrator alone: everyone signed in reads; nobody else writes (not even
    the coordinator, whose own steps these rules govern)."""

    class Meta:
        abstract = True

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        role = permissions.role_of(user)
        if role is None:
            return permissions.NOTHING
        if action == "view" or role == Role.ADMIN:
            return None
        return permissions.NOTHING

    @classmethod
    def may_create(cls, user: Any) -> bool:
        return permissions.role_of(user) == Role.ADMIN


class AuthorityKind(models.TextChoices):
    CENTRAL = "central", gettext_lazy("Trung ương (Bộ Chính trị, Ban Bí thư)")
    PARTY_STANDING = "party_standing", gettext_lazy("Ban Thường vụ Tỉnh ủy")
    CHAIRMAN = "chairman", gettext_lazy("Chủ tịch UBND tỉnh")
    VICE_CHAIRMAN = "vice_chairman", gettext_lazy("Phó Chủ tịch UBND tỉnh (được phân công, ủy quyền)")
    UNIT_HEAD = "unit_head", gettext_lazy("Thủ trưởng cơ quan, đơn vị (cán bộ thuộc quyền)")


class Authority(AdminWritten):
    """A tier that decides records. A central tier is recorded here, not decided: its decision is entered by the
    coordinator when it arrives."""

    name = models.CharField(gettext_lazy("Cấp có thẩm quyền"), max_length=255, unique=True)
    kind = models.CharField(gettext_lazy("Loại"), max_length=16, choices=AuthorityKind.choices)
    level = models.PositiveSmallIntegerField(
        gettext_lazy("Thứ bậc"), default=50, help_text=gettext_lazy("Số nhỏ là cấp cao hơn")
    )
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Cấp có thẩm quyền")
        verbose_name_plural = pgettext_lazy("plural", "Cấp có thẩm quyền quyết định")
        ordering = ["level", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def decided_here(self) -> bool:
        return self.kind != AuthorityKind.CENTRAL


class RuleTarget(models.TextChoices):
    """The records decided by these rules. International conferences are permitted by the authorities of
    Decision 06/2020/QĐ-TTg (core.rules), whose permit the coordinator records."""

    DELEGATION = "delegation", gettext_lazy("Đoàn ra, đoàn vào")


class ApprovalRule(AdminWritten):
    """Which authority decides a record: the first rule (by priority) whose conditions all hold."""

    target = models.CharField(gettext_lazy("Áp dụng cho"), max_length=16, choices=RuleTarget.choices)
    direction = models.CharField(
        gettext_lazy("Loại đoàn"),
        max_length=3,
        blank=True,
        choices=[("out", "Đoàn ra"), ("in", "Đoàn vào")],
        help_text=gettext_lazy("Trống: cả hai"),
    )
    group = models.CharField(
        gettext_lazy("Nhóm"),
        max_length=32,
        blank=True,
        choices=DelegationGroup.choices,
        help_text=gettext_lazy("Trống: mọi nhóm"),
    )
    state_budget = models.BooleanField(
        gettext_lazy("Sử dụng ngân sách nhà nước"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Trống: có hoặc không"),
    )
    head_rank = models.CharField(
        gettext_lazy("Chức vụ trưởng đoàn bắt đầu bằng"),
        max_length=128,
        blank=True,
        help_text=gettext_lazy("Ví dụ: “Giám đốc” (không gồm “Phó Giám đốc”); trống: mọi chức vụ"),
    )
    authority = models.ForeignKey(
        Authority, verbose_name=gettext_lazy("Cấp quyết định"), on_delete=models.PROTECT, related_name="rules"
    )
    priority = models.PositiveSmallIntegerField(
        gettext_lazy("Thứ tự xét"), default=100, help_text=gettext_lazy("Quy tắc số nhỏ được xét trước")
    )
    source = models.CharField(
        gettext_lazy("Căn cứ"),
        max_length=500,
        blank=True,
        help_text=gettext_lazy("Ví dụ: Quy chế quản lý thống nhất …"),
    )
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Quy tắc thẩm quyền")
        verbose_name_plural = pgettext_lazy("plural", "Quy tắc thẩm quyền quyết định")
        ordering = ["target", "priority", "id"]

    def __str__(self) -> str:
        parts = [self.get_target_display()]
        if self.direction:
            parts.append(self.get_direction_display())
        if self.group:
            parts.append(self.get_group_display())
        if self.state_budget is not None:
            parts.append(gettext("có NSNN") if self.state_budget else gettext("không dùng NSNN"))
        if self.head_rank:
            parts.append(gettext("trưởng đoàn “%(head_rank)s”") % {"head_rank": self.head_rank})
        return f"{', '.join(parts)} → {self.authority}"

    def matches(self, *, target: str, direction: str, group: str, state_budget: bool, head: str) -> bool:
        return (
            self.target == target
            and (not self.direction or self.direction == direction)
            and (not self.group or self.group == group)
            and (self.state_budget is None or self.state_budget == state_budget)
            and (not self.head_rank or (head or "").strip().casefold().startswith(self.head_rank.strip().casefold()))
        )


class AuthorityGrant(AdminWritten):
    """An account holds an authority: in its own right (a leader) or delegated by another holder for a period."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Tài khoản"),
        on_delete=models.PROTECT,
        related_name="authority_grants",
    )
    authority = models.ForeignKey(
        Authority, verbose_name=gettext_lazy("Thẩm quyền"), on_delete=models.PROTECT, related_name="grants"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Đối với cơ quan, đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=gettext_lazy("Thủ trưởng đơn vị: quyết định cho cán bộ của đơn vị này"),
    )
    valid_from = models.DateField(gettext_lazy("Từ ngày"), default=timezone.localdate)
    valid_to = models.DateField(
        gettext_lazy("Đến hết ngày"), null=True, blank=True, help_text=gettext_lazy("Để trống nếu không thời hạn")
    )
    delegated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Ủy quyền bởi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegated_grants",
    )
    basis = models.CharField(gettext_lazy("Văn bản phân công, ủy quyền"), max_length=255, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Người có thẩm quyền")
        verbose_name_plural = pgettext_lazy("plural", "Người có thẩm quyền, ủy quyền")
        ordering = ["authority__level", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="grant_period_in_order",
            )
        ]

    def __str__(self) -> str:
        how = (
            gettext(", ủy quyền của %(delegated_by)s") % {"delegated_by": self.delegated_by}
            if self.delegated_by_id
            else ""
        )
        return f"{self.user} — {self.authority}{how}"

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
