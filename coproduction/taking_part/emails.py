"""The emails about a booking, written in the task queue in the person's language.

:func:`queue_booking_email` enqueues :func:`send_booking_email` once the booking's
transaction commits; the task renders the email and hands it to the outbox
(``chorus.mail``), so nothing is rendered or sent while a sign-up holds the page's lock.
Links start with the page's Site record (``chorus.common.site_urls``), never a Host header.

Kinds: ``confirmed`` (with the .ics file, the QR code for the door and the cancel link),
``waitlisted``, ``promoted`` (a place came free: .ics, QR code, a new cancel link),
``cancelled`` and ``reminder``.
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

from .calendar import occasion_calendar
from .qr import qr_png

KINDS = ("confirmed", "waitlisted", "promoted", "cancelled", "reminder")
#: The kinds that come with the .ics file and the QR code.
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
            "starts": page.occasion_starts(),
            "location": page.occasion_location(),
            "easy_read": booking.format == "easy_read",
        }
        subject = _subject(kind, page.title)
        body = render_to_string("coproduction/taking_part/email/booking.txt", context)
    message = EmailMessage(subject, body, None, [booking.email])
    if kind in WITH_TICKET and site is not None:
        message.attach(
            f"{page.slug}.ics",
            occasion_calendar(page, hostname=site.hostname),
            "text/calendar; charset=utf-8",
        )
        message.attach(f"check-in-{booking.check_in_code}.png", qr_png(booking), "image/png")
    return message


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
