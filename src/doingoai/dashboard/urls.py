from django.urls import path, register_converter

from doingoai.dashboard import views


class TokenConverter:
    """The secret of an iCal address: URL-safe base64 (the 32 random bytes give 43 characters)."""

    regex = r"[A-Za-z0-9_-]{20,128}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "caltoken")

app_name = "dashboard"

urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar/feed/", views.CalendarTokenView.as_view(), name="calendar_token"),
    path("calendar/feed/<caltoken:token>.ics", views.CalendarFeedView.as_view(), name="calendar_feed"),
]
