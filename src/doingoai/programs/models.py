"""Chương trình hoạt động đối ngoại năm: the programme, its body as a tree of items, and its plan versions."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from doingoai.core import permissions, rules
from doingoai.core.choices import StatusChoices
from doingoai.core.models import BaseModel, Unit


class ProgramStatus(StatusChoices):
    DRAFT = "draft", "Dự thảo"
    CONSOLIDATED = "consolidated", "Đã tổng hợp, trình lãnh đạo"
    ISSUED = "issued", "Đã ban hành"
    ADJUSTED = "adjusted", "Đã điều chỉnh"
    __colours__ = {"draft": "secondary", "consolidated": "primary", "issued": "success", "adjusted": "info"}


class Pillar(models.TextChoices):
    PARTY = "party", "Đối ngoại Đảng"
    STATE = "state", "Ngoại giao Nhà nước"
    PEOPLE = "people", "Đối ngoại Nhân dân"
    GENERAL = "general", "Chung"


class Program(BaseModel):
    # No owning unit: each workflow step is taken by the roles it names (core.workflow.Transition.permits).
    owner_field: ClassVar[str] = ""

    year = models.PositiveSmallIntegerField("Năm", unique=True, help_text="Mỗi năm có một Chương trình")
    title = models.CharField(
        "Trích yếu",
        max_length=255,
        blank=True,
        help_text="Để trống: “Hoạt động đối ngoại tỉnh … năm …”",
    )
    number = models.CharField("Số văn bản", max_length=64, blank=True, help_text="Ví dụ: 818/CTr-UBND")
    issued_on = models.DateField("Ngày ban hành", null=True, blank=True)
    signer_name = models.CharField("Người ký", max_length=128, blank=True)
    signer_position = models.CharField(
        "Chức vụ người ký", max_length=128, blank=True, default="Phó Chủ tịch", help_text="Chủ tịch hoặc Phó Chủ tịch"
    )
    status = models.CharField(
        "Trạng thái", max_length=16, choices=ProgramStatus.choices, default=ProgramStatus.DRAFT, db_index=True
    )
    planned_outbound = models.PositiveIntegerField("Số đoàn ra dự kiến (văn bản nêu)", null=True, blank=True)
    planned_inbound = models.PositiveIntegerField("Số đoàn vào dự kiến (văn bản nêu)", null=True, blank=True)
    planned_conferences = models.PositiveIntegerField(
        "Số hội nghị, hội thảo quốc tế dự kiến (văn bản nêu)", null=True, blank=True
    )
    planned_agreements = models.PositiveIntegerField(
        "Số thỏa thuận quốc tế dự kiến (văn bản nêu)", null=True, blank=True
    )
    adjustment_deadline = models.DateField(
        "Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào",
        null=True,
        blank=True,
        help_text="Để trống: theo quy định chung (30/3 của năm Chương trình)",
    )
    adjustment_opened_on = models.DateField("Ngày mở đợt điều chỉnh", null=True, blank=True, editable=False)
    preamble = models.TextField(
        "Đoạn mở đầu", blank=True, help_text="Căn cứ ban hành; để trống để hệ thống tự soạn đoạn mở đầu"
    )
    closing = models.TextField("Đoạn kết", blank=True, help_text="Để trống để hệ thống tự soạn đoạn kết")
    recipients = models.TextField("Nơi nhận", blank=True, help_text="Mỗi dòng một nơi nhận; để trống để dùng mặc định")
    status_note = models.TextField("Ghi chú trạng thái", blank=True)
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Chương trình hoạt động đối ngoại"
        verbose_name_plural = "Chương trình hoạt động đối ngoại"
        ordering = ["-year"]

    def __str__(self) -> str:
        number = f" (số {self.number})" if self.number else ""
        return f"Chương trình hoạt động đối ngoại năm {self.year}{number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.adjustment_deadline is None and self.year:
            self.adjustment_deadline = rules.plan_adjustment_deadline(self.year)
        super().save(*args, **kwargs)

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Everyone signed in reads; coordinator and admin write; only a draft may be deleted."""
        rule = permissions.reference_q(user, action)
        if action == "delete" and rule is None:
            return Q(status=ProgramStatus.DRAFT)
        return rule

    def is_deletable(self) -> bool:
        return self.status == ProgramStatus.DRAFT

    @property
    def display_title(self) -> str:
        return self.title or f"Hoạt động đối ngoại tỉnh {settings.PROVINCE_NAME} năm {self.year}"

    @property
    def adjustment_open(self) -> bool:
        return self.adjustment_opened_on is not None and self.status == ProgramStatus.ISSUED


