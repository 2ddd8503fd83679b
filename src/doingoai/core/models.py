"""Units, users, countries, partners, diplomatic relations, and the base every registry inherits."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy
from simple_history.models import HistoricalRecords

from doingoai.core import permissions
from doingoai.core.addresses import reverse_id
from doingoai.core.choices import Competence, PartnerKind, Region, Role, UnitKind, choice_label
from doingoai.core.timeline import Timeline
from doingoai.core.timeline import problems as timeline_problems
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

    created_at = models.DateTimeField(gettext_lazy("Ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(gettext_lazy("Cập nhật"), auto_now=True)
    version = models.PositiveIntegerField(gettext_lazy("Phiên bản"), default=1, editable=False)
    history = HistoricalRecords(inherit=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        meta = self._meta
        return reverse_id(f"{meta.app_label}:{meta.model_name}_detail", self.pk)

    def _get_FIELD_display(self, field: Any) -> Any:
        return choice_label(field, getattr(self, field.attname))

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        return permissions.reference_q(user, action)

    @classmethod
    def table_version(cls, using: str | None = None) -> tuple[Any, ...]:
        """The table's row count and latest `updated_at`, in one aggregate: what a process compares its kept copy
        of the rows' names with (`core.filters.kept_choices`, `core.exports`), so that an addition, an edit or a
        removal made in any process is seen at once."""
        counted = cls._base_manager.using(using).aggregate(n=models.Count("pk"), t=models.Max("updated_at"))
        return (counted["n"], counted["t"])

    def clean_fields(self, exclude: Any = None) -> None:
        """Field checks, then the model's `timeline` (core.timeline); a refused field outside the form (`exclude`)
        is reported for the whole record, as a form cannot show an error on a field it does not have."""
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as exc:
            errors = exc.error_dict  # kept with their codes: forms put their own messages on them
        for name, message in timeline_problems(self):
            key = NON_FIELD_ERRORS if exclude and name in exclude else name
            if name not in errors:
                errors.setdefault(key, []).append(ValidationError(message, code="timeline"))
        if errors:
            raise ValidationError(errors)


class AdminUnitKind(models.TextChoices):
    PROVINCE = "province", gettext_lazy("Tỉnh, thành phố")
    COMMUNE = "commune", gettext_lazy("Xã")
    WARD = "ward", gettext_lazy("Phường")
    SPECIAL_ZONE = "special_zone", gettext_lazy("Đặc khu")
    FORMER_PROVINCE = "former_province", gettext_lazy("Tỉnh, thành phố (trước 2025)")
    FORMER_DISTRICT = "former_district", gettext_lazy("Huyện, quận, thị xã, thành phố (trước 2025)")


COMMUNE_KINDS = (AdminUnitKind.COMMUNE, AdminUnitKind.WARD, AdminUnitKind.SPECIAL_ZONE)


class AdministrativeUnit(BaseModel):
    """Vietnam's provinces and communes since the 2025 reorganisation, and the former provinces and districts
    that older documents name, each with today's province (reference data: `load_refdata`, `reference.vnunits`).
    """

    kind = models.CharField(gettext_lazy("Loại"), max_length=16, choices=AdminUnitKind.choices, db_index=True)
    code = models.PositiveIntegerField(gettext_lazy("Mã đơn vị hành chính"))
    name = models.CharField(gettext_lazy("Tên"), max_length=128)
    province = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("Thuộc tỉnh, thành phố (hiện nay)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    former_province = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("Thuộc tỉnh (trước 2025)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="former_districts",
    )
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Đơn vị hành chính")
        verbose_name_plural = pgettext_lazy("plural", "Đơn vị hành chính Việt Nam")
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="adminunit_unique_kind_code")]

    def __str__(self) -> str:
        return self.name  # the province is a column of its own: no query per row in lists and select boxes

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = search_key(self.name)
        super().save(*args, **kwargs)

    @property
    def is_current(self) -> bool:
        return not self.kind.startswith("former_")


class Unit(BaseModel):
    name = models.CharField(gettext_lazy("Tên cơ quan, đơn vị"), max_length=255, unique=True)
    short_name = models.CharField(gettext_lazy("Tên viết tắt"), max_length=64, blank=True)
    kind = models.CharField(gettext_lazy("Loại"), max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("Đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    admin_unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=gettext_lazy("Đơn vị hành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        help_text=gettext_lazy("Với xã, phường: đơn vị hành chính hiện nay; với huyện: huyện trước năm 2025"),
    )
    is_coordinator = models.BooleanField(gettext_lazy("Là cơ quan điều phối đối ngoại"), default=False)
    email = models.EmailField(gettext_lazy("Thư điện tử"), blank=True)
    active_from = models.DateField(gettext_lazy("Hoạt động từ"), null=True, blank=True)
    active_to = models.DateField(
        gettext_lazy("Hoạt động đến"), null=True, blank=True, help_text=gettext_lazy("Để trống nếu còn hoạt động")
    )
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Cơ quan, đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "Cơ quan, đơn vị")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.active_to is None or self.active_to >= timezone.localdate()


class User(AbstractUser):
    role = models.CharField(gettext_lazy("Vai trò"), max_length=32, choices=Role.choices, default=Role.UNIT_OFFICER)
    unit = models.ForeignKey(Unit, verbose_name=gettext_lazy("Đơn vị"), null=True, blank=True, on_delete=models.PROTECT)
    phone = models.CharField(gettext_lazy("Điện thoại"), max_length=32, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Người dùng")
        verbose_name_plural = pgettext_lazy("plural", "Người dùng")

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
    code = models.CharField(gettext_lazy("Mã ISO"), max_length=2, unique=True)
    name_vi = models.CharField(gettext_lazy("Tên tiếng Việt"), max_length=128)
    name_en = models.CharField(gettext_lazy("Tên tiếng Anh"), max_length=128, blank=True)
    region = models.CharField(gettext_lazy("Khu vực"), max_length=16, choices=Region.choices, default=Region.OTHER)
    aliases = models.JSONField(gettext_lazy("Tên gọi khác"), default=list, blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Nước, vùng lãnh thổ")
        verbose_name_plural = pgettext_lazy("plural", "Nước, vùng lãnh thổ")
        ordering = ["name_vi"]
        # Unique because the code is; declared so that SQLite knows a join read in this index's order is ordered
        # by (name, code) alone and pages a list sorted by country name without sorting it. Written as
        # expressions so that SQLite adds the index without rebuilding the table (and dropping its triggers).
        constraints = [models.UniqueConstraint(F("name_vi"), F("code"), name="core_country_name_code")]

    def __str__(self) -> str:
        return self.name_vi

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(n) for n in [self.name_vi, self.name_en, self.code, *self.aliases])
        super().save(*args, **kwargs)


class Partner(BaseModel):
    name = models.CharField(gettext_lazy("Tên đối tác"), max_length=255)
    kind = models.CharField(gettext_lazy("Loại đối tác"), max_length=32, choices=PartnerKind.choices)
    country = models.ForeignKey(
        Country,
        verbose_name=gettext_lazy("Nước"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )
    aliases = models.JSONField(
        gettext_lazy("Tên gọi khác"),
        default=list,
        blank=True,
        help_text=gettext_lazy("Các cách viết khác, mỗi dòng một tên"),
    )
    friendship_since = models.DateField(gettext_lazy("Thiết lập quan hệ hữu nghị"), null=True, blank=True)
    mou_since = models.DateField(gettext_lazy("Ký biên bản ghi nhớ (MOU)"), null=True, blank=True)
    sister_since = models.DateField(gettext_lazy("Kết nghĩa"), null=True, blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Đối tác")
        verbose_name_plural = pgettext_lazy("plural", "Đối tác")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "country"], name="partner_unique_name_country")]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})" if self.country_id else self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(n) for n in [self.name, *self.aliases])
        super().save(*args, **kwargs)


class DiplomaticRelation(BaseModel):
    code = models.CharField(
        gettext_lazy("Mã"),
        max_length=16,
        unique=True,
        help_text=gettext_lazy("ISO 3166 hoặc EU, ASEAN; LA-TREATY cho hiệp ước"),
    )
    name_vi = models.CharField(gettext_lazy("Tên"), max_length=128)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, verbose_name=gettext_lazy("Nước")
    )
    established_on = models.DateField(gettext_lazy("Ngày thiết lập"))
    kind = models.CharField(gettext_lazy("Loại"), max_length=32, default="relations")
    confidence = models.CharField(
        gettext_lazy("Độ tin cậy"),
        max_length=32,
        blank=True,
        help_text=gettext_lazy("seed, public-source, recalled (cần kiểm tra lại)"),
    )

    class Meta:
        verbose_name = gettext_lazy("Quan hệ ngoại giao")
        verbose_name_plural = pgettext_lazy("plural", "Quan hệ ngoại giao")
        ordering = ["established_on"]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.established_on:%d/%m/%Y})"

    @property
    def country_name(self) -> str:
        """The partner's name as every page writes it: the country's Vietnamese name (`Country.name_vi`, one
        source for every page; the other forms are its aliases), else this row's own name (a bloc, a treaty)."""
        if self.country_id is not None and self.country is not None:
            return self.country.name_vi
        return re.sub(r"\s*\(.*?\)", "", self.name_vi).strip()

    @property
    def display_name(self) -> str:
        """`country_name` with this row's note kept ("Liên bang Nga (kế thừa Liên Xô)")."""
        if self.country_id is None:
            return self.name_vi
        note = re.search(r"\(.*?\)", self.name_vi)
        return f"{self.country_name} {note.group(0)}" if note else self.country_name

    def years_in(self, year: int) -> int:
        return year - self.established_on.year


