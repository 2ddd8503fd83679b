"""Mốc quốc giới, cọc dấu, cửa khẩu on the province's border with Laos, and the inspections of the markers."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.border.numbers import marker_sort_key
from doingoai.core.adminunits import local_communes_q
from doingoai.core.choices import Competence, PartnerKind, Role, StatusChoices
from doingoai.core.models import AdministrativeUnit, BaseModel, Partner, Unit
from doingoai.core.permissions import NOTHING, WRITE_ALL_ROLES, competent, role_of
from doingoai.reference.text import search_key

# A facing province is a Lao locality of the partners' reference data.
LAO_PROVINCES = {"kind": PartnerKind.LOCALITY, "country__code": "LA"}


class MarkerKind(models.TextChoices):
    MAIN = "main", gettext_lazy("Mốc chính")
    AUXILIARY = "auxiliary", gettext_lazy("Mốc phụ")
    STAKE = "stake", gettext_lazy("Cọc dấu")


class MarkerStatus(StatusChoices):
    GOOD = "good", gettext_lazy("Tốt")
    DAMAGED = "damaged", gettext_lazy("Hư hỏng")
    DESTROYED = "destroyed", gettext_lazy("Bị phá hủy, mất")
    REBUILT = "rebuilt", gettext_lazy("Đã khôi phục")
    __colours__ = {"good": "success", "damaged": "warning", "destroyed": "danger", "rebuilt": "primary"}


class BorderMarker(BaseModel):
    number = models.CharField(
        gettext_lazy("Số hiệu mốc"),
        max_length=32,
        help_text=gettext_lazy("Ghi như trên mốc, ví dụ: 390; 405(1); 397(2); 397/7(1)"),
    )
    sort_key = models.CharField(max_length=40, editable=False, unique=True)
    kind = models.CharField(gettext_lazy("Loại"), max_length=16, choices=MarkerKind.choices, default=MarkerKind.MAIN)
    commune = models.CharField(gettext_lazy("Xã"), max_length=128)
    district = models.CharField(gettext_lazy("Huyện (trước 2025)"), max_length=128, blank=True)
    admin_commune = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=gettext_lazy("Xã (đơn vị hành chính hiện nay)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="border_markers",
        limit_choices_to=local_communes_q,
    )
    facing_province = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Tỉnh đối diện (Lào)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=LAO_PROVINCES,
    )
    facing_province_text = models.CharField(
        gettext_lazy("Tỉnh đối diện (ghi khác)"),
        max_length=128,
        blank=True,
        help_text=gettext_lazy("Khi tỉnh không có trong danh mục đối tác"),
    )
    latitude = models.DecimalField(gettext_lazy("Vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(gettext_lazy("Kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    status = models.CharField(
        gettext_lazy("Tình trạng"),
        max_length=16,
        choices=MarkerStatus.choices,
        default=MarkerStatus.GOOD,
        db_index=True,
    )
    last_inspected_on = models.DateField(gettext_lazy("Kiểm tra gần nhất"), null=True, blank=True, editable=False)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Mốc quốc giới")
        verbose_name_plural = pgettext_lazy("plural", "Mốc quốc giới, cọc dấu")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sort_key = marker_sort_key(self.number)
        self.search_text = " ".join(search_key(v) for v in [self.number, self.commune, self.district] if v)
        super().save(*args, **kwargs)

    @property
    def facing_province_name(self) -> str:
        return self.facing_province.name if self.facing_province is not None else self.facing_province_text


class MarkerInspection(BaseModel):
    """A dated inspection of a marker; the marker's status follows its latest inspection (services)."""

    owner_field: ClassVar[str] = "inspector_unit"
    competence: ClassVar[str] = Competence.BORDER  # an inspection sets the marker's status for everyone

    marker = models.ForeignKey(
        BorderMarker, verbose_name=gettext_lazy("Mốc"), on_delete=models.PROTECT, related_name="inspections"
    )
    inspected_on = models.DateField(gettext_lazy("Ngày kiểm tra"))
    inspector_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị kiểm tra"), on_delete=models.PROTECT, related_name="marker_inspections"
    )
    status_found = models.CharField(gettext_lazy("Tình trạng ghi nhận"), max_length=16, choices=MarkerStatus.choices)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    photo = models.ImageField(gettext_lazy("Ảnh chụp"), upload_to="border/inspections/%Y/", blank=True)

    class Meta:
        verbose_name = gettext_lazy("Lần kiểm tra mốc")
        verbose_name_plural = pgettext_lazy("plural", "Kiểm tra mốc quốc giới")
        ordering = ["-inspected_on", "-id"]

    def __str__(self) -> str:
        return gettext("Kiểm tra %(marker)s ngày %(inspected_on)s") % {
            "marker": self.marker,
            "inspected_on": format(self.inspected_on, "%d/%m/%Y"),
        }

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Everyone reads; the inspecting unit, while competent for the border (and the coordinator, the
        administrator) changes its own."""
        role = role_of(user)
        if role is None:
            return NOTHING
        if action == "view" or role in WRITE_ALL_ROLES:
            return None
        if role == Role.UNIT_OFFICER and user.unit_id and competent(user, cls):
            return Q(inspector_unit_id=user.unit_id)
        return NOTHING


class GateClass(models.TextChoices):
    INTERNATIONAL = "international", gettext_lazy("Cửa khẩu quốc tế")
    MAIN = "main", gettext_lazy("Cửa khẩu chính (song phương)")
    SECONDARY = "secondary", gettext_lazy("Cửa khẩu phụ")
    OPENING = "opening", gettext_lazy("Lối mở")


class UpgradeStatus(models.TextChoices):
    NONE = "none", gettext_lazy("Không")
    PROPOSED = "proposed", gettext_lazy("Đề nghị nâng cấp")
    APPROVED = "approved", gettext_lazy("Đã được chấp thuận nâng cấp")
    UPGRADED = "upgraded", gettext_lazy("Đã nâng cấp")


class BorderGate(BaseModel):
    name = models.CharField(gettext_lazy("Tên cửa khẩu"), max_length=128)
    gate_class = models.CharField(gettext_lazy("Loại cửa khẩu"), max_length=16, choices=GateClass.choices)
    commune = models.CharField(gettext_lazy("Xã"), max_length=128)
    district = models.CharField(gettext_lazy("Huyện (trước 2025)"), max_length=128, blank=True)
    facing_gate = models.CharField(gettext_lazy("Cửa khẩu đối diện phía Lào"), max_length=128, blank=True)
    facing_province = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Tỉnh đối diện (Lào)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=LAO_PROVINCES,
    )
    upgrade_status = models.CharField(
        gettext_lazy("Nâng cấp"), max_length=16, choices=UpgradeStatus.choices, default=UpgradeStatus.NONE
    )
    upgrade_to = models.CharField(gettext_lazy("Nâng cấp thành"), max_length=16, choices=GateClass.choices, blank=True)
    upgrade_note = models.TextField(gettext_lazy("Căn cứ, tiến độ nâng cấp"), blank=True)
    latitude = models.DecimalField(gettext_lazy("Vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(gettext_lazy("Kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Cửa khẩu")
        verbose_name_plural = pgettext_lazy("plural", "Cửa khẩu, lối mở")
        ordering = ["gate_class", "name"]

    def __str__(self) -> str:
        return f"{self.get_gate_class_display()} {self.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(v) for v in [self.name, self.commune, self.facing_gate] if v)
        super().save(*args, **kwargs)
