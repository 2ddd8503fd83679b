"""Foreigners studying or working in the province, under Decree 13/2023/NĐ-CP on personal data
(`doingoai.persons`): Lao and other foreign students (school, programme, scholarship, years, status), and the
foreign experts, volunteers and workers reported to the province (organisation, role, stay, permit and its
expiry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.db import models

from doingoai.core.choices import StatusChoices
from doingoai.core.models import Country, Partner
from doingoai.persons.masking import mask_address, mask_email, mask_phone
from doingoai.persons.models import ERASED_LABEL, PersonalDataModel
from doingoai.reference.text import search_key

CONTACTS: dict[str, Callable[[str], str]] = {"phone": mask_phone, "email": mask_email, "address": mask_address}


class StudyLevel(models.TextChoices):
    LANGUAGE = "language", "Dự bị tiếng Việt"
    VOCATIONAL = "vocational", "Trung cấp, cao đẳng"
    UNIVERSITY = "university", "Đại học"
    MASTER = "master", "Thạc sĩ"
    DOCTOR = "doctor", "Tiến sĩ"
    SHORT = "short", "Bồi dưỡng ngắn hạn"


class ScholarshipSource(models.TextChoices):
    AGREEMENT = "agreement", "Hiệp định Chính phủ Việt Nam – Lào"
    PROVINCE = "province", "Ngân sách tỉnh (thỏa thuận hợp tác với tỉnh bạn)"
    SCHOOL = "school", "Học bổng của cơ sở đào tạo"
    SELF = "self", "Tự túc"
    OTHER = "other", "Nguồn khác"


class StudentStatus(StatusChoices):
    STUDYING = "studying", "Đang học"
    PAUSED = "paused", "Tạm dừng học"
    GRADUATED = "graduated", "Đã tốt nghiệp"
    LEFT = "left", "Thôi học, về nước"
    __colours__ = {"studying": "success", "paused": "warning", "graduated": "dark", "left": "secondary"}


class WorkerCategory(models.TextChoices):
    EXPERT = "expert", "Chuyên gia"
    VOLUNTEER = "volunteer", "Tình nguyện viên"
    WORKER = "worker", "Người lao động"
    OTHER = "other", "Khác"


class WorkPermitKind(models.TextChoices):
    WORK_PERMIT = "work_permit", "Giấy phép lao động"
    EXEMPTION = "exemption", "Xác nhận không thuộc diện cấp giấy phép lao động"
    RESIDENCE = "residence", "Thẻ tạm trú"
    VISA = "visa", "Thị thực"
    OTHER = "other", "Giấy tờ khác"


class WorkerStatus(StatusChoices):
    PRESENT = "present", "Đang làm việc tại tỉnh"
    LEFT = "left", "Đã rời tỉnh"
    __colours__ = {"present": "success", "left": "secondary"}


def contact_fields() -> tuple[models.Field, ...]:
    """Phone, e-mail, address and note: declared last in each register, so its page shows them after the rest."""
    return (
        models.CharField("Điện thoại", max_length=64, blank=True),
        models.EmailField("Thư điện tử", blank=True),
        models.CharField("Nơi ở tại tỉnh", max_length=500, blank=True),
        models.TextField("Ghi chú", blank=True),
    )


class PersonRecord(PersonalDataModel):
    """What both registers keep of a person: name, year of birth, nationality (masked contacts: `contact_fields`)."""

    masked_fields: ClassVar[dict[str, Callable[[str], str]]] = CONTACTS
    full_name = models.CharField("Họ và tên", max_length=255)
    birth_year = models.PositiveSmallIntegerField("Năm sinh", null=True, blank=True)
    country = models.ForeignKey(Country, verbose_name="Quốc tịch", on_delete=models.PROTECT, related_name="+")

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

    school = models.CharField("Cơ sở đào tạo", max_length=255)
    programme = models.CharField("Ngành, chương trình học", max_length=255)
    level = models.CharField("Trình độ", max_length=16, choices=StudyLevel.choices, default=StudyLevel.UNIVERSITY)
    scholarship = models.CharField(
        "Nguồn học bổng", max_length=16, choices=ScholarshipSource.choices, default=ScholarshipSource.AGREEMENT
    )
    sending_partner = models.ForeignKey(
        Partner,
        verbose_name="Đối tác cử đi học (danh mục)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    start_year = models.PositiveSmallIntegerField("Năm nhập học")
    end_year = models.PositiveSmallIntegerField("Năm dự kiến tốt nghiệp", null=True, blank=True)
    status = models.CharField(
        "Tình trạng học tập",
        max_length=16,
        choices=StudentStatus.choices,
        default=StudentStatus.STUDYING,
        db_index=True,
    )
    phone, email, address, note = contact_fields()

    class Meta:
        verbose_name = "Lưu học sinh nước ngoài"
        verbose_name_plural = "Lưu học sinh Lào và nước ngoài"
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

    category = models.CharField("Diện", max_length=16, choices=WorkerCategory.choices, default=WorkerCategory.EXPERT)
    passport_number = models.CharField("Số hộ chiếu", max_length=32, blank=True)
    organisation = models.ForeignKey(
        "foreignorgs.ForeignOrganisation",
        verbose_name="Tổ chức nước ngoài (danh sách theo dõi)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    employer = models.CharField(
        "Cơ quan, tổ chức sử dụng",
        max_length=255,
        blank=True,
        help_text="Ghi khi tổ chức không có trong danh sách tổ chức nước ngoài theo dõi.",
    )
    role = models.CharField("Vị trí, công việc", max_length=255)
    place = models.CharField("Địa bàn làm việc", max_length=255, blank=True)
    stay_from = models.DateField("Làm việc tại tỉnh từ ngày", null=True, blank=True)
    stay_until = models.DateField("Đến ngày", null=True, blank=True)
    permit_kind = models.CharField(
        "Loại giấy phép", max_length=16, choices=WorkPermitKind.choices, default=WorkPermitKind.WORK_PERMIT
    )
    permit_number = models.CharField("Số giấy phép", max_length=64, blank=True)
    permit_valid_until = models.DateField("Giấy phép có giá trị đến", null=True, blank=True)
    status = models.CharField(
        "Tình trạng",
        max_length=16,
        choices=WorkerStatus.choices,
        default=WorkerStatus.PRESENT,
        db_index=True,
    )
    phone, email, address, note = contact_fields()

    class Meta:
        verbose_name = "Chuyên gia, lao động nước ngoài"
        verbose_name_plural = "Chuyên gia, tình nguyện viên, lao động nước ngoài"
        ordering = ["full_name", "id"]
        indexes = [models.Index(fields=["recording_unit", "status"])]

    def search_parts(self) -> list[str]:
        return [self.full_name, self.employer, self.role, self.place]

    @property
    def employer_display(self) -> str:
        return str(self.organisation) if self.organisation_id else self.employer
