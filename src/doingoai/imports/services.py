"""Imports into the registries: units' proposals from the .xlsx templates, programmes and plans from documents.

Every write goes through here, one transaction per import, with the field history attributed to the user and
a business event per record. Reading and checking the files is plain Python in `documents/`; this module
supplies the reference data they are checked against and turns the checked rows into records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from doingoai.agreements.models import Agreement, AgreementStatus, AgreementType
from doingoai.conferences.models import Conference, ConferenceForm, ConferenceStatus
from doingoai.core import rules
from doingoai.core.choices import FundingSource, PartnerKind, Role
from doingoai.core.models import Country, Partner, Unit
from doingoai.core.permissions import WRITE_ALL_ROLES, role_of
from doingoai.core.text import compact_key, search_key
from doingoai.core.workflow import StepPermissionDenied, WorkflowError, record_event, save_tracked
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.documents import proposals_xlsx
from doingoai.documents.model import DocumentError
from doingoai.documents.proposals_xlsx import Lookups, ProposalSheet
from doingoai.documents.upload_checks import check_document
from doingoai.imports.models import ImportStatus, PendingImport

logger = logging.getLogger(__name__)
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
# Who permits a conference (Decision 06/2020/QĐ-TTg) and who approves an agreement: the drop-down lists.
CONFERENCE_AUTHORITIES = [
    (a.code, a.label)
    for a in (
        rules.conference_authority(high_level=True, sensitive=False),
        rules.conference_authority(high_level=False, sensitive=False),
    )
]
APPROVING_AUTHORITIES = [
    ("chairman", "Chủ tịch UBND tỉnh"),
    ("prime_minister", "Thủ tướng Chính phủ"),
    ("mofa", "Bộ Ngoại giao"),
]
SECTIONS = {
    "delegations_out": "Đoàn ra (Phụ lục 1)",
    "delegations_in": "Đoàn vào (Phụ lục 2)",
    "conferences": "Hội nghị, hội thảo quốc tế (Phụ lục 3)",
    "agreements": "Thỏa thuận quốc tế (Phụ lục 4)",
}

DOCUMENT_KINDS = {
    "program": "Chương trình",
    "plan": "Kế hoạch",
    "notice": "Thông báo",
    "official_letter": "Công văn",
    "report": "Báo cáo",
    "other": "Văn bản khác",
}
PLANNED_KEYS = {
    "delegations_out": "outbound_delegations",
    "delegations_in": "inbound_delegations",
    "conferences": "conferences",
    "agreements": "agreements",
}


# ------------------------------------------------------------------------------------- Excel: units' proposals


def year_bounds(today: dt.date | None = None) -> tuple[int, int]:
    """Plan years a proposal may name (the registries' forms accept the same range)."""
    return 2000, (today or timezone.localdate()).year + 5


def proposal_lookups() -> Lookups:
    """Countries (names, aliases, codes), units (names, short names) and choice lists, for the templates."""
    countries: dict[str, str] = {}
    rows = list(Country.objects.order_by("name_vi").values_list("code", "name_vi", "name_en", "aliases"))
    # Official names win over aliases, and aliases over codes, when two countries share a spelling.
    for code, name_vi, name_en, _aliases in rows:
        for name in (name_vi, name_en):
            countries.setdefault(search_key(name), code)
    for code, _name_vi, _name_en, aliases in rows:
        for name in aliases or []:
            countries.setdefault(search_key(name), code)
    for code, *_ in rows:
        countries.setdefault(search_key(code), code)
    countries.pop("", None)
    units: dict[str, int] = {}
    unit_names: list[str] = []
    for unit in _active_units():
        unit_names.append(unit.name)
        units.setdefault(search_key(unit.name), unit.pk)
    for unit in _active_units():
        if len(search_key(unit.short_name)) >= 2:
            units.setdefault(search_key(unit.short_name), unit.pk)
    low, high = year_bounds()
    return Lookups(
        countries=countries,
        country_names=sorted((r[1] for r in rows), key=search_key),
        units=units,
        unit_names=unit_names,
        choices={
            "funding": list(FundingSource.choices),
            "groups": list(DelegationGroup.choices),
            "forms": list(ConferenceForm.choices),
            "agreement_types": list(AgreementType.choices),
            "conference_authorities": CONFERENCE_AUTHORITIES,
            "approving_authorities": APPROVING_AUTHORITIES,
        },
        min_year=low,
        max_year=high,
    )


def _active_units() -> models.QuerySet[Unit]:
    today = timezone.localdate()
    return Unit.objects.filter(models.Q(active_to__isnull=True) | models.Q(active_to__gte=today)).order_by("name")


def proposal_template(*, kind: str, year: int | None = None) -> bytes:
    """The .xlsx template of one appendix, with today's reference lists."""
    return proposals_xlsx.build_template(kind, proposal_lookups(), year=year or timezone.localdate().year + 1)


def proposal_units(user: Any) -> models.QuerySet[Unit]:
    """Units `user` may import proposals for: every active unit for the coordinator, else their own."""
    role = role_of(user)
    if role in WRITE_ALL_ROLES:
        return _active_units()
    if role == Role.UNIT_OFFICER and user.unit_id:
        return Unit.objects.filter(pk=user.unit_id)
    return Unit.objects.none()


def can_import_proposals(user: Any) -> bool:
    return role_of(user) in WRITE_ALL_ROLES or (role_of(user) == Role.UNIT_OFFICER and bool(user.unit_id))


def proposals_read(*, kind: str, data: bytes, user: Any, unit: Unit | None) -> ProposalSheet:
    """Read a filled-in template and check every row, including whose proposals the user may import.

    `unit` is the unit chosen on the upload form (an officer's own unit); a row naming a unit overrides it,
    which only the coordinator may use for another unit. Raises ProposalFileError for an unusable file.
    """
    if not can_import_proposals(user):
        raise StepPermissionDenied("Bạn không có quyền nhập đề xuất.")
    lookups = dataclasses.replace(
        proposal_lookups(),
        allowed_units=dict(proposal_units(user).values_list("pk", "name")),
        default_unit=unit.pk if unit else None,
        own_unit=str(user.unit) if role_of(user) == Role.UNIT_OFFICER and user.unit_id else "",
    )
    return proposals_xlsx.read_proposals(data, kind, lookups)


@transaction.atomic
def proposals_import(*, kind: str, rows: Sequence[Mapping[str, Any]], by: Any, source: str = "") -> list[Any]:
    """Create the checked rows as draft proposals, all or none, each with history and a business event.

    `rows` are `{"row": n, "values": {...}}` as `proposals_read` returned them (values["unit"] resolved).
    """
    allowed = set(proposal_units(by).values_list("pk", flat=True))
    if not rows:
        raise WorkflowError("Không có dòng đề xuất nào để nhập.")
    units = Unit.objects.in_bulk({r["values"].get("unit") for r in rows})
    countries = {c.code: c for c in Country.objects.all()}
    matcher = PartnerMatcher.from_database()
    created = []
    for row in rows:
        values = row["values"]
        unit = units.get(values.get("unit"))
        if unit is None or unit.pk not in allowed:
            raise StepPermissionDenied(f"Dòng {row['row']}: bạn không được nhập đề xuất cho đơn vị này.")
        obj, country_codes = _proposal_object(kind, values, unit, countries)
        save_tracked(obj, by=by, reason="Nhập từ Excel")
        row_countries = [countries[c] for c in country_codes if c in countries]
        partner_ids = matcher.find(values.get("partner_text") or "", countries=country_codes)
        if hasattr(obj, "countries"):
            obj.countries.set(row_countries)
            obj.partners.set(partner_ids)
        record_event(
            obj=obj,
            verb="imported",
            summary=f"Nhập từ Excel{f' “{source}”' if source else ''}, dòng {row['row']}: {obj}",
            actor=by,
            data={"source": source, "row": row["row"], "kind": kind},
        )
        created.append(obj)
    return created


def _label(pairs: Iterable[tuple[str, str]], value: Any) -> str:
    return dict(pairs).get(value, value or "")


def _state_budget(source: str, stated: bool | None) -> bool:
    return stated if stated is not None else source in FundingSource.state_budget()


_DAYS = re.compile(r"^\s*0*(\d{1,3})\s*ngày", re.IGNORECASE)


def _days(text: str) -> int | None:
    match = _DAYS.match(text or "")
    return int(match.group(1)) if match else None


def _proposal_object(
    kind: str, v: Mapping[str, Any], unit: Unit, countries: Mapping[str, Country]
) -> tuple[Any, list[str]]:
    if kind in ("delegations_out", "delegations_in"):
        return (
            Delegation(
                direction=Direction.OUT if kind == "delegations_out" else Direction.IN,
                year=v["year"],
                group=v["group"],
                name=v["name"],
                capacity=v.get("capacity") or "",
                head=v.get("head") or "",
                size=v.get("size"),
                composition=v.get("composition") or "",
                partner_text=v.get("partner_text") or "",
                purpose=v.get("purpose") or "",
                duration_text=v.get("duration_text") or "",
                duration_days=_days(v.get("duration_text") or ""),
                time_text=v["time_text"],
                funding_source=v["funding_source"],
                uses_state_budget=_state_budget(v["funding_source"], v.get("uses_state_budget")),
                proposing_unit=unit,
                status=DelegationStatus.DRAFT,
                note=v.get("note") or "",
            ),
            list(v.get("countries") or []),
        )
    if kind == "conferences":
        return (
            Conference(
                year=v["year"],
                title=v["title"],
                form=v.get("form") or ConferenceForm.IN_PERSON,
                partner_text=v.get("partner_text") or "",
                delegates_vn=v.get("delegates_vn"),
                delegates_foreign_in_vn=v.get("delegates_foreign_in_vn"),
                delegates_from_abroad=v.get("delegates_from_abroad"),
                time_text=v["time_text"],
                days=v.get("days"),
                place=v.get("place") or "",
                funding_source=v["funding_source"],
                uses_state_budget=_state_budget(v["funding_source"], None),
                has_foreign_high_level=bool(v.get("has_foreign_high_level")),
                sensitive_topics=bool(v.get("sensitive_topics")),
                permitting_authority_text=_label(CONFERENCE_AUTHORITIES, v.get("permitting_authority_text")),
                organising_unit=unit,
                status=ConferenceStatus.DRAFT,
                note=v.get("note") or "",
            ),
            list(v.get("countries") or []),
        )
    country = countries.get(v.get("country") or "")
    return (
        Agreement(
            year=v["year"],
            proposing_unit=unit,
            capacity=v.get("capacity") or "",
            type=v["type"],
            title=v["title"],
            country=country,
            partner=None,
            partner_text=v.get("partner_text") or "",
            time_text=v["time_text"],
            signing_level=v.get("signing_level") or "",
            approving_authority=v.get("approving_authority") or "",
            status=AgreementStatus.DRAFT,
            note=v.get("note") or "",
        ),
        [country.code] if country else [],
    )


# ------------------------------------------------------------------------------------- partners in free text


class PartnerMatcher:
    """Finds known partners named in free text ("Chính quyền tỉnh Xiêng Khoảng, Hủa Phăn"), through aliases.

    Keys are accent-free names; a longer name found in the text hides the shorter names inside it, so
    "Thủ đô Viêng Chăn" does not also yield the province "Viêng Chăn".
    """

    MIN_KEY = 4

    def __init__(self, entries: Iterable[tuple[str, Any, str | None]]) -> None:
        # entry: (name, reference, ISO country or None)
        seen: dict[tuple[str, Any], str | None] = {}
        for name, ref, country in entries:
            key = search_key(name)
            if len(key) >= self.MIN_KEY:
                seen.setdefault((key, ref), country)
        self.entries = sorted(((k, r, c) for (k, r), c in seen.items()), key=lambda e: -len(e[0]))

    @classmethod
    def from_database(cls) -> PartnerMatcher:
        return cls(_partner_entries(Partner.objects.select_related("country")))

    def find(self, text: str, *, countries: Sequence[str] = ()) -> list[Any]:
        padded = f" {search_key(text)} "
        taken: list[tuple[int, int]] = []
        found: list[Any] = []
        for key, ref, country in self.entries:
            start = padded.find(f" {key} ")
            while start >= 0:
                span = (start + 1, start + 1 + len(key))
                if not any(a < span[1] and span[0] < b for a, b in taken):
                    if not (countries and country and country not in countries):
                        taken.append(span)
                        if ref not in found:
                            found.append(ref)
                    break
                start = padded.find(f" {key} ", start + 1)
        return found


def _partner_entries(partners: Iterable[Partner]) -> list[tuple[str, Any, str | None]]:
    entries = []
    for partner in partners:
        code = partner.country.code if partner.country_id and partner.country else None
        for name in [partner.name, *(partner.aliases or [])]:
            entries.append((name, partner.pk, code))
    return entries


# ------------------------------------------------------------------------------------- documents: the plan


@dataclass
class PartnerMatch:
    """A partner named in the document, and the partner of the registry it is (or becomes)."""

    written: str
    canonical: str
    country: str | None
    kind: str
    partner: Partner | None = None  # None: new, created on confirmation
    via_alias: bool = False

    @property
    def is_new(self) -> bool:
        return self.partner is None

    @property
    def key(self) -> str:
        """Names a new partner in the review form (its checkbox)."""
        return f"{compact_key(self.canonical)}|{self.country or ''}"

    @property
    def ref(self) -> Any:
        return self.partner.pk if self.partner is not None else ("new", compact_key(self.canonical), self.country)


@dataclass
class PlanRow:
    key: str
    section: str
    number: int
    label: str
    model: type[models.Model]
    fields: dict[str, Any]
    countries: list[str]
    partner_refs: list[Any]
    unit: Unit | None
    fingerprint: str
    duplicate: bool = False

    @property
    def partner_text(self) -> str:
        return str(self.fields.get("partner_text") or "")


@dataclass
class ImportPlan:
    """What confirming a document would create, for the review screen and `import --dry-run`."""

    document: dict[str, Any]
    year: int | None
    sections: dict[str, list[PlanRow]]
    partners: list[PartnerMatch]
    planned_counts: dict[str, Any]
    unknown_countries: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[PlanRow]:
        return [row for rows in self.sections.values() for row in rows]

    @property
    def counts(self) -> dict[str, tuple[int, int]]:
        """section → (to create, skipped as already imported)."""
        return {
            s: (sum(1 for r in rows if not r.duplicate), sum(1 for r in rows if r.duplicate))
            for s, rows in self.sections.items()
        }

    @property
    def to_create(self) -> int:
        return sum(1 for r in self.rows if not r.duplicate)

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.rows if r.duplicate)

    @property
    def rows_without_unit(self) -> int:
        return sum(1 for r in self.rows if r.unit is None and not r.duplicate)

    @property
    def target_status(self) -> str:
        """A programme's (or plan's) appendix rows are in the plan already; other documents only propose."""
        return DelegationStatus.IN_PLAN if self.document.get("kind") in ("program", "plan") else "proposed"


