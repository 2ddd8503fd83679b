"""A small iCalendar (RFC 5545) writer: VCALENDAR with all-day or timed VEVENTs. Plain Python, no Django.

Only what a read-only subscription feed needs: TEXT escaping (§3.3.11), line folding at 75 octets without
splitting a UTF-8 character (§3.1), CRLF line ends, DATE and UTC DATE-TIME values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

CRLF = "\r\n"
MAX_OCTETS = 75


@dataclass(frozen=True)
class Event:
    """One VEVENT. `start`/`end` as dates make an all-day event; `end` is inclusive (the last day)."""

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = field(default_factory=tuple)
    status: str = ""  # TENTATIVE | CONFIRMED | CANCELLED


def escape_text(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, continuation lines starting with one space."""
    parts: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = " ", 1, MAX_OCTETS
        current += char
        size += width
    parts.append(current)
    return CRLF.join(parts)


def format_date(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def format_utc(value: dt.datetime) -> str:
    """A DATE-TIME in UTC ("…Z"); naive values are taken as UTC already."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.strftime("%Y%m%dT%H%M%SZ")


def _date_property(name: str, value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return f"{name}:{format_utc(value)}"
    return f"{name};VALUE=DATE:{format_date(value)}"


def _event_lines(event: Event, stamp: dt.datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{format_utc(stamp)}",
        _date_property("DTSTART", event.start),
    ]
    if isinstance(event.start, dt.datetime):
        if event.end is not None:
            lines.append(_date_property("DTEND", event.end))
    else:
        # DTEND of an all-day event is the day after the last one (non-inclusive, §3.6.1).
        last = event.end if event.end is not None and event.end >= event.start else event.start
        lines.append(_date_property("DTEND", last + dt.timedelta(days=1)))
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url.replace(CRLF, '').replace(chr(10), '')}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
    if event.status:
        lines.append(f"STATUS:{event.status}")
    lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[Event], *, prodid: str, name: str = "", stamp: dt.datetime) -> str:
    """The whole VCALENDAR as text with CRLF line ends, every line folded."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(_event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF
