"""External information work (công tác thông tin đối ngoại): information products with their language versions,
the spokesperson's releases and press conferences, answers to false information, and the commemorations calendar.

The work follows the steering committee's plan (`programs`): a product may fulfil one of its tasks, and the
committee's standing agency reviews products and follows the false-information cases.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core import permissions
from doingoai.core.choices import Role, StatusChoices
from doingoai.core.models import BaseModel, Country, Partner, Unit, UnitOwnedModel
from doingoai.core.timeline import Timeline
from doingoai.programs.models import Pillar, SteeringCommittee


def upload_path(instance: Any, filename: str) -> str:
    return f"infowork/{timezone.localdate():%Y/%m}/{PurePath(filename).name}"


def standing_unit_ids() -> models.QuerySet:
    """The units that are the standing agency of an active steering committee (they follow the committee's work)."""
    return SteeringCommittee.objects.filter(active=True).values("standing_unit_id")


def is_standing_agency(user: Any) -> bool:
    unit_id = getattr(user, "unit_id", None)
    return (
        permissions.role_of(user) == Role.UNIT_OFFICER
        and bool(unit_id)
        and SteeringCommittee.objects.filter(active=True, standing_unit_id=unit_id).exists()
    )


# --------------------------------------------------------------------------------------- information products


class Language(models.TextChoices):
    VI = "vi", gettext_lazy("Tiếng Việt")
    EN = "en", gettext_lazy("Tiếng Anh")
    LO = "lo", gettext_lazy("Tiếng Lào")
    ZH = "zh", gettext_lazy("Tiếng Trung")
    JA = "ja", gettext_lazy("Tiếng Nhật")
    KO = "ko", gettext_lazy("Tiếng Hàn")
    FR = "fr", gettext_lazy("Tiếng Pháp")
    RU = "ru", gettext_lazy("Tiếng Nga")
    OTHER = "other", gettext_lazy("Ngôn ngữ khác")


class ProductKind(models.TextChoices):
    BULLETIN = "bulletin", gettext_lazy("Bản tin thông tin đối ngoại")
    ARTICLE = "article", gettext_lazy("Bài viết")
    VIDEO = "video", gettext_lazy("Video, phóng sự")
    SHORT_FILM = "short_film", gettext_lazy("Phim ngắn")
    PUBLICATION = "publication", gettext_lazy("Ấn phẩm, sách")
    POSTER = "poster", gettext_lazy("Pano, áp phích")
    PORTAL_PAGE = "portal_page", gettext_lazy("Trang thông tin trên cổng thông tin điện tử")
    SOCIAL_POST = "social_post", gettext_lazy("Bài đăng mạng xã hội")
    EXHIBITION = "exhibition", gettext_lazy("Triển lãm")


class Channel(models.TextChoices):
    DOMESTIC = "domestic", gettext_lazy("Báo chí địa phương")
    CENTRAL = "central", gettext_lazy("Báo chí Trung ương")
    FOREIGN = "foreign", gettext_lazy("Báo chí, truyền thông nước ngoài")
    PORTAL = "portal", gettext_lazy("Cổng thông tin điện tử của tỉnh")
    SOCIAL = "social", gettext_lazy("Mạng xã hội")
    BORDER_GATE = "border_gate", gettext_lazy("Cụm thông tin cửa khẩu quốc tế")
    OTHER = "other", gettext_lazy("Khác")


class InfoProductStatus(StatusChoices):
    PLANNED = "planned", gettext_lazy("Kế hoạch")
    DRAFTED = "drafted", gettext_lazy("Đã có bản thảo")
    REVIEWED = "reviewed", gettext_lazy("Đã thẩm định")
    PUBLISHED = "published", gettext_lazy("Đã phát hành")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "planned": "secondary",
        "drafted": "info",
        "reviewed": "primary",
        "published": "success",
        "cancelled": "danger",
    }


