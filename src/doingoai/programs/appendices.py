"""Phụ lục 1–4 of the year's programme, drawn live from the registries: which records count (statuses that mean
"in the plan"), the columns of each appendix, and the grouping of the printed programmes, with the count in every
group header ("ĐOÀN ĐI NƯỚC CHDCND LÀO: 09 đoàn")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext

from doingoai.agreements.models import Agreement, AgreementStatus
from doingoai.conferences.models import Conference, ConferenceStatus
from doingoai.core.choices import Region
from doingoai.core.models import Unit
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.documents.decree30 import Appendix, GroupRow
from doingoai.documents.gazetteer import BLOCS

# ------------------------------------------------------------------------------------------------ what counts

# Statuses that put a record into the year's plan (the appendices of the programme).
PLAN_DELEGATION_STATUSES = (
    DelegationStatus.IN_PLAN,
    DelegationStatus.APPROVED,
    DelegationStatus.DONE,
    DelegationStatus.POSTPONED,
)
# Conferences and agreements enter the programme as consolidated proposals and stay in it along their workflow.
PLAN_CONFERENCE_STATUSES = (
    ConferenceStatus.PROPOSED,
    ConferenceStatus.PERMITTED,
    ConferenceStatus.HELD,
    ConferenceStatus.REPORTED,
    ConferenceStatus.POSTPONED,
)
PLAN_AGREEMENT_STATUSES = tuple(s for s in AgreementStatus.values if s not in {"draft", "cancelled"})

OUT_COLUMNS = [
    "TT",
    "Tên đoàn",
    "Danh nghĩa đoàn",
    "Trưởng đoàn",
    "Số người",
    "Đến nước",
    "Đối tác làm việc",
    "Nội dung hoạt động",
    "Số ngày",
    "Thời gian thực hiện",
    "Nguồn kinh phí",
]
OUT_WIDTHS = [1.0, 2.6, 2.1, 2.1, 3.4, 1.7, 2.6, 4.0, 1.9, 1.8, 2.0]
IN_COLUMNS = [
    "TT",
    "Tên đoàn",
    "Danh nghĩa đoàn",
    "Trưởng đoàn",
    "Số người",
    "Đến từ nước",
    "Nội dung hoạt động",
    "Số ngày",
    "Thời gian thực hiện",
    "Nguồn kinh phí",
]
IN_WIDTHS = [1.0, 3.1, 2.3, 2.3, 3.2, 2.0, 4.8, 1.9, 2.2, 2.4]
CONFERENCE_COLUMNS = [
    "TT",
    "Tên/Chủ đề/Nội dung hội nghị, hội thảo",
    "Cơ quan, tổ chức nước ngoài phối hợp thực hiện",
    "Người Việt Nam",
    "Người nước ngoài ở trong nước",
    "Người nước ngoài từ nước ngoài",
    "Đến từ nước",
    "Thời gian thực hiện",
    "Số ngày",
    "Nguồn kinh phí",
    "Cơ quan cấp phép",
]
CONFERENCE_WIDTHS = [1.0, 4.6, 3.4, 1.7, 1.9, 1.9, 2.0, 2.0, 1.4, 2.4, 2.9]
CONFERENCE_GROUPS = [("", 1), ("", 1), ("", 1), ("Số lượng đại biểu", 3), ("", 1), ("", 1), ("", 1), ("", 1), ("", 1)]
AGREEMENT_COLUMNS = [
    "TT",
    "Cơ quan, địa phương đề xuất ký",
    "Danh nghĩa ký",
    "Loại văn bản",
    "Tên văn bản",
    "Nước ký",
    "Tên đối tác",
    "Thời điểm dự kiến ký",
    "Dự kiến cấp ký",
    "Cấp có thẩm quyền phê duyệt",
    "Ghi chú",
]
AGREEMENT_WIDTHS = [1.0, 2.6, 2.0, 2.0, 4.6, 1.6, 2.6, 1.8, 3.0, 2.4, 1.6]

REGION_ORDER = [r.value for r in Region]
OUT_REGION_HEADINGS: dict[str, str] = {
    Region.LAO: "ĐOÀN ĐI NƯỚC CHDCND LÀO",
    Region.SEA: "ĐOÀN ĐI CÁC NƯỚC ĐÔNG NAM Á (TRỪ LÀO)",
    Region.NEA: "ĐOÀN ĐI CÁC NƯỚC ĐÔNG BẮC Á",
    Region.EUROPE: "ĐOÀN ĐI CÁC NƯỚC CHÂU ÂU",
    Region.AMERICAS: "ĐOÀN ĐI CÁC NƯỚC CHÂU MỸ",
    Region.OCEANIA: "ĐOÀN ĐI CÁC NƯỚC CHÂU ĐẠI DƯƠNG",
    Region.OTHER: "ĐOÀN ĐI CÁC NƯỚC KHÁC",
}
IN_REGION_HEADINGS: dict[str, str] = {
    Region.LAO: "Đoàn vào từ nước CHDCND Lào",
    Region.SEA: "Đoàn vào từ các nước Đông Nam Á (trừ Lào)",
    Region.NEA: "Đoàn vào từ các nước Đông Bắc Á",
    Region.EUROPE: "Đoàn vào từ các nước châu Âu",
    Region.AMERICAS: "Đoàn vào từ các nước châu Mỹ",
    Region.OCEANIA: "Đoàn vào từ các nước châu Đại Dương",
    Region.OTHER: "Đoàn vào từ các nước khác",
}
OUT_GROUP_HEADINGS = {
    DelegationGroup.CENTRAL_LEADERS: "ĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH THUỘC DIỆN BỘ CHÍNH TRỊ, BAN BÍ THƯ QUẢN LÝ",
    DelegationGroup.PROVINCIAL_LEADERS: "ĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH",
    DelegationGroup.DEPARTMENTS: "ĐOÀN ĐI NƯỚC NGOÀI CỦA CÁC SỞ, BAN, NGÀNH, ĐOÀN THỂ VÀ LỰC LƯỢNG VŨ TRANG CẤP TỈNH",
    DelegationGroup.DISTRICTS: "ĐOÀN ĐI NƯỚC NGOÀI CỦA CÁC HUYỆN, THÀNH PHỐ, THỊ XÃ VÀ XÃ",
}
DEPARTMENTS_SUBGROUP = "Đoàn ra của các sở, ban, ngành, đoàn thể cấp tỉnh"
IN_BUDGET_HEADINGS = {True: "ĐOÀN SỬ DỤNG NGÂN SÁCH NHÀ NƯỚC", False: "ĐOÀN VÀO KHÔNG SỬ DỤNG NGÂN SÁCH NHÀ NƯỚC"}
IN_HOST_HEADINGS = {
    True: "ĐOÀN VÀO LÀM VIỆC VỚI LÃNH ĐẠO TỈNH",
    False: "ĐOÀN VÀO LÀM VIỆC VỚI CÁC SỞ, BAN, NGÀNH, ĐỊA PHƯƠNG",
}
LEADER_GROUPS = {DelegationGroup.CENTRAL_LEADERS, DelegationGroup.PROVINCIAL_LEADERS}

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL")]
ROMAN += [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


LETTERS = "ABCDEFGHIKLMNOPQRSTUVXY"  # Vietnamese documents skip J and W


# ------------------------------------------------------------------------------------------------ plan rows


@dataclass
class PlanRow:
    key: str  # "delegation:12": model and id of the record
    cells: list[str]  # one per column after "TT"
    url: str = ""
    status: str = ""  # the record's status: a postponed or cancelled one is out of the plan (version diffs)


@dataclass
class PlanGroup:
    label: str  # "A", "I", "-" (empty for the root)
    text: str  # the heading without its count
    noun: str = "đoàn"
    rows: list[PlanRow] = field(default_factory=list)
    groups: list[PlanGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows) + sum(g.count for g in self.groups)

    @property
    def heading(self) -> str:
        return f"{self.text}: {self.count:02d} {self.noun}"


@dataclass
class PlanAppendix:
    number: str
    title: str
    columns: list[str]
    widths_cm: list[float]
    root: PlanGroup
    column_groups: list[tuple[str, int]] | None = None
    noun: str = "đoàn"

    @property
    def count(self) -> int:
        return self.root.count

    def walk(self) -> Iterator[tuple[tuple[str, ...], PlanGroup | PlanRow]]:
        """Groups and rows in print order, each with the path of group headings above it."""

        def visit(group: PlanGroup, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], PlanGroup | PlanRow]]:
            for row in group.rows:
                yield path, row
            for sub in group.groups:
                yield path, sub
                yield from visit(sub, (*path, sub.text))

        return visit(self.root, ())

    def lines(self) -> list[tuple[str, str, PlanGroup | PlanRow]]:
        """("group", "A", group) and ("row", "12", row) in print order, rows numbered as printed."""
        out: list[tuple[str, str, PlanGroup | PlanRow]] = []
        number = 0
        for _, node in self.walk():
            if isinstance(node, PlanGroup):
                out.append(("group", node.label, node))
            else:
                number += 1
                out.append(("row", str(number), node))
        return out

    def to_appendix(self, subtitle: str) -> Appendix:
        rows: list[list[str] | GroupRow] = []
        for _, node in self.walk():
            if isinstance(node, PlanGroup):
                rows.append(GroupRow(node.label, node.heading))
            else:
                rows.append(list(node.cells))
        return Appendix(
            number=self.number,
            title=self.title,
            subtitle=subtitle,
            columns=list(self.columns),
            rows=rows,
            widths_cm=list(self.widths_cm),
            column_groups=list(self.column_groups) if self.column_groups else None,
        )

    def snapshot(self) -> dict[str, Any]:
        rows = [
            {
                "key": node.key,
                "group": " › ".join(path),
                "cells": dict(zip(self.columns[1:], node.cells, strict=True)),
                "status": node.status,
            }
            for path, node in self.walk()
            if isinstance(node, PlanRow)
        ]
        return {"number": self.number, "title": self.title, "columns": self.columns[1:], "rows": rows}


def _label_groups(groups: list[PlanGroup], labels: Callable[[int], str]) -> list[PlanGroup]:
    """Keep the groups that have rows and letter them in order (A, B, C… or I, II, III…)."""
    kept = [g for g in groups if g.count]
    for i, group in enumerate(kept, start=1):
        group.label = labels(i)
    return kept


def _letter(i: int) -> str:
    return LETTERS[i - 1] if i <= len(LETTERS) else str(i)


def _dash(_: int) -> str:
    return "-"


def _names(items: Any) -> str:
    return ", ".join(str(x) for x in items)


def _destinations(d: Delegation) -> str:
    """The "Đến nước" cell: the countries, then the blocs kept beside them ("Anh, Liên minh châu Âu")."""
    blocs = [BLOCS[code].split("|")[0] if code in BLOCS else code for code in re.split(r"\s*,\s*", d.blocs) if code]
    return _names([*d.countries.all(), *blocs])


def _size_text(size: int | None, composition: str) -> str:
    """The "Số người" cell: "08 người, gồm: 01 đ/c …". The composition alone only when it opens with the same
    total ("08 người: …"); one opening with a part ("01 đ/c Phó Chủ tịch; …") would be read back as the size."""
    composition = composition.strip()
    opening = re.match(r"^(\d+)\s*người\b", composition, re.IGNORECASE)
    if opening and (size is None or int(opening[1]) == size):
        return composition
    if size and composition:
        return f"{size:02d} người, gồm: {composition}"
    if size:
        return f"{size:02d} người"
    return composition


def _days_text(text: str, days: int | None) -> str:
    if text.strip():
        return text.strip()
    return f"{days:02d} ngày" if days else ""


def _funding_text(obj: Any) -> str:
    return obj.funding_text.strip() or obj.get_funding_source_display()


def _region(countries: Iterable[Any]) -> str:
    regions = {c.region for c in countries}
    return regions.pop() if len(regions) == 1 else Region.OTHER


def _region_buckets(rows: list[tuple[Delegation, PlanRow]]) -> list[tuple[str, list[tuple[Delegation, PlanRow]]]]:
    """Rows by the region of their countries (several regions, or none: "other"), regions in the plans' order."""
    buckets: dict[str, list[tuple[Delegation, PlanRow]]] = defaultdict(list)
    for d, row in rows:
        buckets[_region(d.countries.all())].append((d, row))
    return [(r, buckets[r]) for r in REGION_ORDER if r in buckets]


