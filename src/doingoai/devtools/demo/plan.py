"""Demo plan of the current and the next year: delegations (Phụ lục 1, 2), international conferences (Phụ lục 3)
and agreements (Phụ lục 4).

Records are created by an officer of their unit and moved on by calling the workflow services as the user
who would take each step (the unit submits, the coordinator consolidates and consults, the leader approves),
so the field history and the business events look like real use. The current year is under way (done,
postponed, cancelled, late reports, an overdue permit application, a late report on a signed agreement); the
next year is being planned (drafts and proposals). The records and the phrasing are data files: delegations.toml,
conferences.toml, agreements.toml and phrasing.toml under data/.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from doingoai.agreements import services as agreement_services
from doingoai.agreements.models import Agreement, AgreementStatus, AgreementType
from doingoai.conferences import services as conference_services
from doingoai.conferences.models import Conference, ConferenceForm, ConferenceStatus
from doingoai.core import rules
from doingoai.core.choices import FundingSource
from doingoai.delegations import services as delegation_services
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.devtools.demo import budget
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.devtools.demo.records import read_toml, records
from doingoai.documents.timeparse import parse_planned_time

OUT = Direction.OUT
G_A = DelegationGroup.CENTRAL_LEADERS
DS = DelegationStatus
CS = ConferenceStatus
AS = AgreementStatus


@dataclass(frozen=True)
class DelegationSpec:
    unit: str
    direction: Direction
    group: DelegationGroup
    name: str
    capacity: str
    head: str
    size: int
    composition: str
    countries: tuple[str, ...]
    partners: tuple[str, ...]
    partner_text: str
    purpose: str
    days: int
    time_text: str
    funding: FundingSource
    funding_text: str = ""
    duration_text: str = ""
    now: DelegationStatus | None = (
        None  # status forced in the current year (e.g. the overlapping pairs stay in the plan)
    )


@dataclass(frozen=True)
class ConferenceSpec:
    unit: str
    title: str
    form: ConferenceForm
    countries: tuple[str, ...]
    partners: tuple[str, ...]
    partner_text: str
    delegates: tuple[int, int, int]  # Vietnamese, foreigners in Vietnam, from abroad
    place: str
    days: int
    time_text: str
    funding: FundingSource
    funding_text: str = ""
    high_level: bool = False
    sensitive: bool = False
    now: ConferenceStatus = CS.PROPOSED  # status in the current year
    next: ConferenceStatus = CS.DRAFT  # status in the next year


@dataclass(frozen=True)
class AgreementSpec:
    unit: str
    capacity: str
    type: AgreementType
    title: str
    country: str
    partner: str
    partner_text: str
    signing_level: str
    approving_authority: str
    time_text: str
    now: AgreementStatus | None = None  # status in the current year; None when only proposed for next year
    next: AgreementStatus | None = None  # status in the next year; None when it was settled this year


_DELEGATIONS = read_toml("delegations.toml")
OUTBOUND = records(DelegationSpec, [row | {"direction": Direction.OUT} for row in _DELEGATIONS["outbound"]])
INBOUND = records(DelegationSpec, [row | {"direction": Direction.IN} for row in _DELEGATIONS["inbound"]])
CONFERENCES = records(ConferenceSpec, read_toml("conferences.toml")["conference"])
AGREEMENTS = records(AgreementSpec, read_toml("agreements.toml")["agreement"])

_PHRASING = read_toml("phrasing.toml")
RESULT_REPORTS: list[str] = _PHRASING["result_reports"]
CONFERENCE_REPORTS: list[str] = _PHRASING["conference_reports"]
POSTPONE_REASONS: list[str] = _PHRASING["postpone_reasons"]
CANCEL_REASONS: list[str] = _PHRASING["cancel_reasons"]
RETURN_COMMENTS: list[str] = _PHRASING["return_comments"]
TIME_CHOICES: list[str] = _PHRASING["time_choices"]


def latest_past(builder: DemoBuilder, margin: int = 20) -> dt.date:
    return builder.today - dt.timedelta(days=margin)


def past_start(builder: DemoBuilder, time_text: str, length: int, margin: int = 20) -> tuple[dt.date, str]:
    """A start date, `length` days before an end no later than today − margin, inside the planned months.

    Returns the date and the planned-time text to keep: the written one when the date fits it, else
    "Tháng M" for the month the activity actually happened in.
    """
    latest_end = latest_past(builder, margin)
    latest_start = latest_end - dt.timedelta(days=max(length - 1, 0))
    months = sorted(parse_planned_time(time_text).months)
    year = builder.year
    fitting = [m for m in months if latest_start.year == year and dt.date(year, m, 1) <= latest_start]
    if fitting:
        month = builder.rng.choice(fitting)
        last_day = calendar.monthrange(year, month)[1]
        if month == latest_start.month:
            last_day = latest_start.day
        return dt.date(year, month, builder.rng.randint(1, last_day)), time_text
    if latest_start.year == year:
        span = (latest_start - dt.date(year, 1, 1)).days
        start = dt.date(year, 1, 1) + dt.timedelta(days=builder.rng.randint(0, span))
    else:  # the year has only just begun: it happened late last year
        start = latest_start - dt.timedelta(days=builder.rng.randint(0, 40))
    return start, (time_text if not months else f"Tháng {start.month}")


def upcoming(builder: DemoBuilder, days: int) -> dt.date:
    """A day `days` ahead, kept inside the current year when the year leaves room."""
    return min(builder.today + dt.timedelta(days=days), max(dt.date(builder.year, 12, 31), builder.today))


def create_delegation(builder: DemoBuilder, spec: DelegationSpec, year: int, time_text: str, size: int) -> Delegation:
    officer = builder.officers[spec.unit]
    duration = spec.duration_text or f"{spec.days:02d} ngày"
    delegation = Delegation(
        year=year,
        direction=spec.direction,
        group=spec.group,
        name=builder.fill(spec.name, year),
        capacity=spec.capacity,
        head=spec.head,
        size=size,
        composition=spec.composition,
        partner_text=spec.partner_text,
        purpose=builder.fill(spec.purpose, year),
        duration_text=duration,
        duration_days=spec.days,
        time_text=builder.fill(time_text, year),
        funding_source=spec.funding,
        funding_text=builder.fill(spec.funding_text, year),
        uses_state_budget=spec.funding in FundingSource.state_budget(),
        proposing_unit=builder.units[spec.unit],
    )
    delegation._history_user = officer  # type: ignore[attr-defined]
    delegation.save()
    countries, partners = builder.lookup(spec.countries, spec.partners)
    delegation.countries.set(countries)
    delegation.partners.set(partners)
    builder.counts["delegations"] += 1
    return delegation


def decision_ref(builder: DemoBuilder, spec: DelegationSpec) -> str:
    return builder.ref("{}-QĐ/TU" if spec.group == G_A and spec.unit == "tinhuy" else "{}/QĐ-UBND")


def delegations_current(builder: DemoBuilder) -> None:
    """This year's plan, under way: done (some reports late), approved, in the plan, postponed, cancelled."""
    specs = [*OUTBOUND, *INBOUND]
    pool = [DS.DONE] * 38 + [DS.APPROVED] * 14 + [DS.IN_PLAN] * 16 + [DS.POSTPONED] * 6 + [DS.CANCELLED] * 6
    builder.rng.shuffle(pool)
    late_left = 4  # outbound delegations back for more than 15 days without a result report
    returned_estimate = False
    for i, spec in enumerate(specs):
        status = spec.now or pool[i % len(pool)]
        officer = builder.officers[spec.unit]
        time_text = spec.time_text
        start = end = None
        if status == DS.DONE:
            start, time_text = past_start(builder, builder.fill(time_text, builder.year), spec.days)
            end = start + dt.timedelta(days=spec.days - 1)
        d = create_delegation(builder, spec, builder.year, time_text, spec.size)
        d = builder.step(delegation_services.delegation_submit, delegation=d, by=officer)
        if status == DS.CANCELLED and i % 2:
            builder.step(
                delegation_services.delegation_cancel,
                delegation=d,
                by=builder.leader,
                reason=builder.rng.choice(CANCEL_REASONS),
            )
            continue
        d = builder.step(delegation_services.delegation_include_in_plan, delegation=d, by=builder.coordinator)
        if status == DS.IN_PLAN:
            if d.uses_state_budget:  # waiting for finance; one estimate (over the norm) sent back to its unit
                over = not returned_estimate and d.direction == Direction.IN
                d = budget.estimate(builder, d, officer, over_norm=over)
                if over:
                    returned_estimate = True
                    budget.return_estimate(builder, d)
            continue
        if status in (DS.POSTPONED, DS.CANCELLED) and i % 3 == 0:
            service = (
                delegation_services.delegation_postpone
                if status == DS.POSTPONED
                else delegation_services.delegation_cancel
            )
            reasons = POSTPONE_REASONS if status == DS.POSTPONED else CANCEL_REASONS
            builder.step(service, delegation=d, by=builder.leader, reason=builder.rng.choice(reasons))
            continue
        decided = (
            start - dt.timedelta(days=builder.rng.randint(7, 25))
            if start
            else builder.today - dt.timedelta(days=builder.rng.randint(5, 60))
        )
        if d.uses_state_budget:  # the unit's estimate, appraised by finance before the decision
            d = budget.estimate(builder, d, officer)
            d = budget.appraise(builder, d, cut=i % 4 == 0)
        d = builder.step(
            delegation_services.delegation_approve,
            delegation=d,
            by=budget.decider(builder, d),
            decision_ref=decision_ref(builder, spec),
            decision_date=min(decided, builder.today),
        )
        if status == DS.APPROVED:
            continue
        if status == DS.POSTPONED:
            builder.step(
                delegation_services.delegation_postpone,
                delegation=d,
                by=builder.leader,
                reason=builder.rng.choice(POSTPONE_REASONS),
            )
            continue
        if status == DS.CANCELLED:
            builder.step(
                delegation_services.delegation_cancel,
                delegation=d,
                by=builder.leader,
                reason=builder.rng.choice(CANCEL_REASONS),
            )
            continue
        if start is None or end is None:  # set above for every DONE delegation
            continue
        late = spec.direction == OUT and late_left > 0 and spec.group != G_A
        report_now = not late and builder.rng.random() < 0.5
        d = builder.step(
            delegation_services.delegation_complete,
            delegation=d,
            by=officer,
            actual_start=start,
            actual_end=end,
            result_report=builder.rng.choice(RESULT_REPORTS) if report_now else "",
        )
        if d.uses_state_budget and d.budget_status == "appraised" and i % 3:
            d = budget.settle(builder, d, officer)
        if late:
            late_left -= 1
        elif not report_now and (spec.direction == OUT or builder.rng.random() < 0.5):
            builder.step(
                delegation_services.delegation_report_result,
                delegation=d,
                by=officer,
                result_report=builder.rng.choice(RESULT_REPORTS),
            )


