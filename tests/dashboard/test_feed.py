"""The per-user iCal address: issuing, regenerating, revoking, and the feed it serves without a session."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.core.models import BusinessEvent
from doingoai.dashboard.models import CalendarToken
from doingoai.dashboard.services import calendar_token_issue, calendar_token_revoke
from doingoai.delegations.models import DelegationStatus
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db
THIS_YEAR = dt.date.today().year


def feed_url(token: CalendarToken) -> str:
    return reverse("dashboard:calendar_feed", kwargs={"token": token.token})


def unfolded_lines(response) -> list[str]:
    return response.content.decode("utf-8").replace("\r\n ", "").split("\r\n")


@pytest.fixture
def trips(users):
    unit_a, unit_b = users["officer1"].unit, users["officer2"].unit
    return {
        "own": DelegationFactory(
            year=THIS_YEAR,
            name='Đoàn "A"; thăm, làm việc tại Lào\\Viêng Chăn',
            status=DelegationStatus.DONE,
            proposing_unit=unit_a,
            actual_start=dt.date(THIS_YEAR, 5, 9),
            actual_end=dt.date(THIS_YEAR, 5, 14),
            result_reported_on=dt.date(THIS_YEAR, 5, 20),
        ),
        "other_draft": DelegationFactory(
            year=THIS_YEAR,
            name="Đoàn nháp của đơn vị B",
            status=DelegationStatus.DRAFT,
            time_text="Tháng 6",
            proposing_unit=unit_b,
        ),
        "published": DelegationFactory(
            year=THIS_YEAR,
            name="Đoàn trong kế hoạch của đơn vị B",
            status=DelegationStatus.IN_PLAN,
            time_text="Quý III",
            proposing_unit=unit_b,
        ),
    }


def test_issue_and_revoke_keep_history_and_events(users):
    officer = users["officer1"]
    first = calendar_token_issue(user=officer, by=officer)
    assert len(first.token) >= 43 and first.revoked_at is None
    second = calendar_token_issue(user=officer, by=officer)
    first.refresh_from_db()
    assert first.revoked_at is not None and second.token != first.token
    assert calendar_token_revoke(user=officer, by=officer) == 1
    assert calendar_token_revoke(user=officer, by=officer) == 0
    assert not CalendarToken.objects.active().filter(user=officer).exists()
    history = CalendarToken.history.filter(id=second.pk).order_by("history_date", "history_id")
    assert [h.history_type for h in history] == ["+", "~"]
    assert {h.history_user for h in history} == {officer}
    assert not hasattr(history[0], "token")  # the secret stays out of the history
    assert list(BusinessEvent.objects.order_by("id").values_list("verb", flat=True)) == [
        "issued",
        "revoked",
        "issued",
        "revoked",
    ]


def test_token_page_creates_regenerates_and_revokes(users, client_for):
    client = client_for("officer1")
    url = reverse("dashboard:calendar_token")
    assert 'id="no-token"' in client.get(url).content.decode()
    response = client.post(url, {"action": "issue"}, follow=True)
    token = CalendarToken.objects.get(user=users["officer1"], revoked_at__isnull=True)
    assert f"http://testserver{feed_url(token)}" in response.content.decode()
    assert "Đã tạo địa chỉ lịch iCal." in response.content.decode()
    response = client.post(url, {"action": "issue"}, follow=True)
    assert "địa chỉ cũ không còn dùng được" in response.content.decode()
    new = CalendarToken.objects.get(user=users["officer1"], revoked_at__isnull=True)
    assert new.pk != token.pk
    client.post(url, {"action": "revoke"})
    assert not CalendarToken.objects.filter(user=users["officer1"], revoked_at__isnull=True).exists()
    assert client.post(url, {"action": "delete-everything"}).status_code == 400
    # Another user's page never shows this user's address.
    other = client_for("officer2").get(url).content.decode()
    assert new.token not in other and token.token not in other


def test_feed_without_session_shows_what_the_user_may_see(users, trips, client):
    token = calendar_token_issue(user=users["officer1"], by=users["officer1"])
    response = client.get(feed_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content.decode("utf-8")
    assert all(len(line.encode("utf-8")) <= 75 for line in raw.split("\r\n"))
    lines = unfolded_lines(response)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    event = lines[lines.index(f"UID:delegation-{trips['own'].pk}@testserver") - 1 :]
    event = event[: event.index("END:VEVENT") + 1]
    assert event[0] == "BEGIN:VEVENT"
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in event)
    assert f"DTSTART;VALUE=DATE:{THIS_YEAR}0509" in event
    assert f"DTEND;VALUE=DATE:{THIS_YEAR}0515" in event
    assert 'SUMMARY:[Đoàn ra] Đoàn "A"\\; thăm\\, làm việc tại Lào\\\\Viêng Chăn' in event
    assert f"URL:http://testserver{trips['own'].get_absolute_url()}" in event
    description = next(line for line in event if line.startswith("DESCRIPTION:"))
    assert "Trạng thái: Đã thực hiện\\nĐơn vị: Sở Du lịch\\nNước: Lào" in description
    text = "\n".join(lines)
    assert "Đoàn nháp của đơn vị B" not in text
    # Known only by its planned quarter: starts on the quarter's first day, tentative.
    assert f"SUMMARY:[Đoàn ra – dự kiến Quý III/{THIS_YEAR}] Đoàn trong kế hoạch của đơn vị B" in lines
    assert f"UID:plan-adjustment-{THIS_YEAR}@testserver" in lines
    # The owner of unit B sees its own draft in its own feed.
    own_b = calendar_token_issue(user=users["officer2"], by=users["officer2"])
    assert "Đoàn nháp của đơn vị B" in "\n".join(unfolded_lines(client.get(feed_url(own_b))))


def test_revoked_unknown_or_inactive_tokens_are_404(users, trips, client):
    officer = users["officer1"]
    token = calendar_token_issue(user=officer, by=officer)
    assert client.get(feed_url(token)).status_code == 200
    renewed = calendar_token_issue(user=officer, by=officer)
    assert client.get(feed_url(token)).status_code == 404
    assert client.get(feed_url(renewed)).status_code == 200
    calendar_token_revoke(user=officer, by=officer)
    assert client.get(feed_url(renewed)).status_code == 404
    assert client.get(reverse("dashboard:calendar_feed", kwargs={"token": "x" * 43})).status_code == 404
    live = calendar_token_issue(user=officer, by=officer)
    officer.is_active = False
    officer.save()
    assert client.get(feed_url(live)).status_code == 404
