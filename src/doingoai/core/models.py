"""Units, users, countries, partners, diplomatic relations, and the base every registry inherits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from doingoai.core import permissions
from doingoai.core.choices import PartnerKind, Region, Role, UnitKind
from doingoai.documents.timeparse import format_months, parse_planned_time
from doingoai.reference.text import search_key

if TYPE_CHECKING:
    from django.db.models import Q


class RestrictedQuerySet(models.QuerySet):
    """`Model.objects.restrict(user, "view"|"change"|"delete")`: the rows this user may act on."""

    def restrict(self, user: Any, action: str = "view") -> RestrictedQuerySet:
        rule = self.model.permission_q(user, action)  # type: ignore[attr-defined]
        if rule is None:
            return self
        return self.filter(rule)


class BaseModel(models.Model):
    """Timestamps, an optimistic-lock version, field history, and row permissions.

    Subclasses override `permission_q` for their own rules; the default lets every signed-in user read and
    only the coordinator and admin change.
    """

    created_at = models.DateTimeField("Ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)
    version = models.PositiveIntegerField("Phiên bản", default=1, editable=False)
    history = HistoricalRecords(inherit=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        meta = self._meta
        return reverse(f"{meta.app_label}:{meta.model_name}_detail", args=[self.pk])

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        return permissions.reference_q(user, action)


class Unit(BaseModel):
    name = models.CharField("Tên cơ quan, đơn vị", max_length=255, unique=True)
    short_name = models.CharField("Tên viết tắt", max_length=64, blank=True)
    kind = models.CharField("Loại", max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="Đơn vị cấp trên", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    is_coordinator = models.BooleanField("Là cơ quan điều phối đối ngoại", default=False)
    email = models.EmailField("Thư điện tử", blank=True)
    active_from = models.DateField("Hoạt động từ", null=True, blank=True)
    active_to = models.DateField("Hoạt động đến", null=True, blank=True, help_text="Để trống nếu còn hoạt động")
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Cơ quan, đơn vị"
        verbose_name_plural = "Cơ quan, đơn vị"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.active_to is None or self.active_to >= timezone.localdate()


class User(AbstractUser):
    role = models.CharField("Vai trò", max_length=32, choices=Role.choices, default=Role.UNIT_OFFICER)
    unit = models.ForeignKey(Unit, verbose_name="Đơn vị", null=True, blank=True, on_delete=models.PROTECT)
    phone = models.CharField("Điện thoại", max_length=32, blank=True)

    class Meta:
        verbose_name = "Người dùng"
        verbose_name_plural = "Người dùng"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle names (last_name) before the given name (first_name)."""
        return f"{self.last_name} {self.first_name}".strip()

    @property
    def is_coordinator(self) -> bool:
        return self.role in (Role.COORDINATOR, Role.ADMIN)

    @property
    def is_unit_officer(self) -> bool:
        return self.role == Role.UNIT_OFFICER


class Country(BaseModel):
    code = models.CharField("Mã ISO", max_length=2, unique=True)
    name_vi = models.CharField("Tên tiếng Việt", max_length=128)
    name_en = models.CharField("Tên tiếng Anh", max_length=128, blank=True)
    region = models.CharField("Khu vực", max_length=16, choices=Region.choices, default=Region.OTHER)
    aliases = models.JSONField("Tên gọi khác", default=list, blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = "Nước, vùng lãnh thổ"
        verbose_name_plural = "Nước, vùng lãnh thổ"
        ordering = ["name_vi"]

    def __str__(self) -> str:
        return self.name_vi

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(n) for n in [self.name_vi, self.name_en, self.code, *self.aliases])
        super().save(*args, **kwargs)