def fingerprint(*, year: int, direction: str, name: str, time_text: str, countries: Iterable[str]) -> str:
    """The identity of an appendix row across imports: year, direction, name, time and countries."""
    return "|".join(
        [str(year), direction, search_key(name), search_key(time_text), ",".join(sorted({c for c in countries if c}))]
    )


def _text(value: Any, limit: int | None = None) -> str:
    text = "" if value is None else re.sub(r"\s+", " ", str(value)).strip()
    return text[:limit] if limit else text


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= 1_000_000 else None
    match = re.match(r"\s*0*(\d{1,6})\b", str(value or ""))
    return int(match.group(1)) if match else None


_GROUP_RULES: list[tuple[str, str]] = [
    (r"\bbo chinh tri\b|\bban bi thu\b|\btrung uong quan ly\b", DelegationGroup.CENTRAL_LEADERS),
    (r"\bluc luong vu trang\b|\bcong an\b|\bquan su\b|\bbien phong\b|\bquan doi\b", DelegationGroup.ARMED_FORCES),
    (r"\bhuyen\b|\bthi xa\b|\bcap xa\b|\bxa phuong\b|\bthanh pho thi xa\b", DelegationGroup.DISTRICTS),
    (r"\blanh dao tinh\b|\blanh dao cap cao\b", DelegationGroup.PROVINCIAL_LEADERS),
]


