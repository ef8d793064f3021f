"""The events demo: roadshow stops, focus groups and workshops across Kent and Medway.

Events is on for the network and the four place partnerships, each with an events index in
its menu; the Sharing Care co-op has not switched it on, so the demo shows a site without
the plugin. The events are the seeds' own kinds of engagement (the roving roadshow, focus
groups, the community researchers' training), dated from today so that most are upcoming.

A few events are booked on the site (``coproduction.taking_part``) by people on the demo's
involvement register: Medway's volunteer meet-up is full with three people on the waiting
list, and its past training day has an attendance register.

Idempotent: indexes and events are found by slug under their parent, bookings by address.
"""

import datetime

from django.utils import timezone

from coproduction.models import Booking, BookingMode, Person
from coproduction.taking_part.booking import AlreadyBooked, book, mark_attended

from .factories import EventIndexPageFactory, EventPageFactory

NETWORK = "localhost"
HOSTING_PARTNER = "NHS Kent and Medway"
ACCESSIBILITY = "Step-free access. Tell us about any adjustments you need."

# Events per site: (title, kind, days from today, start hour, hours, venue, address, audience)
EVENTS = {
    "medway-swale.localhost": [
        (
            "Roadshow at Hempstead Valley Shopping Centre",
            "roadshow_stop",
            6,
            10,
            4,
            "Hempstead Valley Shopping Centre",
            "Hempstead Valley Drive\nGillingham\nME7 3PD",
            "Everyone",
        ),
        (
            "Medway Time Credits volunteer meet-up",
            "drop_in",
            13,
            14,
            2,
            "Chatham Library",
            "Gun Wharf, Dock Road\nChatham\nME4 4TX",
            "Volunteers and community groups",
        ),
        (
            "Community researchers' training day",
            "workshop",
            -20,
            10,
            5,
            "Arches Local hub",
            "Luton Road\nChatham",
            "Volunteer community health researchers",
        ),
    ],
    "west-kent.localhost": [
        (
            "Focus group: young people's mental health",
            "focus_group",
            9,
            16,
            2,
            "Maidstone Youth Hub",
            "Maidstone",
            "Young people aged 14 to 25",
        ),
    ],
    "east-kent.localhost": [
        (
            "Roadshow at Westwood Cross",
            "roadshow_stop",
            4,
            10,
            5,
            "Westwood Cross shopping centre",
            "Margate Road\nBroadstairs\nCT10 2BF",
            "Everyone",
        ),
        (
            "Roadshow visits Romney Marsh villages",
            "roadshow_stop",
            18,
            11,
            4,
            "Village halls across Romney Marsh",
            "Romney Marsh",
            "Rural residents",
        ),
    ],
    "dgs.localhost": [
        (
            "Roadshow at Darent Valley Hospital",
            "roadshow_stop",
            11,
            9,
            6,
            "Darent Valley Hospital main entrance",
            "Darenth Wood Road\nDartford\nDA2 8DA",
            "Patients, visitors and staff",
        ),
    ],
}


#: Events booked here: title -> (places, people on the register who booked, how many came).
#: The meet-up is full with three waiting; the training day is over, and most came.
BOOKED_HERE = {
    "Medway Time Credits volunteer meet-up": (12, 15, 0),
    "Community researchers' training day": (16, 14, 11),
    "Focus group: young people's mental health": (10, 4, 0),
}

#: Where events is switched on: the network and every place partnership, not Sharing Care.
HOSTNAMES = (NETWORK, *EVENTS)


def build(context):
    """Add an events index to every site with events on, the demo events and their bookings."""
    today = timezone.localdate()
    lines = []
    EventIndexPageFactory(parent=context.network.root_page, slug="events", show_in_menus=True)
    for hostname, events in EVENTS.items():
        index = EventIndexPageFactory(
            parent=context.sites[hostname].root_page, slug="events", show_in_menus=True
        )
        for title, kind, days, hour, hours, venue, address, audience in events:
            start = timezone.make_aware(
                datetime.datetime.combine(
                    today + datetime.timedelta(days=days), datetime.time(hour)
                )
            )
            event = EventPageFactory(
                parent=index,
                title=title,
                kind=kind,
                start=start,
                end=start + datetime.timedelta(hours=hours),
                venue_name=venue,
                venue_address=address,
                audience=audience,
                accessibility=ACCESSIBILITY,
                hosting_partner=context.organisations[HOSTING_PARTNER],
            )
            if title in BOOKED_HERE:
                lines.append(book_demo_event(event, *BOOKED_HERE[title], context=context))
    return lines


def book_demo_event(event, places, booked, came, *, context):
    """Take bookings for ``event`` here with ``places``, booked by ``booked`` register people
    of its place (in the order they joined) of whom ``came`` attended; return a summary."""
    if event.booking_mode != BookingMode.HERE or event.capacity != places:
        event.booking_mode, event.capacity = BookingMode.HERE, places
        event.save_revision().publish()
    if not context.with_people:
        return f"Events: {event.title} is booked on the site (no people to book it)."
    home = event.get_parent().get_parent()
    people = Person.objects.filter(places=home, status=Person.Status.ACTIVE).exclude(email="")
    for person in people.order_by("pk")[:booked]:
        try:
            booking = book(event, person=person, notify=False)
        except AlreadyBooked:
            continue
        if came and booking.status == Booking.Status.CONFIRMED:
            mark_attended(booking, method=Booking.CheckIn.TICK)
            came -= 1
    counts = {
        status: Booking.objects.filter(page=event, status=status).count()
        for status in (Booking.Status.CONFIRMED, Booking.Status.WAITLISTED)
    }
    return (
        f"Events: {event.title}: {counts['confirmed']} of {places} places taken, "
        f"{counts['waitlisted']} waiting."
    )