class BusinessEvent(models.Model):
    """What happened (a workflow step), beside the field history that says what changed."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    verb = models.CharField(gettext_lazy("Sự kiện"), max_length=64)
    summary = models.CharField(gettext_lazy("Nội dung"), max_length=500)
    data = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=gettext_lazy("Người thực hiện")
    )
    created_at = models.DateTimeField(gettext_lazy("Thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("Sự kiện nghiệp vụ")
        verbose_name_plural = pgettext_lazy("plural", "Sự kiện nghiệp vụ")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.summary


class FormSubmission(models.Model):
    """A create form's one-time token remembered with the record it created: the same form posted again
    (double click, back and resend, a retry after a timeout) shows that record instead of making a second one."""

    key = models.CharField(max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("Lần gửi biểu mẫu tạo mới")
        verbose_name_plural = pgettext_lazy("plural", "Lần gửi biểu mẫu tạo mới")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="form_submission_once")]

    def __str__(self) -> str:
        return f"{self.key} → {self.content_type_id}:{self.object_id}"


class CompetentUnit(BaseModel):
    """A unit declared competent for a subject (border guard and border communes for the border, …): the
    administrator edits these; only they (and the coordinator) write the subject's records."""

    subject = models.CharField(gettext_lazy("Lĩnh vực"), max_length=32, choices=Competence.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị có thẩm quyền"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(gettext_lazy("Căn cứ, ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Đơn vị có thẩm quyền")
        verbose_name_plural = pgettext_lazy("plural", "Đơn vị có thẩm quyền theo lĩnh vực")
        ordering = ["subject", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["subject", "unit"], name="competent_unit_once")]

    def __str__(self) -> str:
        return f"{self.unit}: {self.get_subject_display()}"


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

    timeline: ClassVar[Timeline] = Timeline(year="year")

    year = models.PositiveSmallIntegerField(gettext_lazy("Năm kế hoạch"), db_index=True)
    time_text = models.CharField(
        gettext_lazy("Thời gian dự kiến"),
        max_length=128,
        blank=True,
        help_text=gettext_lazy("Ghi như trong kế hoạch, ví dụ: Tháng 6; Quý II/Quý III; Tháng 11-12"),
    )
    month_mask = models.PositiveSmallIntegerField(
        gettext_lazy("Các tháng (chuẩn hóa)"), default=0, editable=False, db_index=True
    )

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