def _group(value: Any) -> str:
    text = _text(value)
    if text in DelegationGroup.values:
        return text
    key = search_key(text)
    for pattern, group in _GROUP_RULES:
        if re.search(pattern, key):
            return group
    return DelegationGroup.DEPARTMENTS


_FUNDING_RULES: list[tuple[str, str]] = [
    (r"\btu tuc\b|\btu chi tra\b", FundingSource.SELF_PAID),
    (r"\bdoi tac\b|\btai tro\b|\bphia ban\b|\bnuoc ngoai\b", FundingSource.PARTNER),
    (r"\btrung uong\b|\bbo nganh\b|\bngan sach bo\b", FundingSource.CENTRAL),
    (r"\bngan sach huyen\b|\bngan sach cap huyen\b|\bngan sach xa\b", FundingSource.DISTRICT),
    (r"\bsu nghiep\b|\bnghiep vu\b", FundingSource.SECTOR),
    (r"\btu chu\b", FundingSource.SELF_FINANCED),
    (r"\bngan sach tinh\b|\bngan sach nha nuoc\b|\bngan sach\b", FundingSource.PROVINCE),
]


def _funding(value: Any) -> str:
    key = search_key(_text(value))
    if not key:
        return FundingSource.OTHER
    for code, label in FundingSource.choices:
        if key in (code, search_key(label)):
            return code
    for pattern, source in _FUNDING_RULES:
        if re.search(pattern, key):
            return source
    return FundingSource.OTHER