class Partner(BaseModel):
    name = models.CharField("Tên đối tác", max_length=255)
    kind = models.CharField("Loại đối tác", max_length=32, choices=PartnerKind.choices)
    country = models.ForeignKey(
        Country, verbose_name="Nước", null=True, blank=True, on_delete=models.PROTECT, related_name="partners"
    )
    aliases = models.JSONField(
        "Tên gọi khác", default=list, blank=True, help_text="Các cách viết khác, mỗi dòng một tên"
    )
    friendship_since = models.DateField("Thiết lập quan hệ hữu nghị", null=True, blank=True)
    mou_since = models.DateField("Ký biên bản ghi nhớ (MOU)", null=True, blank=True)
    sister_since = models.DateField("Kết nghĩa", null=True, blank=True)
    note = models.TextField("Ghi chú", blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = "Đối tác"
        verbose_name_plural = "Đối tác"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "country"], name="partner_unique_name_country")]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})" if self.country_id else self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(n) for n in [self.name, *self.aliases])
        super().save(*args, **kwargs)


class DiplomaticRelation(BaseModel):
    code = models.CharField(
        "Mã", max_length=16, unique=True, help_text="ISO 3166 hoặc EU, ASEAN; LA-TREATY cho hiệp ước"
    )
    name_vi = models.CharField("Tên", max_length=128)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, verbose_name="Nước")
    established_on = models.DateField("Ngày thiết lập")
    kind = models.CharField("Loại", max_length=32, default="relations")
    confidence = models.CharField(
        "Độ tin cậy", max_length=32, blank=True, help_text="seed, public-source, recalled (cần kiểm tra lại)"
    )

    class Meta:
        verbose_name = "Quan hệ ngoại giao"
        verbose_name_plural = "Quan hệ ngoại giao"
        ordering = ["established_on"]

    def __str__(self) -> str:
        return f"{self.name_vi} ({self.established_on:%d/%m/%Y})"

    def years_in(self, year: int) -> int:
        return year - self.established_on.year


class BusinessEvent(models.Model):
    """What happened (a workflow step), beside the field history that says what changed."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    verb = models.CharField("Sự kiện", max_length=64)
    summary = models.CharField("Nội dung", max_length=500)
    data = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name="Người thực hiện"
    )
    created_at = models.DateTimeField("Thời điểm", auto_now_add=True)

    class Meta:
        verbose_name = "Sự kiện nghiệp vụ"
        verbose_name_plural = "Sự kiện nghiệp vụ"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.summary


class UnitOwnedModel(BaseModel):
    """A registry record proposed by a unit. Private to that unit until it leaves the draft statuses."""

    # Statuses in which only the owning unit (and the province-level roles) see the record.
    private_statuses: ClassVar[tuple[str, ...]] = ("draft", "proposed")
    # Statuses in which the owning unit may still edit or delete it.
    editable_statuses: ClassVar[tuple[str, ...]] = ("draft", "proposed")
    owner_field: ClassVar[str] = "proposing_unit"

    class Meta:
        abstract = True

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        return permissions.unit_owned_q(cls, user, action)

    def is_deletable(self) -> bool:
        return self.status in self.editable_statuses  # type: ignore[attr-defined]


class PlannedTimeModel(UnitOwnedModel):
    """Planned time as written ("Quý II/Quý III") plus its normalised months, for filters and overlaps."""

    year = models.PositiveSmallIntegerField("Năm kế hoạch", db_index=True)
    time_text = models.CharField(
        "Thời gian dự kiến",
        max_length=128,
        blank=True,
        help_text="Ghi như trong kế hoạch, ví dụ: Tháng 6; Quý II/Quý III; Tháng 11-12",
    )
    month_mask = models.PositiveSmallIntegerField("Các tháng (chuẩn hóa)", default=0, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.month_mask = parse_planned_time(self.time_text).mask
        super().save(*args, **kwargs)

    @property
    def months(self) -> list[int]:
        return [m for m in range(1, 13) if self.month_mask & (1 << (m - 1))]

    @property
    def months_display(self) -> str:
        return format_months(self.months)
