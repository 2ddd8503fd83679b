"""A document waiting to be imported: the uploaded file, what was read from it, and what became of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import pgettext_lazy

from doingoai.core.models import BaseModel
from doingoai.core.permissions import NOTHING, WRITE_ALL_ROLES, role_of

if TYPE_CHECKING:
    from django.db.models import Q


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ xử lý"
    EXTRACTING = "extracting", "Đang đọc văn bản"
    READY = "ready", "Chờ xác nhận"
    FAILED = "failed", "Không đọc được"
    IMPORTED = "imported", "Đã nhập"
    DISCARDED = "discarded", "Đã hủy"


class PendingImport(BaseModel):
    """An uploaded programme or plan. Nothing reaches the registries until the coordinator confirms it."""

    file = models.FileField("Tệp", upload_to="imports/%Y/%m/")
    original_name = models.CharField("Tên tệp", max_length=255)
    sha256 = models.CharField("Mã băm SHA-256", max_length=64, db_index=True)
    year = models.PositiveSmallIntegerField(
        "Năm kế hoạch", null=True, blank=True, help_text="Để trống: lấy năm ghi trong văn bản"
    )
    status = models.CharField(
        "Trạng thái", max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED, db_index=True
    )
    task_id = models.CharField("Mã tác vụ", max_length=64, blank=True)
    extracted = models.JSONField("Dữ liệu đọc được", null=True, blank=True)
    error = models.TextField("Lỗi", blank=True)
    report = models.JSONField("Kết quả nhập", default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người tải lên",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người xác nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField("Thời điểm nhập", null=True, blank=True)

    class Meta:
        verbose_name = "Văn bản chờ nhập"
        verbose_name_plural = pgettext_lazy("plural", "Văn bản chờ nhập")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("imports:document_detail", args=[self.pk])

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Document imports belong to the coordinator: others do not see them at all."""
        return None if role_of(user) in WRITE_ALL_ROLES else NOTHING

    @property
    def in_progress(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.EXTRACTING)

    @property
    def effective_year(self) -> int | None:
        """The year chosen at upload, else the one the document states."""
        if self.year:
            return self.year
        document = (self.extracted or {}).get("document") or {}
        year = document.get("year")
        return year if isinstance(year, int) and 1900 < year < 2200 else None
