"""Foreigners studying or working in the province, under Decree 13/2023/NĐ-CP on personal data
(`doingoai.persons`): Lao and other foreign students (school, programme, scholarship, years, status), and the
foreign experts, volunteers and workers reported to the province (organisation, role, stay, permit and its
expiry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core.choices import StatusChoices
from doingoai.core.models import Country, Partner
from doingoai.persons.masking import mask_address, mask_email, mask_phone
from doingoai.persons.models import ERASED_LABEL, PersonalDataModel
from doingoai.reference.text import search_key

CONTACTS: dict[str, Callable[[str], str]] = {"phone": mask_phone, "email": mask_email, "address": mask_address}


class StudyLevel(models.TextChoices):
    LANGUAGE = "language", gettext_lazy("Dự bị tiếng Việt")
    VOCATIONAL = "vocational", gettext_lazy("Trung cấp, cao đẳng")
    UNIVERSITY = "university", gettext_lazy("Đại học")
    MASTER = "master", gettext_lazy("Thạc sĩ")
    DOCTOR = "doctor", gettext_lazy("Tiến sĩ")
    SHORT = "short", gettext_lazy("Bồi dưỡng ngắn hạn")


class ScholarshipSource(models.TextChoices):
    AGREEMENT = "agreement", gettext_lazy("Hiệp định Chính phủ Việt Nam – Lào")
    PROVINCE = "province", gettext_lazy("Ngân sách tỉnh (thỏa thuận hợp tác với tỉnh bạn)")
    SCHOOL = "school", gettext_lazy("Học bổng của cơ sở đào tạo")
    SELF = "self", gettext_lazy("Tự túc")
    OTHER = "other", gettext_lazy("Nguồn khác")


class StudentStatus(StatusChoices):
    STUDYING = "studying", gettext_lazy("Đang học")
    PAUSED = "paused", gettext_lazy("Tạm dừng học")
    GRADUATED = "graduated", gettext_lazy("Đã tốt nghiệp")
    LEFT = "left", gettext_lazy("Thôi học, về nước")
    __colours__ = {"studying": "success", "paused": "warning", "graduated": "dark", "left": "secondary"}


class WorkerCategory(models.TextChoices):
    EXPERT = "expert", gettext_lazy("Chuyên gia")
    VOLUNTEER = "volunteer", gettext_lazy("Tình nguyện viên")
    WORKER = "worker", gettext_lazy("Người lao động")
    OTHER = "other", gettext_lazy("Khác")


class WorkPermitKind(models.TextChoices):
    WORK_PERMIT = "work_permit", gettext_lazy("Giấy phép lao động")
    EXEMPTION = "exemption", gettext_lazy("Xác nhận không thuộc diện cấp giấy phép lao động")
    RESIDENCE = "residence", gettext_lazy("Thẻ tạm trú")
    VISA = "visa", gettext_lazy("Thị thực")
    OTHER = "other", gettext_lazy("Giấy tờ khác")


class WorkerStatus(StatusChoices):
    PRESENT = "present", gettext_lazy("Đang làm việc tại tỉnh")
    LEFT = "left", gettext_lazy("Đã rời tỉnh")
    __colours__ = {"present": "success", "left": "secondary"}


def contact_fields() -> tuple[models.Field, ...]:
    """Phone, e-mail, address and note: declared last in each register, so its page shows them after the rest."""
    return (
        models.CharField(gettext("Điện thoại"), max_length=64, blank=True),
        models.EmailField(gettext("Thư điện tử"), blank=True),
        models.CharField(gettext("Nơi ở tại tỉnh"), max_length=500, blank=True),
        models.TextField(gettext("Ghi chú"), blank=True),
    )


class PersonRecord(PersonalDataModel):
    """What both registers keep of a person: name, year of birth, nationality (masked contacts: `contact_fields`)."""

    masked_fields: ClassVar[dict[str, Callable[[str], str]]] = CONTACTS
    full_name = models.CharField(gettext_lazy("Họ và tên"), max_length=255)
    birth_year = models.PositiveSmallIntegerField(gettext_lazy("Năm sinh"), null=True, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=gettext_lazy("Quốc tịch"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.full_name or f"{ERASED_LABEL} #{self.pk}"

    def search_parts(self) -> list[str]:
        return [self.full_name]

    @property
    def late_label(self) -> str:
        """How the home page's late lists name the record: its kind and number, not the person (no read logged)."""
        return self.record_label

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join(search_key(v) for v in self.search_parts() if v)
        super().save(*args, **kwargs)


