"""The dashboard, the calendar (month and list), the iCal address page and the feed itself."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views import View

from doingoai.core import throttle
from doingoai.core.permissions import role_of
from doingoai.dashboard import calendar_selectors, selectors, services
from doingoai.dashboard.forms import CalendarFilterForm
from doingoai.dashboard.models import CalendarToken
from doingoai.documents import ical

if TYPE_CHECKING:
    from doingoai.core.models import User

WEEKDAYS = [
    gettext_lazy("Thứ Hai"),
    gettext_lazy("Thứ Ba"),
    gettext_lazy("Thứ Tư"),
    gettext_lazy("Thứ Năm"),
    gettext_lazy("Thứ Sáu"),
    gettext_lazy("Thứ Bảy"),
    gettext_lazy("Chủ nhật"),
]
WEEKDAYS_SHORT = [
    gettext_lazy("T2"),
    gettext_lazy("T3"),
    gettext_lazy("T4"),
    gettext_lazy("T5"),
    gettext_lazy("T6"),
    gettext_lazy("T7"),
    gettext_lazy("CN"),
]


def _year(request: HttpRequest, default: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if 1990 <= year <= 2200 else default


class DashboardView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        year = _year(request, today.year)
        years = sorted({*range(today.year + 1, today.year - 5, -1), year}, reverse=True)
        data = selectors.dashboard_data(user=request.user, year=year)
        reporting = selectors.reporting_summary(user=request.user, year=year)
        ctx = {"year": year, "years": years, "data": data, "reporting": reporting}
        return render(request, "dashboard/dashboard.html", ctx)


def _month_query(request: HttpRequest, year: int, month: int, **changes: str) -> str:
    query = request.GET.copy()
    query["month"] = f"{year:04d}-{month:02d}"
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


class CalendarView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form = CalendarFilterForm(request.GET or None, today=today)
        if form.is_bound:
            form.is_valid()
        values = form.values()
        year, month = values["year"], values["month"]
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        entries = calendar_selectors.calendar_entries(
            user=request.user, start=weeks[0][0], end=weeks[-1][-1], filters=values["filters"]
        )
        in_month = [e for e in entries if e.in_month(year, month)]
        first, last = calendar_selectors.month_bounds(year, month)
        prev_month = first - dt.timedelta(days=1)
        next_month = last + dt.timedelta(days=1)
        ctx: dict[str, Any] = {
            "form": form,
            "year": year,
            "month": month,
            "view": values["view"],
            "today": today,
            "weekdays": WEEKDAYS_SHORT,
            "weeks": [
                [
                    {"date": day, "in_month": day.month == month, "entries": [e for e in entries if e.on(day)]}
                    for day in week
                ]
                for week in weeks
            ],
            "planned": [e for e in in_month if not e.exact],
            "days": self.list_days(in_month, first, last),
            "count": len(in_month),
            "prev_query": _month_query(request, prev_month.year, prev_month.month),
            "next_query": _month_query(request, next_month.year, next_month.month),
            "today_query": _month_query(request, today.year, today.month),
            "month_view_query": _month_query(request, year, month, view="month"),
            "list_view_query": _month_query(request, year, month, view="list"),
            "kinds": calendar_selectors.CalendarKind.choices,
            "chosen_kinds": values["filters"].kinds,
        }
        htmx = getattr(request, "htmx", None)
        template = "dashboard/_calendar.html" if htmx and not htmx.boosted else "dashboard/calendar.html"
        return render(request, template, ctx)

    @staticmethod
    def list_days(
        entries: list[calendar_selectors.CalendarEntry], first: dt.date, last: dt.date
    ) -> list[dict[str, Any]]:
        """Dated entries of the month by day; one that began earlier is listed on the month's first day."""
        by_day: dict[dt.date, list[calendar_selectors.CalendarEntry]] = {}
        for e in entries:
            if e.exact:
                by_day.setdefault(max(e.start, first), []).append(e)
        return [
            {"date": day, "weekday": WEEKDAYS[day.weekday()], "entries": by_day[day]}
            for day in sorted(by_day)
            if first <= day <= last
        ]


class CalendarTokenView(LoginRequiredMixin, View):
    """The user's own secret iCal address: create, regenerate (the old one stops working), revoke."""

    def get(self, request: HttpRequest) -> HttpResponse:
        user = cast("User", request.user)  # LoginRequiredMixin: never anonymous here
        token = CalendarToken.objects.filter(user=user, revoked_at__isnull=True).first()
        feed_url = (
            request.build_absolute_uri(reverse("dashboard:calendar_feed", kwargs={"token": token.token}))
            if token
            else ""
        )
        revoked = CalendarToken.objects.filter(user=user, revoked_at__isnull=False).count()
        return render(
            request, "dashboard/calendar_token.html", {"token": token, "feed_url": feed_url, "revoked": revoked}
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        action = request.POST.get("action")
        user = cast("User", request.user)
        if throttle.count("token_changes_per_user", str(user.pk)):
            messages.error(request, throttle.TOO_MANY_CHANGES)
            return redirect("dashboard:calendar_token")
        if action == "issue":
            had_one = CalendarToken.objects.filter(user=user, revoked_at__isnull=True).exists()
            services.calendar_token_issue(user=user, by=user)
            messages.success(
                request,
                gettext("Đã tạo địa chỉ mới; địa chỉ cũ không còn dùng được.")
                if had_one
                else gettext("Đã tạo địa chỉ lịch iCal."),
            )
        elif action == "revoke":
            if services.calendar_token_revoke(user=user, by=user):
                messages.success(
                    request, gettext("Đã thu hồi địa chỉ lịch iCal; lịch đã đăng ký sẽ không cập nhật nữa.")
                )
            else:
                messages.info(request, gettext("Bạn chưa có địa chỉ lịch iCal nào đang dùng."))
        else:
            return HttpResponseBadRequest(gettext("Thao tác không hợp lệ."))
        return redirect("dashboard:calendar_token")


class CalendarFeedView(View):
    """`/calendar/feed/<token>.ics`: no session; the token stands for its user and shows what that user may see."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        # Per address, before the token is looked up: a calendar polls every few minutes, a guesser far more.
        if throttle.count("calendar_feed_per_address", throttle.client_address(request)):
            minutes = throttle.window_minutes("calendar_feed_per_address")
            response = HttpResponse(
                gettext("Quá nhiều yêu cầu lịch từ địa chỉ này; hãy thử lại sau %(minutes)s phút.")
                % {"minutes": minutes},
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(minutes * 60)
            return response
        found = CalendarToken.objects.active().select_related("user").filter(token=token).first()
        if found is None or role_of(found.user) is None:
            raise Http404(gettext("Không có lịch này."))
        user = found.user
        today = timezone.localdate()
        start, end = dt.date(today.year - 1, 1, 1), dt.date(today.year + 1, 12, 31)
        entries = calendar_selectors.calendar_entries(user=user, start=start, end=end)
        domain = request.get_host().split(":")[0] or "doingoai"
        events = [calendar_selectors.ical_event(e, domain=domain, absolute=request.build_absolute_uri) for e in entries]
        body = ical.calendar(
            events,
            prodid="-//doingoai//Lich doi ngoai//VI",
            name=gettext("Đối ngoại %(province_name)s – %(user)s")
            % {"province_name": settings.PROVINCE_NAME, "user": user},
            stamp=timezone.now(),
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="doingoai.ics"'
        response["Cache-Control"] = "private, max-age=900"
        response["X-Robots-Tag"] = "noindex"
        return response
