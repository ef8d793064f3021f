"""Taking part: places booked on an event or an assembly, the waiting list, and attendance.

A page that takes bookings here (an assembly open for sign-up, an event booked on this site)
gets one :class:`Booking` per person who signs up. The rules that give out places live in
``coproduction.taking_part.booking``; this module only holds the rows and the constraints
that keep them honest under concurrency:

* one active (not cancelled) booking per email address per page;
* one waiting-list position per page, never two people on the same one;
* one check-in code per booking, random, which is what the QR code at the door carries.

The link to cancel is stored hashed (like the register's sign-up links), so a copy of the
database cannot be used to cancel anyone's place.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.support.needs import Format

from .signup import hash_token

#: Check-in codes use letters and digits that cannot be misread for each other when typed.
CHECK_IN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CHECK_IN_LENGTH = 10


def new_check_in_code():
    """A random code for the door (about 50 bits): it says nothing about the person."""
    return "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(CHECK_IN_LENGTH))


class BookingMode(models.TextChoices):
    """How people get a place on a page's event or assembly."""

    HERE = "here", _("Here on this site (sign-up form, places and a waiting list)")
    LINK = "link", _("Through an external booking link")
    NONE = "none", _("No booking needed")
    INVITATION = "invitation", _("By invitation or draw only (no public sign-up)")


class Booking(models.Model):
    """One person's place (or place on the waiting list) at an event or assembly.

    Staff see them on the page's attendance register in the admin; people change them only
    through the link in their emails.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class CheckIn(models.TextChoices):
        SCAN = "scan", _("QR code scanned")
        CODE = "code", _("Code typed in")
        TICK = "tick", _("Ticked on the list")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event or assembly"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    person = models.ForeignKey(
        "coproduction.Person",
        verbose_name=_("person on the register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    name = models.CharField(_("name"), max_length=200)
    #: Normalised (lower case): one active booking per address per page.
    email = models.EmailField(_("email address"), max_length=254, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en-gb"
    )
    format = models.CharField(_("format"), max_length=20, blank=True, choices=Format.choices)
    #: They asked to be told what comes of it ("You said, we did"), once they have attended.
    hear_back = models.BooleanField(_("wants to hear what comes of it"), default=False)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    created_at = models.DateTimeField(_("booked"), default=timezone.now)
    #: Order on the waiting list (1 first); blank once confirmed or cancelled.
    waitlist_position = models.PositiveIntegerField(
        _("waiting list position"), null=True, blank=True
    )
    confirmed_at = models.DateTimeField(_("place confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    #: The help request made with the booking (access or interpreter needs), if any.
    support_request = models.ForeignKey(
        "support.SupportRequest",
        verbose_name=_("help request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    cancel_token_hash = models.CharField(max_length=64, unique=True)
    check_in_code = models.CharField(
        _("check-in code"), max_length=16, unique=True, default=new_check_in_code
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)
    check_in_method = models.CharField(
        _("checked in by"), max_length=10, blank=True, choices=CheckIn.choices
    )
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["page", "status", "waitlist_position", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "email"],
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="one_active_booking_per_email_per_page",
            ),
            models.UniqueConstraint(
                fields=["page", "waitlist_position"],
                condition=Q(status="waitlisted"),
                name="one_booking_per_waitlist_position",
            ),
            models.CheckConstraint(
                condition=Q(status="waitlisted", waitlist_position__isnull=False)
                | (~Q(status="waitlisted") & Q(waitlist_position__isnull=True)),
                name="waitlisted_bookings_and_only_they_have_a_position",
            ),
        ]
        indexes = [models.Index(fields=["page", "status"]), models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    def new_cancel_token(self):
        """Give the booking a fresh cancel link (the one in earlier emails stops working)."""
        token = secrets.token_urlsafe(32)
        self.cancel_token_hash = hash_token(token)
        return token

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED
