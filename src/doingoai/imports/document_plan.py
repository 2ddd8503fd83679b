"""What confirming a programme or plan document would create: the plan itself (kind, number, signer, planned
counts, reporting regime, the task tree with its units matched to the unit registry), its appendix rows turned
into records of the registries, partners matched through their aliases, units guessed, and what an earlier
import already created marked as such. For the review screen and `import --dry-run`; nothing is written here."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from doingoai.agreements.models import Agreement, AgreementType
from doingoai.conferences.models import Conference, ConferenceForm
from doingoai.core.choices import FundingSource, PartnerKind
from doingoai.core.i18n import vietnamese
from doingoai.core.models import Country, Partner, Unit
from doingoai.core.schedule import describe_entries, entries_from_data, entries_to_data
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.imports.matching import (
    PartnerMatcher,
    UnitMatch,
    UnitResolver,
    clean_lines,
    clean_text,
    partner_entries,
    units_in_task,
)
from doingoai.imports.proposals import duration_days, proposal_lookups, state_budget_used
from doingoai.programs.models import Pillar, Plan, PlanKind, PlanStatus, PlanTask, SteeringCommittee
from doingoai.reference import refdata
from doingoai.reference.text import compact_key, search_key

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
class TaskRow:
    """One task of the plan's body as the document gives it, with its units matched to the unit registry."""

    key: str
    number: int
    section: str
    depth: int
    parent_key: str | None
    pillar: str
    domain: str
    text: str
    lead: UnitMatch | None  # None: the document names no lead unit
    coordinating: list[UnitMatch]
    deadline: dt.date | None = None
    heading: bool = False  # a heading grouping the tasks of one section, added by the import
    existing: PlanTask | None = None  # the plan has this task already: skipped

    @property
    def duplicate(self) -> bool:
        return self.existing is not None

    @property
    def lead_unit(self) -> Unit | None:
        return self.lead.unit if self.lead else None

    @property
    def unmatched(self) -> list[str]:
        """Names of the document that no unit of the registry matched."""
        return [m.written for m in [*([self.lead] if self.lead else []), *self.coordinating] if m.unit is None]

    def status_note(self) -> str:
        names = self.unmatched
        return f"Văn bản ghi đơn vị chưa có trong danh mục: {', '.join(names)}." if names else ""


@dataclass
class PlanDraft:
    """The plan a document is: created on confirmation, or, when it exists already, completed."""

    values: dict[str, Any]  # Plan fields read from the document
    status: str
    tasks: list[TaskRow]
    existing: Plan | None = None
    identity: str = ""  # why the existing plan is this document's
    fills: list[str] = field(default_factory=list)  # fields of the existing plan the document fills
    warnings: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return str(self.values["kind"])

    @property
    def kind_label(self) -> str:
        return str(PlanKind(self.kind).label)

    @property
    def kind_year(self) -> str:
        """ "Chương trình hoạt động đối ngoại năm 2022", "Kế hoạch công tác thông tin đối ngoại năm 2026"."""
        label = vietnamese(PlanKind(self.kind).label)
        return f"{label} {self.values['year']}" if label.endswith(" năm") else f"{label} năm {self.values['year']}"

    @property
    def status_label(self) -> str:
        return str(PlanStatus(self.status).label)

    @property
    def tasks_to_create(self) -> int:
        return sum(1 for t in self.tasks if not t.duplicate)

    @property
    def tasks_skipped(self) -> int:
        return sum(1 for t in self.tasks if t.duplicate)

    @property
    def issues(self) -> bool:
        """Confirming records the plan as issued (a new plan, or a draft one now numbered and dated)."""
        current = self.existing.status if self.existing else PlanStatus.DRAFT
        return self.status == PlanStatus.ISSUED and current == PlanStatus.DRAFT

    @property
    def changes(self) -> bool:
        return self.existing is None or bool(self.fills) or self.tasks_to_create > 0 or self.issues

    @property
    def reporting_text(self) -> str:
        return describe_entries(self.values.get("reporting") or [])


