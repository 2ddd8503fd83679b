"""What Decree 13/2023/NĐ-CP on personal data asks of every registry of persons (overseas Vietnamese in
`diaspora`, citizen-protection cases in `consular`): `PersonalDataModel`, the base with the purpose and consent of
the processing; `PersonalDataAccess`, one row for every read of a person's record (who, when, what, which
record); and `ErasureRecord`, which keeps who erased which record on request, when and why, but none of the data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.choices import Competence
from doingoai.core.models import BaseModel, RestrictedQuerySet, Unit
from doingoai.core.permissions import NOTHING, WRITE_ALL_ROLES, role_of
from doingoai.persons.permissions import personal_data_q

ERASED_LABEL = "[Đã xóa dữ liệu cá nhân theo yêu cầu]"


class ConsentMeans(models.TextChoices):
    WRITTEN = "written", gettext_lazy("Văn bản có chữ ký")
    ELECTRONIC = "electronic", gettext_lazy("Điện tử (thư điện tử, biểu mẫu trực tuyến)")
    RECORDED = "recorded", gettext_lazy("Ghi âm, ghi hình")
    OTHER = "other", gettext_lazy("Hình thức khác kiểm chứng được")


# The processing's own fields (shown after the person's data on the record's page).
PROCESSING_FIELDS = (
    "recording_unit",
    "purpose",
    "consent_given_on",
    "consent_means",
    "consent_withdrawn_on",
    "erased_at",
)


class PersonalDataModel(BaseModel):
    """A record of a person: owned by the unit that recorded it, never published, erased (not deleted)."""

    owner_field: ClassVar[str] = "recording_unit"
    competence: ClassVar[str] = Competence.PERSONAL_DATA  # written by the units declared competent for it
    # Contacts shown masked to roles that do not need them: field name → masking function.
    masked_fields: ClassVar[dict[str, Callable[[str], str]]] = {}
    # Fields blanked when the data subject asks for erasure (the rest is kept for statistics).
    erasable_fields: ClassVar[tuple[str, ...]] = ()

    recording_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị ghi nhận"), on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.TextField(
        gettext_lazy("Mục đích xử lý dữ liệu cá nhân"),
        help_text=gettext_lazy("Ghi rõ dữ liệu được thu thập, xử lý để làm gì (Nghị định 13/2023/NĐ-CP)."),
    )
    consent_given_on = models.DateField(gettext_lazy("Ngày chủ thể dữ liệu đồng ý"), null=True, blank=True)
    consent_means = models.CharField(
        gettext_lazy("Hình thức đồng ý"), max_length=16, choices=ConsentMeans.choices, blank=True
    )
    consent_withdrawn_on = models.DateField(gettext_lazy("Ngày rút lại sự đồng ý"), null=True, blank=True)
    erased_at = models.DateTimeField(gettext_lazy("Đã xóa dữ liệu cá nhân lúc"), null=True, blank=True, editable=False)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        return personal_data_q(cls, user, action)

    def is_deletable(self) -> bool:
        return False

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def record_label(self) -> str:
        """How logs name the record: the kind and number, never the person's name."""
        return f"{str(self._meta.verbose_name).capitalize()} #{self.pk}"

    def masked_names(self) -> set[str]:
        return set(self.masked_fields)

    def mask_value(self, name: str, value: Any) -> Any:
        """`value` of field `name` as shown to roles that do not need it."""
        mask = self.masked_fields.get(name)
        return mask(str(value)) if mask and value else value


class AccessAction(models.TextChoices):
    VIEW = "view", gettext_lazy("Xem chi tiết")
    EDIT = "edit", gettext_lazy("Mở để sửa")
    EXPORT_LIST = "export_list", gettext_lazy("Xuất danh sách (Excel)")
    EXPORT_SUBJECT = "export_subject", gettext_lazy("Cung cấp dữ liệu cho chủ thể")
    ERASE = "erase", gettext_lazy("Xóa theo yêu cầu của chủ thể")
    API = "api", gettext_lazy("Đọc qua API")
    SEARCH = "search", gettext_lazy("Hiện trong kết quả tìm kiếm")


class RecordLog(models.Model):
    """A log row about one record of a personal-data registry, named by its kind and number only."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=gettext_lazy("Sổ"))
    object_id = models.PositiveBigIntegerField(gettext_lazy("Mã bản ghi"))
    record_label = models.CharField(gettext_lazy("Bản ghi"), max_length=128)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Only the coordinator and the administrator read the logs; nobody changes them."""
        if action == "view" and role_of(user) in WRITE_ALL_ROLES:
            return None
        return NOTHING

    def record_url(self) -> str | None:
        meta = self.content_type
        try:
            return reverse(f"{meta.app_label}:{meta.model}_detail", args=[self.object_id])
        except NoReverseMatch:
            return None


class PersonalDataAccess(RecordLog):
    """One read of a person's record: who, when, what."""

    action = models.CharField(gettext_lazy("Thao tác"), max_length=16, choices=AccessAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người truy cập"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(gettext_lazy("Tài khoản"), max_length=150)
    unit_name = models.CharField(gettext_lazy("Đơn vị"), max_length=255, blank=True)
    at = models.DateTimeField(gettext_lazy("Thời điểm"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = gettext_lazy("Lượt truy cập dữ liệu cá nhân")
        verbose_name_plural = pgettext_lazy("plural", "Nhật ký truy cập dữ liệu cá nhân")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.username} · {self.get_action_display()} · {self.record_label}"


class ErasureRecord(RecordLog):
    """A data subject's record erased on request: who, when and why — never what the record held."""

    requested_on = models.DateField(gettext_lazy("Ngày chủ thể yêu cầu"))
    request_ref = models.CharField(gettext_lazy("Số, ký hiệu đơn yêu cầu"), max_length=128, blank=True)
    reason = models.TextField(gettext_lazy("Lý do"))
    erased_fields = models.JSONField(gettext_lazy("Các trường đã xóa"), default=list)
    history_rows = models.PositiveIntegerField(gettext_lazy("Số dòng lịch sử đã ẩn danh"), default=0)
    events = models.PositiveIntegerField(gettext_lazy("Số sự kiện đã ẩn danh"), default=0)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người thực hiện"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    erased_by_username = models.CharField(gettext_lazy("Tài khoản thực hiện"), max_length=150)
    erased_at = models.DateTimeField(gettext_lazy("Thời điểm xóa"), auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("Lần xóa dữ liệu theo yêu cầu")
        verbose_name_plural = pgettext_lazy("plural", "Xóa dữ liệu cá nhân theo yêu cầu")
        ordering = ["-erased_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.record_label} · {self.erased_at:%d/%m/%Y}"
