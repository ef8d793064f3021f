"""The .ics file attendees get with their booking (the shared writer is ``chorus.common.ical``)."""

from django.utils import timezone

from chorus.common import ical


def occasion_calendar(page, *, hostname):
    """A VCALENDAR with ``page``'s occasion (a :class:`~.pages.TakesBookings` page) in it."""
    event = ical.Event(
        uid=page.occasion_uid(hostname),
        summary=page.title,
        start=page.occasion_starts(),
        end=page.occasion_ends(),
        stamp=timezone.now(),
        location=page.occasion_location(),
        url=page.get_full_url() or "",
    )
    return ical.calendar([event])