def _by_region(
    rows: list[tuple[Delegation, PlanRow]], headings: dict[str, str], labels: Callable[[int], str]
) -> list[PlanGroup]:
    groups = [PlanGroup("", headings[r], rows=[row for _, row in members]) for r, members in _region_buckets(rows)]
    return _label_groups(groups, labels)


def _delegation_order(d: Delegation) -> tuple[str, int, int]:
    months = d.months
    return (d.proposing_unit.name, months[0] if months else 13, d.pk)


def _delegations(year: int, direction: str, user: Any | None) -> list[Delegation]:
    qs: QuerySet[Delegation] = Delegation.objects.all()
    if user is not None:
        qs = Delegation.objects.restrict(user, "view")
    qs = (
        qs.filter(year=year, direction=direction, status__in=PLAN_DELEGATION_STATUSES)
        .select_related("proposing_unit")
        .prefetch_related("countries", "partners")
    )
    return sorted(qs, key=_delegation_order)


def _delegation_url(pk: int) -> str:
    return reverse("delegations:delegation_detail", args=[pk])


def outbound_appendix(*, year: int, user: Any | None = None) -> PlanAppendix:
    """Phụ lục 1: A/B (leaders), C (departments and armed forces by region, then by unit), D (districts by region)."""
    by_group: dict[str, list[tuple[Delegation, PlanRow]]] = defaultdict(list)
    for d in _delegations(year, Direction.OUT, user):
        row = PlanRow(
            f"delegation:{d.pk}",
            [
                d.name,
                d.capacity,
                d.head,
                _size_text(d.size, d.composition),
                _destinations(d),
                d.partner_text.strip() or _names(p.name for p in d.partners.all()),
                d.purpose,
                _days_text(d.duration_text, d.duration_days),
                d.time_text,
                _funding_text(d),
            ],
            _delegation_url(d.pk),
            status=d.status,
        )
        group = DelegationGroup.DEPARTMENTS if d.group == DelegationGroup.ARMED_FORCES else d.group
        by_group[group].append((d, row))

    top: list[PlanGroup] = []
    for group in (DelegationGroup.CENTRAL_LEADERS, DelegationGroup.PROVINCIAL_LEADERS):
        top.append(PlanGroup("", OUT_GROUP_HEADINGS[group], rows=[row for _, row in by_group[group]]))
    departments = PlanGroup("", OUT_GROUP_HEADINGS[DelegationGroup.DEPARTMENTS])
    for region, members in _region_buckets(by_group[DelegationGroup.DEPARTMENTS]):
        region_group = PlanGroup("", OUT_REGION_HEADINGS[region])
        armed = [(d, row) for d, row in members if d.group == DelegationGroup.ARMED_FORCES]
        if armed:
            # The printed plans list each armed-force command's trips, then the departments' trips.
            by_unit: dict[int, list[PlanRow]] = defaultdict(list)
            units: dict[int, Unit] = {}
            for d, row in armed:
                by_unit[d.proposing_unit_id].append(row)
                units[d.proposing_unit_id] = d.proposing_unit
            region_group.groups = [
                PlanGroup("-", f"Đoàn ra của {units[u].name}", rows=rows) for u, rows in by_unit.items()
            ]
            others = [row for d, row in members if d.group != DelegationGroup.ARMED_FORCES]
            if others:
                region_group.groups.append(PlanGroup("-", DEPARTMENTS_SUBGROUP, rows=others))
        else:
            region_group.rows = [row for _, row in members]
        departments.groups.append(region_group)
    departments.groups = _label_groups(departments.groups, roman)
    top.append(departments)
    districts = PlanGroup("", OUT_GROUP_HEADINGS[DelegationGroup.DISTRICTS])
    districts.groups = _by_region(by_group[DelegationGroup.DISTRICTS], OUT_REGION_HEADINGS, roman)
    top.append(districts)
    root = PlanGroup("", "", groups=_label_groups(top, _letter))
    province = settings.PROVINCE_NAME.upper()
    return PlanAppendix("1", f"KẾ HOẠCH ĐOÀN ĐI NƯỚC NGOÀI TỈNH {province} NĂM {year}", OUT_COLUMNS, OUT_WIDTHS, root)


