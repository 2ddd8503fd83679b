"""Demo external-information work: products in several languages at every stage (one returned for revision, one
late), press releases and a press conference, a handled and an open false-information case, the commemorations
calendar, and the committee's past periods with the members' reports sent on time, late or never.

Every write goes through the services as the user who would act: the producing unit's officer, the committee's
standing agency (Ban Tuyên giáo và Dân vận, `canbo_bantgdv`) for reviews, the coordinator for the calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from doingoai.consular.models import ForeignPressVisit
from doingoai.core.choices import Role
from doingoai.core.services import object_create
from doingoai.devtools.demo.records import read_toml
from doingoai.devtools.demo.reporting import _at, _backdate
from doingoai.devtools.demo.tasks import _officer
from doingoai.devtools.demo.units import make_user, random_full_name
from doingoai.infowork import services
from doingoai.infowork.models import Commemoration, FalseInfoCase, InfoProduct, PressRelease
from doingoai.programs.models import Plan, PlanKind, PlanTask
from doingoai.reporting import services as reporting_services
from doingoai.reporting.models import PeriodKind, ReportingPeriod
from doingoai.reporting.schedule import schedule_entries, suggest_period

_DATA = read_toml("infowork.toml")


def _task(plan: Plan | None, word: str) -> PlanTask | None:
    if plan is None or not word:
        return None
    return PlanTask.objects.filter(plan=plan, text__icontains=word).first()


def _product(builder: Any, row: dict[str, Any], plan: Plan | None, standing: Any) -> InfoProduct:
    today: dt.date = builder.today
    maker = _officer(builder, row["unit"])
    day = today + dt.timedelta(days=row["days"])
    product = object_create(
        model=InfoProduct,
        by=maker,
        values={
            "year": day.year,
            "title": row["title"],
            "kind": row["kind"],
            "topic": row["topic"],
            "pillar": row["pillar"],
            "producing_unit": builder.units[row["unit"]],
            "channel": row["channel"],
            "outlet": row.get("outlet", ""),
            "planned_on": day,
            "plan_task": _task(plan, row.get("task", "")),
        },
    )
    stage = row["stage"]
    translated = "translated" if stage != "planned" else "translating"
    versions = [
        services.infoproduct_version_save(
            product=product,
            by=maker,
            language=lang,
            title=title.format(province=builder.province),
            translation_status=translated if title else "todo",
        )
        for lang, title in row["languages"]
    ]
    if stage == "planned":
        return product
    builder.step(services.infoproduct_draft, infoproduct=product, by=maker)
    if stage == "revised":
        builder.step(services.infoproduct_revise, infoproduct=product, by=standing, comment="Bổ sung ảnh và chú thích")
        return product
    # The standing agency reviews the first language now; the rest too once the product goes further.
    for version in versions if stage != "drafted" else versions[:1]:
        services.infoproduct_version_review(version=version, by=standing, reviewer=standing.get_full_name())
    if stage == "drafted":
        return product
    builder.step(services.infoproduct_review, infoproduct=product, by=standing)
    if stage == "published":
        builder.step(services.infoproduct_publish, infoproduct=product, by=maker, published_on=min(day, today))
        builder.step(services.infoproduct_record_reach, infoproduct=product, by=maker, reach=row["reach"])
    return product


def _press(builder: Any, row: dict[str, Any]) -> None:
    officer = _officer(builder, row["unit"])
    day = builder.today + dt.timedelta(days=row["days"])
    visit = ForeignPressVisit.objects.order_by("start_date").first() if row.get("press_visit") else None
    release = object_create(
        model=PressRelease,
        by=officer,
        values={
            "kind": row["kind"],
            "date": day,
            "year": day.year,
            "title": row["title"],
            "spokesperson": row["spokesperson"],
            "issuing_unit": builder.units[row["unit"]],
            "outlets": row.get("outlets", ""),
            "press_visit": visit,
        },
    )
    if row["issued"]:
        builder.step(services.pressrelease_issue, pressrelease=release, by=officer)


def _false_info(builder: Any, row: dict[str, Any], standing: Any) -> None:
    officer = _officer(builder, row["unit"])
    today: dt.date = builder.today
    case = object_create(
        model=FalseInfoCase,
        by=officer,
        values={
            "detected_on": today + dt.timedelta(days=row["detected"]),
            "channel": row["channel"],
            "source": row["source"],
            "summary": row["summary"],
            "topic": row["topic"],
            "risk": row["risk"],
            "handling_unit": builder.units[row["unit"]],
        },
    )
    if "answered" not in row:
        return
    builder.step(
        services.falseinfocase_assess, falseinfocase=case, by=officer, risk=row["risk"], assessment="Lan truyền rộng"
    )
    builder.step(
        services.falseinfocase_answer,
        falseinfocase=case,
        by=officer,
        answered_on=today + dt.timedelta(days=row["answered"]),
        response="Thông tin chính thức của cơ quan chức năng tỉnh, kèm hình ảnh thực tế.",
        response_where=row["response_where"],
    )
    if row.get("closed"):
        builder.step(services.falseinfocase_close, falseinfocase=case, by=standing, comment="Bài sai đã bị gỡ")


# How each member answers, period after period (cycled with an offset per member): most on time, some late, one
# never — the failure every year's plan names.
_SUBMISSIONS = ("on_time", "on_time", "late", "on_time", "missing", "late", "on_time")


def _member_officer(builder: Any, unit: Any) -> Any:
    """An officer of the member unit (the coordinating agency's demo account is its coordinator, who does not
    write the unit's reports: an officer is made for it)."""
    key = builder.key_of(unit.pk)
    officer = _officer(builder, key)
    if officer.role == Role.UNIT_OFFICER and officer.unit_id == unit.pk:
        return officer
    return make_user(builder, f"canbo_{key}", Role.UNIT_OFFICER, unit, random_full_name(builder))


def _committee_reports(builder: Any, plan: Plan) -> None:
    """The committee's past periods: the four months before this one and the first half of the year, each member
    reporting on time, late or never; every date before today (the submissions are moved back to them)."""
    today: dt.date = builder.today
    name, entries = schedule_entries(None, plan=plan)
    suggested = [
        suggest_period(kind=PeriodKind.MONTHLY, year=plan.year, entries=entries, schedule_name=name, month=month)
        for month in range(max(1, today.month - 4), today.month)
    ]
    if plan.year == today.year:
        half = suggest_period(kind=PeriodKind.SEMIANNUAL, year=plan.year, entries=entries, schedule_name=name)
        suggested.insert(0, half)
    standing = _officer(builder, builder.key_of(plan.coordinating_unit_id))
    units = list(plan.units.order_by("pk"))
    officers = {unit.pk: _member_officer(builder, unit) for unit in units}
    for j, s in enumerate(sorted(suggested, key=lambda s: s.due_date)):
        if s.due_date >= today:
            continue
        period = reporting_services.period_open(
            by=standing, kind=s.kind, year=s.year, label=s.label, start=s.start, end=s.end, due_date=s.due_date,
            units=units, plan=plan, basis=s.basis,
        )  # fmt: skip
        ReportingPeriod.objects.filter(pk=period.pk).update(opened_at=_at(s.start - dt.timedelta(days=3), 8))
        for i, unit in enumerate(units):
            how = _SUBMISSIONS[(i * 3 + j) % len(_SUBMISSIONS)]
            sent = (
                s.due_date - dt.timedelta(days=i % 3)
                if how == "on_time"
                else s.due_date + dt.timedelta(days=1 + (i + j) % 9)
            )
            if how == "missing" or sent >= today:
                continue  # never sent, or not yet: a late report is not sent in the future
            officer = officers[unit.pk]
            report = period.reports.get(unit=unit)
            since = timezone.now()
            builder.step(reporting_services.unit_report_submit, report=report, by=officer, texts=None)  # pre-filled
            _backdate(report, _at(sent, 9 + i % 7), s.due_date, since)


def build_infowork_demo(builder: Any) -> None:
    plan = Plan.objects.filter(kind=PlanKind.INFORMATION, year=builder.year, committee__isnull=False).first()
    standing = _officer(builder, "bantgdv")
    for row in _DATA["commemoration"]:
        code = row.get("country")
        object_create(
            model=Commemoration,
            by=builder.coordinator,
            values={
                "kind": row["kind"],
                "title": row["title"],
                "date": row["date"],
                "country": builder.countries.get(code) if code else None,
                "yearly": row.get("yearly", False),
                "greetings": row.get("greetings", False),
                "source": row["source"],
            },
        )
    for row in _DATA["product"]:
        _product(builder, row, plan, standing)
    for row in _DATA["press"]:
        _press(builder, row)
    for row in _DATA["false_info"]:
        _false_info(builder, row, standing)
    if plan is not None:
        _committee_reports(builder, plan)
    builder.counts["info_products"] = InfoProduct.objects.count()