class InfoProduct(UnitOwnedModel):
    """A bulletin issue, article, video, publication… about the province for foreign audiences (or about foreign
    affairs for the province), in one or more languages, each reviewed before the product is published."""

    owner_field: ClassVar[str] = "producing_unit"
    # A product in planning stays with its unit; once drafted the standing agency reviews it (see permission_q).
    private_statuses: ClassVar[tuple[str, ...]] = (InfoProductStatus.PLANNED, InfoProductStatus.DRAFTED)
    editable_statuses: ClassVar[tuple[str, ...]] = (InfoProductStatus.PLANNED, InfoProductStatus.DRAFTED)

    year = models.PositiveSmallIntegerField(gettext_lazy("Năm"), db_index=True)
    title = models.CharField(gettext_lazy("Tên sản phẩm"), max_length=500)
    kind = models.CharField(
        gettext_lazy("Loại sản phẩm"), max_length=16, choices=ProductKind.choices, default=ProductKind.ARTICLE
    )
    topic = models.CharField(gettext_lazy("Chủ đề"), max_length=255, blank=True)
    pillar = models.CharField(gettext_lazy("Trụ cột"), max_length=16, choices=Pillar.choices, default=Pillar.GENERAL)
    producing_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị thực hiện"), on_delete=models.PROTECT, related_name="info_products"
    )
    channel = models.CharField(
        gettext_lazy("Kênh phát hành"), max_length=16, choices=Channel.choices, default=Channel.PORTAL
    )
    outlet = models.CharField(gettext_lazy("Cơ quan báo chí, trang đăng"), max_length=255, blank=True)
    planned_on = models.DateField(gettext_lazy("Ngày dự kiến phát hành"), null=True, blank=True)
    published_on = models.DateField(gettext_lazy("Ngày phát hành"), null=True, blank=True)
    link = models.URLField(gettext_lazy("Đường dẫn"), max_length=500, blank=True)
    file = models.FileField(gettext_lazy("Tệp sản phẩm"), upload_to=upload_path, max_length=500, blank=True)
    reach = models.PositiveIntegerField(gettext_lazy("Lượt tiếp cận (xem, đọc, nghe)"), null=True, blank=True)
    plan_task = models.ForeignKey(
        "programs.PlanTask",
        verbose_name=gettext_lazy("Nhiệm vụ kế hoạch thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="info_products",
    )
    public = models.BooleanField(
        gettext_lazy("Đưa lên trang thông tin đối ngoại công khai"),
        default=True,
        help_text=gettext_lazy("Chỉ khi sản phẩm đã phát hành"),
    )
    # The titles of the language versions, kept by the services so that search finds a product in every language.
    other_titles = models.TextField(gettext_lazy("Tên theo các ngôn ngữ"), blank=True, editable=False)
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=InfoProductStatus.choices,
        default=InfoProductStatus.PLANNED,
        db_index=True,
    )
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Sản phẩm thông tin đối ngoại")
        verbose_name_plural = pgettext_lazy("plural", "Sản phẩm thông tin đối ngoại")
        ordering = ["-year", "planned_on", "id"]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """As any unit's record, and the committee's standing agency reads every product it has to review."""
        rule = super().permission_q(user, action)
        if rule is None or action != "view" or permissions.role_of(user) != Role.UNIT_OFFICER:
            return rule
        unit_id = getattr(user, "unit_id", None)
        if unit_id and SteeringCommittee.objects.filter(active=True, standing_unit_id=unit_id).exists():
            return None
        return rule

    @property
    def languages_display(self) -> str:
        return ", ".join(v.get_language_display() for v in self.versions.all())


class TranslationStatus(StatusChoices):
    NOT_STARTED = "todo", gettext_lazy("Chưa dịch")  # stored value kept
    TRANSLATING = "translating", gettext_lazy("Đang dịch")
    TRANSLATED = "translated", gettext_lazy("Đã dịch, chờ thẩm định")
    REVIEWED = "reviewed", gettext_lazy("Đã thẩm định")
    __colours__ = {"todo": "secondary", "translating": "info", "translated": "warning", "reviewed": "success"}


