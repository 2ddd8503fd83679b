"""Choice sets shared by the apps (value in English, label in the documents' Vietnamese)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from django.db import models


class StatusChoices(models.TextChoices):
    """A registry's statuses, each with the Bootstrap colour of its badge::

    class DelegationStatus(StatusChoices):
        DRAFT = "draft", "Dự thảo"
        DONE = "done", "Đã thực hiện"
        __colours__ = {"draft": "secondary", "done": "dark"}   # others: "secondary"
    """

    __colours__: Mapping[str, str] = {}

    @property
    def colour(self) -> str:
        return type(self).__colours__.get(self.value, "secondary")

    @classmethod
    def colours_for(cls, model: Any) -> Mapping[str, str]:
        """The colours of `model`'s `status` field (the StatusChoices subclass with the same choices)."""
        return _colours_for(model)


@cache
def _colours_for(model: Any) -> Mapping[str, str]:
    try:
        choices = list(model._meta.get_field("status").choices or ())
    except Exception:
        return {}
    pending = list(StatusChoices.__subclasses__())
    while pending:
        sub = pending.pop()
        pending += sub.__subclasses__()
        if sub.choices == choices:
            return dict(sub.__colours__)
    return {}


class PeriodKind(models.TextChoices):
    """Kinds of reporting period (a plan's reporting regime, the reporting periods)."""

    MONTHLY = "monthly", "Hằng tháng"
    QUARTERLY = "quarterly", "Hằng quý"
    SEMIANNUAL = "semiannual", "6 tháng"
    ANNUAL = "annual", "Hằng năm"
    ADHOC = "adhoc", "Đột xuất"


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "Cơ quan điều phối (Sở Ngoại vụ)"
    UNIT_OFFICER = "unit_officer", "Cán bộ đơn vị"
    LEADER = "leader", "Lãnh đạo tỉnh"
    FINANCE = "finance", "Sở Tài chính"
    ADMIN = "admin", "Quản trị hệ thống"


class UnitKind(models.TextChoices):
    PARTY = "party", "Cơ quan Đảng"
    COUNCIL = "council", "Hội đồng nhân dân"
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
    DEPARTMENT = "department", "Sở, ban, ngành"
    MASS_ORG = "mass_org", "Đoàn thể, tổ chức chính trị - xã hội"
    ARMED_FORCE = "armed_force", "Lực lượng vũ trang"
    DISTRICT = "district", "Huyện, thành phố, thị xã"
    COMMUNE = "commune", "Xã, phường, thị trấn"
    ENTERPRISE = "enterprise", "Doanh nghiệp, đơn vị sự nghiệp"


class Region(models.TextChoices):
    LAO = "lao", "Lào"
    SEA = "sea", "Đông Nam Á"
    NEA = "nea", "Đông Bắc Á"
    EUROPE = "europe", "Châu Âu"
    AMERICAS = "americas", "Châu Mỹ"
    OCEANIA = "oceania", "Châu Đại Dương"
    OTHER = "other", "Khác"


class PartnerKind(models.TextChoices):
    LOCALITY = "locality", "Địa phương nước ngoài"
    GOVERNMENT = "government", "Cơ quan chính phủ"
    MISSION = "mission", "Cơ quan đại diện (ĐSQ, TLSQ)"
    INTL_ORG = "intl_org", "Tổ chức quốc tế"
    NGO = "ngo", "Tổ chức phi chính phủ nước ngoài"
    BUSINESS_ASSOC = "business_assoc", "Hiệp hội doanh nghiệp"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    PARTY = "party", "Chính đảng"
    UNIVERSITY = "university", "Trường đại học, viện"


class DelegationGroup(models.TextChoices):
    """Who decides a delegation (the appendices group them so); the competent-authority rules name it."""

    CENTRAL_LEADERS = "central_leaders", "Lãnh đạo tỉnh thuộc diện Bộ Chính trị, Ban Bí thư quản lý"
    PROVINCIAL_LEADERS = "provincial_leaders", "Lãnh đạo tỉnh"
    DEPARTMENTS = "departments", "Sở, ban, ngành, đoàn thể cấp tỉnh"
    ARMED_FORCES = "armed_forces", "Lực lượng vũ trang (Công an, Quân sự, Biên phòng)"
    DISTRICTS = "districts", "Huyện, thành phố, thị xã, xã"


class FundingSource(models.TextChoices):
    PROVINCE = "province", "Ngân sách tỉnh"
    DISTRICT = "district", "Ngân sách huyện"
    CENTRAL = "central", "Ngân sách Trung ương (Bộ, ngành)"
    SECTOR = "sector", "Kinh phí sự nghiệp, nghiệp vụ của ngành"
    SELF_FINANCED = "self_financed", "Nguồn tự chủ của đơn vị"
    PARTNER = "partner", "Đối tác tài trợ"
    SELF_PAID = "self_paid", "Tự túc"
    OTHER = "other", "Khác"

    @classmethod
    def state_budget(cls) -> set[str]:
        """Sources that are state budget (the plans group delegations by this)."""
        return {cls.PROVINCE, cls.DISTRICT, cls.CENTRAL, cls.SECTOR, cls.SELF_FINANCED}


QUARTER_LABELS = {1: "Quý I", 2: "Quý II", 3: "Quý III", 4: "Quý IV"}


class Competence(models.TextChoices):
    """Subjects that belong to competent bodies: only the units declared competent for one (data an
    administrator edits, `CompetentUnit`) write its records, beside the coordinator and the administrator."""

    BORDER = "border", "Biên giới: mốc quốc giới, cửa khẩu"
    CONSULAR = "consular", "Bảo hộ công dân"
    APEC = "apec", "Thẻ đi lại của doanh nhân APEC (ABTC)"
    PERSONAL_DATA = "personal_data", "Dữ liệu cá nhân kiều bào"