@dataclass
class ImportPlan:
    """What confirming a document would create, for the review screen and `import --dry-run`."""

    document: dict[str, Any]
    year: int | None
    sections: dict[str, list[PlanRow]]
    partners: list[PartnerMatch]
    planned_counts: dict[str, Any]
    unknown_countries: list[str] = field(default_factory=list)
    plan_draft: PlanDraft | None = None
    # The documents it cites (the extract's `legal_references`), for the register of legal bases.
    legal_references: list[dict[str, Any]] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        """Confirming would write something (rows, or the plan and its tasks): a body-only plan counts."""
        return self.to_create > 0 or (self.plan_draft is not None and self.plan_draft.changes)

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
    text = clean_text(value)
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
    key = search_key(clean_text(value))
    if not key:
        return FundingSource.OTHER
    for code, label in FundingSource.choices:
        if key in (code, search_key(vietnamese(label))):
            return code
    for pattern, source in _FUNDING_RULES:
        if re.search(pattern, key):
            return source
    return FundingSource.OTHER


def _agreement_type(value: Any) -> str:
    key = search_key(clean_text(value))
    for code, label in AgreementType.choices:
        if key in (code, search_key(vietnamese(label))):
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


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def document_import_plan(*, data: Mapping[str, Any], year: int, user: Any = None) -> ImportPlan:
    """Turn the extract contract (DESIGN.md) into the records it would create, matching what already exists.

    `user` is the one importing: a plan other than the programme is followed up by their unit, unless the
    issuing steering committee is known (its standing agency) or they have none (the coordinating agency)."""
    countries = dict(Country.objects.values_list("code", "pk"))
    country_lookup = proposal_lookups().countries
    partners = _plan_partners(_dicts(data.get("partners")), countries)
    matcher = PartnerMatcher(
        [
            *[(name, pm.ref, pm.country) for pm in partners for name in {pm.written, pm.canonical}],
            *partner_entries(Partner.objects.select_related("country")),
        ]
    )
    units = UnitResolver(Unit.objects.all())
    unknown: list[str] = []

    def codes(values: Any) -> list[str]:
        result = []
        for value in values if isinstance(values, list) else [values]:
            text = clean_text(value)
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
        direction = Direction.IN if clean_text(item.get("direction")).lower() == "in" else Direction.OUT
        section = "delegations_in" if direction == Direction.IN else "delegations_out"
        written = [str(code) for code in item.get("countries") or []]
        blocs = [code.upper() for code in written if code.upper() in refdata.BLOC_CODES]  # "EU, Anh": kept beside
        row_countries = codes([code for code in written if code.upper() not in refdata.BLOC_CODES])
        name = clean_text(item.get("name"), 500) or clean_text(item.get("capacity"), 500) or "Đoàn (chưa có tên)"
        duration = clean_text(item.get("duration"), 64)
        source = _funding(item.get("funding"))
        state_budget = item.get("state_budget")
        fields = {
            "direction": direction,
            "year": year,
            "group": _group(item.get("group")),
            "name": name,
            "capacity": clean_text(item.get("capacity"), 255),
            "head": clean_text(item.get("head"), 255),
            "size": _int(item.get("size")),
            "blocs": ", ".join(blocs),
            "composition": clean_lines(item.get("composition")),
            "partner_text": clean_lines(item.get("partner_text")),
            "purpose": clean_lines(item.get("purpose")),
            "duration_text": duration,
            "duration_days": duration_days(duration),
            "time_text": clean_text(item.get("time_text"), 128),
            "funding_source": source,
            "funding_text": clean_text(item.get("funding"), 255),
            "uses_state_budget": state_budget if isinstance(state_budget, bool) else state_budget_used(source, None),
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
        title = clean_text(item.get("title"), 500) or "Hội nghị (chưa có tên)"
        partner_text = clean_text(item.get("partner_text"))
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
            "time_text": clean_text(item.get("time_text"), 128),
            "funding_source": source,
            "funding_text": clean_text(item.get("funding"), 255),
            "uses_state_budget": state_budget_used(source, None),
            "permitting_authority_text": clean_text(item.get("permitting_authority"), 255),
        }
        section = "conferences"
        add(section, title, Conference, fields, row_countries, refs, units.resolve(title), "conference")
    for item in _dicts(data.get("agreements")):
        title = clean_lines(item.get("title"), 500) or "Thỏa thuận (chưa có tên)"
        row_countries = codes(item.get("country"))[:1]
        partner_text = clean_text(item.get("partner"), 500)
        refs = matcher.find(partner_text, countries=row_countries)[:1]
        fields = {
            "year": year,
            "capacity": clean_text(item.get("capacity"), 255),
            "type": _agreement_type(item.get("type")),
            "title": title,
            "partner_text": partner_text,
            "time_text": clean_text(item.get("time_text"), 128),
            "signing_level": clean_text(item.get("signing_level"), 500),
            "approving_authority": clean_text(item.get("approving_authority"), 255),
            "note": clean_lines(item.get("note")),
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
    planned_counts = dict(planned) if isinstance(planned, dict) else {}
    document = dict(data.get("document") or {})
    return ImportPlan(
        document=document,
        year=year,
        sections=sections,
        partners=partners,
        planned_counts=planned_counts,
        unknown_countries=unknown,
        plan_draft=plan_draft(data=data, year=year, units=units, user=user),
        legal_references=_dicts(data.get("legal_references")),
    )


# ------------------------------------------------------------------------------------------- the plan itself

_KINDS = {
    "program": PlanKind.PROGRAM,
    "notice": PlanKind.NOTICE,
    "official_letter": PlanKind.DIRECTIVE,
    "decision": PlanKind.OTHER,
    "regulation": PlanKind.OTHER,
    "other": PlanKind.OTHER,
}


def plan_kind(document: Mapping[str, Any]) -> str | None:
    """The kind of plan a document is; None for a report (it reports on plans, it is none)."""
    kind = str(document.get("kind") or "other")
    if kind == "plan":
        words = search_key(f"{document.get('title') or ''} {document.get('issuer') or ''}")
        if "thong tin doi ngoai" in words:
            return PlanKind.INFORMATION
        if "hoi nhap quoc te" in words:
            return PlanKind.INTEGRATION
        return PlanKind.THEMATIC
    return _KINDS.get(kind) if kind != "report" else None


def _number_key(number: Any) -> str:
    return re.sub(r"\s+", "", str(number or "")).casefold()


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _existing_plan(kind: str, year: int, number: str, title: str) -> tuple[Plan | None, str]:
    """The plan this document already is: the year's programme; else the same kind, year and number (or title,
    for a document without a number)."""
    if kind == PlanKind.PROGRAM:
        found = Plan.objects.filter(kind=kind, year=year).first()
        if found is None:
            return None, ""
        how = "chưa có số" if not found.number else f"số {found.number}"
        return found, f"Chương trình năm {year} đã có ({how})"
    candidates = list(Plan.objects.filter(kind=kind, year=year))
    if number:
        for plan in candidates:
            if _number_key(plan.number) == _number_key(number):
                return plan, f"đã có {PlanKind(kind).label.lower()} số {plan.number} năm {year}"
    elif title:
        for plan in candidates:
            if search_key(plan.title) == search_key(title):
                return plan, f"đã có {PlanKind(kind).label.lower()} “{plan.title}” năm {year}"
    return None, ""


def _committee(issuer: str) -> SteeringCommittee | None:
    key = search_key(issuer)
    if not key:
        return None
    for committee in SteeringCommittee.objects.select_related("standing_unit").filter(active=True):
        name = search_key(committee.name)
        if name and (name in key or key in name):
            return committee
    return None


def _coordinator() -> Unit | None:
    return Unit.objects.filter(is_coordinator=True).order_by("pk").first()


def plan_draft(*, data: Mapping[str, Any], year: int, units: UnitResolver, user: Any = None) -> PlanDraft | None:
    """The plan a document is (see `document_import_plan`), its tree of tasks and what already exists of it."""
    document = dict(data.get("document") or {})
    kind = plan_kind(document)
    if kind is None:
        return None
    number = re.sub(r"\s*/\s*", "/", clean_text(document.get("number"), 64))
    issued_on = _date(document.get("issued_on") or document.get("date"))
    title = clean_text(document.get("title"), 500)
    issuer = clean_text(document.get("issuer"), 255)
    committee = _committee(issuer) if kind != PlanKind.PROGRAM else None
    coordinating_unit: Unit | None
    if committee is not None:
        coordinating_unit = committee.standing_unit
    elif kind == PlanKind.PROGRAM:
        coordinating_unit = _coordinator()
    else:
        coordinating_unit = getattr(user, "unit", None) or _coordinator()
    values: dict[str, Any] = {
        "kind": kind,
        "year": year,
        "title": "" if kind == PlanKind.PROGRAM else title,  # a programme's title is written by the system
        "issuer": issuer,
        "committee": committee,
        "number": number,
        "issued_on": issued_on,
        "signer_name": clean_text(document.get("signer"), 128),
        "coordinating_unit": coordinating_unit,
        "reporting": entries_to_data(_unique(entries_from_data(_dicts(data.get("reporting"))))),
    }
    if kind == PlanKind.PROGRAM:
        planned = data.get("planned_counts") if isinstance(data.get("planned_counts"), dict) else {}
        for field_name, key in (
            ("planned_outbound", "outbound_delegations"),
            ("planned_inbound", "inbound_delegations"),
            ("planned_conferences", "conferences"),
            ("planned_agreements", "agreements"),
        ):
            values[field_name] = _int(planned.get(key)) if planned else None
    existing, identity = _existing_plan(kind, year, number, title)
    draft = PlanDraft(
        values=values,
        status=PlanStatus.ISSUED if number and issued_on else PlanStatus.DRAFT,
        tasks=_task_tree(_dicts(data.get("tasks")), units),
        existing=existing,
        identity=identity,
    )
    _attach_deadlines(draft, _dicts(data.get("deadlines")), year, issued_on)
    if existing is not None:
        draft.fills = [
            str(getattr(Plan._meta.get_field(name), "verbose_name", name))
            for name, value in values.items()
            if value not in (None, "", []) and getattr(existing, name) in (None, "", [])
        ]
        if number and existing.number and _number_key(existing.number) != _number_key(number):
            draft.warnings.append(f"Văn bản ghi số {number}, kế hoạch đã có ghi số {existing.number}: giữ số đã có.")
        known = {(t.section, search_key(t.text)): t for t in existing.tasks.all()}
        for task in draft.tasks:
            task.existing = known.get((task.section, search_key(task.text)))
    return draft


def _unique(items: Iterable[Any]) -> list[Any]:
    result: list[Any] = []
    for item in items:
        if item not in result:
            result.append(item)
    return result


def _task_tree(items: list[dict[str, Any]], units: UnitResolver) -> list[TaskRow]:
    """Tasks with parents from their section paths: the several tasks of one section ("- …" under "II.3.a")
    go under a heading named after their domain; a section's node goes under the nearest section above it.
    Headings above the top level are added only when the body has several top-level sections."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        text = clean_text(item.get("text")) if "\n" not in str(item.get("text") or "") else str(item["text"]).strip()
        if text:
            groups.setdefault(clean_text(item.get("section"), 32), []).append({**item, "text": text})
    tops = {section.split(".")[0] for section in groups if section}
    rows: list[TaskRow] = []
    node_of: dict[str, TaskRow] = {}

    def pillar_of(values: Iterable[Any]) -> str:
        found = {str(v) for v in values if v in Pillar.values}
        return found.pop() if len(found) == 1 else Pillar.GENERAL

    def add(section: str, item: dict[str, Any] | None, heading_text: str = "", pillar: str = "") -> TaskRow:
        parts = section.split(".") if section else []
        parent = None
        if item is not None and section in node_of and node_of[section].heading:
            parent = node_of[section]
        else:
            for cut in range(len(parts) - 1, 0, -1):
                prefix = ".".join(parts[:cut])
                if cut == 1 and len(tops) <= 1:
                    break
                parent = node_of.get(prefix) or heading(prefix)
                break
        lead: UnitMatch | None = None
        helpers: list[UnitMatch] = []
        if item is not None:
            lead, helpers = _task_units(item, units)
        row = TaskRow(
            key=f"task-{len(rows) + 1}",
            number=len(rows) + 1,
            section=section,
            depth=(parent.depth + 1) if parent else 0,
            parent_key=parent.key if parent else None,
            pillar=pillar or (item and pillar_of([item.get("pillar")])) or Pillar.GENERAL,
            domain=clean_text(item.get("domain"), 128) if item else "",
            text=item["text"] if item else heading_text,
            lead=lead,
            coordinating=helpers,
            heading=item is None,
        )
        rows.append(row)
        return row

    def heading(section: str) -> TaskRow:
        below = [i for s, group in groups.items() if s == section or s.startswith(f"{section}.") for i in group]
        # A lone task's domain is the heading above it; a group's domain is its own heading, not this one.
        lone = [g[0] for s, g in groups.items() if len(g) == 1 and s.startswith(f"{section}.")]
        domains = {clean_text(i.get("domain")) for i in lone}
        pillar = pillar_of([i.get("pillar") for i in below])
        text = (
            domains.pop()
            if len(domains) == 1 and "" not in domains
            else (vietnamese(Pillar(pillar).label) if pillar != Pillar.GENERAL else f"Mục {section}")
        )
        node_of[section] = add(section, None, text, pillar)
        return node_of[section]

    for section, group in groups.items():
        if len(group) > 1 and section:
            domains = {clean_text(i.get("domain")) for i in group}
            text = domains.pop() if len(domains) == 1 and "" not in domains else f"Mục {section}"
            if section not in node_of:
                node_of[section] = add(section, None, text[:500], pillar_of([i.get("pillar") for i in group]))
            for item in group:
                add(section, item)
        else:
            for item in group:
                row = add(section, item)
                if section and section not in node_of:
                    node_of[section] = row
    return rows


def _task_units(item: Mapping[str, Any], units: UnitResolver) -> tuple[UnitMatch | None, list[UnitMatch]]:
    """The task's lead and coordinating units: as the extraction gives them, else as its text names them."""
    lead_text = clean_text(item.get("lead_unit"))
    written = [clean_text(u) for u in item.get("coordinating_units") or [] if clean_text(u)]
    helpers_text = ""
    if not lead_text and not written:
        found_lead, helpers_text = units_in_task(str(item.get("text") or ""))
        lead_text = found_lead or ""
    lead = units.match(lead_text) if lead_text else None
    helpers = [units.match(name) for name in written] if written else units.find_all(helpers_text)
    unique: list[UnitMatch] = []
    for match in helpers:
        if match.unit is None or all(match.unit != m.unit for m in unique):
            unique.append(match)
    return lead, unique


def _words(text: str) -> set[str]:
    return {w for w in search_key(text).split() if len(w) > 1}


def _attach_deadlines(draft: PlanDraft, deadlines: list[dict[str, Any]], year: int, issued_on: dt.date | None) -> None:
    """A deadline of the document goes to the task whose text it repeats; the others concern no one task."""
    for item in deadlines:
        when = _date(item.get("date"))
        if when is None or not year - 1 <= when.year <= year + 1 or (issued_on and when < issued_on):
            continue
        key, words = search_key(clean_text(item.get("text"))), _words(str(item.get("text") or ""))
        for task in draft.tasks:
            if task.heading or task.deadline is not None:
                continue
            task_key, task_words = search_key(task.text), _words(task.text)
            shorter = min(len(words), len(task_words)) or 1
            if (len(key) >= 20 and (key in task_key or task_key in key)) or len(words & task_words) / shorter >= 0.6:
                task.deadline = when
                break


def _plan_partners(items: list[dict[str, Any]], countries: Mapping[str, int]) -> list[PartnerMatch]:
    by_key: dict[str, list[Partner]] = {}
    for partner in Partner.objects.select_related("country"):
        for name in {partner.name, *(partner.aliases or [])}:
            by_key.setdefault(compact_key(name), []).append(partner)
    result: list[PartnerMatch] = []
    seen: set[tuple[str, str | None]] = set()
    for item in items:
        written = clean_text(item.get("name"), 255)
        canonical = clean_text(item.get("canonical"), 255) or written
        if not written:
            continue
        country = clean_text(item.get("country")).upper() or None
        country = country if country in countries else None
        kind = clean_text(item.get("kind"))
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
