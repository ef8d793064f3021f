"""Bookings in the personal-data hooks: export and erasure by email address.

Erasure pseudonymises: the booking stays (its page's numbers and attendance stay whole),
its name becomes "(erased)" and its address, account and person go. A place the person
still held for something they had not attended yet is cancelled, and the first person
waiting gets it (and is told).
"""

from coproduction.models import Booking, normalise_email

from .booking import cancel

ERASED = "(erased)"


def _bookings(email):
    address = normalise_email(email)
    return Booking.objects.filter(email=address).select_related("page") if address else None


def export(email):
    """The bookings made with ``email``, oldest first (empty when there are none)."""
    bookings = _bookings(email)
    if bookings is None:
        return []
    return [
        {
            "event_or_assembly": booking.page.title,
            "name": booking.name,
            "email": booking.email,
            "language": booking.language,
            "format": booking.format,
            "status": booking.status,
            "booked_at": booking.created_at.isoformat(),
            "waiting_list_position": booking.waitlist_position,
            "cancelled_at": booking.cancelled_at.isoformat() if booking.cancelled_at else None,
            "attended_at": booking.attended_at.isoformat() if booking.attended_at else None,
            "reminder_sent_at": (
                booking.reminder_sent_at.isoformat() if booking.reminder_sent_at else None
            ),
        }
        for booking in bookings.order_by("created_at", "pk")
    ]


def erase(email):
    """Pseudonymise the bookings made with ``email``; return how many."""
    bookings = _bookings(email)
    if bookings is None:
        return 0
    erased = 0
    for booking in list(bookings):
        Booking.objects.filter(pk=booking.pk).update(name=ERASED, email="", user=None, person=None)
        booking.email = ""
        if booking.is_active and booking.attended_at is None:
            cancel(booking)
        erased += 1
    return erased
