"""Giving out places: book, cancel and promote, and record who came.

Every change to a page's places happens inside ``transaction.atomic()`` with the page's row
locked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's IMMEDIATE transactions serialise
writers anyway), so simultaneous sign-ups never give more places than there are, and the
waiting list is numbered 1, 2, 3 … in the order people joined it. Emails are queued once
the transaction commits (``coproduction.taking_part.emails``).

The API other code calls (the assembly draw among them)::

    booking = book(page, name="Amina Begum", email="amina@example.org")
    booking.status                 # "confirmed" or "waitlisted"
    confirmed, reserves = book_panel(page, selected=[person, ...], reserves=[person, ...])
    promoted = cancel(booking)     # the first person waiting gets the place, or None
    newly, at = mark_attended(booking, by=request.user, method=Booking.CheckIn.SCAN)
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from chorus.plugins import hooks_for_site
from coproduction.models import Person, normalise_email
from coproduction.models.taking_part import Booking
from partnerships.models import PartnershipHomePage

logger = logging.getLogger(__name__)

Status = Booking.Status


class AlreadyBooked(Exception):
    """The address already has a place (or a place on the waiting list) for this page."""

    def __init__(self, booking):
        super().__init__(
            f"{booking.email} already has an active booking for page {booking.page_id}"
        )
        self.booking = booking


def _lock(page):
    """Lock ``page``'s row until the transaction ends: one booking change per page at a time."""
    list(Page.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True))


def _confirmed_count(page):
    return Booking.objects.filter(page_id=page.pk, status=Status.CONFIRMED).count()


def _next_waitlist_position(page):
    last = Booking.objects.filter(page_id=page.pk, status=Status.WAITLISTED).aggregate(
        last=Max("waitlist_position")
    )["last"]
    return (last or 0) + 1


def _has_room(page):
    capacity = page.booking_capacity()
    return capacity is None or _confirmed_count(page) < capacity


def _queue_email(booking, kind, token=None):
    from .emails import queue_booking_email

    queue_booking_email(booking, kind, token)


def _find_person(email):
    return (
        Person.objects.filter(email=email, status=Person.Status.ACTIVE).first() if email else None
    )


def book(
    page,
    *,
    name="",
    email="",
    person=None,
    user=None,
    language=None,
    format=None,
    status=None,
    support_request=None,
    hear_back=False,
    notify=True,
):
    """Book ``name``/``email`` (or ``person``) a place on ``page`` and return the booking.

    ``page`` is the specific page (it has ``booking_capacity()``). The booking is confirmed
    while there are places and waitlisted after that, unless ``status`` says which:
    ``Booking.Status.CONFIRMED`` gives a place even past the capacity (a drawn panel, say),
    ``Booking.Status.WAITLISTED`` puts the person at the end of the waiting list. The person
    on the register with the address is linked, and so is their account (or ``user``); name,
    language and format default to theirs. ``hear_back`` records that they asked to be told
    what comes of it ("You said, we did"). With ``notify`` the person is emailed once the
    transaction commits. Raises :class:`AlreadyBooked` when the address has an active
    booking. The returned booking carries its cancel link's token as ``cancel_token`` (only
    its hash is stored).
    """
    email = normalise_email(email or (person.email if person else ""))
    if person is None:
        person = _find_person(email)
    if person is not None:
        name = name or person.name
        language = language or person.language
        format = person.format if format is None else format
        user = user or person.user
    booking = Booking(
        page_id=page.pk,
        person=person,
        user=user,
        name=(name or "").strip(),
        email=email,
        language=language or translation.get_language() or "en-gb",
        format=format or "",
        hear_back=hear_back,
        support_request=support_request,
    )
    token = booking.new_cancel_token()
    with transaction.atomic():
        _lock(page)
        if email:
            existing = Booking.objects.filter(page_id=page.pk, email=email).exclude(
                status=Status.CANCELLED
            )
            if existing.exists():
                raise AlreadyBooked(existing.first())
        if status is None:
            status = Status.CONFIRMED if _has_room(page) else Status.WAITLISTED
        booking.status = status
        # Stamped while the page is locked, so bookings' times follow the waiting list's order.
        booking.created_at = timezone.now()
        if status == Status.CONFIRMED:
            booking.confirmed_at = booking.created_at
        else:
            booking.waitlist_position = _next_waitlist_position(page)
        try:
            with transaction.atomic():
                booking.save()
        except IntegrityError:
            # Only an address booked by another transaction since the check (not possible
            # while the page is locked, but the constraint is the last word).
            existing = Booking.objects.filter(page_id=page.pk, email=email).exclude(
                status=Status.CANCELLED
            )
            if email and existing.exists():
                raise AlreadyBooked(existing.first()) from None
            raise
        if notify:
            _queue_email(booking, status, token)
    booking.cancel_token = token
    return booking


def book_panel(page, *, selected, reserves=(), notify=True):
    """Give each person in ``selected`` a confirmed place and put ``reserves`` on the waiting
    list in the order given; return ``(confirmed, waitlisted)`` lists of bookings.

    For an assembly's draw: ``selected`` and ``reserves`` are :class:`~coproduction.models.Person`
    rows. All or nothing, in one transaction. A person who already has an active booking
    keeps it; if they are selected and were waiting, they are moved up to a place.
    """
    confirmed, waitlisted = [], []
    with transaction.atomic():
        _lock(page)
        for person in selected:
            existing = _active_for(page, person)
            if existing is None:
                confirmed.append(book(page, person=person, status=Status.CONFIRMED, notify=notify))
            else:
                if existing.status == Status.WAITLISTED:
                    _promote(existing, notify=notify)
                confirmed.append(existing)
        for person in reserves:
            existing = _active_for(page, person)
            if existing is None:
                existing = book(page, person=person, status=Status.WAITLISTED, notify=notify)
            waitlisted.append(existing)
    return confirmed, waitlisted


