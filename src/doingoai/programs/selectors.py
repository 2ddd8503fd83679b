"""Reads of the programme: its body tree, its appendices drawn live from the registries, the document, diffs.

The appendices are never stored with the programme: Phụ lục 1–4 are read from the delegations, conferences and
agreements of the year each time (statuses that mean "in the plan"), grouped as the printed programmes group
them, with the count in every group header ("ĐOÀN ĐI NƯỚC CHDCND LÀO: 09 đoàn"). A `PlanVersion` keeps a frozen
copy of those rows (with the ids of their records) so that versions can be compared.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from doingoai.agreements.models import Agreement, AgreementStatus
from doingoai.conferences.models import Conference, ConferenceStatus
from doingoai.core import rules
from doingoai.core.choices import Region
from doingoai.core.models import Unit
from doingoai.core.selectors import round_anniversaries
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.documents.decree30 import (
    Appendix,
    GroupRow,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
)
from doingoai.programs.models import PlanVersion, Program, ProgramItem, ProgramStatus

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
            {"key": node.key, "group": " › ".join(path), "cells": dict(zip(self.columns[1:], node.cells, strict=True))}
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


def _size_text(size: int | None, composition: str) -> str:
    composition = composition.strip()
    if composition and re.match(r"^\d+\s*(người|đ/c|đồng chí)", composition, re.IGNORECASE):
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
                _names(d.countries.all()),
                d.partner_text.strip() or _names(p.name for p in d.partners.all()),
                d.purpose,
                _days_text(d.duration_text, d.duration_days),
                d.time_text,
                _funding_text(d),
            ],
            _delegation_url(d.pk),
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
                _names(d.countries.all()),
                d.purpose,
                _days_text(d.duration_text, d.duration_days),
                d.time_text,
                _funding_text(d),
            ],
            _delegation_url(d.pk),
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
        noun="hội nghị, hội thảo",
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
        )
        for a in sorted(qs, key=lambda a: (a.months[0] if a.months else 13, a.pk))
    ]
    return PlanAppendix(
        "4",
        f"CÁC THỎA THUẬN QUỐC TẾ DỰ KIẾN KÝ KẾT NĂM {year}",
        AGREEMENT_COLUMNS,
        AGREEMENT_WIDTHS,
        PlanGroup("", "", rows=rows),
        noun="thỏa thuận",
    )


def plan_appendices(*, year: int, user: Any | None = None) -> list[PlanAppendix]:
    """Phụ lục 1–4 of `year`, live; with `user`, only the records that user may see."""
    return [
        outbound_appendix(year=year, user=user),
        inbound_appendix(year=year, user=user),
        conference_appendix(year=year, user=user),
        agreement_appendix(year=year, user=user),
    ]


def appendix_subtitle(program: Program | None, year: int) -> str:
    """ "(Kèm theo Chương trình số 818/CTr-UBND ngày 30/12/2021 của UBND tỉnh Nghệ An)"; blanks while a draft."""
    province = settings.PROVINCE_NAME
    if program is not None and program.number and program.issued_on:
        return f"(Kèm theo Chương trình số {program.number} ngày {program.issued_on:%d/%m/%Y} của UBND tỉnh {province})"
    blank = "\u00a0" * 5
    return f"(Kèm theo Chương trình số{blank}/CTr-UBND ngày{blank}/{blank}/{year - 1} của UBND tỉnh {province})"


def program_appendices(*, year: int, user: Any | None = None, program: Program | None = None) -> list[Appendix]:
    """The four appendices of the year's programme as `documents.decree30.Appendix` objects, drawn live."""
    subtitle = appendix_subtitle(program, year)
    return [a.to_appendix(subtitle) for a in plan_appendices(year=year, user=user)]


def plan_snapshot(*, year: int, user: Any | None = None) -> dict[str, Any]:
    """The rows of the four appendices (with record ids) as stored in a PlanVersion."""
    return {"year": year, "appendices": [a.snapshot() for a in plan_appendices(year=year, user=user)]}


@dataclass(frozen=True)
class PlanCounts:
    outbound: int
    inbound: int
    conferences: int
    agreements: int


def plan_counts(appendices: Sequence[PlanAppendix]) -> PlanCounts:
    by_number = {a.number: a.count for a in appendices}
    return PlanCounts(by_number["1"], by_number["2"], by_number["3"], by_number["4"])


# ------------------------------------------------------------------------------------------------ programmes


def program_list(*, user: Any) -> QuerySet[Program]:
    return Program.objects.restrict(user, "view")


def program_for_year(*, year: int) -> Program | None:
    return Program.objects.filter(year=year).first()