def delegations_next(builder: DemoBuilder) -> None:
    """Next year's plan, being consolidated: drafts, proposals, a few already in the plan, two sent back."""
    year = builder.year + 1
    forced = {
        "sodulich": [DS.DRAFT, DS.PROPOSED, DS.DRAFT, DS.PROPOSED, DS.IN_PLAN],
        "congan": [DS.DRAFT, DS.PROPOSED, DS.PROPOSED, DS.DRAFT, DS.IN_PLAN, DS.DRAFT],
    }
    returned_left = len(RETURN_COMMENTS)
    for spec in [*OUTBOUND, *INBOUND]:
        officer = builder.officers[spec.unit]
        if forced.get(spec.unit):
            status = forced[spec.unit].pop(0)
        else:
            status = builder.rng.choices([DS.DRAFT, DS.PROPOSED, DS.IN_PLAN], weights=[3, 4, 3])[0]
        time_text = spec.time_text
        if not spec.now and builder.rng.random() < 0.3 and parse_planned_time(time_text).months:
            time_text = builder.rng.choice(TIME_CHOICES).replace("{month}", str(builder.rng.randint(2, 11)))
        size = spec.size if spec.size > 12 else max(3, spec.size + builder.rng.choice([-1, 0, 0, 1]))
        d = create_delegation(builder, spec, year, time_text, size)
        if status == DS.DRAFT:
            continue
        d = builder.step(delegation_services.delegation_submit, delegation=d, by=officer)
        if status == DS.PROPOSED and returned_left and spec.unit not in forced and builder.rng.random() < 0.2:
            returned_left -= 1
            builder.step(
                delegation_services.delegation_return_to_draft,
                delegation=d,
                by=builder.coordinator,
                comment=RETURN_COMMENTS[returned_left],
            )
            continue
        if status == DS.IN_PLAN:
            builder.step(delegation_services.delegation_include_in_plan, delegation=d, by=builder.coordinator)