class InfoProductVersion(BaseModel):
    """A product in one language: its own title, translation status and reviewer."""

    product = models.ForeignKey(
        InfoProduct, verbose_name=gettext_lazy("Sản phẩm"), on_delete=models.CASCADE, related_name="versions"
    )
    language = models.CharField(gettext_lazy("Ngôn ngữ"), max_length=8, choices=Language.choices)
    title = models.CharField(gettext_lazy("Tên theo ngôn ngữ này"), max_length=500, blank=True)
    summary = models.TextField(gettext_lazy("Tóm tắt"), blank=True)
    translator = models.CharField(gettext_lazy("Người, đơn vị dịch"), max_length=255, blank=True)
    translation_status = models.CharField(
        gettext_lazy("Tình trạng bản dịch"),
        max_length=16,
        choices=TranslationStatus.choices,
        default=TranslationStatus.NOT_STARTED,
    )
    reviewer = models.CharField(gettext_lazy("Người thẩm định"), max_length=255, blank=True)
    reviewed_on = models.DateField(gettext_lazy("Ngày thẩm định"), null=True, blank=True)
    link = models.URLField(gettext_lazy("Đường dẫn bản ngôn ngữ này"), max_length=500, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Bản ngôn ngữ của sản phẩm")
        verbose_name_plural = pgettext_lazy("plural", "Bản ngôn ngữ của sản phẩm")
        ordering = ["product", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "language"],
                name="infoproductversion_one_per_language",
                violation_error_message=gettext_lazy("Sản phẩm đã có bản theo ngôn ngữ này."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.product} — {self.get_language_display()}"

    def get_absolute_url(self) -> str:
        return self.product.get_absolute_url()

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Read and written with its product."""
        rule = InfoProduct.permission_q(user, action)
        if rule is None:
            return None
        return Q(product__in=InfoProduct.objects.filter(rule).values("pk"))


# ------------------------------------------------------------------------------------- spokesperson and press


class PressKind(models.TextChoices):
    RELEASE = "release", gettext_lazy("Thông cáo báo chí")
    CONFERENCE = "conference", gettext_lazy("Họp báo")
    STATEMENT = "statement", gettext_lazy("Phát ngôn, tuyên bố")


class PressReleaseStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    ISSUED = "issued", gettext_lazy("Đã phát hành, tổ chức")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {"draft": "secondary", "issued": "success", "cancelled": "danger"}


class PressRelease(UnitOwnedModel):
    """A press release, press conference or statement of the province's spokesperson."""

    owner_field: ClassVar[str] = "issuing_unit"
    private_statuses: ClassVar[tuple[str, ...]] = (PressReleaseStatus.DRAFT,)
    editable_statuses: ClassVar[tuple[str, ...]] = (PressReleaseStatus.DRAFT,)

    kind = models.CharField(
        gettext_lazy("Hình thức"), max_length=16, choices=PressKind.choices, default=PressKind.RELEASE
    )
    date = models.DateField(gettext_lazy("Ngày"))
    year = models.PositiveSmallIntegerField(
        gettext_lazy("Năm"), db_index=True, help_text=gettext_lazy("Năm của ngày phát hành, tổ chức")
    )
    title = models.CharField(gettext_lazy("Chủ đề, nội dung"), max_length=500)
    spokesperson = models.CharField(gettext_lazy("Người phát ngôn"), max_length=255)
    issuing_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Cơ quan phát ngôn, chủ trì"),
        on_delete=models.PROTECT,
        related_name="press_releases",
    )
    outlets = models.TextField(gettext_lazy("Cơ quan báo chí dự, đăng tải"), blank=True)
    press_visit = models.ForeignKey(
        "consular.ForeignPressVisit",
        verbose_name=gettext_lazy("Đoàn phóng viên nước ngoài liên quan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_releases",
    )
    link = models.URLField(gettext_lazy("Đường dẫn"), max_length=500, blank=True)
    file = models.FileField(gettext_lazy("Tệp văn bản"), upload_to=upload_path, max_length=500, blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=PressReleaseStatus.choices,
        default=PressReleaseStatus.DRAFT,
        db_index=True,
    )
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Thông cáo, họp báo, phát ngôn")
        verbose_name_plural = pgettext_lazy("plural", "Thông cáo, họp báo, phát ngôn")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


# ------------------------------------------------------------------------------ false or distorted information


class FalseInfoChannel(models.TextChoices):
    SOCIAL = "social", gettext_lazy("Mạng xã hội")
    FOREIGN_MEDIA = "foreign_media", gettext_lazy("Báo chí, truyền thông nước ngoài")
    DOMESTIC_MEDIA = "domestic_media", gettext_lazy("Báo chí trong nước")
    WEBSITE = "website", gettext_lazy("Trang thông tin điện tử")
    OTHER = "other", gettext_lazy("Khác")


class RiskLevel(models.TextChoices):
    LOW = "low", gettext_lazy("Thấp")
    MEDIUM = "medium", gettext_lazy("Trung bình")
    HIGH = "high", "Cao"


class FalseInfoStatus(StatusChoices):
    DETECTED = "detected", gettext_lazy("Mới phát hiện")
    ASSESSED = "assessed", gettext_lazy("Đã đánh giá")
    ANSWERED = "answered", gettext_lazy("Đã phản bác, đính chính")
    CLOSED = "closed", gettext_lazy("Đã kết thúc")
    __colours__ = {"detected": "danger", "assessed": "warning", "answered": "primary", "closed": "dark"}


class FalseInfoCase(UnitOwnedModel):
    """False or distorted information about the province, and the province's answer to it.

    Restricted: the handling unit, the committee's standing agency and the province's leaders (coordinator,
    administrator, leader) read it — not other units, not finance; every opening is logged (`persons` log).
    """

    owner_field: ClassVar[str] = "handling_unit"
    private_statuses: ClassVar[tuple[str, ...]] = tuple(FalseInfoStatus.values)
    editable_statuses: ClassVar[tuple[str, ...]] = (FalseInfoStatus.DETECTED, FalseInfoStatus.ASSESSED)

    detected_on = models.DateField(gettext_lazy("Ngày phát hiện"))
    channel = models.CharField(
        gettext_lazy("Kênh xuất hiện"), max_length=16, choices=FalseInfoChannel.choices, default=FalseInfoChannel.SOCIAL
    )
    source = models.CharField(gettext_lazy("Nguồn (trang, tài khoản, cơ quan)"), max_length=500)
    source_link = models.URLField(gettext_lazy("Đường dẫn nguồn"), max_length=500, blank=True)
    summary = models.TextField(gettext_lazy("Tóm tắt nội dung sai lệch"))
    topic = models.CharField(gettext_lazy("Chủ đề"), max_length=255)
    risk = models.CharField(
        gettext_lazy("Mức độ nguy cơ"), max_length=8, choices=RiskLevel.choices, default=RiskLevel.MEDIUM
    )
    handling_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị xử lý"), on_delete=models.PROTECT, related_name="false_info_cases"
    )
    assessment = models.TextField(gettext_lazy("Đánh giá"), blank=True)
    response = models.TextField(gettext_lazy("Nội dung phản bác, đính chính"), blank=True)
    response_where = models.CharField(gettext_lazy("Nơi đăng tải phản bác"), max_length=500, blank=True)
    response_link = models.URLField(gettext_lazy("Đường dẫn bài phản bác"), max_length=500, blank=True)
    answered_on = models.DateField(gettext_lazy("Ngày phản bác"), null=True, blank=True)
    closed_on = models.DateField(gettext_lazy("Ngày kết thúc"), null=True, blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=FalseInfoStatus.choices,
        default=FalseInfoStatus.DETECTED,
        db_index=True,
    )
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Vụ việc thông tin sai lệch")
        verbose_name_plural = pgettext_lazy("plural", "Phản bác thông tin sai lệch")
        ordering = ["-detected_on", "-id"]

    def __str__(self) -> str:
        # No content in the name: it travels to reminders, reports, history and the read log.
        day = (
            gettext(" phát hiện ngày %(detected_on)s") % {"detected_on": format(self.detected_on, "%d/%m/%Y")}
            if self.detected_on
            else ""
        )
        return gettext("Vụ việc thông tin sai lệch #%(pk)s%(day)s") % {"pk": self.pk, "day": day}

    @property
    def record_label(self) -> str:
        """How the read log names the case (its kind and number, not its content)."""
        return gettext("Vụ việc thông tin sai lệch #%(pk)s") % {"pk": self.pk}

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        role = permissions.role_of(user)
        if role is None:
            return permissions.NOTHING
        if role in permissions.WRITE_ALL_ROLES:
            return None
        if role == Role.LEADER and action == "view":
            return None
        unit_id = getattr(user, "unit_id", None)
        if role != Role.UNIT_OFFICER or not unit_id:
            return permissions.NOTHING  # finance and leaders acting otherwise than through steps
        mine = Q(handling_unit_id=unit_id)
        if SteeringCommittee.objects.filter(active=True, standing_unit_id=unit_id).exists():
            mine = Q()  # the standing agency follows every case
        if action == "view":
            return mine
        return mine & Q(status__in=cls.editable_statuses)

    @property
    def answer_due(self) -> dt.date | None:
        if self.detected_on is None:
            return None
        return self.detected_on + dt.timedelta(days=int(settings.DOINGOAI_RULES["false_info_answer_days"]))

    @property
    def days_to_answer(self) -> int | None:
        """Days from detection to the answer (the figure the committee follows)."""
        if self.detected_on is None or self.answered_on is None:
            return None
        return (self.answered_on - self.detected_on).days


