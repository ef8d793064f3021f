"""Turn event pages into iCalendar events (see :mod:`chorus.common.ical`)."""

import re
from html import unescape

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from chorus.common import ical

BLOCK_END = re.compile(r"(</(p|h\d|li|blockquote)>|<br\s*/?>)", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n{3,}")


def rich_text_to_plain(html: str) -> str:
    """Return rich text as plain text, one line per paragraph, list item or line break."""
    text = unescape(strip_tags(BLOCK_END.sub(lambda m: m.group(0) + "\n", html or "")))
    lines = [line.strip() for line in text.splitlines()]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def event_uid(event, hostname: str) -> str:
    """Return the event's stable, globally unique iCalendar UID."""
    return f"event-{event.pk}@{hostname}"


def event_description(event) -> str:
    """Return the plain-text description: what it is, who it is for, access, how to join."""
    parts = [rich_text_to_plain(event.description)]
    if event.audience:
        parts.append(_("Who it is for: %(audience)s") % {"audience": event.audience})
    if event.accessibility:
        parts.append(_("Accessibility: %(details)s") % {"details": event.accessibility})
    if event.hosting_partner:
        parts.append(_("Hosted by %(partner)s") % {"partner": event.hosting_partner.name})
    if event.online_link:
        parts.append(_("Join online: %(link)s") % {"link": event.online_link})
    if event.external_booking_link:
        parts.append(_("Book: %(link)s") % {"link": event.external_booking_link})
    return "\n\n".join(part for part in parts if part)


def to_ical(event, request, *, hostname: str, stamp=None) -> ical.Event:
    """Return ``event`` (an EventPage) as an :class:`ical.Event` with absolute URLs."""
    return ical.Event(
        uid=event_uid(event, hostname),
        summary=event.title,
        start=event.start,
        end=event.end,
        stamp=stamp or timezone.now(),
        last_modified=event.last_published_at,
        description=event_description(event),
        location=event.location,
        url=event.get_full_url(request) or "",
        categories=[event.get_kind_display()],
    )
