"""Demo aid projects and investment opportunities, moved through their workflows by the services.

Called by `doingoai.devtools.demo.load_demo`; dates are relative to the builder's `today`, so the NGO-aid start rule
(one late, one still within its 6 months) and the public investment page always have something to show. The
records are data/aid.toml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from doingoai.aid import services
from doingoai.aid.models import AidKind, AidProject, AidStatus, InvestmentOpportunity, InvestmentStatus, Sector
from doingoai.core import rules
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.devtools.demo.records import read_toml, records


@dataclass(frozen=True)
class AidSpec:
    unit: str
    kind: AidKind
    title: str
    donor: str  # a partner of the reference data, or "" (then donor_text)
    donor_text: str
    sector: Sector
    amount: int
    currency: str
    place: str
    months: int  # planned duration
    status: AidStatus
    approved_months_ago: int = 0


@dataclass(frozen=True)
class OpportunitySpec:
    unit: str
    title: str
    title_en: str
    sector: Sector
    place: str
    area_ha: str
    scale: str
    total: int
    currency: str
    status: InvestmentStatus
    point: tuple[str, str] | None = None  # latitude, longitude; None: not on the map yet
    public: bool = True
    description: str = ""
    description_en: str = ""
    scale_en: str = ""


_DATA = read_toml("aid.toml")
AIDS = records(AidSpec, _DATA["aid"])
OPPORTUNITIES = records(OpportunitySpec, _DATA["opportunity"])


def _owner(builder: DemoBuilder, unit: str) -> Any:
    return builder.officers.get(unit, builder.coordinator)


def build_aid_demo(builder: DemoBuilder) -> None:
    """Aid projects in every status and the investment catalogue (mostly open, most of it public)."""
    builder.counts.setdefault("aid_projects", 0)
    builder.counts.setdefault("investment_opportunities", 0)
    for spec in AIDS:
        _aid(builder, spec)
    for opportunity in OPPORTUNITIES:
        _opportunity(builder, opportunity)


def _aid(builder: DemoBuilder, spec: AidSpec) -> AidProject:
    today = builder.today
    owner = _owner(builder, spec.unit)
    approved = rules.add_months(today, -spec.approved_months_ago) if spec.approved_months_ago else None
    start = (approved + dt.timedelta(days=20)) if approved else rules.add_months(today, 3)
    aid = AidProject(
        year=(approved or today).year,
        kind=spec.kind,
        title=spec.title,
        donor=builder.partners.get(spec.donor) if spec.donor else None,
        donor_text=spec.donor_text,
        sector=spec.sector,
        amount=Decimal(spec.amount),
        currency=spec.currency,
        place=spec.place,
        managing_unit=builder.units[spec.unit],
        start_date=start,
        end_date=rules.add_months(start, spec.months),
    )
    aid._history_user = owner  # type: ignore[attr-defined]
    aid.save()
    builder.counts["aid_projects"] += 1
    order = [AidStatus.PROPOSED, AidStatus.APPRAISED, AidStatus.APPROVED, AidStatus.IMPLEMENTING, AidStatus.CLOSED]
    if spec.status == AidStatus.DRAFT:
        return aid
    reached = order.index(AidStatus(spec.status))
    aid = builder.step(services.aid_project_submit, aidproject=aid, by=owner)
    if reached >= 1:
        appraised = (approved - dt.timedelta(days=25)) if approved else today - dt.timedelta(days=10)
        aid = builder.step(
            services.aid_project_appraise,
            aidproject=aid,
            by=builder.users["finance"],
            appraised_on=appraised,
            appraisal_note="Phù hợp quy hoạch, nhu cầu của địa phương; đề nghị phê duyệt.",
        )
    if reached >= 2 and approved:
        aid = builder.step(
            services.aid_project_approve,
            aidproject=aid,
            by=builder.leader,
            approval_ref=builder.ref("{}/QĐ-UBND"),
            approved_on=approved,
            approving_authority="Chủ tịch UBND tỉnh",
        )
    if reached >= 3 and approved:
        aid = builder.step(services.aid_project_start, aidproject=aid, by=owner, started_on=start)
    if reached >= 4:
        closed = min(rules.add_months(start, spec.months), today - dt.timedelta(days=30))
        aid = builder.step(
            services.aid_project_close,
            aidproject=aid,
            by=owner,
            closed_on=closed,
            result="Hoàn thành các hợp phần; đã bàn giao cho đơn vị thụ hưởng quản lý, sử dụng.",
        )
    return aid


def _opportunity(builder: DemoBuilder, spec: OpportunitySpec) -> InvestmentOpportunity:
    owner = _owner(builder, spec.unit)
    lat, lon = (Decimal(spec.point[0]), Decimal(spec.point[1])) if spec.point else (None, None)
    opportunity = InvestmentOpportunity(
        year=builder.today.year,
        title=spec.title,
        title_en=spec.title_en,
        sector=spec.sector,
        place=spec.place,
        area_ha=Decimal(spec.area_ha),
        scale=spec.scale,
        scale_en=spec.scale_en,
        total_investment=Decimal(spec.total),
        currency=spec.currency,
        managing_unit=builder.units[spec.unit],
        latitude=lat,
        longitude=lon,
        description=spec.description,
        description_en=spec.description_en,
    )
    opportunity._history_user = owner  # type: ignore[attr-defined]
    opportunity.save()
    builder.counts["investment_opportunities"] += 1
    o = builder.step(services.investment_opportunity_submit, investmentopportunity=opportunity, by=owner)
    if spec.status == InvestmentStatus.PROPOSED:
        return o
    o = builder.step(
        services.investment_opportunity_publish, investmentopportunity=o, by=builder.coordinator, public=spec.public
    )
    if spec.status in (InvestmentStatus.IN_TALKS, InvestmentStatus.AWARDED):
        o = builder.step(
            services.investment_opportunity_start_talks,
            investmentopportunity=o,
            by=owner,
            investor_text="Nhà đầu tư nước ngoài (đang đàm phán)",
        )
    if spec.status == InvestmentStatus.AWARDED:
        o = builder.step(
            services.investment_opportunity_award,
            investmentopportunity=o,
            by=builder.leader,
            decision_ref=builder.ref("{}/QĐ-UBND"),
            decision_date=builder.today - dt.timedelta(days=45),
            investor_text="Công ty linh kiện điện tử vốn đầu tư Thái Lan",
        )
    return o
