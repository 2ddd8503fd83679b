"""Cooperation along the Lao border: twinned villages, border meetings and the points agreed there, the seasons of
search and repatriation of the remains of Vietnamese volunteer soldiers and experts who fell in Laos, and the
province's assistance projects in Laos (the opposite direction of the aid registry).

Each record is written by its unit as a draft (Dự thảo, seen by that unit and the province-level roles) and then
reported (Gửi báo cáo): every unit reads it from then on, and the coordinator corrects or returns it.
"""

from __future__ import annotations

from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core.adminunits import local_communes_q
from doingoai.core.choices import PartnerKind, StatusChoices
from doingoai.core.models import AdministrativeUnit, Partner, Unit, UnitOwnedModel

LAO_LOCALITIES = {"kind": PartnerKind.LOCALITY, "country__code": "LA"}
LAO_PARTNERS = {"country__code": "LA"}


class LaoRecord(UnitOwnedModel):
    private_statuses: ClassVar[tuple[str, ...]] = ("draft",)
    editable_statuses: ClassVar[tuple[str, ...]] = ("draft",)

    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True, editable=False)

    class Meta:
        abstract = True


class LaoSide(models.TextChoices):
    VILLAGE = "village", gettext_lazy("Bản")
    DISTRICT = "district", gettext_lazy("Huyện (mường)")
    PROVINCE = "province", gettext_lazy("Tỉnh")


class TwinningStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    ACTIVE = "active", gettext_lazy("Đang duy trì")
    PAUSED = "paused", gettext_lazy("Tạm ngừng")
    ENDED = "ended", gettext_lazy("Đã chấm dứt")
    __colours__ = {"draft": "secondary", "active": "success", "paused": "warning", "ended": "dark"}


class TwinningPair(LaoRecord):
    """Kết nghĩa bản – bản: a Vietnamese commune (or one of its villages) and a Lao village, district or province."""

    owner_field: ClassVar[str] = "managing_unit"

    vn_commune = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=gettext_lazy("Xã phía Việt Nam"),
        on_delete=models.PROTECT,
        related_name="twinning_pairs",
        limit_choices_to=local_communes_q,
    )
    vn_village = models.CharField(gettext_lazy("Bản, thôn phía Việt Nam"), max_length=128, blank=True)
    lao_level = models.CharField(gettext_lazy("Cấp kết nghĩa phía Lào"), max_length=16, choices=LaoSide.choices)
    lao_name = models.CharField(
        gettext_lazy("Bản, huyện phía Lào"), max_length=128, help_text=gettext_lazy("Ghi như trong văn bản kết nghĩa")
    )
    lao_district = models.CharField(gettext_lazy("Huyện (mường) phía Lào"), max_length=128, blank=True)
    lao_province = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Tỉnh phía Lào"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=LAO_LOCALITIES,
    )
    year = models.PositiveSmallIntegerField(gettext_lazy("Năm kết nghĩa"), db_index=True)
    signed_on = models.DateField(gettext_lazy("Ngày ký kết nghĩa"), null=True, blank=True)
    managing_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị theo dõi"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        gettext_lazy("Tình trạng"),
        max_length=16,
        choices=TwinningStatus.choices,
        default=TwinningStatus.DRAFT,
        db_index=True,
    )
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Cặp kết nghĩa")
        verbose_name_plural = pgettext_lazy("plural", "Kết nghĩa bản – bản")
        ordering = ["vn_commune__name", "lao_name", "id"]

    def __str__(self) -> str:
        vn = f"{self.vn_village}, {self.vn_commune.name}" if self.vn_village else self.vn_commune.name
        level = self.get_lao_level_display()
        lao = self.lao_name if self.lao_name.lower().startswith(level.lower()) else f"{level} {self.lao_name}"
        return f"{vn} – {lao}"


