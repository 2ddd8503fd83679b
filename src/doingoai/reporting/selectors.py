"""Reads of periodic reports: lists, the registry figures a unit's report opens with, and the units' compliance
(the consolidation of a period, plan against done, is in `reporting.consolidation`).

Figures come from the registries, never retyped. For a period of year Y from `start` to `end`:
- *planned for the year*: Y's records in the plan — delegations in plan, approved, done or postponed (as the home
  page counts them); conferences and agreements past the draft and not cancelled (they are Phụ lục 3 and 4);
- *planned in the period*: those whose normalised planned months touch the period's months (a record with an
  unknown time counts only in a period that spans the whole year);
- *done in the period*: delegations that started, conferences held, agreements signed between `start` and `end`;
- *postponed*, *cancelled*: records of Y whose planned time touches the period and that now have that status.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.agreements.models import Agreement, AgreementStatus
from doingoai.agreements.selectors import agreements_report_late
from doingoai.conferences.models import Conference, ConferenceStatus
from doingoai.conferences.selectors import conferences_report_missing
from doingoai.core.choices import PeriodKind, Role, UnitKind
from doingoai.core.models import Unit
from doingoai.core.permissions import role_of
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.delegations.selectors import delegations_late_reports
from doingoai.programs.models import OVERDUE, Plan, PlanKind, PlanTask, TaskStatus
from doingoai.programs.selectors import program_tree, walk_tree
from doingoai.reporting.figures import registry_figures
from doingoai.reporting.models import (
    DISPLAY_STATES,
    SECTIONS,
    TASKS_SECTION,
    Notification,
    PeriodStatus,
    ReportingPeriod,
    ReportStatus,
    UnitReport,
    UnitReportVersion,
)

ALL_MONTHS = (1 << 12) - 1
DELEGATION_PLANNED = (
    DelegationStatus.IN_PLAN,
    DelegationStatus.APPROVED,
    DelegationStatus.DONE,
    DelegationStatus.POSTPONED,
)
CONFERENCE_NOT_PLANNED = (ConferenceStatus.DRAFT, ConferenceStatus.CANCELLED)
AGREEMENT_NOT_PLANNED = (AgreementStatus.DRAFT, AgreementStatus.CANCELLED)
# The order units appear in the consolidated report: as the programmes list them.
UNIT_KIND_ORDER = {kind: i for i, kind in enumerate(UnitKind.values)}


class SystemUser:
    """The server itself (commands and background tasks): reads everything, like the administrator."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    role = Role.ADMIN
    pk = None
    unit_id = None

    def __str__(self) -> str:
        return gettext("hệ thống")


SYSTEM = SystemUser()


# ----------------------------------------------------------------------------------------------------- lists


def period_list(*, user: Any) -> QuerySet[ReportingPeriod]:
    """Periods this user may see, with the number of units and of reports already in."""
    return (
        ReportingPeriod.objects.restrict(user, "view")
        .select_related("opened_by", "plan", "plan__coordinating_unit")
        .prefetch_related("units")
    )


# ------------------------------------------------------------------------------------------- periods of plans


def period_duplicate(
    *, plan: Plan | None, kind: str, start: dt.date, end: dt.date, label: str, exclude_pk: int | None = None
) -> ReportingPeriod | None:
    """The period of `plan` that a new one would repeat: the same kind and dates, or the same name. Ad hoc
    requests are repeated only by name: two topics may be asked for over the same dates."""
    same_plan = (
        ReportingPeriod.objects.filter(plan=plan)
        if plan is not None
        else ReportingPeriod.objects.filter(plan__isnull=True)
    )
    if exclude_pk is not None:
        same_plan = same_plan.exclude(pk=exclude_pk)
    rule = Q(pk__in=[]) if kind == PeriodKind.ADHOC else Q(kind=kind, start=start, end=end)
    if label.strip():
        rule |= Q(label__iexact=label.strip())
    return same_plan.filter(rule).select_related("plan").order_by("id").first()