class ProgramItem(BaseModel):
    """One task of the programme's body ("II.4.a"), in a tree: parent, then order among siblings."""

    _history_m2m_fields = ["coordinating_units"]

    program = models.ForeignKey(Program, verbose_name="Chương trình", on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self",
        verbose_name="Thuộc mục",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,  # sub-tasks go first (or with the whole programme)
        related_name="children",
        help_text="Để trống nếu là mục lớn (I, II, III…)",
    )
    order = models.PositiveIntegerField("Thứ tự", default=0, help_text="Thứ tự trong mục cha; số nhỏ đứng trước")
    section = models.CharField(
        "Số mục",
        max_length=32,
        blank=True,
        help_text="Ví dụ: II.4.a. Để trống hoặc trùng số mục cha nếu là một gạch đầu dòng",
    )
    pillar = models.CharField("Trụ cột", max_length=16, choices=Pillar.choices, default=Pillar.GENERAL)
    domain = models.CharField("Lĩnh vực", max_length=128, blank=True, help_text="Ví dụ: Ngoại giao kinh tế")
    text = models.TextField("Nội dung")
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name="Cơ quan chủ trì",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_program_items",
    )
    coordinating_units = models.ManyToManyField(
        Unit, verbose_name="Cơ quan phối hợp", blank=True, related_name="coordinated_program_items"
    )
    deadline = models.DateField("Thời hạn", null=True, blank=True)
    progress = models.PositiveSmallIntegerField("Tiến độ (%)", null=True, blank=True)
    progress_note = models.TextField("Kết quả thực hiện", blank=True)

    class Meta:
        verbose_name = "Nhiệm vụ của Chương trình"
        verbose_name_plural = "Nhiệm vụ của Chương trình"
        ordering = ["program", "order", "id"]
        indexes = [models.Index(fields=["program", "parent", "order"])]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 80 else f"{self.text[:79]}…"
        return f"{self.section} {text}".strip()

    def get_absolute_url(self) -> str:
        """Back to the item in the programme's tree (where it is read and edited in context)."""
        return f"{reverse('programs:program_detail', args=[self.program_id])}#item-{self.pk}"

    @property
    def detail_url(self) -> str:
        return reverse("programs:programitem_detail", args=[self.pk])


class PlanVersion(models.Model):
    """A frozen copy of the appendices (rows with the ids of their records) at issue and at each adjustment."""

    program = models.ForeignKey(Program, verbose_name="Chương trình", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField("Phiên bản số")
    note = models.CharField("Ghi chú", max_length=500, blank=True)
    snapshot = models.JSONField("Nội dung các phụ lục", default=dict)
    created_at = models.DateTimeField("Thời điểm", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người lập", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "Phiên bản kế hoạch"
        verbose_name_plural = "Phiên bản kế hoạch"
        ordering = ["program", "number"]
        constraints = [models.UniqueConstraint(fields=["program", "number"], name="planversion_unique_number")]

    def __str__(self) -> str:
        if self.created_at is None:
            return f"Phiên bản {self.number}"
        return f"Phiên bản {self.number} ({timezone.localtime(self.created_at):%d/%m/%Y})"

    @property
    def row_count(self) -> int:
        return sum(len(a.get("rows", [])) for a in self.snapshot.get("appendices", []))