def _active_for(page, person):
    email = normalise_email(person.email)
    found = Booking.objects.filter(page_id=page.pk).exclude(status=Status.CANCELLED)
    if email:
        return found.filter(email=email).first()
    return found.filter(person=person).first()


def _promote(booking, *, notify):
    booking.status = Status.CONFIRMED
    booking.waitlist_position = None
    booking.confirmed_at = timezone.now()
    token = booking.new_cancel_token()
    booking.save(update_fields=["status", "waitlist_position", "confirmed_at", "cancel_token_hash"])
    if notify:
        _queue_email(booking, "promoted", token)
    return booking


def fill_places(page, *, notify=True):
    """Promote people from the waiting list, first first, while places are free; return them.

    Called after a cancellation, and after an editor raises the number of places.
    """
    promoted = []
    with transaction.atomic():
        _lock(page)
        waiting = Booking.objects.filter(page_id=page.pk, status=Status.WAITLISTED).order_by(
            "waitlist_position"
        )
        for booking in waiting:
            if not _has_room(page):
                break
            promoted.append(_promote(booking, notify=notify))
    return promoted


def give_out_new_places(sender, instance, **kwargs):
    """``page_published`` receiver: when a page taking bookings is published (with more places,
    say), the first people waiting get the free places."""
    specific = instance.specific
    if getattr(specific, "keeps_bookings", False):
        fill_places(specific)


def cancel(booking, *, notify=True):
    """Cancel ``booking``; if it held a place, give it to the first person waiting.

    Returns the promoted booking, or ``None``. Cancelling a cancelled booking does nothing.
    Safe under concurrency: the page is locked, so a place is never given twice.
    """
    page = booking.page.specific
    with transaction.atomic():
        _lock(page)
        current = Booking.objects.select_for_update().get(pk=booking.pk)
        if current.status == Status.CANCELLED:
            return None
        held_place = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.waitlist_position = None
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "waitlist_position", "cancelled_at"])
        booking.status, booking.cancelled_at = current.status, current.cancelled_at
        booking.waitlist_position = None
        if notify:
            _queue_email(current, "cancelled")
        promoted = fill_places(page, notify=notify) if held_place else []
    return promoted[0] if promoted else None


def describe_occasion(page):
    """ "<title>, <date>" in the active language, as credits and emails name an occasion."""
    when = timezone.localtime(page.occasion_starts())
    return f"{page.title}, {formats.date_format(when, 'j F Y')}"


def mark_attended(booking, *, by=None, method=Booking.CheckIn.TICK):
    """Record that ``booking``'s person came; return ``(newly, attended_at)``.

    Idempotent: only the first call sets ``attended_at`` (a conditional update), so a
    second scan, or a scan and a tick, record one attendance. The first call, once committed,
    tells the plugins on the page's site (``chorus_on_participation``) when the person has an
    account, with a key unique to the person and the occasion, so time credits are earned
    once. A cancelled booking cannot be marked: ``ValueError``.
    """
    if booking.status == Status.CANCELLED:
        raise ValueError("A cancelled booking cannot be marked as attended.")
    now = timezone.now()
    with transaction.atomic():
        newly = bool(
            Booking.objects.filter(pk=booking.pk, attended_at__isnull=True)
            .exclude(status=Status.CANCELLED)
            .update(attended_at=now, check_in_method=method, checked_in_by=by)
        )
        booking.refresh_from_db(fields=["attended_at", "check_in_method", "checked_in_by"])
        if newly:
            transaction.on_commit(lambda: participated(booking), robust=True)
    return newly, booking.attended_at


def clear_attendance(booking):
    """Undo a tick made by mistake (credits already earned stay: they are a ledger)."""
    Booking.objects.filter(pk=booking.pk).update(
        attended_at=None, check_in_method="", checked_in_by=None
    )


def account_of(booking):
    """The account that takes part: the booking's, else its register person's."""
    if booking.user_id:
        return booking.user
    if booking.person_id and booking.person.user_id:
        return booking.person.user
    return None


def participation_site(page, booking):
    """The site whose plugins hear that ``booking``'s person came to ``page``.

    The page's own site when it is a place's (a partnership's). An occasion on the network's
    site serves every place, so it is reported to the site of the person's home place, where
    their local schemes are (Medway's time credits for a Medway resident at the network's
    health assembly), or to the network's site when that is not known. Either way one site,
    so a person is credited once per occasion.
    """
    site = page.get_site()
    if site is None or PartnershipHomePage.objects.filter(pk=site.root_page_id).exists():
        return site
    person = booking.person
    if person is not None and person.home_place_id:
        home = Site.objects.filter(root_page_id=person.home_place_id).first()
        if home is not None:
            return home
    return site


def participated(booking):
    """Tell the plugins on the participation's site (:func:`participation_site`) that
    ``booking``'s person took part."""
    user = account_of(booking)
    if user is None:
        return
    page = booking.page.specific
    site = participation_site(page, booking)
    if site is None:
        return
    with translation.override(booking.language):
        description = _("Attended %(occasion)s") % {"occasion": describe_occasion(page)}
    try:
        hooks_for_site(site).chorus_on_participation(
            site=site,
            user=user,
            description=description,
            key=f"taking-part:page-{page.pk}:user-{user.pk}",
        )
    except Exception:
        logger.exception("A chorus_on_participation hook failed for booking %s", booking.pk)