def duplicate_message(existing: ReportingPeriod) -> str:
    """Why a period is refused, naming the one already open (or closed) for the same plan."""
    of_plan = (
        gettext(" của %(display_title)s") % {"display_title": existing.plan.display_title}
        if existing.plan_id and existing.plan
        else ""
    )
    state = gettext("đang mở") if existing.status == PeriodStatus.OPEN else gettext("đã đóng")
    advice = (
        gettext("hãy sửa kỳ đã có (thêm đơn vị, gia hạn nộp) thay vì mở kỳ mới")
        if existing.status == PeriodStatus.OPEN
        else gettext("hãy mở lại kỳ đó nếu cần nhận thêm báo cáo")
    )
    return gettext(
        "Kỳ báo cáo này đã được mở: “%(existing)s”%(of_plan)s (%(kind)s, từ %(start)s đến %(end)s, "
        "hạn nộp %(due_date)s, %(state)s). Mỗi kỳ chỉ mở một lần cho một kế hoạch, nếu không mỗi đơn "
        "vị sẽ phải nộp hai báo cáo; %(advice)s."
    ) % {
        "existing": existing.label,
        "of_plan": of_plan,
        "kind": existing.get_kind_display().lower(),
        "start": format(existing.start, "%d/%m/%Y"),
        "end": format(existing.end, "%d/%m/%Y"),
        "due_date": format(existing.due_date, "%d/%m/%Y"),
        "state": state,
        "advice": advice,
    }


def period_receiver(period: ReportingPeriod) -> str:
    """The unit the period's reports go to: its plan's coordinating unit, else the province's coordinator."""
    plan = period.plan if period.plan_id else None
    if plan is not None and plan.coordinating_unit_id and plan.coordinating_unit is not None:
        return plan.coordinating_unit.name
    coordinator = Unit.objects.filter(is_coordinator=True).order_by("pk").first()
    return coordinator.name if coordinator else str(settings.COORDINATOR_UNIT_NAME)


def plans_managed(*, user: Any) -> QuerySet[Plan]:
    """The plans whose reporting periods this user opens and closes (the coordinator: all)."""
    rule = Plan.coordinated_by(user)
    plans = Plan.objects.all() if rule is None else Plan.objects.filter(rule)
    return plans.select_related("coordinating_unit").order_by("-year", "kind", "-id")


def manages_some_plan(user: Any) -> bool:
    """Whether `user` acts as coordinator for some reporting (the coordinator, or an officer of a plan's
    coordinating unit)."""
    return Plan.coordinates_some(user)


def plan_reporting_units(plan: Plan) -> list[int]:
    """The units a plan's periods ask by default: its recipients and the lead units of its tasks."""
    recipients = set(plan.units.values_list("pk", flat=True))
    leads = set(PlanTask.objects.filter(plan=plan, lead_unit__isnull=False).values_list("lead_unit_id", flat=True))
    return sorted(recipients | leads)


def report_sections(period: ReportingPeriod) -> list[tuple[str, str]]:
    """The sections of a report of `period`: the tasks' results only for a plan; the registry sections only for
    the programme (and for periods opened before plans)."""
    plan = period.plan if period.plan_id else None
    if plan is None:
        return [(k, str(label)) for k, label in SECTIONS if k != TASKS_SECTION]
    if plan.kind == PlanKind.PROGRAM:
        return [(k, str(label)) for k, label in SECTIONS]
    return [(k, str(label)) for k, label in SECTIONS if k in (TASKS_SECTION, "other", "assessment")]


def unit_report_list(*, user: Any) -> QuerySet[UnitReport]:
    """Reports this user may see (an officer: its own unit's only)."""
    return UnitReport.objects.restrict(user, "view").select_related("period", "unit", "submitted_by", "reviewed_by")


def period_reports(*, period: ReportingPeriod, user: Any) -> list[UnitReport]:
    """The period's reports this user may see, in the programme's order of units."""
    reports = list(unit_report_list(user=user).filter(period=period).annotate(version_count=Count("versions")))
    return sorted(reports, key=lambda r: unit_sort_key(r.unit))


def unit_sort_key(unit: Unit) -> tuple[int, str]:
    return (UNIT_KIND_ORDER.get(unit.kind, 99), unit.name)


def report_versions(*, report: UnitReport) -> QuerySet[UnitReportVersion]:
    return report.versions.select_related("submitted_by", "reviewed_by").prefetch_related("attachments")


