"""Văn bản căn cứ: the laws, decrees, decisions and plans that programmes and records cite as their legal basis.

One row per document: the number as written plus the year tell documents apart ("01/2021/NQ-HĐND" and an
"01/NQ-HĐND" of 2023 are two). A record of any registry cites a document through `LegalCitation`, so that no
registry has to know this one.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core.choices import StatusChoices
from doingoai.core.models import BaseModel
from doingoai.documents.extract.legal import LEGAL_KIND_CANONICAL, LEGAL_KIND_WORDS
from doingoai.reference.text import search_key, strip_accents

KINDS = [(k, k) for k in LEGAL_KIND_WORDS if k not in LEGAL_KIND_CANONICAL] + [("Khác", "Khác")]
_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)/")


def number_key(number: str) -> str:
    """ "80/2020/NĐ-CP" and "80 / 2020 / ND-CP" meet: no accents, no spaces, upper case."""
    return re.sub(r"\s+", "", strip_accents(number or "")).upper()


def year_in_number(number: str) -> int | None:
    """The year written inside a number ("80/2020/NĐ-CP" → 2020), else None ("1060-QĐ/TU")."""
    match = _YEAR_IN_NUMBER.search(f"{number}/")
    return int(match.group(1)) if match else None


class LegalStatus(StatusChoices):
    IN_FORCE = "in_force", gettext_lazy("Còn hiệu lực")
    REPLACED = "replaced", gettext_lazy("Đã được thay thế")
    EXPIRED = "expired", gettext_lazy("Hết hiệu lực")
    __colours__ = {"in_force": "success", "replaced": "warning", "expired": "secondary"}


class LegalDocument(BaseModel):
    kind = models.CharField(gettext_lazy("Loại văn bản"), max_length=32, choices=KINDS)
    number = models.CharField(
        gettext_lazy("Số, ký hiệu"), max_length=64, help_text=gettext_lazy("Ghi như trên văn bản, ví dụ: 80/2020/NĐ-CP")
    )
    number_key = models.CharField(max_length=64, editable=False, db_index=True)
    year = models.PositiveSmallIntegerField(gettext_lazy("Năm ban hành"), null=True, blank=True, db_index=True)
    issued_on = models.DateField(gettext_lazy("Ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(gettext_lazy("Cơ quan ban hành"), max_length=255, blank=True)
    title = models.CharField(gettext_lazy("Trích yếu"), max_length=500, blank=True)
    status = models.CharField(
        gettext_lazy("Hiệu lực"),
        max_length=16,
        choices=LegalStatus.choices,
        default=LegalStatus.IN_FORCE,
        db_index=True,
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("Được thay thế bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    file = models.FileField(gettext_lazy("Tệp văn bản"), upload_to="legal/%Y/", blank=True)
    url = models.URLField(gettext_lazy("Đường dẫn"), max_length=500, blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Văn bản căn cứ")
        verbose_name_plural = pgettext_lazy("plural", "Văn bản căn cứ")
        ordering = ["-year", "kind", "number"]

    def __str__(self) -> str:
        dated = (
            gettext(" ngày %(issued_on)s") % {"issued_on": format(self.issued_on, "%d/%m/%Y")} if self.issued_on else ""
        )
        return gettext("%(kind)s số %(number)s%(dated)s") % {"kind": self.kind, "number": self.number, "dated": dated}

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.number_key = number_key(self.number)
        if self.year is None:
            self.year = self.issued_on.year if self.issued_on else year_in_number(self.number)
        self.search_text = " ".join(search_key(v) for v in [self.kind, self.number, self.issuer, self.title] if v)
        super().save(*args, **kwargs)


class LegalCitation(models.Model):
    """A record (a plan, a delegation, a border meeting…) citing a legal document as its basis."""

    document = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="citations")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("Trích dẫn văn bản căn cứ")
        constraints = [
            models.UniqueConstraint(fields=["document", "content_type", "object_id"], name="legal_citation_unique")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id} → {self.document}"


class LegalDocumentOpening(models.Model):
    """How often a user opened a document: the documents each user opens most are kept at hand."""

    document = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="openings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField(default=0)
    last_opened_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "user"], name="legal_opening_unique")]

    def __str__(self) -> str:
        return f"{self.document} ({self.count})"
