"""Units' proposals from the .xlsx templates into the registries: the templates with today's reference lists,
the reading and checking of a filled-in file (plain Python in `documents/proposals_xlsx.py`), and the import of
the checked rows, one transaction per file, with the field history attributed to the user and a business event
per record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.agreements.models import Agreement, AgreementStatus, AgreementType
from doingoai.conferences.models import Conference, ConferenceForm, ConferenceStatus
from doingoai.core import rules
from doingoai.core.choices import FundingSource, Role
from doingoai.core.i18n import vietnamese_choices
from doingoai.core.models import Country, Unit
from doingoai.core.permissions import WRITE_ALL_ROLES, role_of
from doingoai.core.workflow import StepPermissionDenied, WorkflowError, record_event, save_tracked
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.documents import proposals_xlsx
from doingoai.documents.proposals_xlsx import Lookups, ProposalSheet
from doingoai.documents.timeparse import days_in_text
from doingoai.imports.matching import PartnerMatcher
from doingoai.reference.text import search_key

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
            "funding": vietnamese_choices(FundingSource.choices),
            "groups": vietnamese_choices(DelegationGroup.choices),
            "forms": vietnamese_choices(ConferenceForm.choices),
            "agreement_types": vietnamese_choices(AgreementType.choices),
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
            raise StepPermissionDenied(
                gettext("Dòng %(row)s: bạn không được nhập đề xuất cho đơn vị này.") % {"row": row["row"]}
            )
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


def state_budget_used(source: str, stated: bool | None) -> bool:
    return stated if stated is not None else source in FundingSource.state_budget()


def duration_days(text: str) -> int | None:
    return days_in_text(text)


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
                duration_days=duration_days(v.get("duration_text") or ""),
                time_text=v["time_text"],
                funding_source=v["funding_source"],
                uses_state_budget=state_budget_used(v["funding_source"], v.get("uses_state_budget")),
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
                uses_state_budget=state_budget_used(v["funding_source"], None),
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
