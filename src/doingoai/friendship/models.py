"""Friendship associations (hội hữu nghị): the bilateral associations of the province and their union (Liên hiệp
các tổ chức hữu nghị tỉnh, the parent of the others): partner country, term and congresses, chair, members,
activities and the events they took part in."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.choices import StatusChoices
from doingoai.core.models import Country, Partner, Unit, UnitOwnedModel


class AssociationStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề nghị theo dõi")
    APPROVED = "approved", gettext_lazy("Đang hoạt động")
    DONE = "done", gettext_lazy("Đã giải thể, sáp nhập")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "approved": "success",
        "done": "dark",
        "cancelled": "danger",
    }


class AssociationKind(models.TextChoices):
    UNION = "union", gettext_lazy("Liên hiệp các tổ chức hữu nghị")
    BILATERAL = "bilateral", gettext_lazy("Hội hữu nghị song phương")
    OTHER = "other", gettext_lazy("Tổ chức hữu nghị khác")


class FriendshipAssociation(UnitOwnedModel):
    owner_field: ClassVar[str] = "unit"

    year = models.PositiveSmallIntegerField(gettext_lazy("Năm ghi nhận"), db_index=True)
    name = models.CharField(gettext_lazy("Tên hội"), max_length=255)
    kind = models.CharField(
        gettext_lazy("Loại tổ chức"), max_length=16, choices=AssociationKind.choices, default=AssociationKind.BILATERAL
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("Thuộc liên hiệp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="member_associations",
        limit_choices_to={"kind": AssociationKind.UNION},
    )
    country = models.ForeignKey(
        Country,
        verbose_name=gettext_lazy("Nước đối tác"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Tổ chức đối tác (danh mục)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="friendship_associations",
        help_text=gettext_lazy("Hội hữu nghị, địa phương đối tác phía bạn, nếu có trong danh mục đối tác."),
    )
    unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Cơ quan theo dõi"), on_delete=models.PROTECT, related_name="+"
    )
    founded_on = models.DateField(gettext_lazy("Ngày thành lập"), null=True, blank=True)
    term_start = models.PositiveSmallIntegerField(gettext_lazy("Nhiệm kỳ hiện tại: từ năm"), null=True, blank=True)
    term_end = models.PositiveSmallIntegerField(gettext_lazy("Nhiệm kỳ hiện tại: đến năm"), null=True, blank=True)
    last_congress_on = models.DateField(gettext_lazy("Ngày đại hội gần nhất"), null=True, blank=True)
    next_congress_due = models.DateField(
        gettext_lazy("Hạn tổ chức đại hội nhiệm kỳ tiếp theo"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Để trống thì ghi ngày 31/12 của năm hết nhiệm kỳ."),
    )
    chair = models.CharField(gettext_lazy("Chủ tịch hội"), max_length=255, blank=True)
    members_count = models.PositiveIntegerField(gettext_lazy("Số hội viên"), null=True, blank=True)
    activities = models.TextField(gettext_lazy("Hoạt động chính"), blank=True)
    events = models.ManyToManyField(
        "events.Event",
        verbose_name=gettext_lazy("Sự kiện đã tham gia, tổ chức"),
        blank=True,
        related_name="friendship_associations",
    )
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=AssociationStatus.choices,
        default=AssociationStatus.DRAFT,
        db_index=True,
    )
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Hội hữu nghị")
        verbose_name_plural = pgettext_lazy("plural", "Hội hữu nghị, liên hiệp các tổ chức hữu nghị")
        ordering = ["kind", "name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def term_display(self) -> str:
        if self.term_start and self.term_end:
            return f"{self.term_start}–{self.term_end}"
        return str(self.term_start or self.term_end or "")
