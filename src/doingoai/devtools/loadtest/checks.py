"""The load test's work inside the database: prepare the accounts and reporting periods the virtual users need,
then verify the ledger of acknowledged writes and that nothing the run touched is half-written.

Both run in a Django process whose settings point at the load-test database (never the developer's).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from doingoai.core.choices import Role, UnitKind
from doingoai.core.models import BusinessEvent, Country, Unit, User
from doingoai.delegations.models import Delegation, DelegationStatus
from doingoai.finance.models import ApprovalRule, Authority, AuthorityGrant, AuthorityKind, RuleTarget
from doingoai.reporting import services as reporting
from doingoai.reporting.models import PeriodKind, ReportStatus, UnitReport, UnitReportVersion, VersionOutcome

MIN_OFFICERS = 8
MAX_PROBLEMS = 30
# The event each status reached by the load test's steps must have (other statuses are not produced by the run).
STATUS_EVENT = {
    DelegationStatus.PROPOSED: "submit",
    DelegationStatus.IN_PLAN: "include_in_plan",
    DelegationStatus.APPROVED: "approve",
}


def _account(username: str, role: str, unit: Unit | None) -> User:
    user, _ = User.objects.get_or_create(username=username, defaults={"role": role, "unit": unit})
    return user


def prepare(*, tag: str, officers: int, periods: int, password: str, today: dt.date) -> dict[str, Any]:
    """Pick (or create) a coordinator, a leader and up to `officers` unit officers of distinct units, give them
    `password`, open `periods` ad hoc reporting periods for those units; return the plan the virtual users read."""
    coordinator_unit = Unit.objects.filter(is_coordinator=True).first() or Unit.objects.create(
        name=settings.COORDINATOR_UNIT_NAME, kind=UnitKind.DEPARTMENT, is_coordinator=True
    )
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_active=True).order_by("pk").first()
    coordinator = coordinator or _account("coordinator", Role.COORDINATOR, coordinator_unit)
    leader = User.objects.filter(role=Role.LEADER, is_active=True).order_by("pk").first()
    leader = leader or _account("leader", Role.LEADER, None)
    chosen: dict[int, User] = {}
    candidates = User.objects.filter(
        role=Role.UNIT_OFFICER, is_active=True, unit__isnull=False, unit__active_to__isnull=True
    ).order_by("pk")
    for user in candidates.iterator():
        if user.unit_id is not None and user.unit_id not in chosen:
            chosen[user.unit_id] = user
        if len(chosen) >= officers:
            break
    for k in range(len(chosen), min(officers, MIN_OFFICERS)):
        unit = Unit.objects.create(name=f"{tag} Đơn vị {k + 1}", kind=UnitKind.DEPARTMENT)
        chosen[unit.pk] = _account(f"lt_canbo_{k + 1}", Role.UNIT_OFFICER, unit)
    accounts = [coordinator, leader, *chosen.values()]
    User.objects.filter(pk__in=[u.pk for u in accounts]).update(password=make_password(password))
    # Only the holder of the competent tier decides: a rule for the run's delegations (their head names the tag,
    # so no real record is affected) and the leader holding it. The run's delegations are financed by the
    # partner, so no appraisal by the finance department stands before the decision.
    authority, _ = Authority.objects.get_or_create(
        name="Cấp quyết định của kiểm thử tải", defaults={"kind": AuthorityKind.CHAIRMAN, "level": 99}
    )
    ApprovalRule.objects.get_or_create(
        target=RuleTarget.DELEGATION,
        head_rank=tag,
        defaults={"authority": authority, "priority": 1, "source": "Kiểm thử tải (devtools/loadtest)"},
    )
    AuthorityGrant.objects.get_or_create(
        user=leader, authority=authority, defaults={"valid_from": today - dt.timedelta(days=1)}
    )

    units = Unit.objects.filter(pk__in=chosen)
    for k in range(periods):
        reporting.period_open(
            by=coordinator,
            kind=PeriodKind.ADHOC,
            year=today.year,
            label=f"{tag} đợt {k + 1}",
            start=today - dt.timedelta(days=30),
            end=today,
            due_date=today + dt.timedelta(days=30),
            units=units,
        )
    reports: dict[str, list[int]] = defaultdict(list)
    for pk, unit_id in UnitReport.objects.filter(period__label__startswith=tag).values_list("pk", "unit_id"):
        reports[str(unit_id)].append(pk)
    if not Country.objects.exists():  # --minimal runs without the reference data
        for code, name in [("LA", "Lào"), ("JP", "Nhật Bản"), ("KR", "Hàn Quốc")]:
            Country.objects.create(code=code, name_vi=name)
    roles: dict[str, str] = {Role.COORDINATOR: "coordinator", Role.LEADER: "leader", Role.UNIT_OFFICER: "officer"}
    return {
        "tag": tag,
        "password": password,
        "today": today.isoformat(),
        "year": today.year + 1,
        "accounts": [{"username": u.username, "role": roles[u.role], "unit_id": u.unit_id} for u in accounts],
        "units": sorted(chosen),
        "countries": list(Country.objects.order_by("pk").values_list("pk", flat=True)[:60]),
        "visible": {
            u.username: list(Delegation.objects.restrict(u, "view").order_by("?").values_list("pk", flat=True)[:60])
            for u in accounts
        },
        "reports": dict(reports),
    }


# ------------------------------------------------------------------------------------------------------ verify


def _history(model: type[Model], ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    history = model.history  # type: ignore[attr-defined]
    for row in history.filter(id__in=ids).order_by("history_id").values("id", "status", "version", "history_type"):
        rows[row["id"]].append(row)
    return rows


def _events(model: type[Model], ids: list[int]) -> dict[int, Counter[str]]:
    content_type = ContentType.objects.get_for_model(model)
    events: dict[int, Counter[str]] = defaultdict(Counter)
    for object_id, verb in BusinessEvent.objects.filter(content_type=content_type, object_id__in=ids).values_list(
        "object_id", "verb"
    ):
        events[object_id][verb] += 1
    return events


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _load(model: type[Model], ids: list[int]) -> tuple[dict[int, Any], dict[int, list[dict]], dict[int, Counter]]:
    objects: dict[int, Any] = {}
    history: dict[int, list[dict[str, Any]]] = defaultdict(list)
    events: dict[int, Counter[str]] = defaultdict(Counter)
    for chunk in _chunks(sorted(set(ids))):
        objects |= model._default_manager.in_bulk(chunk)
        history.update(_history(model, chunk))
        events.update(_events(model, chunk))
    return objects, history, events


def verify_ledger(ledger: list[dict[str, Any]]) -> dict[str, Any]:
    """Every acknowledged write is in the database: the record exists, each acknowledged step left its history row
    and its business event, and the record is in the last acknowledged state (or, when a later write was never
    answered, in the state that write would have left)."""
    acknowledged = verified = 0
    missing: list[str] = []
    models = {"delegation": Delegation, "unitreport": UnitReport}
    for name, model in models.items():
        entries = [e for e in ledger if e["model"] == name]
        objects, history, events = _load(model, [e["id"] for e in entries])
        for entry in entries:
            pk, steps, pending = entry["id"], entry["steps"], entry.get("pending")
            acknowledged += len(steps)
            obj = objects.get(pk)
            if obj is None:
                missing += [
                    f"{name} {pk}: {verb} được xác nhận nhưng bản ghi không có trong cơ sở dữ liệu" for verb, _ in steps
                ]
                continue
            statuses = {row["status"] for row in history.get(pk, [])}
            types = {row["history_type"] for row in history.get(pk, [])}
            for verb, status in steps:
                found = (
                    status in statuses
                    and events[pk][verb] > 0
                    and (verb != "created" or ("+" in types and obj.name == entry.get("name")))
                )
                if found:
                    verified += 1
                else:
                    missing.append(f"{name} {pk}: bước “{verb}” được xác nhận nhưng thiếu lịch sử hoặc sự kiện")
            if steps:
                allowed = {steps[-1][1]} | ({pending[1]} if pending else set())
                if obj.status not in allowed:
                    missing.append(f"{name} {pk}: trạng thái {obj.status}, chờ đợi {' hoặc '.join(sorted(allowed))}")
    return {"acknowledged": acknowledged, "verified": verified, "missing": len(missing), "missing_detail": missing}


def _check_history(label: str, obj: Any, rows: list[dict[str, Any]], problems: list[str]) -> None:
    if not rows or rows[0]["history_type"] != "+":
        problems.append(f"{label}: không có dòng lịch sử tạo mới")
        return
    last = rows[-1]
    if last["status"] != obj.status or last["version"] != obj.version:
        problems.append(
            f"{label}: lịch sử cuối ({last['status']}, phiên bản {last['version']}) khác bản ghi "
            f"({obj.status}, phiên bản {obj.version})"
        )
    if not set(range(1, obj.version + 1)) <= {row["version"] for row in rows}:
        problems.append(f"{label}: thiếu dòng lịch sử của một phiên bản")


def check_integrity(tag: str) -> dict[str, Any]:
    """Nothing the run touched is half-written: each record's history ends in its current state with no missing
    version, it has one business event per workflow step, and each submitted report has one frozen version per
    submission."""
    problems: list[str] = []
    ids = list(Delegation.objects.filter(name__startswith=tag).values_list("pk", flat=True))
    delegations, history, events = _load(Delegation, ids)
    for pk, d in delegations.items():
        label = f"đoàn {pk}"
        _check_history(label, d, history.get(pk, []), problems)
        steps = sum(n for verb, n in events[pk].items() if verb != "created")
        if events[pk]["created"] != 1 or steps != d.version - 1:
            problems.append(f"{label}: {dict(events[pk])} sự kiện cho phiên bản {d.version}")
        if d.status in STATUS_EVENT and events[pk][STATUS_EVENT[d.status]] < 1:
            problems.append(f"{label}: trạng thái {d.status} không có sự kiện tương ứng")
        if not d.countries.exists():
            problems.append(f"{label}: mất danh sách nước")
    report_ids = list(UnitReport.objects.filter(period__label__startswith=tag).values_list("pk", flat=True))
    reports, report_history, report_events = _load(UnitReport, report_ids)
    versions: dict[int, list[str]] = defaultdict(list)
    for report_id, outcome in (
        UnitReportVersion.objects.filter(report_id__in=report_ids)
        .order_by("number")
        .values_list("report_id", "outcome")
    ):
        versions[report_id].append(outcome)
    for pk, report in reports.items():
        label = f"báo cáo {pk}"
        _check_history(label, report, report_history.get(pk, []), problems)
        submitted = report_events[pk]["submit"]
        if len(versions[pk]) != submitted:
            problems.append(f"{label}: {submitted} lần nộp nhưng {len(versions[pk])} phiên bản lưu")
        if (report.status == ReportStatus.DRAFT) != (submitted == 0):
            problems.append(f"{label}: trạng thái {report.status} với {submitted} lần nộp")
        if report.status == ReportStatus.ACCEPTED and (
            report_events[pk]["accept"] < 1 or not versions[pk] or versions[pk][-1] != VersionOutcome.ACCEPTED
        ):
            problems.append(f"{label}: đã chấp nhận nhưng thiếu sự kiện hoặc phiên bản được chấp nhận")
    return {
        "records": len(delegations) + len(reports),
        "delegations": len(delegations),
        "reports": len(reports),
        "half_written": len(problems),
        "half_written_detail": problems[:MAX_PROBLEMS],
    }