def create_conference(
    builder: DemoBuilder, spec: ConferenceSpec, year: int, time_text: str, start: dt.date | None
) -> Conference:
    authority = rules.conference_authority(high_level=spec.high_level, sensitive=spec.sensitive)
    vn, foreign_in_vn, abroad = spec.delegates
    conference = Conference(
        year=year,
        title=builder.fill(spec.title, year),
        form=spec.form,
        partner_text=spec.partner_text,
        delegates_vn=vn,
        delegates_foreign_in_vn=foreign_in_vn,
        delegates_from_abroad=abroad,
        start_date=start,
        days=spec.days,
        place=spec.place,
        time_text=time_text,
        funding_source=spec.funding,
        funding_text=spec.funding_text,
        uses_state_budget=spec.funding in FundingSource.state_budget(),
        has_foreign_high_level=spec.high_level,
        sensitive_topics=spec.sensitive,
        permitting_authority_text=authority.label,
        organising_unit=builder.units[spec.unit],
    )
    conference._history_user = builder.officers[spec.unit]  # type: ignore[attr-defined]
    conference.save()
    countries, partners = builder.lookup(spec.countries, spec.partners)
    conference.countries.set(countries)
    conference.partners.set(partners)
    builder.counts["conferences"] += 1
    return conference


def permit_ref(builder: DemoBuilder, spec: ConferenceSpec) -> str:
    return builder.ref("{}/TTg-QHQT" if spec.high_level or spec.sensitive else "{}/UBND-NV")