def report_attachments(*, report: UnitReport) -> list[Any]:
    return list(report.attachments.filter(removed_at__isnull=True).select_related("uploaded_by"))


def own_open_reports(*, user: Any) -> QuerySet[UnitReport]:
    """An officer's reports still to send (drafts and returned ones) in open periods."""
    if role_of(user) != Role.UNIT_OFFICER or not user.unit_id:
        return UnitReport.objects.none()
    return unit_report_list(user=user).filter(
        unit_id=user.unit_id, status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED], period__status="open"
    )


def notification_list(*, user: Any) -> QuerySet[Notification]:
    """This user's inbox (nothing for a visitor who is not signed in)."""
    if not getattr(user, "pk", None):
        return Notification.objects.none()
    return Notification.objects.filter(user_id=user.pk)


def unread_count(*, user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return notification_list(user=user).filter(read_at__isnull=True).count()


# ------------------------------------------------------------------------------------------- period windows


def period_month_mask(start: dt.date, end: dt.date, year: int) -> int:
    """The months of `year` that the dates from `start` to `end` touch, as the registries' month bit mask."""
    mask = 0
    first = max(start, dt.date(year, 1, 1))
    last = min(end, dt.date(year, 12, 31))
    if first > last:
        return 0
    for month in range(first.month, last.month + 1):
        mask |= 1 << (month - 1)
    return mask


@dataclass(frozen=True)
class Window:
    year: int
    start: dt.date
    end: dt.date
    mask: int

    @classmethod
    def of(cls, period: ReportingPeriod) -> Window:
        return cls(period.year, period.start, period.end, period_month_mask(period.start, period.end, period.year))

    def touches(self, year: int, month_mask: int) -> bool:
        if year != self.year:
            return False
        if month_mask == 0:
            return self.mask == ALL_MONTHS
        return bool(month_mask & self.mask)

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


# ------------------------------------------------------------------------------------- figures of one unit


def _dates(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and start != end:
        return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
    return f"{(start or end):%d/%m/%Y}" if (start or end) else ""


def _delegation_item(d: Delegation) -> dict[str, Any]:
    countries = ", ".join(c.name_vi for c in d.countries.all())
    when = _dates(d.actual_start, d.actual_end) or d.time_text
    return {
        "id": d.pk,
        "name": d.name,
        "detail": " · ".join(x for x in (countries, when) if x),
        "reported": bool(d.result_reported_on),
        "note": d.status_note,
        "url": d.get_absolute_url(),
    }


def _delegation_facts(records: list[Delegation], window: Window, direction: str) -> dict[str, Any]:
    mine = [d for d in records if d.direction == direction]
    planned = [d for d in mine if d.status in DELEGATION_PLANNED and window.touches(d.year, d.month_mask)]
    return {
        "planned_year": sum(1 for d in mine if d.year == window.year and d.status in DELEGATION_PLANNED),
        "planned": len(planned),
        "done": [
            _delegation_item(d)
            for d in sorted(mine, key=lambda d: (d.actual_start or dt.date.min, d.pk))
            if d.status == DelegationStatus.DONE and window.contains(d.actual_start)
        ],
        "postponed": [
            _delegation_item(d)
            for d in mine
            if d.status == DelegationStatus.POSTPONED and window.touches(d.year, d.month_mask)
        ],
        "cancelled": [
            _delegation_item(d)
            for d in mine
            if d.status == DelegationStatus.CANCELLED and window.touches(d.year, d.month_mask)
        ],
    }


def _task_item(task: PlanTask, today: dt.date) -> dict[str, Any]:
    overdue = task.is_overdue(today)
    return {
        "id": task.pk,
        "section": task.section,
        "text": task.text,
        "status": task.status,
        "status_label": str(OVERDUE[1] if overdue else task.get_status_display()),
        "progress": task.progress,
        "note": task.progress_note,
        "progress_on": task.progress_on.isoformat() if task.progress_on else None,
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "deadline_display": task.deadline_display,
        "overdue": overdue,
        "url": task.get_absolute_url(),
    }


def unit_task_facts(*, unit: Unit, plan: Plan | None, today: dt.date) -> dict[str, Any]:
    """The unit's tasks in `plan` (those it leads; those it helps apart), in the order of the plan's body, with
    their status, progress and latest reported result."""
    if plan is None:
        return {}
    tasks = [node.item for node in walk_tree(program_tree(plan=plan))]
    led = [t for t in tasks if t.lead_unit_id == unit.pk]
    helped = [t for t in tasks if t.lead_unit_id != unit.pk and unit in t.coordinating_units.all()]
    by_status = Counter(t.status for t in led)
    return {
        "plan": {"id": plan.pk, "title": plan.display_title, "url": plan.get_absolute_url()},
        "total": len(led),
        "overdue": sum(1 for t in led if t.is_overdue(today)),
        "by_status": [
            {"status": value, "label": str(label), "count": by_status.get(value, 0)}
            for value, label in TaskStatus.choices
            if by_status.get(value)
        ],
        "items": [_task_item(t, today) for t in led],
        "helped": [_task_item(t, today) for t in helped],
    }


def unit_report_facts(*, unit: Unit, period: ReportingPeriod, user: Any, today: dt.date | None = None) -> dict:
    """What the registries and the plan say about `unit` for `period` (plain data: it is kept with each submitted
    version): the unit's tasks in the period's plan; for the programme (and periods without a plan), the figures
    of the four appendices, of every other registry the unit keeps, and the open follow-ups."""
    today = today or timezone.localdate()
    plan = period.plan if period.plan_id else None
    tasks = unit_task_facts(unit=unit, plan=plan, today=today)
    window = Window.of(period)
    if plan is not None and plan.kind != PlanKind.PROGRAM:
        facts: dict[str, Any] = {"computed_on": today.isoformat(), TASKS_SECTION: tasks}
        # The registries that plan's work is recorded in (the information plan: products, releases, answers, events).
        figures = registry_figures(unit=unit, window=window, user=user, plan_kind=plan.kind)
        if figures:
            facts["other"] = {"registries": figures}
        return facts
    delegations = list(
        Delegation.objects.restrict(user, "view")
        .filter(proposing_unit=unit)
        .filter(_in_window_delegations(window))
        .prefetch_related("countries")
        .order_by("id")
    )
    conferences = list(
        Conference.objects.restrict(user, "view")
        .filter(organising_unit=unit)
        .filter(_in_window(window, "held_on"))
        .order_by("id")
    )
    agreements = list(
        Agreement.objects.restrict(user, "view")
        .filter(proposing_unit=unit)
        .filter(_in_window(window, "signed_on"))
        .select_related("partner", "country")
        .order_by("id")
    )
    conf_planned = [
        c for c in conferences if c.status not in CONFERENCE_NOT_PLANNED and window.touches(c.year, c.month_mask)
    ]
    agr_planned = [
        a for a in agreements if a.status not in AGREEMENT_NOT_PLANNED and window.touches(a.year, a.month_mask)
    ]
    return {
        "computed_on": today.isoformat(),
        TASKS_SECTION: tasks,
        "other": {"registries": registry_figures(unit=unit, window=window, user=user)},
        "outbound": _delegation_facts(delegations, window, Direction.OUT),
        "inbound": _delegation_facts(delegations, window, Direction.IN),
        "conferences": {
            "planned_year": sum(
                1 for c in conferences if c.year == window.year and c.status not in CONFERENCE_NOT_PLANNED
            ),
            "planned": len(conf_planned),
            "held": [
                {
                    "id": c.pk,
                    "name": c.title,
                    "detail": " · ".join(x for x in (f"{c.held_on:%d/%m/%Y}", c.place) if x),
                    "reported": bool(c.reported_on),
                    "url": c.get_absolute_url(),
                }
                for c in sorted(conferences, key=lambda c: (c.held_on or dt.date.min, c.pk))
                if c.status in (ConferenceStatus.HELD, ConferenceStatus.REPORTED) and window.contains(c.held_on)
            ],
            "postponed": [
                {"id": c.pk, "name": c.title, "detail": c.time_text, "url": c.get_absolute_url()}
                for c in conferences
                if c.status == ConferenceStatus.POSTPONED and window.touches(c.year, c.month_mask)
            ],
            "cancelled": [
                {"id": c.pk, "name": c.title, "detail": c.time_text, "url": c.get_absolute_url()}
                for c in conferences
                if c.status == ConferenceStatus.CANCELLED and window.touches(c.year, c.month_mask)
            ],
        },
        "agreements": {
            "planned_year": sum(
                1 for a in agreements if a.year == window.year and a.status not in AGREEMENT_NOT_PLANNED
            ),
            "planned": len(agr_planned),
            "signed": [
                {
                    "id": a.pk,
                    "name": a.title,
                    "detail": " · ".join(
                        x for x in (str(a.partner or a.partner_text or a.country or ""), f"{a.signed_on:%d/%m/%Y}") if x
                    ),
                    "reported": bool(a.reported_on),
                    "url": a.get_absolute_url(),
                }
                for a in sorted(agreements, key=lambda a: (a.signed_on or dt.date.min, a.pk))
                if a.signed_on and window.contains(a.signed_on)
            ],
            "cancelled": [
                {"id": a.pk, "name": a.title, "detail": a.time_text, "url": a.get_absolute_url()}
                for a in agreements
                if a.status == AgreementStatus.CANCELLED and window.touches(a.year, a.month_mask)
            ],
        },
        "followups": unit_followups(unit=unit, user=user, today=today),
    }


def unit_followups(*, unit: Unit, user: Any, today: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Open follow-ups of a unit, from the registries' own deadline selectors, narrowed to the unit in SQL (the
    user may see a whole nation's late records; reading them all to keep one unit's took most of a submission)."""
    return {
        "delegation_reports": [
            {
                "id": d.pk,
                "name": d.name,
                "detail": f"về ngày {d.actual_end:%d/%m/%Y}, hạn báo cáo {d.report_due:%d/%m/%Y}",
                "url": d.get_absolute_url(),
            }
            for d in delegations_late_reports(user=user, today=today).filter(proposing_unit=unit)
            if d.report_due and d.actual_end
        ],
        "agreement_reports": [
            {
                "id": a.pk,
                "name": a.title,
                "detail": f"ký ngày {a.signed_on:%d/%m/%Y}, hạn báo cáo {a.report_due:%d/%m/%Y}",
                "url": a.get_absolute_url(),
            }
            for a in agreements_report_late(user=user, today=today).filter(proposing_unit=unit)
            if a.signed_on and a.report_due
        ],
        "conference_reports": [
            {
                "id": c.pk,
                "name": c.title,
                "detail": f"tổ chức ngày {c.held_on:%d/%m/%Y}" if c.held_on else "",
                "url": c.get_absolute_url(),
            }
            for c in conferences_report_missing(user=user).filter(organising_unit=unit)
        ],
    }


def _in_window_delegations(window: Window) -> Any:
    return Q(year=window.year) | Q(actual_start__gte=window.start, actual_start__lte=window.end)


def _in_window(window: Window, date_field: str) -> Any:
    return Q(year=window.year) | Q(**{f"{date_field}__gte": window.start, f"{date_field}__lte": window.end})


def _count(n: int, noun: str) -> str:
    """ "02 đoàn" as the documents write counts below ten; "0 đoàn" for none."""
    return f"{n:02d} {noun}" if 0 < n < 10 else f"{n} {noun}"


def _items(items: Iterable[dict[str, Any]]) -> str:
    return "; ".join(f"{i['name']} ({i['detail']})" if i.get("detail") else i["name"] for i in items)


def _task_line(item: dict[str, Any]) -> str:
    head = f"{item['section']} {item['text']}".strip()
    parts = [item["status_label"]]
    if item.get("progress") is not None:
        parts.append(f"{item['progress']}%")
    if item.get("deadline_display"):
        parts.append(f"thời hạn {item['deadline_display']}")
    line = f"- {head} ({', '.join(parts)})"
    return f"{line}: {item['note'].strip()}" if (item.get("note") or "").strip() else f"{line}."


def tasks_text(tasks: dict[str, Any]) -> str:
    """The tasks section written from the unit's tasks in the plan: a count, then one line per task."""
    items = tasks.get("items") or []
    if not tasks:
        return ""
    if not items:
        return gettext("Đơn vị không chủ trì nhiệm vụ nào của kế hoạch.")
    counts = ", ".join(f"{s['label'].lower()} {_count(s['count'], 'nhiệm vụ')}" for s in tasks.get("by_status", []))
    head = f"Đơn vị chủ trì {_count(len(items), 'nhiệm vụ')} của kế hoạch" + (f" ({counts})" if counts else "")
    if tasks.get("overdue"):
        head += f", trong đó {_count(tasks['overdue'], 'nhiệm vụ')} quá hạn"
    return "\n".join([head + ":", *(_task_line(i) for i in items)])


def registries_text(other: dict[str, Any]) -> str:
    """The other registries' figures in a sentence each (only those with something to say)."""
    lines = []
    for r in other.get("registries") or []:
        if not (r.get("planned") or r.get("done") or r.get("received")):
            continue
        parts = []
        if r.get("planned") is not None:
            parts.append(f"kế hoạch trong kỳ {_count(r['planned'], '')}".strip())
        if r.get("received") is not None:
            parts.append(f"tiếp nhận {_count(r['received'], '')}".strip())
        parts.append(f"{r['done_label']} {_count(r['done'], '')}".strip())
        names = _items(r.get("items") or [])
        lines.append(f"{r['label']}: {', '.join(parts)}" + (f" ({names})." if names else "."))
    return "\n".join(lines)


def prefill_texts(facts: dict[str, Any]) -> dict[str, str]:
    """The opening text of each section, written from the registry figures and the plan's tasks; the officer
    edits it."""
    texts: dict[str, str] = {TASKS_SECTION: tasks_text(facts.get(TASKS_SECTION) or {})}
    if "outbound" not in facts:  # a plan other than the programme: its tasks and the registries it names
        return texts | {"other": registries_text(facts.get("other") or {}), "assessment": ""}
    for key, noun in (("outbound", gettext("đoàn ra")), ("inbound", gettext("đoàn vào"))):
        f = facts.get(key) or {}
        done, postponed, cancelled = f.get("done", []), f.get("postponed", []), f.get("cancelled", [])
        parts = [
            f"Trong kỳ, đơn vị đã thực hiện {_count(len(done), noun)}"
            f" (kế hoạch trong kỳ: {_count(f.get('planned', 0), 'đoàn')})" + (f": {_items(done)}." if done else ".")
        ]
        if postponed:
            parts.append(f"Tạm hoãn {_count(len(postponed), 'đoàn')}: {_items(postponed)}.")
        if cancelled:
            parts.append(f"Hủy {_count(len(cancelled), 'đoàn')}: {_items(cancelled)}.")
        texts[key] = " ".join(parts)
    conf = facts.get("conferences") or {}
    held = conf.get("held", [])
    texts["conferences"] = (
        f"Đã tổ chức {_count(len(held), 'hội nghị, hội thảo quốc tế')}"
        f" (kế hoạch trong kỳ: {_count(conf.get('planned', 0), 'hội nghị, hội thảo')})"
        + (f": {_items(held)}." if held else ".")
    )
    agr = facts.get("agreements") or {}
    signed = agr.get("signed", [])
    texts["agreements"] = (
        f"Đã ký {_count(len(signed), 'thỏa thuận quốc tế')}"
        f" (kế hoạch trong kỳ: {_count(agr.get('planned', 0), 'thỏa thuận')})"
        + (f": {_items(signed)}." if signed else ".")
    )
    follow = facts.get("followups") or {}
    lines = []
    if follow.get("delegation_reports"):
        lines.append(f"Đoàn ra chưa nộp báo cáo kết quả: {_items(follow['delegation_reports'])}.")
    if follow.get("agreement_reports"):
        lines.append(f"Thỏa thuận chưa báo cáo Thủ tướng sau 15 ngày ký: {_items(follow['agreement_reports'])}.")
    if follow.get("conference_reports"):
        lines.append(f"Hội nghị, hội thảo đã tổ chức chưa báo cáo kết quả: {_items(follow['conference_reports'])}.")
    texts["followups"] = " ".join(lines) or gettext("Không có việc tồn đọng.")
    texts["other"] = registries_text(facts.get("other") or {})
    texts["assessment"] = ""
    return texts


def report_form_texts(*, report: UnitReport, facts: dict[str, Any]) -> dict[str, str]:
    """The texts the report form opens with: what the officer saved, else the text written from the registries."""
    generated = prefill_texts(facts)
    saved = report.texts or {}
    return {key: str(saved[key]) if key in saved else generated.get(key, "") for key, _ in SECTIONS}


# --------------------------------------------------------------------------------------------- compliance


@dataclass
class ComplianceRow:
    unit: Unit
    counted: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    latest: UnitReport | None = None
    overdue: int = 0  # how many of the unit's deadlines are overdue now
    overdue_first: list[Any] = field(default_factory=list)  # the first few of them (the deadline page's order)

    @property
    def rate(self) -> float | None:
        return round(100 * self.on_time / self.counted, 1) if self.counted else None


def compliance(
    *, user: Any, today: dt.date | None = None, last: int = 6, kind: str = "", overdue_shown: int = 3
) -> list[ComplianceRow]:
    """Per unit: the on-time rate of its reports over the last `last` periods, and what is overdue now (how many
    deadlines, and the first `overdue_shown` of them; the deadline page lists them all). Every row whole:
    `compliance_table` for a page of them."""
    table = compliance_table(user=user, today=today, last=last, kind=kind, overdue_shown=overdue_shown)
    table.fill(table.rows)
    return table.rows


@dataclass
class ComplianceTable:
    """Every unit's row in the page's order (`rows`), the first overdue deadlines not yet made: `page` makes them
    for one page of rows (a national deployment has ~1,700 units; making every unit's first rows and writing
    them cost ~200 ms)."""

    rows: list[ComplianceRow]
    first_rows: Callable[[Iterable[int]], dict[int, list[Any]]]

    def fill(self, rows: list[ComplianceRow]) -> None:
        firsts = self.first_rows(row.unit.pk for row in rows if row.overdue)
        for row in rows:
            row.overdue_first = firsts.get(row.unit.pk, [])

    def page(self, number: Any, per_page: int) -> Page:
        """Page `number` of the rows (Django's `get_page`: a wrong number gives the first or the last page)."""
        page = Paginator(self.rows, per_page).get_page(number)
        self.fill(list(page.object_list))
        return page


def compliance_table(
    *, user: Any, today: dt.date | None = None, last: int = 6, kind: str = "", overdue_shown: int = 3
) -> ComplianceTable:
    """`compliance`'s rows, each unit's overdue deadlines counted, their first rows made on demand.

    A report counts once its outcome is known: it was submitted (on time or late, by its first submission), or
    its due date has passed without one (missing). Rows are the units this user may see reports of, and those
    with a deadline overdue that the user may see; the lowest on-time rate first, units without a rate last.
    """
    from doingoai.reporting.deadlines import overdue_counts

    today = today or timezone.localdate()
    periods = ReportingPeriod.objects.restrict(user, "view").filter(start__lte=today)
    if kind:
        periods = periods.filter(kind=kind)
    period_ids = list(periods.order_by("-due_date", "-id").values_list("pk", flat=True)[:last])
    rows: dict[int, ComplianceRow] = {}
    reports = (
        unit_report_list(user=user)
        .filter(period_id__in=period_ids)
        .select_related("unit", "period")
        .order_by("period__due_date", "period_id")
    )
    for report in reports:
        row = rows.setdefault(report.unit_id, ComplianceRow(unit=report.unit))
        row.latest = report
        on_time = report.submitted_on_time()
        if on_time is True:
            row.counted += 1
            row.on_time += 1
        elif on_time is False:
            row.counted += 1
            row.late += 1
        elif today > report.period.due_date:
            row.counted += 1
            row.missing += 1
    overdue = overdue_counts(user=user, today=today, first=overdue_shown)
    for unit_id, total in overdue.totals.items():
        row = rows.setdefault(unit_id, ComplianceRow(unit=overdue.units[unit_id]))
        row.overdue = total
    ordered = sorted(rows.values(), key=lambda r: (r.rate if r.rate is not None else 101, unit_sort_key(r.unit)))
    return ComplianceTable(ordered, overdue.first_rows)


def state_counts(reports: Iterable[UnitReport], today: dt.date | None = None) -> dict[str, int]:
    """How many reports are in each displayed state (see models.DISPLAY_STATES)."""
    counts = Counter(r.display_key(today) for r in reports)
    return {key: counts.get(key, 0) for key, _, _ in DISPLAY_STATES}