class TwinningActivity(LaoRecord):
    """One activity of a twinned pair (visits, festivals, joint patrols, help after floods): counted per year."""

    owner_field: ClassVar[str] = "unit"

    class Status(StatusChoices):
        DRAFT = "draft", gettext_lazy("Dự thảo")
        REPORTED = "reported", gettext_lazy("Đã báo cáo")
        __colours__ = {"draft": "secondary", "reported": "success"}

    pair = models.ForeignKey(
        TwinningPair, verbose_name=gettext_lazy("Cặp kết nghĩa"), on_delete=models.PROTECT, related_name="activities"
    )
    held_on = models.DateField(gettext_lazy("Ngày tổ chức"))
    title = models.CharField(gettext_lazy("Nội dung hoạt động"), max_length=255)
    participants = models.PositiveIntegerField(gettext_lazy("Số người tham gia"), null=True, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(gettext_lazy("Tình trạng"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Hoạt động kết nghĩa")
        verbose_name_plural = pgettext_lazy("plural", "Hoạt động kết nghĩa")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


ActivityStatus = TwinningActivity.Status  # importable by name (the API's enum names, settings)


class MeetingLevel(models.TextChoices):
    PROVINCE = "province", gettext_lazy("Cấp tỉnh")
    DISTRICT = "district", gettext_lazy("Cấp huyện")
    COMMUNE = "commune", gettext_lazy("Cấp xã")
    BORDER_GUARD = "border_guard", gettext_lazy("Lực lượng bảo vệ biên giới")


class MeetingKind(models.TextChoices):
    TALKS = "talks", gettext_lazy("Hội đàm")
    BRIEFING = "briefing", gettext_lazy("Giao ban định kỳ")
    MEETING = "meeting", gettext_lazy("Gặp gỡ, trao đổi")


class MeetingStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    HELD = "held", gettext_lazy("Đã tổ chức")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {"draft": "secondary", "held": "success", "cancelled": "danger"}


class BorderMeeting(LaoRecord):
    """Hội đàm, giao ban, gặp gỡ with the facing Lao localities; the points agreed become follow-up actions."""

    owner_field: ClassVar[str] = "host_unit"

    title = models.CharField(gettext_lazy("Tên cuộc hội đàm, gặp gỡ"), max_length=255)
    kind = models.CharField(
        gettext_lazy("Hình thức"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.TALKS
    )
    level = models.CharField(gettext_lazy("Cấp"), max_length=16, choices=MeetingLevel.choices)
    year = models.PositiveSmallIntegerField(
        gettext_lazy("Năm"), db_index=True, help_text=gettext_lazy("Năm tổ chức theo kế hoạch")
    )
    held_on = models.DateField(
        gettext_lazy("Ngày tổ chức"), null=True, blank=True, help_text=gettext_lazy("Bắt buộc khi gửi báo cáo")
    )
    place = models.CharField(gettext_lazy("Địa điểm"), max_length=255, blank=True)
    lao_partner = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Phía Lào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=LAO_PARTNERS,
    )
    lao_side_text = models.CharField(
        gettext_lazy("Phía Lào (ghi khác)"),
        max_length=255,
        blank=True,
        help_text=gettext_lazy("Huyện, bản, đơn vị không có trong danh mục"),
    )
    vn_head = models.CharField(gettext_lazy("Trưởng đoàn phía Việt Nam"), max_length=255, blank=True)
    lao_head = models.CharField(gettext_lazy("Trưởng đoàn phía Lào"), max_length=255, blank=True)
    participants = models.TextField(gettext_lazy("Thành phần tham dự"), blank=True)
    content = models.TextField(gettext_lazy("Nội dung chính"), blank=True)
    host_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị chủ trì"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        gettext_lazy("Tình trạng"),
        max_length=16,
        choices=MeetingStatus.choices,
        default=MeetingStatus.DRAFT,
        db_index=True,
    )
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Hội đàm, gặp gỡ biên giới")
        verbose_name_plural = pgettext_lazy("plural", "Hội đàm, gặp gỡ biên giới")
        ordering = ["-year", "-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})" if self.held_on else f"{self.title} ({self.year})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.lao_partner_id is None and not self.lao_side_text.strip():
            raise ValidationError({"lao_partner": gettext("Cần chọn phía Lào hoặc ghi tên phía Lào.")})


class ActionStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    OPEN = "open", gettext_lazy("Đang thực hiện")
    DONE = "done", gettext_lazy("Đã hoàn thành")
    DROPPED = "dropped", gettext_lazy("Không thực hiện")
    __colours__ = {"draft": "secondary", "open": "info", "done": "success", "dropped": "dark"}


class MeetingAction(LaoRecord):
    """A point agreed at a border meeting, followed up by the unit in charge until it is done."""

    owner_field: ClassVar[str] = "owner_unit"

    meeting = models.ForeignKey(
        BorderMeeting, verbose_name=gettext_lazy("Hội đàm, gặp gỡ"), on_delete=models.PROTECT, related_name="actions"
    )
    text = models.TextField(gettext_lazy("Nội dung đã thống nhất"))
    owner_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(gettext_lazy("Hạn thực hiện"), null=True, blank=True)
    status = models.CharField(
        gettext_lazy("Tình trạng"),
        max_length=16,
        choices=ActionStatus.choices,
        default=ActionStatus.DRAFT,
        db_index=True,
    )
    done_on = models.DateField(gettext_lazy("Ngày hoàn thành"), null=True, blank=True)
    result = models.TextField(gettext_lazy("Kết quả"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Nội dung thống nhất cần thực hiện")
        verbose_name_plural = pgettext_lazy("plural", "Nội dung thống nhất tại hội đàm")
        ordering = ["status", "due_on", "id"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"


class SeasonStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    REPORTED = "reported", gettext_lazy("Đã báo cáo")
    __colours__ = {"draft": "secondary", "reported": "success"}


class RemainsSeason(LaoRecord):
    """One dry season (mùa khô) of searching for and repatriating the remains of Vietnamese volunteer soldiers
    and experts who fell in Laos, ending with the handover ceremony."""

    owner_field: ClassVar[str] = "team_unit"

    season = models.CharField(gettext_lazy("Mùa khô"), max_length=32, help_text=gettext_lazy("Ví dụ: 2023 – 2024"))
    year = models.PositiveSmallIntegerField(gettext_lazy("Năm bắt đầu mùa khô"), db_index=True)
    team = models.CharField(gettext_lazy("Đội tìm kiếm, quy tập"), max_length=255)
    team_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị chủ quản"), on_delete=models.PROTECT, related_name="+"
    )
    lao_provinces = models.ManyToManyField(
        Partner,
        verbose_name=gettext_lazy("Tỉnh của Lào đã tìm kiếm"),
        related_name="+",
        limit_choices_to=LAO_LOCALITIES,
        blank=True,
    )
    areas = models.TextField(
        gettext_lazy("Khu vực tìm kiếm"), blank=True, help_text=gettext_lazy("Huyện, bản, địa danh đã tìm kiếm")
    )
    started_on = models.DateField(gettext_lazy("Ngày bắt đầu"), null=True, blank=True)
    ended_on = models.DateField(gettext_lazy("Ngày kết thúc"), null=True, blank=True)
    remains_found = models.PositiveIntegerField(gettext_lazy("Số hài cốt tìm thấy"), default=0)
    remains_repatriated = models.PositiveIntegerField(gettext_lazy("Số hài cốt hồi hương"), default=0)
    identified = models.PositiveIntegerField(gettext_lazy("Số hài cốt xác định được danh tính"), default=0)
    handover_on = models.DateField(gettext_lazy("Ngày lễ bàn giao, hồi hương"), null=True, blank=True)
    handover_place = models.CharField(gettext_lazy("Nơi tổ chức lễ bàn giao"), max_length=255, blank=True)
    burial_place = models.CharField(gettext_lazy("Nơi an táng"), max_length=255, blank=True)
    status = models.CharField(
        gettext_lazy("Tình trạng"),
        max_length=16,
        choices=SeasonStatus.choices,
        default=SeasonStatus.DRAFT,
        db_index=True,
    )
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Mùa tìm kiếm, quy tập hài cốt liệt sĩ")
        verbose_name_plural = pgettext_lazy("plural", "Tìm kiếm, hồi hương hài cốt liệt sĩ tại Lào")
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return gettext("Mùa khô %(season)s") % {"season": self.season}


class AssistanceSector(models.TextChoices):
    EDUCATION = "education", gettext_lazy("Giáo dục, đào tạo")
    HEALTH = "health", gettext_lazy("Y tế")
    AGRICULTURE = "agriculture", gettext_lazy("Nông nghiệp, thủy lợi")
    INFRASTRUCTURE = "infrastructure", gettext_lazy("Hạ tầng, giao thông")
    DEFENCE = "defence", gettext_lazy("Quốc phòng, an ninh biên giới")
    HUMANITARIAN = "humanitarian", gettext_lazy("Nhân đạo, cứu trợ")
    CULTURE = "culture", gettext_lazy("Văn hóa, thể thao")
    OTHER = "other", gettext_lazy("Khác")


class AssistanceStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề xuất")
    APPROVED = "approved", gettext_lazy("Đã phê duyệt")
    IMPLEMENTING = "implementing", gettext_lazy("Đang thực hiện")
    HANDED_OVER = "handed_over", gettext_lazy("Đã bàn giao")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "approved": "primary",
        "implementing": "warning",
        "handed_over": "success",
        "cancelled": "danger",
    }


class AssistanceProject(LaoRecord):
    """A project the province gives to a Lao partner (a school, an irrigation work, training, relief)."""

    owner_field: ClassVar[str] = "managing_unit"
    private_statuses: ClassVar[tuple[str, ...]] = ("draft", "proposed")
    editable_statuses: ClassVar[tuple[str, ...]] = ("draft", "proposed")

    year = models.PositiveSmallIntegerField(gettext_lazy("Năm"), db_index=True)
    title = models.CharField(gettext_lazy("Tên công trình, dự án hỗ trợ"), max_length=500)
    beneficiary = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Bên nhận hỗ trợ"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=LAO_PARTNERS,
    )
    place = models.CharField(gettext_lazy("Địa điểm"), max_length=255, blank=True)
    sector = models.CharField(gettext_lazy("Lĩnh vực"), max_length=16, choices=AssistanceSector.choices)
    amount_vnd = models.DecimalField(
        gettext_lazy("Kinh phí (đồng)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding = models.CharField(gettext_lazy("Nguồn kinh phí"), max_length=255, blank=True)
    decision_ref = models.CharField(gettext_lazy("Quyết định phê duyệt"), max_length=128, blank=True)
    managing_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        gettext_lazy("Tình trạng"),
        max_length=16,
        choices=AssistanceStatus.choices,
        default=AssistanceStatus.DRAFT,
        db_index=True,
    )
    handed_over_on = models.DateField(gettext_lazy("Ngày bàn giao"), null=True, blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Công trình, dự án hỗ trợ Lào")
        verbose_name_plural = pgettext_lazy("plural", "Hỗ trợ Lào (công trình, dự án của tỉnh)")
        ordering = ["-year", "title", "id"]

    def __str__(self) -> str:
        return self.title