def conferences_current(builder: DemoBuilder) -> None:
    """Reported, held (report missing), permitted, one proposal past its apply-by date, postponed, cancelled."""
    for spec in CONFERENCES:
        officer = builder.officers[spec.unit]
        apply_days = rules.conference_authority(high_level=spec.high_level, sensitive=spec.sensitive).apply_days
        time_text, start = spec.time_text, None
        if spec.now in (CS.HELD, CS.REPORTED):
            start, time_text = past_start(builder, spec.time_text, spec.days)
        elif spec.now == CS.PERMITTED:
            start = upcoming(builder, 25)
            time_text = f"Tháng {start.month}"
        elif spec.now == CS.PROPOSED:  # opens in about three weeks: the 30/40-day application is overdue
            start = upcoming(builder, 20)
            time_text = f"Tháng {start.month}"
        c = create_conference(builder, spec, builder.year, time_text, start)
        c = builder.step(conference_services.conference_submit, conference=c, by=officer)
        if c.uses_state_budget and spec.now != CS.CANCELLED:  # estimated with the proposal, appraised by finance
            c = budget.estimate(builder, c, officer)
            if spec.now != CS.PROPOSED:
                c = budget.appraise(builder, c)
        if spec.now == CS.PROPOSED:
            continue
        if spec.now == CS.CANCELLED:
            builder.step(
                conference_services.conference_cancel,
                conference=c,
                by=builder.leader,
                reason=builder.rng.choice(CANCEL_REASONS),
            )
            continue
        if start is None:  # postponed: permitted some weeks ago, then put off
            applied = builder.today - dt.timedelta(days=apply_days + 30)
            permitted = applied + dt.timedelta(days=12)
        elif start > builder.today:
            applied = builder.today - dt.timedelta(days=builder.rng.randint(25, 35))
            permitted = builder.today - dt.timedelta(days=builder.rng.randint(3, 10))
        else:
            applied = start - dt.timedelta(days=apply_days + builder.rng.randint(3, 12))
            permitted = applied + dt.timedelta(days=builder.rng.randint(7, 20))
        c = builder.step(
            conference_services.conference_permit,
            conference=c,
            by=builder.leader,
            permit_ref=permit_ref(builder, spec),
            permit_date=permitted,
            applied_on=applied,
        )
        if spec.now == CS.POSTPONED:
            builder.step(
                conference_services.conference_postpone,
                conference=c,
                by=builder.leader,
                reason=builder.rng.choice(POSTPONE_REASONS),
            )
            continue
        if spec.now == CS.PERMITTED or start is None:
            continue
        c = builder.step(conference_services.conference_hold, conference=c, by=officer, held_on=start)
        if spec.now == CS.REPORTED:
            builder.step(
                conference_services.conference_report,
                conference=c,
                by=officer,
                report=builder.rng.choice(CONFERENCE_REPORTS),
            )


