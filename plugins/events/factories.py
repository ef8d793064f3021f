"""factory-boy factories for events pages, shared by the tests and ``seed_demo``.

Pages are created in the tree: pass ``parent`` (a page instance) and the factory calls
``parent.add_child(instance=...)``, so Wagtail validates and places them as an editor would.
A page whose slug already exists under ``parent`` is returned as it is (see
``chorus.common.factories.PageFactory``), so ``seed_demo`` can run twice::

    index = EventIndexPageFactory(parent=medway_home)
    EventPageFactory(parent=index, title="Roadshow at Hempstead Valley")
"""

import datetime

import factory
from django.utils import timezone

from chorus.common.factories import PageFactory

from .models import EventIndexPage, EventPage


def _next_week_at_ten():
    """Ten o'clock local time a week from now: a plausible, always-upcoming start."""
    local = timezone.localtime() + datetime.timedelta(days=7)
    return local.replace(hour=10, minute=0, second=0, microsecond=0)


class EventIndexPageFactory(PageFactory):
    """An events index ("Events") under a partnership or network home."""

    class Meta:
        model = EventIndexPage

    title = "Events"
    intro = (
        "<p>Come and talk to us about your health and care services: roadshow stops, "
        "focus groups, workshops and drop-ins across the area.</p>"
    )


class EventPageFactory(PageFactory):
    """A roadshow stop at a shopping centre next week, two hours long."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Involving Medway roadshow, stop {n + 1}")
    kind = EventPage.Kind.ROADSHOW_STOP
    description = (
        "<p>Our roadshow stops at the Pentagon Shopping Centre. Tell us what works in your "
        "GP surgery, pharmacy or hospital, and what should change.</p>"
    )
    start = factory.LazyFunction(_next_week_at_ten)
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))
    venue_name = "Pentagon Shopping Centre"
    venue_address = "Chatham\nME4 4HP"
    audience = "Anyone who lives or works in Medway or Swale"
    accessibility = "Step-free access from the bus station. Accessible toilets on the ground floor."