@dataclass
class ItemNode:
    item: ProgramItem
    label: str  # "II.", "4.", "a)", "-", "+"
    depth: int
    children: list[ItemNode] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.label} {self.item.text}".strip()


_ROMAN_RE = re.compile(r"^[IVXLC]+$")
_DIGITS_RE = re.compile(r"^\d+$")
_LETTER_RE = re.compile(r"^[a-zđ]{1,2}$")


def section_label(section: str, parent_section: str | None, parent_label: str | None) -> str:
    """The marker printed before an item: "II." for II, "4." for II.4, "a)" for II.4.a, "-" for a bullet.

    A bullet is an item without a section of its own (empty, or the same as its parent's); a bullet under a
    bullet is "+".
    """
    section = section.strip().rstrip(".")
    if not section or (parent_section is not None and section == parent_section.strip().rstrip(".")):
        return "+" if parent_label in {"-", "+"} else "-"
    last = section.split(".")[-1].strip()
    if last in {"-", "+"}:
        return last
    if _ROMAN_RE.match(last):
        return f"{last}."
    if _DIGITS_RE.match(last):
        return f"{last}."
    if _LETTER_RE.match(last):
        return f"{last})"
    return last


def program_tree(*, program: Program) -> list[ItemNode]:
    """The body as a tree of nodes (children ordered by `order`, then creation)."""
    items = list(
        ProgramItem.objects.filter(program=program)
        .select_related("lead_unit")
        .prefetch_related("coordinating_units")
        .order_by("order", "id")
    )
    children: dict[int | None, list[ProgramItem]] = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)

    def build(parent: ProgramItem | None, parent_label: str | None, depth: int) -> list[ItemNode]:
        nodes = []
        for item in children.get(parent.pk if parent else None, []):
            label = section_label(item.section, parent.section if parent else None, parent_label)
            node = ItemNode(item, label, depth)
            node.children = build(item, label, depth + 1)
            nodes.append(node)
        return nodes

    return build(None, None, 0)


def walk_tree(nodes: Sequence[ItemNode]) -> Iterator[ItemNode]:
    for node in nodes:
        yield node
        yield from walk_tree(node.children)


def next_item_order(*, program: Program, parent: ProgramItem | None) -> int:
    last = (
        ProgramItem.objects.filter(program=program, parent=parent).order_by("-order").values_list("order", flat=True)
    ).first()
    return (last or 0) + 10


# ------------------------------------------------------------------------------------------------ the document

DEFAULT_RECIPIENTS = [
    "Bộ Ngoại giao",
    "Ban Đối ngoại Trung ương",
    "Thường trực Tỉnh ủy",
    "Thường trực HĐND tỉnh",
    "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
    "Các sở, ban, ngành, đoàn thể cấp tỉnh",
    "UBND các huyện, thành phố, thị xã",
    "Lưu: VT",
]


def _coordinator_name() -> str:
    unit = Unit.objects.filter(is_coordinator=True, active_to__isnull=True).order_by("pk").first()
    return unit.name if unit else settings.COORDINATOR_UNIT_NAME


def default_preamble(year: int) -> str:
    return (
        "Căn cứ chức năng, nhiệm vụ được giao, định hướng công tác đối ngoại và nhiệm vụ phát triển kinh tế - xã "
        f"hội của tỉnh, Ủy ban nhân dân tỉnh ban hành Chương trình hoạt động đối ngoại năm {year} với các nội dung "
        "sau:"
    )


def default_closing(year: int) -> str:
    return (
        f"Trên đây là Chương trình hoạt động đối ngoại năm {year} của tỉnh. Trong quá trình thực hiện, nếu có khó "
        "khăn, vướng mắc, các cơ quan, đơn vị, địa phương kịp thời báo cáo Ủy ban nhân dân tỉnh (qua "
        f"{_coordinator_name()}) để xem xét, giải quyết./."
    )


def _anniversary_lines(year: int) -> list[str]:
    lines = []
    for a in round_anniversaries(year=year):
        relation = a.relation
        name = re.sub(r"\s*\(.*?\)", "", relation.name_vi).strip()  # "Liên bang Nga (kế thừa Liên Xô)"
        dates = f"({relation.established_on:%d/%m/%Y} - {a.date:%d/%m/%Y})"
        if relation.kind == "relations":
            lines.append(f"- Kỷ niệm {a.years} năm Ngày thiết lập quan hệ ngoại giao Việt Nam - {name} {dates}.")
        else:
            lines.append(f"- Kỷ niệm {a.years} năm Ngày ký {name} {dates}.")
    return lines