def _agreement_type(value: Any) -> str:
    key = search_key(_text(value))
    for code, label in AgreementType.choices:
        if key in (code, search_key(label)):
            return code
    if "ghi nho" in key or "mou" in key:
        return AgreementType.MOU
    if "hop dong" in key:
        return AgreementType.CONTRACT
    if "bien ban" in key:
        return AgreementType.MINUTES
    if "thoa thuan" in key or "dieu uoc" in key or not key:
        return AgreementType.AGREEMENT
    return AgreementType.OTHER


# Long and short forms of the words unit names are made of, so "BCH Quân sự tỉnh" meets "Bộ Chỉ huy Quân sự tỉnh".
_UNIT_WORDS = [
    (r"\buy ban nhan dan\b", "ubnd"),
    (r"\bhoi dong nhan dan\b", "hdnd"),
    (r"\bbo chi huy\b", "bch"),
    (r"\bbo doi bien phong\b", "bdbp"),
    (r"\bdai bieu quoc hoi\b", "dbqh"),
    (r"\bvan hoa the thao va du lich\b", "vhttdl"),
]


def _unit_key(text: Any) -> str:
    key = search_key(_text(text))
    for pattern, short in _UNIT_WORDS:
        key = re.sub(pattern, short, key)
    return key


class UnitResolver:
    """The unit named in a row ("Đoàn công tác Sở Du lịch", "Phó Chủ tịch UBND tỉnh").

    For an inbound delegation this finds the counterpart that usually hosts it ("Công an tỉnh Xiêng Khoảng"
    → Công an tỉnh); the review screen shows the guess and lets the coordinator change it.
    """

    def __init__(self, units: Iterable[Unit]) -> None:
        keys: dict[str, Unit] = {}
        units = list(units)
        for unit in units:
            keys.setdefault(_unit_key(unit.name), unit)
        for unit in units:
            short = _unit_key(unit.short_name)
            if len(short) >= 3:
                keys.setdefault(short, unit)
        keys.pop("", None)
        self.keys = sorted(keys.items(), key=lambda kv: -len(kv[0]))

    def resolve(self, *texts: Any) -> Unit | None:
        for text in texts:
            padded = f" {_unit_key(text)} "
            for key, unit in self.keys:
                if f" {key} " in padded:
                    return unit
        return None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def document_import_plan(*, data: Mapping[str, Any], year: int) -> ImportPlan:
    """Turn the extract contract (DESIGN.md) into the records it would create, matching what already exists."""
    countries = dict(Country.objects.values_list("code", "pk"))
    country_lookup = proposal_lookups().countries
    partners = _plan_partners(_dicts(data.get("partners")), countries)
    matcher = PartnerMatcher(
        [
            *[(name, pm.ref, pm.country) for pm in partners for name in {pm.written, pm.canonical}],
            *_partner_entries(Partner.objects.select_related("country")),
        ]
    )
    units = UnitResolver(Unit.objects.all())
    unknown: list[str] = []

    def codes(values: Any) -> list[str]:
        result = []
        for value in values if isinstance(values, list) else [values]:
            text = _text(value)
            code = text.upper() if text.upper() in countries else country_lookup.get(search_key(text))
            if code and code not in result:
                result.append(code)
            elif text and not code and text not in unknown:
                unknown.append(text)
        return result

    ref_country = {pm.ref: pm.country for pm in partners}
    ref_country |= {p.pk: (p.country.code if p.country else None) for p in Partner.objects.select_related("country")}
    sections: dict[str, list[PlanRow]] = {s: [] for s in SECTIONS}
    fields: dict[str, Any]

    def add(
        section: str,
        label: str,
        model: type[models.Model],
        fields: dict[str, Any],
        row_countries: list[str],
        refs: list[Any],
        unit: Unit | None,
        direction: str,
    ) -> None:
        number = len(sections[section]) + 1
        sections[section].append(
            PlanRow(
                key=f"{section}-{number}",
                section=section,
                number=number,
                label=label,
                model=model,
                fields=fields,
                countries=row_countries,
                partner_refs=refs,
                unit=unit,
                fingerprint=fingerprint(
                    year=year, direction=direction, name=label, time_text=fields["time_text"], countries=row_countries
                ),
            )
        )

    for item in _dicts(data.get("delegations")):
        direction = Direction.IN if _text(item.get("direction")).lower() == "in" else Direction.OUT
        section = "delegations_in" if direction == Direction.IN else "delegations_out"
        row_countries = codes(item.get("countries") or [])
        name = _text(item.get("name"), 500) or _text(item.get("capacity"), 500) or "Đoàn (chưa có tên)"
        duration = _text(item.get("duration"), 64)
        source = _funding(item.get("funding"))
        state_budget = item.get("state_budget")
        fields = {
            "direction": direction,
            "year": year,
            "group": _group(item.get("group")),
            "name": name,
            "capacity": _text(item.get("capacity"), 255),
            "head": _text(item.get("head"), 255),
            "size": _int(item.get("size")),
            "composition": _text(item.get("composition")),
            "partner_text": _text(item.get("partner_text")),
            "purpose": _text(item.get("purpose")),
            "duration_text": duration,
            "duration_days": _days(duration),
            "time_text": _text(item.get("time_text"), 128),
            "funding_source": source,
            "funding_text": _text(item.get("funding"), 255),
            "uses_state_budget": state_budget if isinstance(state_budget, bool) else _state_budget(source, None),
        }
        refs = matcher.find(fields["partner_text"], countries=row_countries)
        add(
            section,
            name,
            Delegation,
            fields,
            row_countries,
            refs,
            units.resolve(name, fields["head"], fields["capacity"]),
            direction,
        )
    for item in _dicts(data.get("conferences")):
        title = _text(item.get("title"), 500) or "Hội nghị (chưa có tên)"
        partner_text = _text(item.get("partner_text"))
        refs = matcher.find(partner_text)
        row_countries = codes(item.get("countries") or [])
        for ref in refs:
            code = ref_country.get(ref)
            if code and code not in row_countries:
                row_countries.append(code)
        source = _funding(item.get("funding"))
        fields = {
            "year": year,
            "title": title,
            "form": ConferenceForm.IN_PERSON,
            "partner_text": partner_text,
            "delegates_vn": _int(item.get("delegates_vn")),
            "delegates_foreign_in_vn": _int(item.get("delegates_foreign_in_vn")),
            "delegates_from_abroad": _int(item.get("delegates_from_abroad")),
            "time_text": _text(item.get("time_text"), 128),
            "funding_source": source,
            "funding_text": _text(item.get("funding"), 255),
            "uses_state_budget": _state_budget(source, None),
            "permitting_authority_text": _text(item.get("permitting_authority"), 255),
        }
        section = "conferences"
        add(section, title, Conference, fields, row_countries, refs, units.resolve(title), "conference")
    for item in _dicts(data.get("agreements")):
        title = _text(item.get("title"), 500) or "Thỏa thuận (chưa có tên)"
        row_countries = codes(item.get("country"))[:1]
        partner_text = _text(item.get("partner"), 500)
        refs = matcher.find(partner_text, countries=row_countries)[:1]
        fields = {
            "year": year,
            "capacity": _text(item.get("capacity"), 255),
            "type": _agreement_type(item.get("type")),
            "title": title,
            "partner_text": partner_text,
            "time_text": _text(item.get("time_text"), 128),
            "signing_level": _text(item.get("signing_level"), 500),
            "approving_authority": _text(item.get("approving_authority"), 255),
            "note": _text(item.get("note")),
        }
        section = "agreements"
        add(
            section,
            title,
            Agreement,
            fields,
            row_countries,
            refs,
            units.resolve(item.get("proposer"), title),
            "agreement",
        )
    _mark_duplicates(sections, year)
    planned = data.get("planned_counts")
    return ImportPlan(
        document=dict(data.get("document") or {}),
        year=year,
        sections=sections,
        partners=partners,
        planned_counts=dict(planned) if isinstance(planned, dict) else {},
        unknown_countries=unknown,
    )


