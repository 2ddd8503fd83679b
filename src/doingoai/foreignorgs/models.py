"""Foreign non-governmental and other foreign organisations active in the province (Decree 58/2022/NĐ-CP):
their registration or permit, programmes and projects, annual reports, visits."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.choices import StatusChoices
from doingoai.core.models import Country, Partner, Unit, UnitOwnedModel

# A report received this long before its due date is the previous year's: the new one is still owed.
REPORT_YEAR_DAYS = 180


class ForeignOrganisationStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất theo dõi")
    APPROVED = "approved", gettext_lazy("Đang hoạt động")
    DONE = "done", gettext_lazy("Đã kết thúc hoạt động")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "approved": "success",
        "done": "dark",
        "cancelled": "danger",
    }


class OrganisationKind(models.TextChoices):
    NGO = "ngo", gettext_lazy("Tổ chức phi chính phủ nước ngoài")
    INTERNATIONAL = "international", gettext_lazy("Tổ chức quốc tế")
    OTHER = "other", gettext_lazy("Tổ chức nước ngoài khác")


class PermitKind(models.TextChoices):
    OPERATION = "operation", gettext_lazy("Giấy đăng ký hoạt động")
    PROJECT_OFFICE = "project_office", gettext_lazy("Giấy đăng ký lập văn phòng dự án")
    REPRESENTATIVE = "representative", gettext_lazy("Giấy đăng ký lập văn phòng đại diện")
    OTHER = "other", gettext_lazy("Văn bản cho phép khác")


class ForeignOrganisation(UnitOwnedModel):
    owner_field: ClassVar[str] = "unit"

    year = models.PositiveSmallIntegerField(gettext_lazy("Năm ghi nhận"), db_index=True)
    name = models.CharField(gettext_lazy("Tên tổ chức"), max_length=255)
    kind = models.CharField(
        gettext_lazy("Loại tổ chức"), max_length=16, choices=OrganisationKind.choices, default="ngo"
    )
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Nước"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Đối tác (danh mục)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="foreign_organisations",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Cơ quan đầu mối theo dõi"), on_delete=models.PROTECT, related_name="+"
    )
    permit_kind = models.CharField(
        gettext_lazy("Loại giấy đăng ký"), max_length=16, choices=PermitKind.choices, default=PermitKind.OPERATION
    )
    permit_number = models.CharField(gettext_lazy("Số giấy đăng ký"), max_length=64, blank=True)
    permit_issuer = models.CharField(gettext_lazy("Cơ quan cấp"), max_length=255, blank=True)
    permit_issued_on = models.DateField(gettext_lazy("Ngày cấp"), null=True, blank=True)
    permit_valid_until = models.DateField(gettext_lazy("Giấy đăng ký có giá trị đến"), null=True, blank=True)
    programmes = models.TextField(gettext_lazy("Chương trình, dự án trên địa bàn"), blank=True)
    places = models.CharField(gettext_lazy("Địa bàn hoạt động"), max_length=500, blank=True)
    annual_report_due = models.DateField(gettext_lazy("Hạn nộp báo cáo năm"), null=True, blank=True)
    annual_report_received_on = models.DateField(gettext_lazy("Ngày nhận báo cáo năm gần nhất"), null=True, blank=True)
    visits = models.TextField(gettext_lazy("Các chuyến thăm, làm việc tại tỉnh"), blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=ForeignOrganisationStatus.choices,
        default=ForeignOrganisationStatus.DRAFT,
        db_index=True,
    )
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Tổ chức nước ngoài")
        verbose_name_plural = pgettext_lazy("plural", "Tổ chức nước ngoài hoạt động trên địa bàn")
        ordering = ["-year", "name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def report_owed(self) -> bool:
        """The annual report of the current cycle is not in yet."""
        due, received = self.annual_report_due, self.annual_report_received_on
        return bool(due and (not received or received < due - dt.timedelta(days=REPORT_YEAR_DAYS)))