def generated_body(*, year: int, counts: PlanCounts, deadline: dt.date) -> list[Heading | Paragraph | Table]:
    """A programme body written from the registries, for a year whose programme has no items yet."""
    coordinator = _coordinator_name()
    body: list[Heading | Paragraph | Table] = [
        Heading("I. MỤC ĐÍCH, YÊU CẦU"),
        Paragraph(
            f"1. Cụ thể hóa các nhiệm vụ đối ngoại của tỉnh trong năm {year}, bảo đảm sự quản lý thống nhất, chặt "
            "chẽ các hoạt động đối ngoại trên địa bàn tỉnh."
        ),
        Paragraph(
            "2. Các hoạt động đối ngoại được tổ chức thiết thực, tiết kiệm, gắn với nhiệm vụ phát triển kinh tế - "
            "xã hội, bảo đảm quốc phòng, an ninh; các cơ quan, đơn vị phối hợp chặt chẽ, tránh trùng lặp."
        ),
        Heading("II. NỘI DUNG CHƯƠNG TRÌNH"),
        Heading("1. Đoàn ra, đoàn vào", level=2),
        Paragraph(
            f"- Dự kiến năm {year} có {counts.outbound:02d} đoàn ra và {counts.inbound:02d} đoàn vào "
            "(Phụ lục 1, Phụ lục 2)."
            if counts.outbound or counts.inbound
            else f"- Kế hoạch đoàn ra, đoàn vào năm {year} được tổng hợp từ đề xuất của các cơ quan, đơn vị "
            "(Phụ lục 1, Phụ lục 2)."
        ),
        Paragraph(
            "- Các đoàn ra sử dụng ngân sách nhà nước cùng đến một nước, một đối tác trong cùng thời gian được kết "
            "hợp để bảo đảm hiệu quả và tiết kiệm."
        ),
        Heading("2. Hội nghị, hội thảo quốc tế", level=2),
        Paragraph(
            f"- Dự kiến tổ chức {counts.conferences:02d} hội nghị, hội thảo quốc tế (Phụ lục 3)."
            if counts.conferences
            else "- Các hội nghị, hội thảo quốc tế được tổng hợp từ đề xuất của các cơ quan, đơn vị (Phụ lục 3)."
        ),
        Heading("3. Thỏa thuận quốc tế", level=2),
        Paragraph(
            f"- Dự kiến ký kết {counts.agreements:02d} thỏa thuận quốc tế (Phụ lục 4)."
            if counts.agreements
            else "- Các thỏa thuận quốc tế dự kiến ký kết được tổng hợp từ đề xuất của các cơ quan, đơn vị (Phụ lục 4)."
        ),
    ]
    anniversaries = _anniversary_lines(year)
    if anniversaries:
        body.append(Heading("4. Các ngày kỷ niệm năm chẵn quan hệ ngoại giao", level=2))
        body += [Paragraph(line) for line in anniversaries]
    body += [
        Heading("III. KINH PHÍ THỰC HIỆN"),
        Paragraph(
            "Kinh phí thực hiện Chương trình được bảo đảm từ ngân sách nhà nước theo phân cấp hiện hành, nguồn "
            "tài trợ và các nguồn huy động hợp pháp khác."
        ),
        Heading("IV. TỔ CHỨC THỰC HIỆN"),
        Paragraph(
            "1. Các cơ quan, đơn vị, địa phương căn cứ Chương trình này xây dựng kế hoạch của đơn vị mình, tổ chức "
            f"thực hiện và báo cáo kết quả định kỳ 6 tháng, cả năm về Ủy ban nhân dân tỉnh (qua {coordinator})."
        ),
        Paragraph(
            "2. Kế hoạch đoàn ra, đoàn vào được rà soát, điều chỉnh một lần trong năm; các cơ quan, đơn vị gửi đề "
            f"xuất điều chỉnh về {coordinator} trước ngày {deadline:%d/%m/%Y}."
        ),
        Paragraph(
            f"3. {coordinator} theo dõi, đôn đốc, tổng hợp tình hình thực hiện Chương trình và báo cáo Ủy ban nhân "
            "dân tỉnh."
        ),
    ]
    return body


def tree_body(nodes: Sequence[ItemNode]) -> list[Heading | Paragraph | Table]:
    """Items with children become headings (level = depth + 1), the others paragraphs."""
    body: list[Heading | Paragraph | Table] = []
    for node in walk_tree(nodes):
        if node.children:
            body.append(Heading(node.heading, level=node.depth + 1))
        else:
            body.append(Paragraph(node.heading))
    return body


def signature_for(program: Program | None) -> Signature:
    position = (program.signer_position if program else "") or "Phó Chủ tịch"
    deputy = "KT. CHỦ TỊCH" if position.strip().lower().startswith("phó") else ""
    return Signature(
        authority="TM. ỦY BAN NHÂN DÂN",
        deputy=deputy,
        position=position.upper(),
        name=program.signer_name if program else "",
    )