def _plan_partners(items: list[dict[str, Any]], countries: Mapping[str, int]) -> list[PartnerMatch]:
    by_key: dict[str, list[Partner]] = {}
    for partner in Partner.objects.select_related("country"):
        for name in {partner.name, *(partner.aliases or [])}:
            by_key.setdefault(compact_key(name), []).append(partner)
    result: list[PartnerMatch] = []
    seen: set[tuple[str, str | None]] = set()
    for item in items:
        written = _text(item.get("name"), 255)
        canonical = _text(item.get("canonical"), 255) or written
        if not written:
            continue
        country = _text(item.get("country")).upper() or None
        country = country if country in countries else None
        kind = _text(item.get("kind"))
        kind = kind if kind in PartnerKind.values else PartnerKind.LOCALITY
        identity = (compact_key(written), country)
        if identity in seen:
            continue
        seen.add(identity)
        candidates = by_key.get(compact_key(written), []) + by_key.get(compact_key(canonical), [])
        if country:
            candidates = [p for p in candidates if p.country is None or p.country.code == country]
        partner = candidates[0] if candidates else None
        result.append(
            PartnerMatch(
                written=written,
                canonical=canonical,
                country=country or (partner.country.code if partner and partner.country else None),
                kind=kind,
                partner=partner,
                via_alias=partner is not None and _same_text(written) != _same_text(partner.name),
            )
        )
    return result


