"""ODA, concessional loans and foreign non-ODA (NGO) aid; the catalogue of investment opportunities (FDI)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core import rules
from doingoai.core.choices import StatusChoices
from doingoai.core.models import Partner, Unit, UnitOwnedModel
from doingoai.core.timeline import Timeline


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", gettext_lazy("Nông nghiệp, lâm nghiệp, thủy sản")
    INDUSTRY = "industry", gettext_lazy("Công nghiệp chế biến, chế tạo")
    ENERGY = "energy", gettext_lazy("Năng lượng")
    TRANSPORT = "transport", gettext_lazy("Hạ tầng giao thông")
    INDUSTRIAL_ZONES = "industrial_zones", gettext_lazy("Hạ tầng khu kinh tế, khu công nghiệp")
    URBAN = "urban", gettext_lazy("Đô thị, nhà ở")
    TRADE = "trade", gettext_lazy("Thương mại, dịch vụ, logistics")
    TOURISM = "tourism", gettext_lazy("Du lịch")
    HEALTH = "health", gettext_lazy("Y tế")
    EDUCATION = "education", gettext_lazy("Giáo dục, đào tạo")
    ENVIRONMENT = "environment", gettext_lazy("Môi trường, cấp thoát nước")
    CLIMATE = "climate", gettext_lazy("Ứng phó biến đổi khí hậu, phòng chống thiên tai")
    SOCIAL = "social", gettext_lazy("Xã hội, giảm nghèo")
    SCIENCE = "science", gettext_lazy("Khoa học, công nghệ, chuyển đổi số")
    CULTURE = "culture", gettext_lazy("Văn hóa, thể thao")
    OTHER = "other", gettext_lazy("Khác")


# The public page speaks English too; sector names are the only choice labels it shows.
SECTOR_EN = {
    Sector.AGRICULTURE: "Agriculture, forestry and fisheries",
    Sector.INDUSTRY: "Manufacturing and processing",
    Sector.ENERGY: "Energy",
    Sector.TRANSPORT: "Transport infrastructure",
    Sector.INDUSTRIAL_ZONES: "Economic zone and industrial park infrastructure",
    Sector.URBAN: "Urban development and housing",
    Sector.TRADE: "Trade, services and logistics",
    Sector.TOURISM: "Tourism",
    Sector.HEALTH: "Health care",
    Sector.EDUCATION: "Education and training",
    Sector.ENVIRONMENT: "Environment, water supply and drainage",
    Sector.CLIMATE: "Climate change and disaster prevention",
    Sector.SOCIAL: "Social welfare and poverty reduction",
    Sector.SCIENCE: "Science, technology and digital transformation",
    Sector.CULTURE: "Culture and sports",
    Sector.OTHER: "Other",
}


class Currency(models.TextChoices):
    VND = "VND", gettext_lazy("VND (đồng)")
    USD = "USD", gettext_lazy("USD (đô la Mỹ)")
    EUR = "EUR", "EUR (euro)"
    JPY = "JPY", gettext_lazy("JPY (yên Nhật)")
    KRW = "KRW", gettext_lazy("KRW (won Hàn Quốc)")
    CNY = "CNY", gettext_lazy("CNY (nhân dân tệ)")
    GBP = "GBP", gettext_lazy("GBP (bảng Anh)")
    AUD = "AUD", gettext_lazy("AUD (đô la Úc)")
    CHF = "CHF", gettext_lazy("CHF (franc Thụy Sĩ)")
    SGD = "SGD", gettext_lazy("SGD (đô la Singapore)")
    THB = "THB", gettext_lazy("THB (bạt Thái Lan)")
    LAK = "LAK", gettext_lazy("LAK (kíp Lào)")


class AidKind(models.TextChoices):
    ODA = "oda", gettext_lazy("ODA không hoàn lại")
    LOAN = "loan", gettext_lazy("Vốn vay ODA, vay ưu đãi")
    NGO = "ngo", gettext_lazy("Viện trợ phi chính phủ nước ngoài")


class AidStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    APPRAISED = "appraised", gettext_lazy("Đã thẩm định")
    APPROVED = "approved", gettext_lazy("Đã phê duyệt")
    IMPLEMENTING = "implementing", gettext_lazy("Đang triển khai")
    CLOSED = "closed", gettext_lazy("Đã kết thúc")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "appraised": "primary",
        "approved": "success",
        "implementing": "success",
        "closed": "dark",
        "cancelled": "danger",
    }


class AidProject(UnitOwnedModel):
    timeline: ClassVar[Timeline] = Timeline(
        happened=("appraised_on", "approved_on", "started_on", "closed_on"),
        order=(("start_date", "end_date"), ("started_on", "closed_on")),
    )

    owner_field = "managing_unit"

    year = models.PositiveSmallIntegerField(gettext_lazy("Năm tiếp nhận"), db_index=True)
    kind = models.CharField(gettext_lazy("Loại"), max_length=8, choices=AidKind.choices, db_index=True)
    title = models.CharField(gettext_lazy("Tên chương trình, dự án, khoản viện trợ"), max_length=500)
    donor = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Nhà tài trợ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="aid_projects",
    )
    donor_text = models.CharField(gettext_lazy("Nhà tài trợ (ghi như văn kiện)"), max_length=500, blank=True)
    sector = models.CharField(gettext_lazy("Lĩnh vực"), max_length=32, choices=Sector.choices)
    objectives = models.TextField(gettext_lazy("Mục tiêu, nội dung chính"), blank=True)
    amount = models.DecimalField(
        gettext_lazy("Giá trị tài trợ, vốn vay"), max_digits=20, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(gettext_lazy("Loại tiền"), max_length=3, choices=Currency.choices, default=Currency.USD)
    counterpart_vnd = models.DecimalField(
        gettext_lazy("Vốn đối ứng (đồng)"),
        max_digits=20,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    place = models.CharField(gettext_lazy("Địa bàn thực hiện"), max_length=255)
    managing_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Cơ quan chủ quản, đơn vị tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="aid_projects",
    )
    start_date = models.DateField(gettext_lazy("Thời gian thực hiện từ"), null=True, blank=True)
    end_date = models.DateField(gettext_lazy("Thời gian thực hiện đến"), null=True, blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=16, choices=AidStatus.choices, default=AidStatus.DRAFT, db_index=True
    )
    appraised_on = models.DateField(gettext_lazy("Ngày thẩm định"), null=True, blank=True)
    appraisal_note = models.TextField(gettext_lazy("Ý kiến thẩm định"), blank=True)
    approval_ref = models.CharField(gettext_lazy("Số quyết định phê duyệt"), max_length=64, blank=True)
    approved_on = models.DateField(gettext_lazy("Ngày phê duyệt"), null=True, blank=True)
    approving_authority = models.CharField(gettext_lazy("Cấp phê duyệt"), max_length=255, blank=True)
    started_on = models.DateField(gettext_lazy("Ngày bắt đầu triển khai thực tế"), null=True, blank=True)
    closed_on = models.DateField(gettext_lazy("Ngày kết thúc"), null=True, blank=True)
    result = models.TextField(gettext_lazy("Kết quả thực hiện"), blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Chương trình, dự án viện trợ, vốn vay")
        verbose_name_plural = pgettext_lazy("plural", "Dự án ODA, vốn vay ưu đãi, viện trợ phi chính phủ")
        ordering = ["-year", "id"]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def start_deadline(self) -> dt.date | None:
        """The date by which an approved NGO aid must have started (Decree 80/2020/NĐ-CP); None otherwise."""
        if self.kind != AidKind.NGO or self.approved_on is None:
            return None
        return rules.ngo_aid_start_deadline(self.approved_on)

    def is_start_late(self, today: dt.date | None = None) -> bool:
        """Approved NGO aid that has not started implementing past its deadline."""
        deadline = self.start_deadline
        today = today or timezone.localdate()
        return bool(self.status == AidStatus.APPROVED and deadline and today > deadline)


class InvestmentStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    OPEN = "open", gettext_lazy("Đang kêu gọi đầu tư")
    IN_TALKS = "in_talks", gettext_lazy("Đang đàm phán")
    AWARDED = "awarded", gettext_lazy("Đã có nhà đầu tư")
    WITHDRAWN = "withdrawn", gettext_lazy("Rút khỏi danh mục")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "open": "success",
        "in_talks": "primary",
        "awarded": "dark",
        "withdrawn": "secondary",
    }


class InvestmentOpportunity(UnitOwnedModel):
    owner_field = "managing_unit"

    year = models.PositiveSmallIntegerField(gettext_lazy("Năm danh mục"), db_index=True)
    title = models.CharField(gettext_lazy("Tên dự án kêu gọi đầu tư"), max_length=500)
    title_en = models.CharField(gettext_lazy("Tên dự án (tiếng Anh)"), max_length=500, blank=True)
    sector = models.CharField(gettext_lazy("Lĩnh vực"), max_length=32, choices=Sector.choices)
    place = models.CharField(
        gettext_lazy("Địa điểm"),
        max_length=255,
        help_text=gettext_lazy("Địa bàn (huyện, xã, khu kinh tế, khu công nghiệp) để nhóm trên bản đồ"),
    )
    area_ha = models.DecimalField(
        gettext_lazy("Diện tích (ha)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    scale = models.CharField(gettext_lazy("Quy mô, công suất"), max_length=500, blank=True)
    scale_en = models.CharField(gettext_lazy("Quy mô, công suất (tiếng Anh)"), max_length=500, blank=True)
    total_investment = models.DecimalField(
        gettext_lazy("Tổng vốn đầu tư dự kiến"),
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(gettext_lazy("Loại tiền"), max_length=3, choices=Currency.choices, default=Currency.USD)
    investor = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Nhà đầu tư"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="investment_opportunities",
    )
    investor_text = models.CharField(gettext_lazy("Nhà đầu tư (ghi cụ thể)"), max_length=500, blank=True)
    managing_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Cơ quan đầu mối"),
        on_delete=models.PROTECT,
        related_name="investment_opportunities",
    )
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=InvestmentStatus.choices,
        default=InvestmentStatus.DRAFT,
        db_index=True,
    )
    public = models.BooleanField(
        gettext_lazy("Công bố trên trang công khai"),
        default=False,
        help_text=gettext_lazy("Chỉ hiện khi đang kêu gọi đầu tư"),
    )
    description = models.TextField(gettext_lazy("Mô tả, điều kiện ưu đãi"), blank=True)
    description_en = models.TextField(gettext_lazy("Mô tả (tiếng Anh)"), blank=True)
    latitude = models.DecimalField(
        gettext_lazy("Vĩ độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        gettext_lazy("Kinh độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    decision_ref = models.CharField(gettext_lazy("Số quyết định chấp thuận nhà đầu tư"), max_length=64, blank=True)
    decision_date = models.DateField(gettext_lazy("Ngày chấp thuận nhà đầu tư"), null=True, blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Dự án kêu gọi đầu tư")
        verbose_name_plural = pgettext_lazy("plural", "Danh mục dự án kêu gọi đầu tư")
        ordering = ["-year", "id"]
        indexes = [models.Index(fields=["public", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None
