"""The emails about a booking, written in the task queue in the person's language.

:func:`queue_booking_email` enqueues :func:`send_booking_email` once the booking's
transaction commits; the task renders the email and hands it to the outbox
(``chorus.mail``), so nothing is rendered or sent while a sign-up holds the page's lock.
Links start with the page's Site record (``chorus.common.site_urls``), never a Host header.

Kinds: ``confirmed`` (with links to the ticket page, which shows the QR code for the door,
and to the .ics file, and the cancel link), ``waitlisted``, ``promoted`` (a place came free:
the ticket, the .ics file, a new cancel link), ``cancelled`` and ``reminder``. The outbox
carries no attachments, so the QR code and the calendar file are links.
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from chorus.common.site_urls import site_url
from coproduction.models.taking_part import Booking

KINDS = ("confirmed", "waitlisted", "promoted", "cancelled", "reminder")
#: The kinds that link to the ticket (QR code) and the .ics file.
WITH_TICKET = ("confirmed", "promoted", "reminder")


def queue_booking_email(booking, kind, token=None):
    """Email ``booking``'s person about ``kind`` once the current transaction commits."""
    if not booking.email:
        return
    booking_id = booking.pk
    transaction.on_commit(
        lambda: send_booking_email.enqueue(booking_id, kind, token or ""), robust=True
    )


def _subject(kind, title):
    subjects = {
        "confirmed": _("Your place is booked: %(title)s"),
        "waitlisted": _("You are on the waiting list: %(title)s"),
        "promoted": _("A place is now yours: %(title)s"),
        "cancelled": _("Your booking is cancelled: %(title)s"),
        "reminder": _("Reminder: %(title)s is coming up"),
    }
    return subjects[kind] % {"title": title}


def render_booking_email(booking, kind, token=""):
    """Return the :class:`EmailMessage` for ``kind``, in the person's language."""
    page = booking.page.specific
    site = page.get_site()
    with translation.override(booking.language):
        context = {
            "booking": booking,
            "kind": kind,
            "page": page,
            "page_url": page.get_full_url() or "",
            "site_name": (site.site_name or site.hostname) if site else "",
            "cancel_url": (
                site_url(site, reverse("taking_part:cancel", args=[token]))
                if token and site
                else ""
            ),
            "position": waitlist_place(booking),
            "ticket_url": _link(site, "taking_part:ticket", booking) if kind in WITH_TICKET else "",
            "calendar_url": (
                _link(site, "taking_part:ticket_calendar", booking) if kind in WITH_TICKET else ""
            ),
            "starts": page.occasion_starts(),
            "location": page.occasion_location(),
            "easy_read": booking.format == "easy_read",
        }
        subject = _subject(kind, page.title)
        body = render_to_string("coproduction/taking_part/email/booking.txt", context)
    return EmailMessage(subject, body, None, [booking.email])


def _link(site, name, booking):
    return site_url(site, reverse(name, args=[booking.check_in_code])) if site else ""


def waitlist_place(booking):
    """Where the booking is on the waiting list now (1 = next), or ``None``."""
    if booking.status != Booking.Status.WAITLISTED:
        return None
    return (
        Booking.objects.filter(
            page_id=booking.page_id,
            status=Booking.Status.WAITLISTED,
            waitlist_position__lt=booking.waitlist_position,
        ).count()
        + 1
    )


@task()
def send_booking_email(booking_id, kind, token=""):
    """Render and queue the ``kind`` email for booking ``booking_id`` (if it still exists)."""
    booking = Booking.objects.select_related("page").filter(pk=booking_id).first()
    if booking is None or not booking.email or kind not in KINDS:
        return False
    render_booking_email(booking, kind, token).send()
    return True