def _same_text(text: str) -> str:
    """Case and spacing aside, the name exactly as written ("Bolykhămxay" is not "Bo Ly Khăm Xay")."""
    return " ".join(text.split()).casefold()


def _existing_fingerprints(year: int) -> Counter[str]:
    found: Counter[str] = Counter()
    for d in Delegation.objects.filter(year=year).prefetch_related("countries"):
        found[
            fingerprint(
                year=year,
                direction=d.direction,
                name=d.name,
                time_text=d.time_text,
                countries=[c.code for c in d.countries.all()],
            )
        ] += 1
    for c in Conference.objects.filter(year=year).prefetch_related("countries"):
        found[
            fingerprint(
                year=year,
                direction="conference",
                name=c.title,
                time_text=c.time_text,
                countries=[x.code for x in c.countries.all()],
            )
        ] += 1
    for a in Agreement.objects.filter(year=year).select_related("country"):
        found[
            fingerprint(
                year=year,
                direction="agreement",
                name=a.title,
                time_text=a.time_text,
                countries=[a.country.code] if a.country else [],
            )
        ] += 1
    return found


def _mark_duplicates(sections: Mapping[str, list[PlanRow]], year: int) -> None:
    # Two identical rows in one document are two records: only as many as already exist are skipped.
    existing = _existing_fingerprints(year)
    for rows in sections.values():
        for row in rows:
            if existing[row.fingerprint] > 0:
                existing[row.fingerprint] -= 1
                row.duplicate = True