class ForeignStudent(PersonRecord):
    erasable_fields: ClassVar[tuple[str, ...]] = ("full_name", "birth_year", "phone", "email", "address", "note")

    school = models.CharField(gettext_lazy("Cơ sở đào tạo"), max_length=255)
    programme = models.CharField(gettext_lazy("Ngành, chương trình học"), max_length=255)
    level = models.CharField(
        gettext_lazy("Trình độ"), max_length=16, choices=StudyLevel.choices, default=StudyLevel.UNIVERSITY
    )
    scholarship = models.CharField(
        gettext_lazy("Nguồn học bổng"),
        max_length=16,
        choices=ScholarshipSource.choices,
        default=ScholarshipSource.AGREEMENT,
    )
    sending_partner = models.ForeignKey(
        Partner,
        verbose_name=gettext_lazy("Đối tác cử đi học (danh mục)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    start_year = models.PositiveSmallIntegerField(gettext_lazy("Năm nhập học"))
    end_year = models.PositiveSmallIntegerField(gettext_lazy("Năm dự kiến tốt nghiệp"), null=True, blank=True)
    status = models.CharField(
        gettext_lazy("Tình trạng học tập"),
        max_length=16,
        choices=StudentStatus.choices,
        default=StudentStatus.STUDYING,
        db_index=True,
    )
    phone, email, address, note = contact_fields()

    class Meta:
        verbose_name = gettext_lazy("Lưu học sinh nước ngoài")
        verbose_name_plural = pgettext_lazy("plural", "Lưu học sinh Lào và nước ngoài")
        ordering = ["school", "full_name", "id"]
        indexes = [models.Index(fields=["recording_unit", "status"])]

    def search_parts(self) -> list[str]:
        return [self.full_name, self.school, self.programme]


class ForeignWorker(PersonRecord):
    erasable_fields: ClassVar[tuple[str, ...]] = (
        "full_name",
        "birth_year",
        "passport_number",
        "permit_number",
        "phone",
        "email",
        "address",
        "note",
    )

    category = models.CharField(
        gettext_lazy("Diện"), max_length=16, choices=WorkerCategory.choices, default=WorkerCategory.EXPERT
    )
    passport_number = models.CharField(gettext_lazy("Số hộ chiếu"), max_length=32, blank=True)
    organisation = models.ForeignKey(
        "foreignorgs.ForeignOrganisation",
        verbose_name=gettext_lazy("Tổ chức nước ngoài (danh sách theo dõi)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    employer = models.CharField(
        gettext_lazy("Cơ quan, tổ chức sử dụng"),
        max_length=255,
        blank=True,
        help_text=gettext_lazy("Ghi khi tổ chức không có trong danh sách tổ chức nước ngoài theo dõi."),
    )
    role = models.CharField(gettext_lazy("Vị trí, công việc"), max_length=255)
    place = models.CharField(gettext_lazy("Địa bàn làm việc"), max_length=255, blank=True)
    stay_from = models.DateField(gettext_lazy("Làm việc tại tỉnh từ ngày"), null=True, blank=True)
    stay_until = models.DateField(gettext_lazy("Đến ngày"), null=True, blank=True)
    permit_kind = models.CharField(
        gettext_lazy("Loại giấy phép"),
        max_length=16,
        choices=WorkPermitKind.choices,
        default=WorkPermitKind.WORK_PERMIT,
    )
    permit_number = models.CharField(gettext_lazy("Số giấy phép"), max_length=64, blank=True)
    permit_valid_until = models.DateField(gettext_lazy("Giấy phép có giá trị đến"), null=True, blank=True)
    status = models.CharField(
        gettext_lazy("Tình trạng"),
        max_length=16,
        choices=WorkerStatus.choices,
        default=WorkerStatus.PRESENT,
        db_index=True,
    )
    phone, email, address, note = contact_fields()

    class Meta:
        verbose_name = gettext_lazy("Chuyên gia, lao động nước ngoài")
        verbose_name_plural = pgettext_lazy("plural", "Chuyên gia, tình nguyện viên, lao động nước ngoài")
        ordering = ["full_name", "id"]
        indexes = [models.Index(fields=["recording_unit", "status"])]

    def search_parts(self) -> list[str]:
        return [self.full_name, self.employer, self.role, self.place]

    @property
    def employer_display(self) -> str:
        return str(self.organisation) if self.organisation_id else self.employer
