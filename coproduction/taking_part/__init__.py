"""Taking part: sign-up with places and a waiting list, cancelling, reminders and attendance.

Used by the core's assembly pages and by the events plugin's event pages (any page type
with :class:`~coproduction.taking_part.pages.TakesBookings`). The Python API other code calls
(the assembly draw, say) is in :mod:`coproduction.taking_part.booking`: ``book``,
``book_panel``, ``cancel``, ``fill_places`` and ``mark_attended``. See docs/taking-part.md.
"""
