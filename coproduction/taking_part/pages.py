"""What a page type needs to take bookings: :class:`TakesBookings`, mixed into its model.

The core's :class:`~coproduction.models.AssemblyPage` and the events plugin's ``EventPage``
use it; each says how many places it has, when it happens and where people sign up.
"""

import datetime

from django.utils import timezone

from coproduction.models.taking_part import BookingMode


class TakesBookings:
    """A page people can book a place on. The model defines a ``booking_mode`` field.

    Subclasses set :attr:`starts_field` (the model field the reminders query filters on) and
    may override :meth:`booking_capacity`, :meth:`occasion_starts`, :meth:`occasion_ends`,
    :meth:`occasion_location` and :meth:`sign_up_url_name`.
    """

    #: The model field holding when the occasion starts (a date or a date-time).
    starts_field = "start"
    #: The URL name of the public sign-up view for this page type (takes the page's ``pk``).
    sign_up_url_name = ""

    #: The modes in which bookings are kept here: sign-up on the site, or places given by
    #: invitation or an assembly's draw (``book_panel``).
    KEEPS_BOOKINGS = (BookingMode.HERE, BookingMode.INVITATION)

    def booking_capacity(self):
        """How many confirmed places there are; ``None`` for no limit."""
        return None

    @property
    def takes_bookings_here(self):
        """Whether people sign up on this site (the form, places and a waiting list)."""
        return self.booking_mode == BookingMode.HERE

    @property
    def keeps_bookings(self):
        """Whether bookings are kept here (a register, reminders and a waiting list)."""
        return self.booking_mode in self.KEEPS_BOOKINGS

    def occasion_starts(self):
        """When it starts, as an aware date-time."""
        value = getattr(self, self.starts_field)
        if isinstance(value, datetime.datetime):
            return value
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(9, 0)))

    def occasion_ends(self):
        """When it ends, as an aware date-time (by default two hours after it starts)."""
        return self.occasion_starts() + datetime.timedelta(hours=2)

    def occasion_location(self):
        """Where it happens, in one line."""
        parts = [getattr(self, "venue_name", ""), getattr(self, "venue_address", "")]
        return ", ".join(" ".join(part.split()) for part in parts if part)

    def occasion_uid(self, hostname):
        """The occasion's stable iCalendar UID (the events feed uses the same for events)."""
        return f"{self._meta.model_name}-{self.pk}@{hostname}"

    def occasion_is_over(self):
        return self.occasion_ends() < timezone.now()