@dataclass
class ProgramDocument:
    document: OfficialDocument
    program: Program | None
    generated_body: bool


def program_document(*, year: int, user: Any | None = None, today: dt.date | None = None) -> ProgramDocument:
    """The year's programme as an `OfficialDocument`: its body tree (or a body written from the registries when
    the programme has no items, or no programme exists) and Phụ lục 1–4 drawn live."""
    program = program_for_year(year=year)
    appendices = plan_appendices(year=year, user=user)
    counts = plan_counts(appendices)
    nodes = program_tree(program=program) if program else []
    deadline = (program.adjustment_deadline if program else None) or rules.plan_adjustment_deadline(year)
    preamble = (program.preamble if program else "") or default_preamble(year)
    closing = (program.closing if program else "") or default_closing(year)
    body: list[Heading | Paragraph | Table] = [Paragraph(preamble)]
    body += tree_body(nodes) if nodes else generated_body(year=year, counts=counts, deadline=deadline)
    body.append(Paragraph(closing))
    recipients = [r for r in (program.recipients.splitlines() if program else []) if r.strip()] or DEFAULT_RECIPIENTS
    issued = program is not None and program.status in (ProgramStatus.ISSUED, ProgramStatus.ADJUSTED)
    date = program.issued_on if program and program.issued_on else (today or timezone.localdate())
    province = settings.PROVINCE_NAME
    subtitle = appendix_subtitle(program, year)
    document = OfficialDocument(
        issuer_parent="",
        issuer=f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}",
        number=program.number if program and issued else "",
        place=province,
        date=date,
        kind="CHƯƠNG TRÌNH",
        title=program.display_title if program else f"Hoạt động đối ngoại tỉnh {province} năm {year}",
        body=body,
        recipients=recipients,
        signature=signature_for(program),
        appendices=[a.to_appendix(subtitle) for a in appendices],
        abbreviation="CTr-UBND",
    )
    return ProgramDocument(document, program, generated_body=not nodes)


# ------------------------------------------------------------------------------------------------ versions


def program_versions(*, program: Program) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(program=program).select_related("created_by").order_by("number")


@dataclass
class RowChange:
    key: str
    title: str
    url: str
    fields: list[tuple[str, str, str]]  # (column, before, after)


@dataclass
class AppendixDiff:
    number: str
    title: str
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[RowChange]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


_DETAIL_URLS = {
    "delegation": "delegations:delegation_detail",
    "conference": "conferences:conference_detail",
    "agreement": "agreements:agreement_detail",
}


def row_url(key: str) -> str:
    model, _, pk = key.partition(":")
    name = _DETAIL_URLS.get(model)
    return reverse(name, args=[int(pk)]) if name and pk.isdigit() else ""


def _row_title(row: dict[str, Any]) -> str:
    cells = row.get("cells", {})
    for column in ("Tên đoàn", "Tên/Chủ đề/Nội dung hội nghị, hội thảo", "Tên văn bản"):
        if cells.get(column):
            return str(cells[column])
    return next((str(v) for v in cells.values() if v), row.get("key", ""))


GROUP_FIELD = "Nhóm trong phụ lục"


def version_diff(before: dict[str, Any], after: dict[str, Any]) -> list[AppendixDiff]:
    """What changed between two snapshots, per appendix: rows added, removed, and changed (with the fields)."""
    old = {a["number"]: a for a in before.get("appendices", [])}
    new = {a["number"]: a for a in after.get("appendices", [])}
    result = []
    for number in sorted(set(old) | set(new)):
        a_rows = {r["key"]: r for r in old.get(number, {}).get("rows", [])}
        b_rows = {r["key"]: r for r in new.get(number, {}).get("rows", [])}
        title = (new.get(number) or old.get(number) or {}).get("title", "")
        added = [r | {"title": _row_title(r), "url": row_url(r["key"])} for k, r in b_rows.items() if k not in a_rows]
        removed = [r | {"title": _row_title(r), "url": row_url(r["key"])} for k, r in a_rows.items() if k not in b_rows]
        changed = []
        for key in (k for k in b_rows if k in a_rows):
            a, b = a_rows[key], b_rows[key]
            fields = []
            if a.get("group") != b.get("group"):
                fields.append((GROUP_FIELD, a.get("group", ""), b.get("group", "")))
            columns = list(dict.fromkeys([*a.get("cells", {}), *b.get("cells", {})]))
            for column in columns:
                x, y = a["cells"].get(column, ""), b["cells"].get(column, "")
                if x != y:
                    fields.append((column, x, y))
            if fields:
                changed.append(RowChange(key, _row_title(b), row_url(key), fields))
        result.append(AppendixDiff(number, title, added, removed, changed))
    return result
