"""The iCalendar writer: escaping, folding at 75 octets, all-day dates, CRLF (RFC 5545)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from doingoai.documents.ical import Event, calendar, escape_text, fold


def unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def test_escape_text():
    assert escape_text("a;b,c\\d\ne\r\nf") == "a\\;b\\,c\\\\d\\ne\\nf"
    assert escape_text("Hội nghị: Việt – Lào") == "Hội nghị: Việt – Lào"  # colons are not escaped in TEXT


def test_fold_counts_octets_and_keeps_characters_whole():
    line = "SUMMARY:" + "Đoàn công tác của Ủy ban nhân dân tỉnh Nghệ An thăm và làm việc tại Lào " * 3
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert unfold(folded) == line
    assert fold("SHORT:x") == "SHORT:x"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=400))
def test_fold_round_trips(text):
    line = "DESCRIPTION:" + text
    folded = fold(line)
    assert unfold(folded) == line
    assert all(len(p.encode("utf-8")) <= 75 for p in folded.split("\r\n"))


def test_calendar_text():
    stamp = dt.datetime(2026, 5, 1, 3, 4, 5, tzinfo=dt.UTC)
    text = calendar(
        [
            Event(
                uid="delegation-1@example.org",
                summary="Đoàn ra; thăm, làm việc",
                start=dt.date(2026, 5, 9),
                end=dt.date(2026, 5, 14),
                description="Dòng 1\nDòng 2",
                url="https://example.org/delegations/1/",
                categories=("Đoàn ra",),
                status="CONFIRMED",
            ),
            Event(uid="deadline-2@example.org", summary="Hạn chót", start=dt.date(2026, 5, 29)),
        ],
        prodid="-//doingoai//VI",
        name="Lịch, thử",
        stamp=stamp,
    )
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = unfold(text).split("\r\n")[:-1]
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//doingoai//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert "X-WR-CALNAME:Lịch\\, thử" in lines
    first = lines[lines.index("BEGIN:VEVENT") : lines.index("END:VEVENT") + 1]
    assert first == [
        "BEGIN:VEVENT",
        "UID:delegation-1@example.org",
        "DTSTAMP:20260501T030405Z",
        "DTSTART;VALUE=DATE:20260509",
        "DTEND;VALUE=DATE:20260515",  # the day after the last day
        "SUMMARY:Đoàn ra\\; thăm\\, làm việc",
        "DESCRIPTION:Dòng 1\\nDòng 2",
        "URL:https://example.org/delegations/1/",
        "CATEGORIES:Đoàn ra",
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    assert "DTSTART;VALUE=DATE:20260529" in lines and "DTEND;VALUE=DATE:20260530" in lines
    assert lines.count("BEGIN:VEVENT") == 2 and lines[-1] == "END:VCALENDAR"


def test_timed_events_are_written_in_utc():
    hanoi = dt.timezone(dt.timedelta(hours=7))
    text = calendar(
        [Event(uid="x", summary="Họp", start=dt.datetime(2026, 5, 9, 8, 0, tzinfo=hanoi))],
        prodid="-//t//VI",
        stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    assert "DTSTART:20260509T010000Z" in text
    assert "DTEND" not in text