def inbound_appendix(*, year: int, user: Any | None = None) -> PlanAppendix:
    """Phụ lục 2: state budget or not (A/B); within the state budget by host (leaders / departments), by region."""
    rows: dict[bool, list[tuple[Delegation, PlanRow]]] = defaultdict(list)
    for d in _delegations(year, Direction.IN, user):
        row = PlanRow(
            f"delegation:{d.pk}",
            [
                d.name,
                d.capacity,
                d.head,
                _size_text(d.size, d.composition),
                _destinations(d),
                d.purpose,
                _days_text(d.duration_text, d.duration_days),
                d.time_text,
                _funding_text(d),
            ],
            _delegation_url(d.pk),
            status=d.status,
        )
        rows[bool(d.uses_state_budget)].append((d, row))

    budget = PlanGroup("", IN_BUDGET_HEADINGS[True])
    hosts = []
    for leaders in (True, False):
        members = [(d, row) for d, row in rows[True] if (d.group in LEADER_GROUPS) == leaders]
        host = PlanGroup("", IN_HOST_HEADINGS[leaders], groups=_by_region(members, IN_REGION_HEADINGS, _dash))
        hosts.append(host)
    budget.groups = _label_groups(hosts, roman)
    other = PlanGroup("", IN_BUDGET_HEADINGS[False], rows=[row for _, row in rows[False]])
    root = PlanGroup("", "", groups=_label_groups([budget, other], _letter))
    province = settings.PROVINCE_NAME.upper()
    return PlanAppendix("2", f"KẾ HOẠCH ĐOÀN NƯỚC NGOÀI VÀO TỈNH {province} NĂM {year}", IN_COLUMNS, IN_WIDTHS, root)


