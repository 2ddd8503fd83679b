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


def _query(request: HttpRequest, **changes: str | None) -> str:
    """The page's query string with `changes` (None: drop the parameter); the filters stay as they are."""
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return query.urlencode()


def _month_query(request: HttpRequest, year: int, month: int, **changes: str | None) -> str:
    return _query(request, **({"month": f"{year:04d}-{month:02d}", "day": None, "page": None} | changes))


def _day_query(request: HttpRequest, day: dt.date) -> str:
    return _query(request, day=day.isoformat(), month=f"{day.year:04d}-{day.month:02d}", page=None)


# A day's cell shows at most this many lines: every entry while they fit, else one line less and "+K mục khác".
DAY_LINES = 4
# The month's planned entries (no date yet) shown under the grid; the list view has them all.
PLANNED_SHOWN = 20
# Entries per page of the list and of a day's list.
PAGE_SIZE = 100


def _page(items: list[Any], page: int) -> tuple[list[Any], int, int]:
    """The items of page `page` (kept within the pages there are), that page and the number of pages."""
    page, pages = _page_of(page, len(items))
    return items[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], page, pages


def _page_of(page: int, count: int) -> tuple[int, int]:
    """`page` kept within the pages `count` items make, and that number of pages."""
    pages = max(1, -(-count // PAGE_SIZE))
    return min(max(page, 1), pages), pages


def _planned_slice(page: int, dated: int) -> tuple[int, int]:
    """Which planned entries the list's page `page` shows (offset, how many) after the month's `dated` ones."""
    first, last = (page - 1) * PAGE_SIZE, page * PAGE_SIZE
    return max(first - dated, 0), max(last - dated, 0) - max(first - dated, 0)


class CalendarView(LoginRequiredMixin, View):
    """The month grid (each day's first entries, "+K" for the rest), the month's list by pages, and one day's list.

    At national scale a month holds ~9,000 entries: they are counted and placed from `calendar_index` (a few
    fields per record) and only the shown ones are built (`calendar_build`)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form = CalendarFilterForm(request.GET or None, today=today)
        if form.is_bound:
            form.is_valid()
        values = form.values()
        year, month, view, filters = values["year"], values["month"], values["view"], values["filters"]
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        first, last = calendar_selectors.month_bounds(year, month)
        user = request.user
        ctx: dict[str, Any] = {"form": form, "year": year, "month": month, "view": view, "today": today}
        index = calendar_selectors.calendar_index
        if view == "day":
            day = values["day"]
            refs = index(user=user, start=day, end=day, filters=filters, exact=calendar_selectors.DATED)
            shown, page, pages = _page(refs, values["page"])
            ctx |= {"day": day, "weekday": WEEKDAYS[day.weekday()], "count": len(refs)}
            ctx["day_entries"] = calendar_selectors.calendar_build(user=user, refs=shown)
            prev_day, next_day = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
            ctx |= {
                "prev_query": _day_query(request, prev_day),
                "next_query": _day_query(request, next_day),
                "today_query": _day_query(request, today),
            }
        else:
            start, end = (weeks[0][0], weeks[-1][-1]) if view == "month" else (first, last)
            dated = index(user=user, start=start, end=end, filters=filters, exact=calendar_selectors.DATED)
            in_month = [r for r in dated if r.start <= last and r.end >= first]

            def planned_from(offset: int, limit: int) -> tuple[int, list[calendar_selectors.EntryRef]]:
                # The planned entries follow the dated ones; only those shown are read (a month has thousands).
                return calendar_selectors.planned_window(
                    user=user, start=first, end=last, filters=filters, offset=offset, limit=limit
                )

            if view == "month":
                planned_count, planned = planned_from(0, PLANNED_SHOWN)
                ctx |= self.month_grid(request, weeks, dated, planned, month)
                page, pages = 1, 1
            else:
                page = max(values["page"], 1)
                planned_count, planned = planned_from(*_planned_slice(page, len(in_month)))
                page, pages = _page_of(page, len(in_month) + planned_count)
                if page != max(values["page"], 1):  # past the last page: the last
                    planned_count, planned = planned_from(*_planned_slice(page, len(in_month)))
                shown = [*in_month[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], *planned]
                built = calendar_selectors.calendar_build(user=user, refs=shown)
                ctx["days"] = self.list_days([e for e in built if e.exact], first, last)
                ctx["planned"] = [e for e in built if not e.exact]
            ctx["count"] = len(in_month) + planned_count
            ctx["planned_count"] = planned_count
            prev_month, next_month = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
            # The planned entries follow the dated ones in the list: the link goes to the page where they begin.
            ctx |= {
                "prev_query": _month_query(request, prev_month.year, prev_month.month),
                "next_query": _month_query(request, next_month.year, next_month.month),
                "today_query": _month_query(request, today.year, today.month),
                "planned_query": _month_query(
                    request, year, month, view="list", page=str(len(in_month) // PAGE_SIZE + 1)
                ),
            }
        ctx |= {
            "page": page,
            "pages": pages,
            "prev_page_query": _query(request, page=str(page - 1)) if page > 1 else "",
            "next_page_query": _query(request, page=str(page + 1)) if page < pages else "",
            "month_view_query": _month_query(request, year, month, view="month"),
            "list_view_query": _month_query(request, year, month, view="list"),
            "kinds": calendar_selectors.CalendarKind.choices,
            "chosen_kinds": filters.kinds,
        }
        htmx = getattr(request, "htmx", None)
        template = "dashboard/_calendar.html" if htmx and not htmx.boosted else "dashboard/calendar.html"
        return render(request, template, ctx)

    def month_grid(
        self,
        request: HttpRequest,
        weeks: list[list[dt.date]],
        dated: list[calendar_selectors.EntryRef],
        planned: list[calendar_selectors.EntryRef],
        month: int,
    ) -> dict[str, Any]:
        """Each day's first entries and how many more, and the month's first planned entries, built whole."""
        first_day, last_day = weeks[0][0], weeks[-1][-1]
        on_day: dict[dt.date, list[calendar_selectors.EntryRef]] = {}
        for ref in dated:  # in the calendar's order, so each day's list is too
            day = max(ref.start, first_day)
            while day <= min(ref.end, last_day):
                on_day.setdefault(day, []).append(ref)
                day += dt.timedelta(days=1)
        shown_refs = {day: refs if len(refs) <= DAY_LINES else refs[: DAY_LINES - 1] for day, refs in on_day.items()}
        wanted = {ref.uid: ref for refs in shown_refs.values() for ref in refs}
        wanted |= {ref.uid: ref for ref in planned[:PLANNED_SHOWN]}
        built = {e.uid: e for e in calendar_selectors.calendar_build(user=request.user, refs=wanted.values())}
        cells = []
        for week in weeks:
            row = []
            for day in week:
                refs = on_day.get(day, [])
                shown = [built[r.uid] for r in shown_refs.get(day, []) if r.uid in built]
                row.append(
                    {
                        "date": day,
                        "in_month": day.month == month,
                        "weekday": WEEKDAYS[day.weekday()],
                        "entries": shown,
                        "more": len(refs) - len(shown),
                        "day_query": _day_query(request, day),
                    }
                )
            cells.append(row)
        return {
            "weeks": cells,
            "weekdays": WEEKDAYS_SHORT,
            "planned": [built[r.uid] for r in planned[:PLANNED_SHOWN] if r.uid in built],
        }

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