def conferences_next(builder: DemoBuilder) -> None:
    year = builder.year + 1
    for spec in CONFERENCES:
        c = create_conference(builder, spec, year, spec.time_text, None)
        if spec.next == CS.PROPOSED:
            builder.step(conference_services.conference_submit, conference=c, by=builder.officers[spec.unit])


def create_agreement(builder: DemoBuilder, spec: AgreementSpec, year: int, time_text: str) -> Agreement:
    countries, partners = builder.lookup([spec.country], [spec.partner])
    agreement = Agreement(
        year=year,
        proposing_unit=builder.units[spec.unit],
        capacity=builder.fill(spec.capacity, year),
        type=spec.type,
        title=builder.fill(spec.title, year),
        country=countries[0],
        partner=partners[0],
        partner_text=spec.partner_text,
        signing_level=spec.signing_level,
        approving_authority=spec.approving_authority,
        time_text=time_text,
    )
    agreement._history_user = builder.officers[spec.unit]  # type: ignore[attr-defined]
    agreement.save()
    builder.counts["agreements"] += 1
    return agreement


def agreements_current(builder: DemoBuilder) -> None:
    """Consulted, approved, signed (one report to the Prime Minister late), in force, proposed."""
    late_left = 1
    ags = agreement_services
    for spec in AGREEMENTS:
        if not spec.now:
            continue
        officer = builder.officers[spec.unit]
        time_text, signed = spec.time_text, None
        if spec.now in (AS.SIGNED, AS.IN_FORCE):
            signed, time_text = past_start(builder, spec.time_text, 1, margin=25)
        a = create_agreement(builder, spec, builder.year, time_text)
        a = builder.step(ags.agreement_submit, agreement=a, by=officer)
        if spec.now == AS.PROPOSED:
            continue
        if signed:
            consulted = signed - dt.timedelta(days=builder.rng.randint(45, 70))
            approved = signed - dt.timedelta(days=builder.rng.randint(10, 25))
        elif spec.now == AS.APPROVED:
            consulted = builder.today - dt.timedelta(days=builder.rng.randint(40, 60))
            approved = builder.today - dt.timedelta(days=builder.rng.randint(5, 15))
        else:
            consulted = builder.today - dt.timedelta(days=builder.rng.randint(4, 12))
            approved = builder.today
        a = builder.step(
            ags.agreement_consult,
            agreement=a,
            by=builder.coordinator,
            consulted_on=consulted,
            consulted_bodies="Bộ Ngoại giao; Bộ Công an; Bộ Quốc phòng",
        )
        if spec.now == AS.CONSULTED:
            continue
        a = builder.step(
            ags.agreement_approve,
            agreement=a,
            by=builder.leader,
            approval_ref=builder.ref("{}/QĐ-UBND"),
            approved_on=approved,
        )
        if spec.now == AS.APPROVED or signed is None:
            continue
        valid_until = dt.date(signed.year + 5, signed.month, min(signed.day, 28))
        a = builder.step(ags.agreement_sign, agreement=a, by=officer, signed_on=signed, valid_until=valid_until)
        if spec.now == AS.SIGNED and late_left:
            late_left -= 1  # signed weeks ago; the report to the Prime Minister is still missing
            continue
        a = builder.step(
            ags.agreement_record_report,
            agreement=a,
            by=officer,
            reported_on=signed + dt.timedelta(days=builder.rng.randint(4, 12)),
        )
        if spec.now == AS.IN_FORCE:
            builder.step(ags.agreement_bring_into_force, agreement=a, by=builder.coordinator, effective_on=signed)


def agreements_next(builder: DemoBuilder) -> None:
    year = builder.year + 1
    for spec in AGREEMENTS:
        if not spec.next:
            continue
        a = create_agreement(builder, spec, year, spec.time_text)
        if spec.next == AS.PROPOSED:
            builder.step(agreement_services.agreement_submit, agreement=a, by=builder.officers[spec.unit])


def owner_units() -> set[str]:
    """The units that propose or organise a record of the plan (each gets an officer)."""
    specs: list[DelegationSpec | ConferenceSpec | AgreementSpec] = [*OUTBOUND, *INBOUND, *CONFERENCES, *AGREEMENTS]
    return {s.unit for s in specs}


def build_plan(builder: DemoBuilder) -> None:
    """This year's delegations, conferences and agreements under way, and next year's being planned."""
    delegations_current(builder)
    delegations_next(builder)
    conferences_current(builder)
    conferences_next(builder)
    agreements_current(builder)
    agreements_next(builder)