def _count(n: int | None) -> str:
    return f"{n:02d}" if n else ""


def conference_appendix(*, year: int, user: Any | None = None) -> PlanAppendix:
    """Phụ lục 3: international conferences and seminars, with the three delegate counts."""
    qs: QuerySet[Conference] = Conference.objects.all() if user is None else Conference.objects.restrict(user, "view")
    qs = (
        qs.filter(year=year, status__in=PLAN_CONFERENCE_STATUSES)
        .select_related("organising_unit")
        .prefetch_related("countries", "partners")
        .order_by("month_mask", "id")
    )
    rows = [
        PlanRow(
            f"conference:{c.pk}",
            [
                c.title,
                c.partner_text.strip() or _names(p.name for p in c.partners.all()),
                _count(c.delegates_vn),
                _count(c.delegates_foreign_in_vn),
                _count(c.delegates_from_abroad),
                _names(c.countries.all()),
                c.time_text,
                _count(c.days),
                _funding_text(c),
                c.permitting_authority_text.strip() or c.required_authority.label,
            ],
            reverse("conferences:conference_detail", args=[c.pk]),
            status=c.status,
        )
        for c in sorted(qs, key=lambda c: (c.months[0] if c.months else 13, c.pk))
    ]
    return PlanAppendix(
        "3",
        f"KẾ HOẠCH TỔ CHỨC HỘI NGHỊ, HỘI THẢO QUỐC TẾ NĂM {year}",
        CONFERENCE_COLUMNS,
        CONFERENCE_WIDTHS,
        PlanGroup("", "", rows=rows),
        column_groups=CONFERENCE_GROUPS,
        noun=gettext("hội nghị, hội thảo"),
    )


