"""Người Việt Nam ở nước ngoài (kiều bào) and hội đồng hương, under Decree 13/2023/NĐ-CP on personal data
(`doingoai.persons`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.models import BaseModel, Country
from doingoai.persons.masking import mask_address, mask_email, mask_phone
from doingoai.persons.models import ERASED_LABEL, PersonalDataModel
from doingoai.reference.text import search_key


class DiasporaAssociation(BaseModel):
    name = models.CharField(gettext_lazy("Tên hội"), max_length=255)
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Nước"), on_delete=models.PROTECT, related_name="diaspora_associations"
    )
    city = models.CharField(gettext_lazy("Thành phố, địa phương"), max_length=128, blank=True)
    leader = models.CharField(gettext_lazy("Người đứng đầu (chủ tịch hội)"), max_length=255, blank=True)
    phone = models.CharField(gettext_lazy("Điện thoại liên hệ của hội"), max_length=64, blank=True)
    email = models.EmailField(gettext_lazy("Thư điện tử của hội"), blank=True)
    address = models.CharField(gettext_lazy("Địa chỉ liên hệ"), max_length=500, blank=True)
    members_count = models.PositiveIntegerField(gettext_lazy("Số hội viên"), null=True, blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Hội đồng hương")
        verbose_name_plural = pgettext_lazy("plural", "Hội đồng hương, hội người Việt")
        ordering = ["country__name_vi", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(v) for v in [self.name, self.city, self.leader] if v)
        super().save(*args, **kwargs)


class OverseasVietnamese(PersonalDataModel):
    masked_fields: ClassVar[dict[str, Callable[[str], str]]] = {
        "phone": mask_phone,
        "email": mask_email,
        "address": mask_address,
    }
    erasable_fields: ClassVar[tuple[str, ...]] = (
        "full_name",
        "birth_year",
        "home_commune",
        "home_district",
        "city",
        "occupation",
        "phone",
        "email",
        "address",
        "association",
        "note",
    )

    full_name = models.CharField(gettext_lazy("Họ và tên"), max_length=255)
    birth_year = models.PositiveSmallIntegerField(gettext_lazy("Năm sinh"), null=True, blank=True)
    home_commune = models.CharField(gettext_lazy("Quê quán: xã, phường"), max_length=128, blank=True)
    home_district = models.CharField(gettext_lazy("Quê quán: huyện, thị xã (trước 2025)"), max_length=128, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Nước cư trú"), on_delete=models.PROTECT, related_name="overseas_vietnamese"
    )
    city = models.CharField(gettext_lazy("Thành phố, địa phương cư trú"), max_length=128, blank=True)
    occupation = models.CharField(gettext_lazy("Nghề nghiệp"), max_length=255, blank=True)
    phone = models.CharField(gettext_lazy("Điện thoại"), max_length=64, blank=True)
    email = models.EmailField(gettext_lazy("Thư điện tử"), blank=True)
    address = models.CharField(gettext_lazy("Địa chỉ"), max_length=500, blank=True)
    association = models.ForeignKey(
        DiasporaAssociation,
        verbose_name=gettext_lazy("Hội đồng hương"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Kiều bào")
        verbose_name_plural = pgettext_lazy("plural", "Người Việt Nam ở nước ngoài")
        # The country's code after its name (unique, so the same order) and the index below let the database
        # read the list's first page in order (countries by name, each one's persons by name) without sorting.
        ordering = ["country__name_vi", "country__code", "full_name", "id"]
        indexes = [
            models.Index(fields=["recording_unit", "country"]),
            models.Index(fields=["country", "full_name", "id"], name="diaspora_ov_country_name"),
        ]

    def __str__(self) -> str:
        return self.full_name or f"{ERASED_LABEL} #{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        parts = [self.full_name, self.city, self.home_commune, self.home_district, self.occupation]
        self.search_text = " ".join(search_key(v) for v in parts if v)
        super().save(*args, **kwargs)