# ------------------------------------------------------------------------------------- documents: the flow


def extract_file(path: Path) -> dict[str, Any]:
    """The extract contract of a document on disk (see DESIGN.md, `doingoai extract`).

    Raises DocumentError (a one-line Vietnamese message) for a file that cannot be read.
    """
    from doingoai.documents.extract import extract
    from doingoai.documents.readers import read

    return dict(extract(read(path, path.name)))


def _require_coordinator(user: Any, what: str) -> None:
    if role_of(user) not in WRITE_ALL_ROLES:
        raise StepPermissionDenied(f"Chỉ cơ quan điều phối được {what}.")


def document_import_start(*, data: bytes, filename: str, year: int | None, by: Any) -> PendingImport:
    """Keep the uploaded document and queue its reading; nothing reaches the registries yet."""
    _require_coordinator(by, "nhập văn bản")
    suffix = check_document(data, filename, max_bytes=DOCUMENT_MAX_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    pending = PendingImport(
        original_name=Path(filename).name[:255] or f"van-ban{suffix}",
        sha256=digest,
        year=year,
        status=ImportStatus.QUEUED,
        created_by=by if getattr(by, "pk", None) else None,
    )
    pending.file.save(f"{digest[:24]}{suffix}", ContentFile(data), save=False)
    save_tracked(pending, by=by, reason="Tải lên văn bản")
    from doingoai.imports.tasks import extract_document

    result = extract_document.enqueue(pending.pk)
    PendingImport.objects.filter(pk=pending.pk).update(task_id=str(result.id)[:64])
    pending.refresh_from_db()
    return pending


def document_import_extract(*, pending_id: int) -> str:
    """Read the document of a pending import (run by the background worker); returns the new status."""
    pending = PendingImport.objects.filter(pk=pending_id).first()
    if pending is None or pending.status not in (ImportStatus.QUEUED, ImportStatus.EXTRACTING):
        return pending.status if pending else ""
    PendingImport.objects.filter(pk=pending_id).update(status=ImportStatus.EXTRACTING)
    try:
        data = extract_file(Path(pending.file.path))
    except DocumentError as exc:
        pending.status = ImportStatus.FAILED
        pending.error = f"Không đọc được văn bản: {exc}"[:2000]
    except Exception as exc:  # an extractor bug becomes a message on the page, not a crashed worker
        logger.exception("extracting pending import %s", pending_id)
        pending.status = ImportStatus.FAILED
        pending.error = f"Không đọc được văn bản (lỗi khi phân tích: {type(exc).__name__})."
    else:
        pending.status = ImportStatus.READY
        pending.extracted = data
        pending.error = ""
    save_tracked(pending, by=pending.created_by, reason="Đọc văn bản")
    return pending.status


def document_import_set_year(*, pending: PendingImport, year: int, by: Any) -> PendingImport:
    """Change the plan year the rows will be filed under (before confirmation)."""
    _require_coordinator(by, "nhập văn bản")
    low, high = year_bounds()
    if not low <= year <= high:
        raise WorkflowError(f"Năm kế hoạch phải từ {low} đến {high}.")
    if pending.status != ImportStatus.READY:
        raise WorkflowError("Chỉ đổi năm khi văn bản đang chờ xác nhận.")
    pending.year = year
    return save_tracked(pending, by=by, reason="Đổi năm kế hoạch")


@transaction.atomic
def document_import_apply(
    *,
    plan: ImportPlan,
    by: Any,
    default_unit: Unit,
    unit_choices: Mapping[str, int] | None = None,
    create_partners: Collection[str] | None = None,
    source: str,
) -> dict[str, Any]:
    """Create the plan's new partners and its rows that do not exist yet, all or none, with history.

    `unit_choices` maps row keys to the unit chosen on the review screen; `create_partners` lists the keys of
    the new partners to create (None: all), the others are left as text in their rows. Callers check who may
    do this (the coordinator; or the `import` command run by the administrator).
    """
    chosen = Unit.objects.in_bulk({v for v in (unit_choices or {}).values() if v})
    countries = {c.code: c for c in Country.objects.all()}
    partner_for: dict[Any, Partner] = {}
    partners_created = 0
    for pm in plan.partners:
        if pm.partner is not None:
            partner_for[pm.ref] = pm.partner
            continue
        if create_partners is not None and pm.key not in create_partners:
            continue
        country = countries.get(pm.country or "")
        partner = Partner.objects.filter(name=pm.canonical[:255], country=country).first()
        if partner is None:
            partner = Partner(
                name=pm.canonical[:255],
                country=country,
                kind=pm.kind,
                aliases=[pm.written] if compact_key(pm.written) != compact_key(pm.canonical) else [],
            )
            save_tracked(partner, by=by, reason="Nhập từ văn bản")
            record_event(obj=partner, verb="imported", summary=f"Nhập từ văn bản “{source}”: {partner}", actor=by)
            partners_created += 1
        partner_for[pm.ref] = partner
    known = Partner.objects.in_bulk({ref for row in plan.rows for ref in row.partner_refs if isinstance(ref, int)})
    created: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    status = plan.target_status
    for row in plan.rows:
        if row.duplicate:
            skipped[row.section] += 1
            continue
        unit = chosen.get((unit_choices or {}).get(row.key, 0)) or row.unit or default_unit
        row_partners = [p for p in (partner_for.get(ref) or known.get(ref) for ref in row.partner_refs) if p]
        obj: Any
        if row.model is Delegation:
            obj = Delegation(**row.fields, proposing_unit=unit, status=status)
        elif row.model is Conference:
            obj = Conference(**row.fields, organising_unit=unit, status=ConferenceStatus.PROPOSED)
        else:
            obj = Agreement(
                **row.fields,
                proposing_unit=unit,
                country=countries.get(row.countries[0]) if row.countries else None,
                partner=row_partners[0] if row_partners else None,
                status=AgreementStatus.PROPOSED,
            )
        save_tracked(obj, by=by, reason="Nhập từ văn bản")
        if row.model is not Agreement:
            obj.countries.set([countries[c] for c in row.countries if c in countries])
            obj.partners.set(row_partners)
        record_event(
            obj=obj,
            verb="imported",
            summary=f"Nhập từ văn bản “{source}” ({SECTIONS[row.section]}, dòng {row.number}): {obj}",
            actor=by,
            data={"source": source, "section": row.section, "row": row.number, "fingerprint": row.fingerprint},
        )
        created[row.section] += 1
    return {
        "created": dict(created),
        "skipped": dict(skipped),
        "partners_created": partners_created,
        "total_created": sum(created.values()),
        "total_skipped": sum(skipped.values()),
    }


def document_import_confirm(
    *,
    pending: PendingImport,
    by: Any,
    default_unit: Unit,
    unit_choices: Mapping[str, int] | None = None,
    create_partners: Collection[str] | None = None,
) -> dict[str, Any]:
    """The coordinator confirms the review: the records are created in one transaction, then the import closes."""
    _require_coordinator(by, "xác nhận nhập văn bản")
    with transaction.atomic():
        fresh = PendingImport.objects.select_for_update().get(pk=pending.pk)
        if fresh.status != ImportStatus.READY:
            raise WorkflowError(f"Văn bản này đang ở trạng thái “{fresh.get_status_display()}”, không thể nhập.")
        year = fresh.effective_year
        if year is None:
            raise WorkflowError("Chưa xác định được năm kế hoạch; hãy nhập năm trước khi xác nhận.")
        plan = document_import_plan(data=fresh.extracted or {}, year=year)
        report = document_import_apply(
            plan=plan,
            by=by,
            default_unit=default_unit,
            unit_choices=unit_choices,
            create_partners=create_partners,
            source=fresh.original_name,
        )
        fresh.status = ImportStatus.IMPORTED
        fresh.year = year
        fresh.report = report
        fresh.imported_by = by
        fresh.imported_at = timezone.now()
        save_tracked(fresh, by=by, reason="Xác nhận nhập")
        record_event(
            obj=fresh,
            verb="imported",
            summary=f"Nhập văn bản “{fresh.original_name}”: tạo {report['total_created']} bản ghi, "
            f"bỏ qua {report['total_skipped']} đã có",
            actor=by,
            data=report,
        )
    return report


def document_import_discard(*, pending: PendingImport, by: Any) -> PendingImport:
    """Drop a pending import and its stored file; nothing had been saved to the registries."""
    _require_coordinator(by, "hủy nhập văn bản")
    if pending.status in (ImportStatus.IMPORTED, ImportStatus.DISCARDED):
        raise WorkflowError("Văn bản này đã được nhập hoặc đã hủy.")
    pending.file.delete(save=False)
    pending.status = ImportStatus.DISCARDED
    return save_tracked(pending, by=by, reason="Hủy nhập")


def coordinator_unit() -> Unit | None:
    return Unit.objects.filter(is_coordinator=True).order_by("pk").first()


def default_unit_for(user: Any) -> Unit | None:
    """Rows whose unit the text does not name go to the importing user's unit, else the coordinating unit."""
    return getattr(user, "unit", None) or coordinator_unit()