class ListExportStatus(models.TextChoices):
    QUEUED = "queued", gettext_lazy("Đang chờ")
    RUNNING = "running", gettext_lazy("Đang tạo tệp")
    DONE = "done", gettext_lazy("Đã xong")
    FAILED = "failed", gettext_lazy("Lỗi")


class ListExport(models.Model):
    """A list's .xlsx export too long to build while the browser waits (`DOINGOAI_EXPORT_BACKGROUND_ROWS`): the
    background worker writes it, the page shows its progress, and only the user who asked may download it."""

    path = models.CharField(gettext_lazy("Trang danh sách"), max_length=200)
    query = models.TextField(gettext_lazy("Bộ lọc"), blank=True)  # the list's query string, without `export`
    title = models.CharField(gettext_lazy("Danh sách"), max_length=200)
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=16, choices=ListExportStatus.choices, default=ListExportStatus.QUEUED
    )
    total = models.PositiveIntegerField(gettext_lazy("Số dòng"), default=0)
    done = models.PositiveIntegerField(gettext_lazy("Đã ghi"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=gettext_lazy("Người yêu cầu"), on_delete=models.CASCADE, related_name="+"
    )
    requested_at = models.DateTimeField(gettext_lazy("Yêu cầu lúc"), default=timezone.now)
    finished_at = models.DateTimeField(gettext_lazy("Xong lúc"), null=True, blank=True)
    file = models.FileField(gettext_lazy("Tệp"), upload_to="exports/lists/", max_length=500, blank=True)
    error = models.TextField(gettext_lazy("Lỗi"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Tệp xuất danh sách")
        verbose_name_plural = pgettext_lazy("plural", "Tệp xuất danh sách")
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.requested_at:%d/%m/%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("core:listexport_detail", args=[self.pk])

    @property
    def in_progress(self) -> bool:
        return self.status in (ListExportStatus.QUEUED, ListExportStatus.RUNNING)

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0


class WorkerProcess(models.Model):
    """A running `doingoai worker`: who it is (host, process id and that process's start), and when it last said
    it lives. The tasks of a worker that no longer lives are taken back (`core.background`)."""

    worker_id = models.CharField(gettext_lazy("Mã tiến trình nền"), max_length=64, unique=True)
    host = models.CharField(gettext_lazy("Máy"), max_length=255)
    pid = models.PositiveIntegerField(gettext_lazy("Số hiệu tiến trình"))
    proc_start = models.CharField(
        gettext_lazy("Thời điểm khởi động tiến trình (hệ điều hành)"), max_length=32, blank=True
    )
    started_at = models.DateTimeField(gettext_lazy("Khởi động lúc"), default=timezone.now)
    seen_at = models.DateTimeField(gettext_lazy("Còn chạy lúc"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("Tiến trình nền")
        verbose_name_plural = pgettext_lazy("plural", "Tiến trình nền")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}"
