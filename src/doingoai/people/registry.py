"""Foreign students and the foreign experts, volunteers and workers in the province (personal data, Decree
13/2023/NĐ-CP: `persons.registry.PersonsRegistry`): one declaration each.

Neither is on a partner's timeline: the timeline names each record by its title, here a person's name, and its
reads are not logged as a personal record's must be."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.models import Country
from doingoai.core.registry import Menu, ReportFigure, Search, register
from doingoai.people import deadlines, filters, forms, tables
from doingoai.people.models import ForeignStudent, ForeignWorker
from doingoai.persons.registry import PersonsRegistry

PURPOSE = "Quản lý, hỗ trợ người nước ngoài học tập, làm việc tại tỉnh theo quy định"


@register
class ForeignStudentRegistry(PersonsRegistry):
    model = ForeignStudent
    path = "students/"
    queryset = ForeignStudent.objects.select_related("country", "sending_partner", "recording_unit")
    form = forms.ForeignStudentForm
    filterset = filters.ForeignStudentFilterSet
    table = tables.ForeignStudentTable
    menu = Menu("cooperation", pgettext_lazy("menu", "Lưu học sinh Lào và nước ngoài"), order=80, divider_before=True)
    search = Search(fields=["full_name", "country", "school", "programme", "status"], personal_data=True, order=62)
    api = PersonsRegistry.personal_api("foreign-students")
    report = ReportFigure(
        gettext_lazy("Lưu học sinh Lào và nước ngoài"), "created_at", gettext_lazy("tiếp nhận, ghi nhận mới"), order=77
    )

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        """A valid record (authorization matrix, API and page tests): keep it in step with the fields."""
        name, school, programme = STUDENTS[(n - 1) % len(STUDENTS)]
        return {
            "full_name": name if 1 <= n <= len(STUDENTS) else f"{name} {n}",
            "birth_year": 2003,
            "country": _country("LA"),
            "school": school,
            "programme": programme,
            "level": "university",
            "scholarship": "agreement",
            "start_year": 2024,
            "end_year": 2029,
            "status": "studying",
            "phone": f"0000 000 {200 + n:03d}",
            "purpose": PURPOSE,
            "consent_given_on": dt.date(2024, 9, 5),
            "consent_means": "written",
            "recording_unit": unit,
        }


@register
class ForeignWorkerRegistry(PersonsRegistry):
    model = ForeignWorker
    path = "workers/"
    queryset = ForeignWorker.objects.select_related("country", "organisation", "recording_unit")
    form = forms.ForeignWorkerForm
    filterset = filters.ForeignWorkerFilterSet
    table = tables.ForeignWorkerTable
    menu = Menu("cooperation", pgettext_lazy("menu", "Chuyên gia, tình nguyện viên, lao động nước ngoài"), order=81)
    search = Search(fields=["full_name", "country", "employer", "role", "place"], personal_data=True, order=63)
    api = PersonsRegistry.personal_api("foreign-workers")
    deadlines = [deadlines.PERMIT_EXPIRY]
    report = ReportFigure(
        gettext_lazy("Chuyên gia, tình nguyện viên, lao động nước ngoài"),
        "stay_from",
        gettext_lazy("bắt đầu làm việc tại tỉnh"),
        order=78,
    )

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        """A valid record (authorization matrix, API and page tests): keep it in step with the fields."""
        name, country, role, employer = WORKERS[(n - 1) % len(WORKERS)]
        return {
            "full_name": name if 1 <= n <= len(WORKERS) else f"{name} {n}",
            "birth_year": 1980,
            "country": _country(country),
            "category": "expert",
            "employer": employer,
            "role": role,
            "stay_from": dt.date(2025, 3, 1),
            "permit_kind": "work_permit",
            "permit_number": f"GP-{100 + n}",
            "permit_valid_until": dt.date(2027, 3, 1),
            "status": "present",
            "phone": f"0000 000 {300 + n:03d}",
            "purpose": PURPOSE,
            "consent_given_on": dt.date(2025, 3, 1),
            "consent_means": "written",
            "recording_unit": unit,
        }


def _country(code: str) -> Any:
    """The country of that code, made when the reference data is not loaded (tests)."""
    country = Country.objects.filter(code=code).first()
    return country or Country.objects.create(code=code, name_vi=COUNTRY_NAMES[code], name_en=code)


COUNTRY_NAMES = {"LA": "Lào", "JP": "Nhật Bản", "KR": "Hàn Quốc"}
# Example rows (invented persons).
STUDENTS = [
    ("Souksavanh Minh Họa", "Trường Đại học Vinh", "Sư phạm Ngữ văn"),
    ("Phonesavanh Minh Họa", "Trường Đại học Y khoa Vinh", "Y khoa"),
    ("Bounmy Minh Họa", "Trường Cao đẳng Kỹ thuật Việt – Đức Nghệ An", "Công nghệ ô tô"),
]
WORKERS = [
    ("Tanaka Minh Họa", "JP", "Chuyên gia kỹ thuật", "Công ty TNHH minh họa"),
    ("Kim Minh Họa", "KR", "Giáo viên tiếng Hàn", "Trung tâm ngoại ngữ minh họa"),
    ("Vongsa Minh Họa", "LA", "Chuyên gia nông nghiệp", "Dự án hợp tác minh họa"),
]