# ------------------------------------------------------------------------------------ commemorations calendar


class CommemorationKind(models.TextChoices):
    NATIONAL_DAY = "national_day", gettext_lazy("Ngày lễ, kỷ niệm của Việt Nam")
    HISTORIC = "historic", gettext_lazy("Sự kiện lịch sử")
    FIGURE = "figure", gettext_lazy("Ngày sinh danh nhân, lãnh tụ")
    PARTNER_NATIONAL_DAY = "partner_day", gettext_lazy("Quốc khánh, ngày lễ lớn của nước đối tác")
    RELATION = "relation", gettext_lazy("Thiết lập quan hệ (khác quan hệ ngoại giao cấp quốc gia)")


class Commemoration(BaseModel):
    """A day the province marks: a national day, a historic anniversary, a figure's birthday, a partner country's
    national day. Reference data kept by the administrator, each with its source.

    Diplomatic relations (`core.DiplomaticRelation`) and sister-province relations (`Partner.friendship_since`)
    are not copied here: the calendar reads them where they are kept.
    """

    timeline = Timeline(historic=("date",))  # 19/05/1890, a national figure's birth, is a real date here

    kind = models.CharField(gettext_lazy("Loại"), max_length=16, choices=CommemorationKind.choices)
    title = models.CharField(gettext_lazy("Tên ngày kỷ niệm"), max_length=255)
    date = models.DateField(
        gettext_lazy("Ngày gốc"), help_text=gettext_lazy("Ngày diễn ra lần đầu, ví dụ 02/09/1945; 19/05/1890")
    )
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Nước"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=gettext_lazy("Đối tác"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    yearly = models.BooleanField(
        gettext_lazy("Kỷ niệm hằng năm"),
        default=False,
        help_text=gettext_lazy("Đánh dấu với ngày lễ hằng năm (quốc khánh); để trống: chỉ các năm tròn, năm chẵn"),
    )
    greetings = models.BooleanField(
        gettext_lazy("Gửi thư, điện mừng"),
        default=False,
        help_text=gettext_lazy("Lịch đề xuất nhiệm vụ gửi thư, điện mừng tới đối tác"),
    )
    source = models.CharField(
        gettext_lazy("Nguồn"), max_length=500, help_text=gettext_lazy("Văn bản, tài liệu làm căn cứ")
    )
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Ngày kỷ niệm")
        verbose_name_plural = pgettext_lazy("plural", "Lịch kỷ niệm")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d/%m/%Y})"
