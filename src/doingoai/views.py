"""The home page (per role) and the anniversaries page: they read across the registries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from doingoai.agreements.models import AgreementStatus
from doingoai.agreements.selectors import agreement_list
from doingoai.conferences.models import ConferenceStatus
from doingoai.conferences.selectors import conference_list
from doingoai.core.choices import QUARTER_LABELS, Role
from doingoai.core.permissions import role_of
from doingoai.core.registry import declared_rules
from doingoai.core.selectors import round_anniversaries
from doingoai.dashboard.selectors import delegation_plan_vs_done
from doingoai.delegations.models import DelegationStatus, Direction
from doingoai.delegations.selectors import delegation_list
from doingoai.finance import selectors as finance_selectors
from doingoai.finance import services as finance_services
from doingoai.programs.selectors import assigned_tasks, tasks_awaiting_confirmation


def waiting_for(user: Any) -> list[tuple[str, QuerySet]]:
    """What is waiting for this user's action, by role: (heading, records)."""
    role = role_of(user)
    # The home page shows each record's name and address: its rows are read without the lists' related rows
    # (units, countries, partners) and other columns (a national waiting list 11.8 → 5.6 ms on PostgreSQL).
    delegations, conferences, agreements = (
        delegation_list(user=user).select_related(None).prefetch_related(None).only("pk", "name"),
        conference_list(user=user).select_related(None).prefetch_related(None).only("pk", "title"),
        agreement_list(user=user).select_related(None).prefetch_related(None).only("pk", "title"),
    )
    if role in (Role.COORDINATOR, Role.ADMIN):
        return [
            (gettext("Đề xuất đoàn chờ tổng hợp vào kế hoạch"), delegations.filter(status=DelegationStatus.PROPOSED)),
            (gettext("Hội nghị, hội thảo chờ xin phép"), conferences.filter(status=ConferenceStatus.PROPOSED)),
            (gettext("Thỏa thuận chờ xin ý kiến"), agreements.filter(status=AgreementStatus.PROPOSED)),
        ]
    if role == Role.LEADER:
        return [
            (
                gettext("Đoàn chờ quyết định của bạn (thuộc thẩm quyền bạn đang giữ)"),
                delegations.filter(finance_services.decidable_q(user), status=DelegationStatus.IN_PLAN),
            ),
            (gettext("Thỏa thuận đã xin ý kiến chờ phê duyệt"), agreements.filter(status=AgreementStatus.CONSULTED)),
        ]
    if role == Role.FINANCE:
        return [
            (gettext("%(label)s chờ thẩm định kinh phí") % {"label": label}, rows)
            for label, rows in finance_selectors.awaiting_appraisal(user=user)
        ]
    if role == Role.UNIT_OFFICER and user.unit_id:
        own = {"proposing_unit_id": user.unit_id}
        return [
            (gettext("Đề xuất đang soạn (chưa gửi)"), delegations.filter(status=DelegationStatus.DRAFT, **own)),
            (
                gettext("Đoàn đã phê duyệt chờ ghi nhận thực hiện"),
                delegations.filter(status=DelegationStatus.APPROVED, **own),
            ),
            (
                gettext("Đoàn đã thực hiện chưa nộp báo cáo kết quả"),
                delegations.filter(
                    status=DelegationStatus.DONE, result_reported_on__isnull=True, direction=Direction.OUT, **own
                ),
            ),
            (
                gettext("Hội nghị đang soạn"),
                conferences.filter(status=ConferenceStatus.DRAFT, organising_unit_id=user.unit_id),
            ),
            (gettext("Thỏa thuận đang soạn"), agreements.filter(status=AgreementStatus.DRAFT, **own)),
        ]
    return []


def late_items(user: Any, today: dt.date) -> list[tuple[str, QuerySet | list[Any]]]:
    """(heading, overdue records) for each deadline the registries declare (core.deadlines). A unit officer sees
    those their unit must act on; other units' are on the deadlines page."""
    result: list[tuple[str, QuerySet | list[Any]]] = []
    for registry, rule in declared_rules():
        items = rule.overdue(registry, user, today)
        if role_of(user) == Role.UNIT_OFFICER:
            owner = getattr(registry.model, "owner_field", None)
            if isinstance(items, QuerySet) and rule.unit is None and owner:
                items = items.filter(**{f"{owner}_id": user.unit_id})
            else:
                items = [o for o in items if getattr(_unit_of(rule, o, owner), "pk", None) == user.unit_id]
        result.append((str(rule.heading), items))
    return result


def _unit_of(rule: Any, obj: Any, owner: str | None) -> Any:
    if rule.unit is not None or owner:
        return rule.unit_of(obj, owner)
    return getattr(obj, "unit", None)  # a deadline that names its unit (a unit's missing implementation plan)


def first_and_count(items: QuerySet | list[Any], shown: int = 10) -> tuple[list[Any], int]:
    """The first `shown` records and how many there are: a query counts them only when there are more."""
    if not isinstance(items, QuerySet):
        return list(items[:shown]), len(items)
    first = list(items[: shown + 1])
    return first[:shown], len(first) if len(first) <= shown else items.count()


HOME_TASKS = 10  # tasks listed on the home page; the rest behind the link to the task list


def plan_tasks_for(user: Any, today: dt.date) -> dict[str, Any]:
    """The plans' tasks on the home page: what the officer's unit was assigned (open, overdue first) and what
    waits for the confirmation of whoever follows up the plans (coordinator, a plan's coordinating unit)."""
    role = role_of(user)
    result: dict[str, Any] = {}
    if role == Role.UNIT_OFFICER and user.unit_id:
        assigned = assigned_tasks(unit_id=user.unit_id, today=today)
        result["assigned"] = (list(assigned[:HOME_TASKS]), assigned.count())
    if role in (Role.COORDINATOR, Role.ADMIN, Role.UNIT_OFFICER):
        waiting = tasks_awaiting_confirmation(user=user)
        count = waiting.count()
        if count or role != Role.UNIT_OFFICER:
            result["to_confirm"] = (list(waiting[:HOME_TASKS]), count)
    return result


class HomeView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        try:
            year = int(request.GET.get("year", today.year))
        except ValueError:
            year = today.year
        stats = delegation_plan_vs_done(year=year, user=request.user)
        quarters = [(q, QUARTER_LABELS.get(q, gettext("Chưa xác định"))) for q in (1, 2, 3, 4, 0)]
        rows = []
        for direction, label in Direction.choices:
            cells = [stats[direction][q] | {"quarter": q} for q, _ in quarters]
            total_planned = sum(c["planned"] for c in cells)
            rows.append({"label": label, "cells": cells, "direction": direction, "total": total_planned})
        ctx = {
            "year": year,
            "years": range(today.year + 1, today.year - 5, -1),
            "quarters": quarters,
            "plan_rows": rows,
            "waiting": [(h, *first_and_count(qs)) for h, qs in waiting_for(request.user)],
            "late": [(h, *first_and_count(items)) for h, items in late_items(request.user, today)],
            "anniversaries": round_anniversaries(year=today.year + 1),
            "next_year": today.year + 1,
            "today": today,
            **plan_tasks_for(request.user, today),
        }
        return render(request, "home.html", ctx)


class AnniversaryView(LoginRequiredMixin, View):
    """Round anniversaries (multiples of 5 years) of diplomatic relations for any year."""

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        try:
            year = int(request.GET.get("year", today.year + 1))
        except ValueError:
            year = today.year + 1
        year = max(1951, min(year, 2200))
        return render(request, "anniversaries.html", {"year": year, "items": round_anniversaries(year=year)})
