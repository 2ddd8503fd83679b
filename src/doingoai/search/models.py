"""The full-text index: one row per searchable record, in normalised (accent-free) text.

The database's own full-text machinery indexes these rows: an FTS5 virtual table on SQLite, a weighted
`tsvector` column with a GIN index on PostgreSQL (both created by migration 0001, kept in step by the
database itself). Rows are written by `search.indexing` only.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy


class SearchEntry(models.Model):
    registry = models.CharField(gettext_lazy("Danh mục"), max_length=100)  # app_label.model_name
    object_id = models.BigIntegerField(gettext_lazy("Mã bản ghi"))
    title = models.CharField(gettext_lazy("Tiêu đề"), max_length=500)
    title_key = models.TextField(gettext_lazy("Tiêu đề (chuẩn hóa)"), blank=True)
    body = models.TextField(gettext_lazy("Nội dung (chuẩn hóa)"), blank=True)
    text = models.TextField(gettext_lazy("Nội dung (như đã ghi, để trích dẫn)"), blank=True)
    updated_at = models.DateTimeField(gettext_lazy("Cập nhật"), auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("Mục chỉ mục tìm kiếm")
        verbose_name_plural = pgettext_lazy("plural", "Chỉ mục tìm kiếm")
        constraints = [models.UniqueConstraint(fields=["registry", "object_id"], name="search_entry_unique_record")]

    def __str__(self) -> str:
        return f"{self.registry}#{self.object_id}: {self.title}"
