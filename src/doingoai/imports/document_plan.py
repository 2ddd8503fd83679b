"""What confirming a programme or plan document would create: its rows turned into records of the registries,
partners matched through their aliases, units guessed, and rows that an earlier import already created marked
as duplicates. For the review screen and `import --dry-run`; nothing is written here."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from doingoai.agreements.models import Agreement, AgreementType
from doingoai.conferences.models import Conference, ConferenceForm
from doingoai.core.choices import FundingSource, PartnerKind
from doingoai.core.models import Country, Partner, Unit
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.imports.matching import PartnerMatcher, UnitResolver, clean_text, partner_entries
from doingoai.imports.proposals import duration_days, proposal_lookups, state_budget_used
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
        if key in (code, search_key(label)):
            return code
    for pattern, source in _FUNDING_RULES:
        if re.search(pattern, key):
            return source
    return FundingSource.OTHER


def _agreement_type(value: Any) -> str:
    key = search_key(clean_text(value))
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
        row_countries = codes(item.get("countries") or [])
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
            "composition": clean_text(item.get("composition")),
            "partner_text": clean_text(item.get("partner_text")),
            "purpose": clean_text(item.get("purpose")),
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
        title = clean_text(item.get("title"), 500) or "Thỏa thuận (chưa có tên)"
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
            "note": clean_text(item.get("note")),
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
