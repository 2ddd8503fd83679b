"""Bảo hộ công dân, thẻ đi lại của doanh nhân APEC (ABTC), phóng viên nước ngoài."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core.choices import Competence, StatusChoices
from doingoai.core.models import Country, Unit, UnitOwnedModel
from doingoai.persons.masking import HIDDEN, mask_document_number
from doingoai.persons.models import ERASED_LABEL, PersonalDataModel
from doingoai.reference.text import search_key


class CaseKind(models.TextChoices):
    DETAINED = "detained", gettext_lazy("Bị bắt, tạm giữ, tạm giam")
    ACCIDENT = "accident", gettext_lazy("Tai nạn, ốm đau")
    DEATH = "death", gettext_lazy("Tử vong")
    TRAFFICKING = "trafficking", gettext_lazy("Nghi bị mua bán người")
    STRANDED = "stranded", gettext_lazy("Bị mắc kẹt, lưu lạc, mất giấy tờ")
    LABOUR = "labour", gettext_lazy("Lao động bất hợp pháp, bị lừa đảo lao động")
    OTHER = "other", gettext_lazy("Khác")


class CaseStatus(StatusChoices):
    OPEN = "open", gettext_lazy("Mới tiếp nhận")
    IN_PROGRESS = "in_progress", gettext_lazy("Đang xử lý")
    CLOSED = "closed", gettext_lazy("Đã kết thúc")
    __colours__ = {"open": "success", "in_progress": "warning", "closed": "dark"}


class CitizenCase(PersonalDataModel):
    """A case of protection of a citizen of the province abroad (bảo hộ công dân)."""

    masked_fields: ClassVar[dict[str, Callable[[str], str]]] = {"passport_number": mask_document_number}
    competence: ClassVar[str] = Competence.CONSULAR
    # Texts hidden from roles that do not need them when the case is marked sensitive.
    sensitive_fields: ClassVar[tuple[str, ...]] = ("summary", "outcome")
    erasable_fields: ClassVar[tuple[str, ...]] = (
        "person_name",
        "passport_number",
        "place",
        "summary",
        "outcome",
        "note",
    )

    person_name = models.CharField(gettext_lazy("Họ và tên công dân"), max_length=255)
    passport_number = models.CharField(gettext_lazy("Số hộ chiếu"), max_length=32, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Nước xảy ra vụ việc"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(gettext_lazy("Nơi xảy ra"), max_length=255, blank=True)
    kind = models.CharField(gettext_lazy("Loại vụ việc"), max_length=16, choices=CaseKind.choices)
    opened_on = models.DateField(gettext_lazy("Ngày tiếp nhận"))
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.OPEN, db_index=True
    )
    summary = models.TextField(gettext_lazy("Tóm tắt vụ việc"))
    sensitive = models.BooleanField(
        gettext_lazy("Có dữ liệu cá nhân nhạy cảm"),
        default=False,
        help_text=gettext_lazy(
            "Sức khỏe, tư pháp hình sự, nạn nhân mua bán người…: nội dung chỉ hiện với đơn vị ghi nhận và "
            "cơ quan điều phối."
        ),
    )
    closed_on = models.DateField(gettext_lazy("Ngày kết thúc"), null=True, blank=True)
    outcome = models.TextField(gettext_lazy("Kết quả xử lý"), blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Vụ việc bảo hộ công dân")
        verbose_name_plural = pgettext_lazy("plural", "Bảo hộ công dân")
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["recording_unit", "status"])]

    def __str__(self) -> str:
        if not self.person_name:
            return f"{ERASED_LABEL} #{self.pk}"
        return f"{self.person_name} ({self.get_kind_display().lower()}, {self.country})"

    @property
    def search_title(self) -> str:
        """The title in search results: without the kind when the case is sensitive."""
        if self.sensitive and self.person_name:
            return gettext("%(person_name)s (vụ việc nhạy cảm, %(country)s)") % {
                "person_name": self.person_name,
                "country": self.country,
            }
        return str(self)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(v) for v in [self.person_name, self.place] if v)
        super().save(*args, **kwargs)

    def masked_names(self) -> set[str]:
        return super().masked_names() | (set(self.sensitive_fields) if self.sensitive else set())

    def mask_value(self, name: str, value: Any) -> Any:
        if name in self.sensitive_fields:
            return HIDDEN if self.sensitive and value else value
        return super().mask_value(name, value)


class ApecStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    SUBMITTED = "submitted", gettext_lazy("Đã nộp hồ sơ")
    APPROVED = "approved", gettext_lazy("Đã cho phép")
    REFUSED = "refused", gettext_lazy("Không cho phép")
    CARD_ISSUED = "card_issued", gettext_lazy("Đã cấp thẻ")
    RETURNED = "returned", gettext_lazy("Đã nộp lại thẻ")
    __colours__ = {
        "draft": "secondary",
        "submitted": "info",
        "approved": "success",
        "refused": "danger",
        "card_issued": "success",
        "returned": "secondary",
    }


class ApecCardApplication(UnitOwnedModel):
    """An application for the province's permission to use the APEC Business Travel Card (Decision 09/2023/QĐ-TTg).

    Applicants' data stay with the unit that received the file and the province-level roles: other units never
    see them, whatever the status.
    """

    owner_field: ClassVar[str] = "receiving_unit"
    competence: ClassVar[str] = Competence.APEC
    private_statuses: ClassVar[tuple[str, ...]] = tuple(ApecStatus.values)
    editable_statuses: ClassVar[tuple[str, ...]] = (ApecStatus.DRAFT,)
    _history_m2m_fields = ["countries"]

    applicant_name = models.CharField(gettext_lazy("Họ và tên người đề nghị"), max_length=255)
    birth_date = models.DateField(gettext_lazy("Ngày sinh"))
    position = models.CharField(gettext_lazy("Chức vụ"), max_length=255)
    in_post_since = models.DateField(gettext_lazy("Giữ chức vụ, làm việc tại doanh nghiệp từ ngày"))
    enterprise = models.CharField(gettext_lazy("Doanh nghiệp"), max_length=255)
    enterprise_tax_code = models.CharField(gettext_lazy("Mã số doanh nghiệp"), max_length=32, blank=True)
    enterprise_established_on = models.DateField(gettext_lazy("Ngày thành lập doanh nghiệp"))
    countries = models.ManyToManyField(
        Country, verbose_name=gettext_lazy("Các nền kinh tế đề nghị"), related_name="apec_applications", blank=True
    )
    receiving_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Đơn vị tiếp nhận hồ sơ"),
        on_delete=models.PROTECT,
        related_name="apec_applications",
    )
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=16, choices=ApecStatus.choices, default=ApecStatus.DRAFT, db_index=True
    )
    submitted_on = models.DateField(gettext_lazy("Ngày nộp hồ sơ"), null=True, blank=True)
    decision_ref = models.CharField(gettext_lazy("Số văn bản cho phép/không cho phép"), max_length=64, blank=True)
    decision_date = models.DateField(gettext_lazy("Ngày văn bản"), null=True, blank=True)
    card_number = models.CharField(gettext_lazy("Số thẻ ABTC"), max_length=32, blank=True)
    card_issued_on = models.DateField(gettext_lazy("Ngày cấp thẻ"), null=True, blank=True)
    card_expires_on = models.DateField(gettext_lazy("Thẻ có giá trị đến"), null=True, blank=True)
    left_post_on = models.DateField(
        gettext_lazy("Ngày thôi giữ chức vụ, nghỉ việc"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Khi đó phải nộp lại thẻ."),
    )
    card_returned_on = models.DateField(gettext_lazy("Ngày nộp lại thẻ"), null=True, blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Hồ sơ thẻ ABTC")
        verbose_name_plural = pgettext_lazy("plural", "Thẻ đi lại của doanh nhân APEC (ABTC)")
        ordering = ["-submitted_on", "-id"]

    def __str__(self) -> str:
        return f"{self.applicant_name} — {self.enterprise}"

    def card_to_be_returned(self, today: dt.date | None = None) -> bool:
        """The holder has left the post and the card has not come back: it must be returned."""
        today = today or timezone.localdate()
        return bool(
            self.status == ApecStatus.CARD_ISSUED
            and self.left_post_on
            and self.left_post_on <= today
            and not self.card_returned_on
        )


class PressVisitStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    PROPOSED = "proposed", gettext_lazy("Đề nghị")
    APPROVED = "approved", gettext_lazy("Đã chấp thuận")
    DONE = "done", gettext_lazy("Đã thực hiện")
    CANCELLED = "cancelled", gettext_lazy("Hủy")
    __colours__ = {
        "draft": "secondary",
        "proposed": "info",
        "approved": "success",
        "done": "dark",
        "cancelled": "danger",
    }


class ForeignPressVisit(UnitOwnedModel):
    """A foreign press outlet's reporting trip in the province (phóng viên nước ngoài)."""

    owner_field: ClassVar[str] = "host_unit"

    outlet = models.CharField(gettext_lazy("Cơ quan báo chí"), max_length=255)
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Nước"), on_delete=models.PROTECT, related_name="press_visits"
    )
    journalists = models.TextField(gettext_lazy("Phóng viên (họ tên, chức danh)"))
    start_date = models.DateField(gettext_lazy("Từ ngày"))
    end_date = models.DateField(gettext_lazy("Đến ngày"))
    places = models.TextField(gettext_lazy("Địa điểm tác nghiệp"))
    topic = models.TextField(gettext_lazy("Nội dung, chủ đề"))
    accompanying_officer = models.CharField(gettext_lazy("Cán bộ đi cùng"), max_length=255, blank=True)
    host_unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị đón tiếp"), on_delete=models.PROTECT, related_name="press_visits"
    )
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=PressVisitStatus.choices,
        default=PressVisitStatus.DRAFT,
        db_index=True,
    )
    approval_ref = models.CharField(gettext_lazy("Số văn bản chấp thuận"), max_length=64, blank=True)
    approved_on = models.DateField(gettext_lazy("Ngày chấp thuận"), null=True, blank=True)
    report = models.TextField(gettext_lazy("Báo cáo kết quả"), blank=True)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = gettext_lazy("Đoàn phóng viên nước ngoài")
        verbose_name_plural = pgettext_lazy("plural", "Phóng viên nước ngoài")
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return f"{self.outlet} ({self.start_date:%d/%m/%Y})" if self.start_date else self.outlet

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(v) for v in [self.outlet, self.journalists, self.places, self.topic])
        super().save(*args, **kwargs)
