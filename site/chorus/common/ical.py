"""Just enough RFC 5545 (iCalendar) to publish events: escaping, folding, UTC times.

Shared by the events plugin's feeds and the .ics files attendees of events and assemblies
get with their booking (``coproduction.taking_part``). Written here rather than taken from
a library because a feed needs only a small, well specified part of the standard:

* content lines end with CRLF (section 3.1);
* lines longer than 75 octets are folded: CRLF then one space (section 3.1), never
  inside a multi-byte UTF-8 character;
* TEXT values escape backslash, semicolon, comma and newlines (section 3.3.11);
* times are written in UTC, ``YYYYMMDDTHHMMSSZ`` (section 3.3.5, form 2).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
#: Kept as first published, so calendar apps that subscribed see the same producer.
PRODID = "-//Chorus//Events//EN"


def escape_text(value: str) -> str:
    """Escape a TEXT value: ``\\`` ``;`` ``,`` and newlines (CRLF, CR or LF become ``\\n``)."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def format_utc(moment: datetime.datetime) -> str:
    """Return an aware datetime as an iCalendar UTC date-time, e.g. ``20250603T090000Z``."""
    if moment.tzinfo is None:
        raise ValueError("iCalendar times must be timezone-aware.")
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets joined by CRLF and a space.

    The continuation's leading space counts towards its 75 octets. Characters are never
    split, so a chunk may end a little short of the limit before a multi-byte character.
    """
    chunks = []
    current = []
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += width
    chunks.append("".join(current))
    return (CRLF + " ").join(chunks)


def content_line(name: str, value: str, *, text: bool = True) -> str:
    """Return one folded ``NAME:value`` line, escaping ``value`` when it is TEXT.

    URIs, dates and identifiers that are not TEXT are passed with ``text=False`` and
    written as they are (RFC 5545 does not escape them).
    """
    return fold(f"{name}:{escape_text(value) if text else value}")


class Event:
    """One VEVENT: the properties a published event needs.

    ``uid`` must be stable and globally unique (``event-<pk>@<hostname>``) so calendar
    apps update an event instead of adding it twice.
    """

    def __init__(
        self,
        *,
        uid: str,
        summary: str,
        start: datetime.datetime,
        end: datetime.datetime,
        stamp: datetime.datetime,
        description: str = "",
        location: str = "",
        url: str = "",
        categories: Iterable[str] = (),
        last_modified: datetime.datetime | None = None,
    ):
        self.uid = uid
        self.summary = summary
        self.start = start
        self.end = end
        self.stamp = stamp
        self.description = description
        self.location = location
        self.url = url
        self.categories = list(categories)
        self.last_modified = last_modified

    def lines(self) -> Iterator[str]:
        """Yield this event's folded content lines, from BEGIN to END."""
        yield "BEGIN:VEVENT"
        yield content_line("UID", self.uid)
        yield content_line("DTSTAMP", format_utc(self.stamp), text=False)
        yield content_line("DTSTART", format_utc(self.start), text=False)
        yield content_line("DTEND", format_utc(self.end), text=False)
        if self.last_modified is not None:
            yield content_line("LAST-MODIFIED", format_utc(self.last_modified), text=False)
        yield content_line("SUMMARY", self.summary)
        if self.description:
            yield content_line("DESCRIPTION", self.description)
        if self.location:
            yield content_line("LOCATION", self.location)
        if self.url:
            yield content_line("URL", self.url, text=False)
        if self.categories:
            yield content_line(
                "CATEGORIES", ",".join(escape_text(c) for c in self.categories), text=False
            )
        yield "END:VEVENT"


def calendar(events: Iterable[Event], *, name: str = "") -> str:
    """Return a whole VCALENDAR holding ``events``, every line ending in CRLF."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        content_line("PRODID", PRODID, text=False),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(content_line("X-WR-CALNAME", name))
    for event in events:
        lines.extend(event.lines())
    lines.append("END:VCALENDAR")
    return CRLF.join(lines) + CRLF