def agreement_appendix(*, year: int, user: Any | None = None) -> PlanAppendix:
    """Phụ lục 4: international agreements expected to be signed in the year."""
    qs: QuerySet[Agreement] = Agreement.objects.all() if user is None else Agreement.objects.restrict(user, "view")
    qs = qs.filter(year=year, status__in=PLAN_AGREEMENT_STATUSES).select_related("proposing_unit", "country", "partner")
    rows = [
        PlanRow(
            f"agreement:{a.pk}",
            [
                a.proposing_unit.name,
                a.capacity,
                a.get_type_display(),
                a.title,
                str(a.country) if a.country_id else "",
                a.partner_text.strip() or (a.partner.name if a.partner_id else ""),  # type: ignore[union-attr]
                a.time_text,
                a.signing_level,
                a.approving_authority,
                a.note,
            ],
            reverse("agreements:agreement_detail", args=[a.pk]),
            status=a.status,
        )
        for a in sorted(qs, key=lambda a: (a.months[0] if a.months else 13, a.pk))
    ]
    return PlanAppendix(
        "4",
        f"CÁC THỎA THUẬN QUỐC TẾ DỰ KIẾN KÝ KẾT NĂM {year}",
        AGREEMENT_COLUMNS,
        AGREEMENT_WIDTHS,
        PlanGroup("", "", rows=rows),
        noun=gettext("thỏa thuận"),
    )
