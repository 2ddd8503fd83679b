"""Choice sets shared by the apps (value in English, label in the documents' Vietnamese)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language, gettext_lazy


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

    MONTHLY = "monthly", gettext_lazy("Hằng tháng")
    QUARTERLY = "quarterly", gettext_lazy("Hằng quý")
    SEMIANNUAL = "semiannual", gettext_lazy("6 tháng")
    ANNUAL = "annual", gettext_lazy("Hằng năm")
    ADHOC = "adhoc", gettext_lazy("Đột xuất")


class Role(models.TextChoices):
    COORDINATOR = "coordinator", gettext_lazy("Cơ quan điều phối (Sở Ngoại vụ)")
    UNIT_OFFICER = "unit_officer", gettext_lazy("Cán bộ đơn vị")
    LEADER = "leader", gettext_lazy("Lãnh đạo tỉnh")
    FINANCE = "finance", gettext_lazy("Sở Tài chính")
    ADMIN = "admin", gettext_lazy("Quản trị hệ thống")


class UnitKind(models.TextChoices):
    PARTY = "party", gettext_lazy("Cơ quan Đảng")
    COUNCIL = "council", gettext_lazy("Hội đồng nhân dân")
    PEOPLES_COMMITTEE = "peoples_committee", gettext_lazy("Ủy ban nhân dân")
    DEPARTMENT = "department", gettext_lazy("Sở, ban, ngành")
    MASS_ORG = "mass_org", gettext_lazy("Đoàn thể, tổ chức chính trị - xã hội")
    ARMED_FORCE = "armed_force", gettext_lazy("Lực lượng vũ trang")
    DISTRICT = "district", gettext_lazy("Huyện, thành phố, thị xã")
    COMMUNE = "commune", gettext_lazy("Xã, phường, thị trấn")
    ENTERPRISE = "enterprise", gettext_lazy("Doanh nghiệp, đơn vị sự nghiệp")


class Region(models.TextChoices):
    LAO = "lao", gettext_lazy("Lào")
    SEA = "sea", gettext_lazy("Đông Nam Á")
    NEA = "nea", gettext_lazy("Đông Bắc Á")
    EUROPE = "europe", gettext_lazy("Châu Âu")
    AMERICAS = "americas", gettext_lazy("Châu Mỹ")
    OCEANIA = "oceania", gettext_lazy("Châu Đại Dương")
    OTHER = "other", gettext_lazy("Khác")


class PartnerKind(models.TextChoices):
    LOCALITY = "locality", gettext_lazy("Địa phương nước ngoài")
    GOVERNMENT = "government", gettext_lazy("Cơ quan chính phủ")
    MISSION = "mission", gettext_lazy("Cơ quan đại diện (ĐSQ, TLSQ)")
    INTL_ORG = "intl_org", gettext_lazy("Tổ chức quốc tế")
    NGO = "ngo", gettext_lazy("Tổ chức phi chính phủ nước ngoài")
    BUSINESS_ASSOC = "business_assoc", gettext_lazy("Hiệp hội doanh nghiệp")
    ENTERPRISE = "enterprise", gettext_lazy("Doanh nghiệp")
    PARTY = "party", gettext_lazy("Chính đảng")
    UNIVERSITY = "university", gettext_lazy("Trường đại học, viện")


class DelegationGroup(models.TextChoices):
    """Who decides a delegation (the appendices group them so); the competent-authority rules name it."""

    CENTRAL_LEADERS = "central_leaders", gettext_lazy("Lãnh đạo tỉnh thuộc diện Bộ Chính trị, Ban Bí thư quản lý")
    PROVINCIAL_LEADERS = "provincial_leaders", gettext_lazy("Lãnh đạo tỉnh")
    DEPARTMENTS = "departments", gettext_lazy("Sở, ban, ngành, đoàn thể cấp tỉnh")
    ARMED_FORCES = "armed_forces", gettext_lazy("Lực lượng vũ trang (Công an, Quân sự, Biên phòng)")
    DISTRICTS = "districts", gettext_lazy("Huyện, thành phố, thị xã, xã")


class FundingSource(models.TextChoices):
    PROVINCE = "province", gettext_lazy("Ngân sách tỉnh")
    DISTRICT = "district", gettext_lazy("Ngân sách huyện")
    CENTRAL = "central", gettext_lazy("Ngân sách Trung ương (Bộ, ngành)")
    SECTOR = "sector", gettext_lazy("Kinh phí sự nghiệp, nghiệp vụ của ngành")
    SELF_FINANCED = "self_financed", gettext_lazy("Nguồn tự chủ của đơn vị")
    PARTNER = "partner", gettext_lazy("Đối tác tài trợ")
    SELF_PAID = "self_paid", gettext_lazy("Tự túc")
    OTHER = "other", gettext_lazy("Khác")

    @classmethod
    def state_budget(cls) -> set[str]:
        """Sources that are state budget (the plans group delegations by this)."""
        return {cls.PROVINCE, cls.DISTRICT, cls.CENTRAL, cls.SECTOR, cls.SELF_FINANCED}


# Shown in the user's language; a reporting period's stored name takes them in Vietnamese (reporting.schedule).
QUARTER_LABELS = {
    1: gettext_lazy("Quý I"),
    2: gettext_lazy("Quý II"),
    3: gettext_lazy("Quý III"),
    4: gettext_lazy("Quý IV"),
}


class Competence(models.TextChoices):
    """Subjects that belong to competent bodies: only the units declared competent for one (data an
    administrator edits, `CompetentUnit`) write its records, beside the coordinator and the administrator."""

    BORDER = "border", gettext_lazy("Biên giới: mốc quốc giới, cửa khẩu")
    CONSULAR = "consular", gettext_lazy("Bảo hộ công dân")
    APEC = "apec", gettext_lazy("Thẻ đi lại của doanh nhân APEC (ABTC)")
    PERSONAL_DATA = "personal_data", gettext_lazy("Dữ liệu cá nhân kiều bào")


def choice_label(field: Any, value: Any) -> Any:
    """What `get_FOO_display()` gives for `value` of a field with choices, from a table of the field's labels
    made once per language. Django's own builds a dict of every choice, and translates each label to hash it, on
    every call (~90 µs for a seven-status field: a list page asks it twice per row and status column). A field
    whose choices are not a fixed list (a callable) goes Django's way."""
    key = make_hashable(value)
    if not isinstance(field.choices, list | tuple):
        labels = dict(make_hashable(field.flatchoices))
        return force_str(labels.get(key, value), strings_only=True)
    try:
        return _labels(field, get_language())[key]
    except KeyError:
        return force_str(value, strings_only=True)


@cache
def _labels(field: Any, language: str | None) -> dict[Any, Any]:
    return {make_hashable(choice): force_str(label, strings_only=True) for choice, label in field.flatchoices}
